#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/vsc_*.ts from the sources (-no-obsolete: messages gone from the sources leave), then prints
# how many messages still need a translation. tests/i18n/check_translations.py runs it on a copy (TS_DIR=/tmp/x).
# Usage: scripts/update-translations.sh        (see README, "Translating")
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
TS_DIR=${TS_DIR:-translations}
sources=$(find app ui models services -name '*.cpp' -o -name '*.h' | sort)
# shellcheck disable=SC2086
"$LUPDATE" -silent -I . -no-obsolete -locations none $sources -ts "$TS_DIR/vsc_en.ts" "$TS_DIR/vsc_de.ts"
for ts in "$TS_DIR"/vsc_*.ts; do
    printf '%s: %s messages, %s unfinished\n' "$ts" "$(grep -c '<message' "$ts")" \
        "$(grep -c 'type="unfinished"' "$ts")"
done
