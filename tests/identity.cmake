# SPDX-License-Identifier: GPL-3.0-or-later
foreach(test tst_auditchain tst_authorizer)
    vsc_add_test(NAME ${test}_sqlite TARGET ${test} SOURCES integration/${test}.cpp LIBS vsc_test_support
                 LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
    vsc_add_test(NAME ${test}_postgres TARGET ${test} LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
endforeach()
# Database roles are PostgreSQL's: no SQLite variant.
vsc_add_test(NAME tst_pgprovision_postgres TARGET tst_pgprovision SOURCES integration/tst_pgprovision.cpp
             LIBS vsc_test_support LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
