#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Contact import into PostgreSQL against validation alone and against `psql \copy`, in one run on one file.
#
# usage: bench/bench_import.sh [BENCH_IMPORT] [ROWS]
#   BENCH_IMPORT  the bench_import program (default build/release/bench/bench_import; build it with
#                 `cmake --preset release && cmake --build --preset release --target bench_import`)
#   ROWS          contacts in the file (default 1000000)
# Uses the cluster in VSC_TEST_PG_URL (+ PGPASSWORD) when set, else starts a throwaway one with scripts/test.sh's
# functions (fsync=off, as the tests run it) and stops it at the end. Needs /usr/bin/time (package `time`).
#
# Measures, on the same generated file of distinct valid US numbers written "(312) 2NN-NNNN":
#   a. bench_import import: the whole import (stream, validate on every core, COPY) into a fresh database; wall
#      time, rows/s and peak resident memory (/usr/bin/time -v and getrusage agree);
#   b. bench_import validate: validation alone on every core (read, parse, validate, format, duplicates in the
#      file; nothing stored), rows/s;
#   c. psql \copy of the same file into a bare two-column text table.
# Prints a Markdown table and the ratios import / validation and import / \copy.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${1:-$ROOT/build/release/bench/bench_import}
ROWS=${2:-1000000}
die() { echo "bench_import: $*" >&2; exit 1; }
[[ -x "$BENCH" ]] || die "no program at $BENCH (see usage in $0)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt install time"

WORK=$(mktemp -d /tmp/vsc-bench-import.XXXXXX)
chmod 755 "$WORK"
STARTED_PG=0
cleanup()
{
    if ((STARTED_PG)); then
        as_pg "$VSC_TEST_PG_BIN/pg_ctl" -D "$VSC_TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${VSC_TEST_PG_URL:-}" ]]; then
    source <(sed -n '/^is_root()/,/^# Prism serving/p' "$ROOT/scripts/test.sh" | sed '$d')
    pg_start >"$WORK/pg.log" 2>&1 || { cat "$WORK/pg.log" >&2; die "could not start PostgreSQL"; }
    STARTED_PG=1
fi
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
DB=vsc_bench_import_$$
"${PSQL[@]}" "$VSC_TEST_PG_URL" -c "CREATE DATABASE $DB"
URL=${VSC_TEST_PG_URL%/*}/$DB
export XDG_CONFIG_HOME=$WORK/c XDG_DATA_HOME=$WORK/d XDG_STATE_HOME=$WORK/s XDG_CACHE_HOME=$WORK/k VSC_NO_KEYCHAIN=1

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
CSV=$WORK/contacts.csv
"$BENCH" generate "$CSV" "$ROWS"
echo "file: $ROWS rows, $(du -m "$CSV" | cut -f1) MiB; cores: $(nproc)" >&2

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }

# a. the import, with its peak resident memory
/usr/bin/time -v -o "$WORK/time.txt" "$BENCH" import "$CSV" --database "$URL" >"$WORK/import.txt"
IMPORT=$(grep '^RESULT' "$WORK/import.txt")
RSS_KB=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
[[ "$(field rejected "$IMPORT")" == 0 ]] || die "the import rejected rows: $IMPORT"
[[ "$(field imported "$IMPORT")" == "$ROWS" ]] || die "the import did not write every row: $IMPORT"

# b. validation alone
/usr/bin/time -v -o "$WORK/time-validate.txt" "$BENCH" validate "$CSV" >"$WORK/validate.txt"
VALIDATE=$(grep '^RESULT' "$WORK/validate.txt")

# c. psql \copy into a bare table
"${PSQL[@]}" "$URL" -c "CREATE TABLE bare_import (phone TEXT, name TEXT)"
START=$(date +%s.%N)
"${PSQL[@]}" "$URL" -c "\\copy bare_import FROM '$CSV' WITH (FORMAT csv, HEADER true)"
END=$(date +%s.%N)
COPY_S=$(echo "$END - $START" | bc -l)
COPIED=$("${PSQL[@]}" -tA "$URL" -c "SELECT COUNT(*) FROM bare_import")
"${PSQL[@]}" "$VSC_TEST_PG_URL" -c "DROP DATABASE $DB"

IMPORT_RATE=$(field rows_per_s "$IMPORT")
VALIDATE_RATE=$(field rows_per_s "$VALIDATE")
COPY_RATE=$(echo "$COPIED / $COPY_S" | bc -l)
printf '| measurement (%s rows, %s cores) | wall time | rows/s | peak RSS |\n|---|---|---|---|\n' "$ROWS" "$(nproc)"
printf '| a. import into PostgreSQL (stream, validate on every core, COPY) | %.2f s | %.0f | %.0f MiB |\n' \
    "$(field seconds "$IMPORT")" "$IMPORT_RATE" "$(echo "$RSS_KB / 1024" | bc -l)"
printf '| b. validation alone, every core (nothing stored) | %.2f s | %.0f | %.0f MiB |\n' \
    "$(field seconds "$VALIDATE")" "$VALIDATE_RATE" "$(field peak_rss_mib "$VALIDATE")"
printf '| c. psql \\copy into a bare table | %.2f s | %.0f | |\n' "$COPY_S" "$COPY_RATE"
cpu() { awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$1"; }
printf '\nCPU seconds (user + system): import %s (the PostgreSQL server process not included), validation alone %s; load average before the run: %s\n' \
    "$(cpu "$WORK/time.txt")" "$(cpu "$WORK/time-validate.txt")" "$LOAD"
printf '\nimport / validation alone: %.2f\nimport / psql \\copy: %.3f\n' \
    "$(echo "$IMPORT_RATE / $VALIDATE_RATE" | bc -l)" "$(echo "$IMPORT_RATE / $COPY_RATE" | bc -l)"
