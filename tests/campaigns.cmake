# SPDX-License-Identifier: GPL-3.0-or-later
# The campaign editor (issue 11): the service with its validation, audit, duplicate, archive and compliance preview,
# the answering-machine handling, the `campaign` commands, and the editor dialog driven with QTest events.
vsc_add_test(NAME tst_campaignservice_sqlite TARGET tst_campaignservice SOURCES integration/tst_campaignservice.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_campaignservice_postgres TARGET tst_campaignservice LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
vsc_add_test(NAME tst_campaigncli_sqlite TARGET tst_campaigncli SOURCES integration/tst_campaigncli.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_campaigncli_postgres TARGET tst_campaigncli LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_campaigncli voicesurvey-console)
vsc_add_test(NAME tst_campaigneditor TARGET tst_campaigneditor SOURCES gui/tst_campaigneditor.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite;QT_QPA_PLATFORM=offscreen")
