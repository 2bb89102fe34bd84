# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 12: e-mailed reports. tst_smtp talks to the real SMTP server scripts/test.sh starts (tests/peers/smtp-peer.py).
vsc_add_test(NAME tst_smtp SOURCES integration/tst_smtp.cpp LIBS vsc_services LABELS "integration;smtp")
