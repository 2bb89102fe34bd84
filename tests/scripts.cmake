# SPDX-License-Identifier: GPL-3.0-or-later
# Survey scripts (issue 11): the editor and Try it (offscreen widgets), and `script import|export|list`.
vsc_add_test(NAME tst_scripteditor_sqlite TARGET tst_scripteditor SOURCES gui/tst_scripteditor.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_scripteditor_postgres TARGET tst_scripteditor LABELS "gui;postgres"
             ENV "VSC_TEST_BACKEND=postgres")

vsc_add_test(NAME tst_scriptcli_sqlite TARGET tst_scriptcli SOURCES integration/tst_scriptcli.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_scriptcli_postgres TARGET tst_scriptcli LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_scriptcli voicesurvey-console)

vsc_add_test(NAME tst_scriptservice_sqlite TARGET tst_scriptservice SOURCES integration/tst_scriptservice.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_scriptservice_postgres TARGET tst_scriptservice LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
