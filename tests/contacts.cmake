# SPDX-License-Identifier: GPL-3.0-or-later
# The contact import wizard, driven with QTest events (issue 11).
vsc_add_test(NAME tst_importwizard_sqlite TARGET tst_importwizard SOURCES gui/tst_importwizard.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_importwizard_postgres TARGET tst_importwizard LABELS "gui;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
