# SPDX-License-Identifier: GPL-3.0-or-later
vsc_add_test(NAME tst_passwords SOURCES unit/tst_passwords.cpp LIBS vsc_services LABELS unit)
