# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12: e-mailed reports. tst_smtp talks to the real SMTP server scripts/test.sh starts (tests/peers/smtp-peer.py).
vsc_add_test(NAME tst_smtp SOURCES integration/tst_smtp.cpp LIBS vsc_services LABELS "integration;smtp")
# The mail settings (password in the keychain only) and a test mail through the same server, on both backends.
vsc_add_test(NAME tst_mailsettings_sqlite TARGET tst_mailsettings SOURCES integration/tst_mailsettings.cpp
             LIBS vsc_test_support LABELS "integration;smtp" ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_mailsettings_postgres TARGET tst_mailsettings LABELS "integration;smtp;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# Campaign reports and daily summaries through the same server, once each, on both backends.
vsc_add_test(NAME tst_reportmailer_sqlite TARGET tst_reportmailer SOURCES integration/tst_reportmailer.cpp
             LIBS vsc_test_support LABELS "integration;smtp" ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_reportmailer_postgres TARGET tst_reportmailer LABELS "integration;smtp;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# Settings → E-mail in the window: inline problems, "Send test mail" to the server, the password in the keychain only.
vsc_add_test(NAME tst_mailsettingsdialog TARGET tst_mailsettingsdialog SOURCES gui/tst_mailsettingsdialog.cpp
             LIBS vsc_ui vsc_test_support LABELS "gui;smtp" ENV "VSC_TEST_BACKEND=sqlite")
# A campaign's report recipients and daily-summary flag: storage (both backends), JSON, validation.
vsc_add_test(NAME tst_campaignreports_sqlite TARGET tst_campaignreports SOURCES integration/tst_campaignreports.cpp
             LIBS vsc_test_support LABELS integration ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_campaignreports_postgres TARGET tst_campaignreports LABELS "integration;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# `mail test --to` as a user runs it, on both backends.
vsc_add_test(NAME tst_mailcli_sqlite TARGET tst_mailcli SOURCES integration/tst_mailcli.cpp LIBS vsc_test_support
             LABELS "integration;smtp" ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_mailcli_postgres TARGET tst_mailcli LABELS "integration;smtp;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
add_dependencies(tst_mailcli voicesurvey-console)
# They all count what arrives in the one Maildir: never two at once (ctest -j).
set_tests_properties(tst_smtp tst_mailsettings_sqlite tst_mailsettings_postgres tst_reportmailer_sqlite
                     tst_reportmailer_postgres tst_mailsettingsdialog tst_mailcli_sqlite tst_mailcli_postgres
                     PROPERTIES RESOURCE_LOCK smtp_maildir)
