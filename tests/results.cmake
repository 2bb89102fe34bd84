# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 11: the do-not-call list and results exports, on both backends.
find_library(VSC_READSTAT_LIBRARY readstat REQUIRED) # the .sav round trip reads with ReadStat's own parser
foreach(test tst_suppression tst_resultsexport)
    vsc_add_test(NAME ${test}_sqlite TARGET ${test} SOURCES integration/${test}.cpp LIBS vsc_test_support
                 LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
    vsc_add_test(NAME ${test}_postgres TARGET ${test} LABELS "integration;postgres" ENV "VSC_TEST_BACKEND=postgres")
endforeach()
target_link_libraries(tst_resultsexport PRIVATE ${VSC_READSTAT_LIBRARY})
vsc_add_test(NAME tst_resultspane_sqlite TARGET tst_resultspane SOURCES gui/tst_resultspane.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_resultspane_postgres TARGET tst_resultspane LABELS "gui;postgres" ENV "VSC_TEST_BACKEND=postgres")
# The commands, run as a user runs them.
vsc_add_test(NAME tst_resultscli_sqlite TARGET tst_resultscli SOURCES integration/tst_resultscli.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_resultscli_postgres TARGET tst_resultscli LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_resultscli voicesurvey-console)
vsc_add_test(NAME tst_optoutevent TARGET tst_optoutevent SOURCES integration/tst_optoutevent.cpp
             LIBS vsc_app vsc_test_support LABELS integration)
