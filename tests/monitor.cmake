# SPDX-License-Identifier: GPL-3.0-or-later
# The Live Monitor (issue 12): GUI flows on both backends.
vsc_add_test(NAME tst_livemonitor_sqlite TARGET tst_livemonitor SOURCES gui/tst_livemonitor.cpp
             LIBS vsc_ui vsc_test_support LABELS gui ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_livemonitor_postgres TARGET tst_livemonitor LABELS "gui;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# A supervisor's hang-up of a Twilio call against Prism (Twilio's OpenAPI spec), on both backends.
vsc_add_test(NAME tst_hangup_twilio_sqlite TARGET tst_hangup_twilio SOURCES integration/tst_hangup_twilio.cpp
             LIBS vsc_test_support Qt6::Network LABELS "integration;twilio" ENV "VSC_TEST_BACKEND=sqlite")
vsc_add_test(NAME tst_hangup_twilio_postgres TARGET tst_hangup_twilio LABELS "integration;twilio;postgres"
             ENV "VSC_TEST_BACKEND=postgres")
# Percentages in the user's locale (the Live Monitor's confidences).
vsc_add_test(NAME tst_numberformat SOURCES unit/tst_numberformat.cpp LIBS vsc_ui LABELS unit)
