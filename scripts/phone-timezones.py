#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes libphonenumber's phone-number-prefix -> time zones map as "prefix<TAB>zone,zone" lines.

The data is libphonenumber's own (what its Java PhoneNumberToTimeZonesMapper reads). Debian 12's C++ package does
not ship it; its Python package (python3-phonenumbers) does, so the build extracts it from there into a resource.
Usage: phone-timezones.py OUTPUT
"""
import sys

try:
    from phonenumbers.tzdata import TIMEZONE_DATA
except ImportError:
    sys.exit("phone-timezones.py: python3-phonenumbers is missing (apt install python3-phonenumbers)")

with open(sys.argv[1], "w", encoding="ascii") as out:
    for prefix in sorted(TIMEZONE_DATA):
        out.write(prefix + "\t" + ",".join(TIMEZONE_DATA[prefix]) + "\n")
