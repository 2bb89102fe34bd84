# SPDX-License-Identifier: GPL-3.0-or-later
vsc_add_test(NAME tst_passwords SOURCES unit/tst_passwords.cpp LIBS vsc_services LABELS unit)
vsc_add_test(NAME tst_localaccounts_sqlite TARGET tst_localaccounts SOURCES integration/tst_localaccounts.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_localaccounts_postgres TARGET tst_localaccounts LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# The `users` and `roles` commands through the real binary (VSC_APP_BINARY in testconfig.h).
vsc_add_test(NAME tst_usercli_sqlite TARGET tst_usercli SOURCES integration/tst_usercli.cpp LIBS vsc_test_support
             Qt6::Sql LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_usercli_postgres TARGET tst_usercli LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_usercli voicesurvey-console)
