#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# aiosmtpd (Debian's python3-aiosmtpd, tests/peers/smtp-peer.py) as the SMTP server for the e-mail tests.
#
# Run it:     tests/peers/start-smtp.sh
#             starts it in the background in its own process group on two free ports of 127.0.0.1, waits until both
#             listeners accept connections, and prints the VSC_TEST_SMTP_* variables as `export` lines and
#             SMTP_PID=…; stop it with: kill -- -SMTP_PID
# Source it:  . tests/peers/start-smtp.sh   defines, without side effects:
#             smtp_start DIR STARTTLS_PORT TLS_PORT   exports VSC_TEST_SMTP_{HOST,STARTTLS_PORT,TLS_PORT,USER,PASSWORD,
#                                          CA_FILE,MAILDIR}; sets SMTP_PID, SMTP_LOG; non-zero (and stopped) on failure
#             smtp_stop                    stops the process group; non-zero if something survived
#             smtp_dump_log                prints the server's log to stderr

SMTP_PEERS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
SMTP_PID=""
SMTP_LOG=""
SMTP_READY_TIMEOUT=${SMTP_READY_TIMEOUT:-30}

smtp_start()
{
    local dir=$1 starttls_port=$2 tls_port=$3
    if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
        echo "smtp: python3-aiosmtpd is missing: run scripts/install-deps.sh" >&2
        return 1
    fi
    SMTP_LOG="$dir/smtp.log"
    # A throwaway password with a space and non-ASCII letters, so quoting and AUTH encoding are exercised.
    local password="Pässwort $RANDOM$RANDOM"
    (PYTHONWARNINGS=ignore exec /usr/bin/python3 -c 'import os, sys; os.setpgid(0, 0); os.execvp(sys.argv[1], sys.argv[1:])' \
        /usr/bin/python3 "$SMTP_PEERS_DIR/smtp-peer.py" --dir "$dir" --starttls-port "$starttls_port" \
        --tls-port "$tls_port" --user reports --password "$password") >"$SMTP_LOG" 2>&1 </dev/null &
    SMTP_PID=$!
    local waited=0
    while ((waited < SMTP_READY_TIMEOUT * 5)); do
        if ! kill -0 "$SMTP_PID" 2>/dev/null; then
            echo "smtp: exited before it was ready" >&2
            smtp_dump_log
            smtp_stop
            return 1
        fi
        if grep -qx ready "$SMTP_LOG"; then
            export VSC_TEST_SMTP_HOST=127.0.0.1 VSC_TEST_SMTP_STARTTLS_PORT=$starttls_port
            export VSC_TEST_SMTP_TLS_PORT=$tls_port VSC_TEST_SMTP_USER=reports VSC_TEST_SMTP_PASSWORD=$password
            export VSC_TEST_SMTP_CA_FILE="$dir/cert.pem" VSC_TEST_SMTP_MAILDIR="$dir/Maildir"
            return 0
        fi
        sleep 0.2
        waited=$((waited + 1))
    done
    echo "smtp: not ready within ${SMTP_READY_TIMEOUT}s" >&2
    smtp_dump_log
    smtp_stop
    return 1
}

smtp_dump_log()
{
    [[ -n "$SMTP_LOG" && -f "$SMTP_LOG" ]] || return 0
    echo "---- SMTP server log ($SMTP_LOG) ----" >&2
    tail -n 100 "$SMTP_LOG" >&2
    echo "---- end of SMTP server log ----" >&2
}

smtp_group_alive()
{
    ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

smtp_stop()
{
    [[ -n "$SMTP_PID" ]] || return 0
    local pid=$SMTP_PID i
    SMTP_PID=""
    kill -TERM -- "-$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        smtp_group_alive "$pid" || break
        sleep 0.1
    done
    if smtp_group_alive "$pid"; then
        echo "cleanup: SMTP server group $pid ignored SIGTERM; killing it" >&2
        kill -KILL -- "-$pid" 2>/dev/null || true
        sleep 0.2
    fi
    wait "$pid" 2>/dev/null || true
    if smtp_group_alive "$pid"; then
        echo "cleanup: ERROR: processes of the SMTP server's group $pid are still running" >&2
        return 1
    fi
    echo "cleanup: SMTP server (process group $pid) stopped"
    return 0
}

# Executed rather than sourced: start one and leave it running.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    free() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
    dir=$(mktemp -d "${TMPDIR:-/tmp}/vsc-smtp.XXXXXX")
    smtp_start "$dir" "$(free)" "$(free)"
    echo "SMTP_PID=$SMTP_PID"
    env | grep '^VSC_TEST_SMTP_' | sed "s/^\([^=]*\)=\(.*\)$/export \1='\2'/"
fi
