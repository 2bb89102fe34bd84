#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/vsc_*.ts from the sources (the same files and options as the CMake target
# update_translations), printing how many messages still need a translation. Usage: scripts/update-translations.sh
set -eu
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
sources=$(find app ui models services -name '*.cpp' -o -name '*.h' | sort)
# shellcheck disable=SC2086
"$LUPDATE" -silent -I . -no-obsolete -locations none $sources -ts translations/vsc_en.ts translations/vsc_de.ts
for ts in translations/vsc_*.ts; do
    printf '%s: %s messages, %s unfinished\n' "$ts" "$(grep -c '<message' "$ts")" \
        "$(grep -c 'type="unfinished"' "$ts")"
done
