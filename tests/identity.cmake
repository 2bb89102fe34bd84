# SPDX-License-Identifier: GPL-3.0-or-later
foreach(test tst_auditchain tst_authorizer)
    vsc_add_test(NAME ${test}_sqlite TARGET ${test} SOURCES integration/${test}.cpp LIBS vsc_test_support
                 LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
    vsc_add_test(NAME ${test}_postgres TARGET ${test} LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
endforeach()
vsc_add_test(NAME tst_permissions_sqlite TARGET tst_permissions SOURCES integration/tst_permissions.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_permissions_postgres TARGET tst_permissions LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# Secrets stay in the secret store: a whole session, then every file, output and the database searched.
vsc_add_test(NAME tst_nosecrets_postgres TARGET tst_nosecrets SOURCES integration/tst_nosecrets.cpp
             LIBS vsc_test_support Qt6::Network LABELS "integration;postgres;oidc;twilio"
             ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_nosecrets voicesurvey-console)
set_tests_properties(tst_nosecrets_postgres PROPERTIES RESOURCE_LOCK oidc_provider)
# Database roles are PostgreSQL's: no SQLite variant.
vsc_add_test(NAME tst_pgprovision_postgres TARGET tst_pgprovision SOURCES integration/tst_pgprovision.cpp
             LIBS vsc_test_support LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
