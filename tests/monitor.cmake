# SPDX-License-Identifier: GPL-3.0-or-later
# The Live Monitor (issue 12): GUI flows on both backends.
vsc_add_test(NAME tst_livemonitor_sqlite TARGET tst_livemonitor SOURCES gui/tst_livemonitor.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_livemonitor_postgres TARGET tst_livemonitor LABELS "gui;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
