#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Stops or starts the throwaway PostgreSQL cluster scripts/test.sh created, for tests that take the database
# away on purpose (tst_pgoutage). Reads VSC_TEST_PG_BIN, VSC_TEST_PG_DIR and VSC_TEST_PG_PORT from test.sh.
set -euo pipefail
action=${1:?usage: pg-control.sh stop|start}
: "${VSC_TEST_PG_BIN:?not set: run through scripts/test.sh}"
: "${VSC_TEST_PG_DIR:?not set: run through scripts/test.sh}"
: "${VSC_TEST_PG_PORT:?not set: run through scripts/test.sh}"

as_pg()
{
    if [[ "$(id -u)" -eq 0 ]]; then
        su postgres -s /bin/sh -c "cd / && $(printf '%q ' "$@")"
    else
        "$@"
    fi
}

case "$action" in
stop)
    # fast: every client is disconnected at once, as when the server goes away.
    as_pg "$VSC_TEST_PG_BIN/pg_ctl" -D "$VSC_TEST_PG_DIR/data" -m fast -w -t 60 stop >/dev/null
    ;;
start)
    as_pg "$VSC_TEST_PG_BIN/pg_ctl" -D "$VSC_TEST_PG_DIR/data" -l "$VSC_TEST_PG_DIR/server.log" -w -t 60 \
        -o "-p $VSC_TEST_PG_PORT -k $VSC_TEST_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    ;;
*)
    echo "usage: pg-control.sh stop|start" >&2
    exit 2
    ;;
esac
