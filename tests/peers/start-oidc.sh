#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# oidc-provider 9.13.3 (tests/peers/oidc-op.mjs) as the OpenID Provider for the OIDC integration tests.
#
# Run it:     tests/peers/start-oidc.sh [PORT [ALGS]]
#             starts the OP in the background in its own process group, waits until discovery answers, and prints
#             OIDC_PID=…, OIDC_LOG=… and VSC_TEST_OIDC_ISSUER=…; stop it with: kill -- -OIDC_PID
# Source it:  . tests/peers/start-oidc.sh   defines, without side effects:
#             oidc_start DIR PORT [ALGS]   ALGS: RS256 (default), ES256, or RS256,ES256; sets OIDC_PID, OIDC_ISSUER,
#                                          OIDC_LOG (DIR/op.log; keys go to DIR too); non-zero (and stopped) on failure
#             oidc_stop                    stops the whole process group; non-zero if something survived
#             oidc_dump_log                prints the tail of the OP's log to stderr
# Tests sign in through tests/peers/oidc-browser.sh as $BROWSER (VSC_TEST_OIDC_USER picks the user).
# Needs `npm ci` in tests/peers (scripts/install-deps.sh --with-peers); runs `node` directly, never npx.

OIDC_PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
OIDC_PID=""
OIDC_LOG=""
OIDC_ISSUER=""
OIDC_READY_TIMEOUT=${OIDC_READY_TIMEOUT:-30}

oidc_start()
{
    local dir=$1 port=$2 algs=${3:-RS256}
    if [[ ! -f "$OIDC_PEERS_DIR/node_modules/oidc-provider/package.json" ]]; then
        echo "oidc: $OIDC_PEERS_DIR/node_modules lacks oidc-provider: run scripts/install-deps.sh --with-peers" >&2
        return 1
    fi
    OIDC_LOG="$dir/op.log"
    OIDC_ISSUER="http://127.0.0.1:$port"
    # Its own process group (pgid = OIDC_PID, whether or not the caller has job control), so one signal reaches
    # node and anything it forks.
    (cd "$OIDC_PEERS_DIR" && PORT=$port OIDC_ALGS=$algs OIDC_DIR=$dir \
        exec python3 -c 'import os, sys; os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])' \
        node "$OIDC_PEERS_DIR/oidc-op.mjs") >"$dir/op.stdout" 2>&1 </dev/null &
    OIDC_PID=$!

    local code="" waited=0
    while ((waited < OIDC_READY_TIMEOUT * 5)); do
        if ! kill -0 "$OIDC_PID" 2>/dev/null; then
            echo "oidc: exited before answering (port $port)" >&2
            oidc_dump_log
            oidc_stop
            return 1
        fi
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$OIDC_ISSUER/.well-known/openid-configuration" || true)
        [[ "$code" == 200 ]] && return 0
        sleep 0.2
        waited=$((waited + 1))
    done
    echo "oidc: no answer on $OIDC_ISSUER within ${OIDC_READY_TIMEOUT}s (last HTTP status: ${code:-none})" >&2
    oidc_dump_log
    oidc_stop
    return 1
}

oidc_dump_log()
{
    local file
    for file in "${OIDC_LOG%/*}/op.stdout" "$OIDC_LOG"; do
        [[ -n "$OIDC_LOG" && -f "$file" ]] || continue
        echo "---- OP log ($file, last 200 lines) ----" >&2
        tail -n 200 "$file" >&2
        echo "---- end of OP log ----" >&2
    done
}

# True while a process of group $1 runs (zombies waiting for a reaper do not count).
oidc_group_alive()
{
    ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

oidc_stop()
{
    [[ -n "$OIDC_PID" ]] || return 0
    local pid=$OIDC_PID i
    OIDC_PID=""
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        oidc_group_alive "$pid" || break
        sleep 0.1
    done
    if oidc_group_alive "$pid"; then
        echo "cleanup: OP process group $pid ignored SIGTERM; killing it" >&2
        kill -KILL -- "-$pid" 2>/dev/null || true
        sleep 0.2
    fi
    wait "$pid" 2>/dev/null || true # reaps it when this shell started it
    if oidc_group_alive "$pid"; then
        echo "cleanup: ERROR: processes of the OP's group $pid are still running:" >&2
        pgrep -a -g "$pid" >&2 || true
        return 1
    fi
    echo "cleanup: OP (process group $pid) stopped"
    return 0
}

# Executed rather than sourced: start one and leave it running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    port=${1:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    dir=$(mktemp -d "${TMPDIR:-/tmp}/vsc-oidc.XXXXXX")
    oidc_start "$dir" "$port" "${2:-RS256}"
    echo "OIDC_PID=$OIDC_PID"
    echo "OIDC_LOG=$OIDC_LOG"
    echo "VSC_TEST_OIDC_ISSUER=$OIDC_ISSUER"
fi
