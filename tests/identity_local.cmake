# SPDX-License-Identifier: GPL-3.0-or-later
vsc_add_test(NAME tst_passwords SOURCES unit/tst_passwords.cpp LIBS vsc_services LABELS unit)
vsc_add_test(NAME tst_localaccounts_sqlite TARGET tst_localaccounts SOURCES integration/tst_localaccounts.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_localaccounts_postgres TARGET tst_localaccounts LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
