# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12: the dashboard (AAPOR dispositions and rates, KPIs per selection).
vsc_add_test(NAME tst_aapor SOURCES unit/tst_aapor.cpp LIBS vsc_services LABELS unit)
vsc_add_test(NAME tst_dashboard_sqlite TARGET tst_dashboard SOURCES integration/tst_dashboard.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_dashboard_postgres TARGET tst_dashboard LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
vsc_add_test(NAME tst_dashboardpane_sqlite TARGET tst_dashboardpane SOURCES gui/tst_dashboardpane.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_dashboardpane_postgres TARGET tst_dashboardpane LABELS "gui;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
vsc_add_test(NAME tst_dashboardsummary_sqlite TARGET tst_dashboardsummary SOURCES integration/tst_dashboardsummary.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_dashboardsummary_postgres TARGET tst_dashboardsummary LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
