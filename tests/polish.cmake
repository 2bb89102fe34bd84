# SPDX-License-Identifier: GPL-3.0-or-later
# The console's finish (issue 12): icon set, dark palette, keyboard navigation and accessible names, empty states.
vsc_add_test(NAME tst_polish_sqlite TARGET tst_polish SOURCES gui/tst_polish.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_polish_postgres TARGET tst_polish LABELS "gui;postgres" ENV "VSC_TEST_BACKEND=postgres")
