#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prism (tests/peers/node_modules) mocking Twilio's REST API from the official OpenAPI spec
# (@twilio-alpha/mcp twilio_api_v2010.json, patched by patch-spec.js), for tst_twilioclient_prism.
#
# Run it:     tests/peers/start-prism.sh [PORT]
#             starts Prism in the background in its own process group, waits until it answers, and prints
#             PRISM_PID=…, PRISM_LOG=… and VSC_TEST_TWILIO_MOCK_URL=…; stop it with: kill -- -PRISM_PID
# Source it:  . tests/peers/start-prism.sh   (scripts/test.sh) defines, without side effects:
#             prism_start DIR PORT   sets PRISM_PID, PRISM_LOG, PRISM_URL; returns non-zero (and stops it) on failure
#             prism_stop             stops the whole process group; non-zero if something survived
#             prism_dump_log         prints the tail of Prism's log to stderr
# Needs `npm ci` in tests/peers (scripts/install-deps.sh --with-peers). npx runs with --no: never the registry.

PRISM_PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
PRISM_PID=""
PRISM_LOG=""
PRISM_URL=""
PRISM_READY_TIMEOUT=${PRISM_READY_TIMEOUT:-90}

prism_start()
{
    local dir=$1 port=$2
    local spec="$PRISM_PEERS_DIR/node_modules/@twilio-alpha/mcp/twilio-oai/spec/json/twilio_api_v2010.json"
    if [[ ! -x "$PRISM_PEERS_DIR/node_modules/.bin/prism" || ! -f "$spec" ]]; then
        echo "prism: $PRISM_PEERS_DIR/node_modules lacks prism or the Twilio spec: run scripts/install-deps.sh --with-peers" >&2
        return 1
    fi
    cp "$spec" "$dir/twilio_api_v2010.json" || return 1
    if ! node "$PRISM_PEERS_DIR/patch-spec.js" "$dir/twilio_api_v2010.json" "$dir/twilio_api_v2010.prism.json" \
        >"$dir/patch-spec.log" 2>&1; then
        cat "$dir/patch-spec.log" >&2
        return 1
    fi

    PRISM_LOG="$dir/prism.log"
    PRISM_URL="http://127.0.0.1:$port"
    # Its own process group (pgid = PRISM_PID, whether or not the caller has job control), so one signal reaches
    # npx, node and anything they fork. No --errors: with it, Prism turns list answers into 500s (the spec's own
    # examples violate format: uri).
    (cd "$PRISM_PEERS_DIR" && exec python3 -c 'import os, sys; os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])' \
        npx --no -- prism mock -h 127.0.0.1 -p "$port" "$dir/twilio_api_v2010.prism.json") >"$PRISM_LOG" 2>&1 </dev/null &
    PRISM_PID=$!

    # Ready when a spec-valid request gets the spec's 200 (the first answer also means the spec is compiled).
    local account=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa code="" waited=0
    local probe="$PRISM_URL/2010-04-01/Accounts/$account/Calls/CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json"
    while ((waited < PRISM_READY_TIMEOUT * 2)); do
        if ! kill -0 "$PRISM_PID" 2>/dev/null; then
            echo "prism: exited before answering (port $port)" >&2
            prism_dump_log
            prism_stop
            return 1
        fi
        code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -u "$account:probe" "$probe" || true)
        [[ "$code" == 200 ]] && return 0
        sleep 0.5
        waited=$((waited + 1))
    done
    echo "prism: no answer on $PRISM_URL within ${PRISM_READY_TIMEOUT}s (last HTTP status: ${code:-none})" >&2
    prism_dump_log
    prism_stop
    return 1
}

prism_dump_log()
{
    [[ -n "$PRISM_LOG" && -f "$PRISM_LOG" ]] || return 0
    echo "---- Prism log ($PRISM_LOG, last 300 lines) ----" >&2
    tail -n 300 "$PRISM_LOG" >&2
    echo "---- end of Prism log ----" >&2
}

# True while a process of group $1 runs (zombies waiting for a reaper do not count).
prism_group_alive()
{
    ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

prism_stop()
{
    [[ -n "$PRISM_PID" ]] || return 0
    local pid=$PRISM_PID i
    PRISM_PID=""
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        prism_group_alive "$pid" || break
        sleep 0.1
    done
    if prism_group_alive "$pid"; then
        echo "cleanup: Prism process group $pid ignored SIGTERM; killing it" >&2
        kill -KILL -- "-$pid" 2>/dev/null || true
        sleep 0.2
    fi
    wait "$pid" 2>/dev/null || true # reaps it when this shell started it
    if prism_group_alive "$pid"; then
        echo "cleanup: ERROR: processes of Prism's group $pid are still running:" >&2
        pgrep -a -g "$pid" >&2 || true
        return 1
    fi
    echo "cleanup: Prism (process group $pid) stopped"
    return 0
}

# Executed rather than sourced: start one and leave it running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    port=${1:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    dir=$(mktemp -d "${TMPDIR:-/tmp}/vsc-prism.XXXXXX")
    prism_start "$dir" "$port"
    echo "PRISM_PID=$PRISM_PID"
    echo "PRISM_LOG=$PRISM_LOG"
    echo "VSC_TEST_TWILIO_MOCK_URL=$PRISM_URL"
fi
