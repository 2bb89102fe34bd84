#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Webhook throughput of `voicesurvey-console serve` on PostgreSQL, against pgbench on the same cluster.
#
# usage: bench/bench_webhook_throughput.sh [BINARY] [SECONDS]
#   BINARY   voicesurvey-console to measure (default build/release/app/voicesurvey-console; build it with
#            `cmake --preset release && cmake --build --preset release --target voicesurvey-console`)
#   SECONDS  length of each run (default 10)
# Uses the cluster in VSC_TEST_PG_URL (+ PGPASSWORD, VSC_TEST_PG_BIN) when set, else starts a throwaway one with
# scripts/test.sh's functions (fsync=off, as the tests run it) and stops it at the end. Needs wrk and pgbench
# (scripts/install-deps.sh). Extra `serve` options (e.g. "--workers 1") go in VSC_BENCH_SERVE_ARGS.
#
# What it measures, in one run on one database:
#   1. signed status callbacks (each a new event, stored with its commit before the reply), wrk with 1 and 8
#      connections. wrk's Lua cannot compute HMAC-SHA1, so every request is signed beforehand (python3) into a
#      file the Lua script reads; each request is sent once, so every one is a real insert.
#   2. pgbench with a single-INSERT transaction into a table shaped like call_events, 1 and 8 clients.
#   3. the unsigned 404 route of the same server (parsing and replying only), wrk with 8 connections.
# Prints a table with the rates and the ratio server / pgbench at the same concurrency.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BINARY=${1:-$ROOT/build/release/app/voicesurvey-console}
SECONDS_PER_RUN=${2:-10}
ATTEMPTS=${VSC_BENCH_ATTEMPTS:-4000}
REQUESTS=${VSC_BENCH_REQUESTS:-300000}
die() { echo "bench_webhook_throughput: $*" >&2; exit 1; }
[[ -x "$BINARY" ]] || die "no binary at $BINARY (see usage in $0)"
command -v wrk >/dev/null || die "wrk is missing: apt install wrk"

WORK=$(mktemp -d /tmp/vsc-bench.XXXXXX)
chmod 755 "$WORK"
SERVE_PID=
STARTED_PG=0
cleanup()
{
    [[ -n "$SERVE_PID" ]] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
    if ((STARTED_PG)); then
        as_pg "$VSC_TEST_PG_BIN/pg_ctl" -D "$VSC_TEST_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [[ -z "${VSC_TEST_PG_URL:-}" ]]; then
    # The cluster functions of scripts/test.sh (up to its Prism section), as tests/peers use them.
    source <(sed -n '/^is_root()/,/^# Prism serving/p' "$ROOT/scripts/test.sh" | sed '$d')
    pg_start >"$WORK/pg.log" 2>&1 || { cat "$WORK/pg.log" >&2; die "could not start PostgreSQL"; }
    STARTED_PG=1
else
    as_pg() { "$@"; }
fi
PG_BIN=${VSC_TEST_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
PSQL=(psql -X -q -v ON_ERROR_STOP=1)
DB=vsc_bench_$$
"${PSQL[@]}" "$VSC_TEST_PG_URL" -c "CREATE DATABASE $DB"
URL=${VSC_TEST_PG_URL%/*}/$DB

export XDG_CONFIG_HOME=$WORK/c XDG_DATA_HOME=$WORK/d XDG_STATE_HOME=$WORK/s XDG_CACHE_HOME=$WORK/k VSC_NO_KEYCHAIN=1
export TWILIO_AUTH_TOKEN=bench-auth-token
PUBLIC=https://bench.example.com
"$BINARY" seed-demo --database "$URL" >/dev/null
# Call attempts to receive the callbacks: ATTEMPTS of them over the demo's contacts, each with its call SID.
"${PSQL[@]}" "$URL" <<SQL
INSERT INTO call_attempts (contact_id, campaign_id, phone_e164, attempt_number, provider, status)
SELECT c.id, c.campaign_id, c.phone_e164, 1000 + g, 'twilio', 'queued'
FROM (SELECT * FROM contacts ORDER BY id LIMIT 100) c, generate_series(1, ($ATTEMPTS + 99) / 100) g;
CREATE TABLE bench_insert (LIKE call_events INCLUDING ALL);
SQL
# The attempts the callbacks go to, numbered 1..ATTEMPTS with their call SIDs, for the pgbench scripts of bench/pgbench.
"${PSQL[@]}" "$URL" -c "CREATE TABLE bench_ids AS SELECT row_number() OVER (ORDER BY id) AS k, id,
    'CA' || lpad(id::text, 32, '0') AS sid FROM call_attempts WHERE attempt_number > 1000 ORDER BY id LIMIT $ATTEMPTS;
    CREATE UNIQUE INDEX ON bench_ids (k)"
"${PSQL[@]}" -At "$URL" -c "SELECT id FROM call_attempts WHERE attempt_number > 1000 ORDER BY id LIMIT $ATTEMPTS" \
    >"$WORK/attempts"
BEFORE=$("${PSQL[@]}" -At "$URL" -c "SELECT count(*) FROM call_events")

# Request k goes to attempt k mod ATTEMPTS with sequence number k div ATTEMPTS: every request is a new event.
python3 - "$WORK/attempts" "$REQUESTS" "$PUBLIC" "$TWILIO_AUTH_TOKEN" >"$WORK/requests.tsv" <<'PY'
import base64, hashlib, hmac, sys, urllib.parse
ids = [int(line) for line in open(sys.argv[1]) if line.strip()]
count, public, token = int(sys.argv[2]), sys.argv[3], sys.argv[4].encode()
out = sys.stdout
for k in range(count):
    attempt, seq = ids[k % len(ids)], k // len(ids)
    path = f"/twilio/status?attempt={attempt}"
    params = {"CallSid": f"CA{attempt:032d}", "CallStatus": "in-progress", "SequenceNumber": str(seq)}
    data = public + path + "".join(name + params[name] for name in sorted(params))
    signature = base64.b64encode(hmac.new(token, data.encode(), hashlib.sha1).digest()).decode()
    out.write(f"{path}\t{signature}\t{urllib.parse.urlencode(params)}\n")
PY
cat >"$WORK/signed.lua" <<'LUA'
-- Sends the pre-signed requests of requests.tsv in order, starting at the line given as the first argument.
local requests = {}
local next_index = 1
function init(args)
    for line in io.lines(args[1]) do
        local path, signature, body = line:match("([^\t]*)\t([^\t]*)\t(.*)")
        requests[#requests + 1] = { path, signature, body }
    end
    next_index = tonumber(args[2]) + 1
end
function request()
    local r = requests[next_index]
    next_index = next_index + 1
    return wrk.format("POST", r[1], { ["Content-Type"] = "application/x-www-form-urlencoded",
                                      ["X-Twilio-Signature"] = r[2] }, r[3])
end
LUA

# The server, on a free port; its first line says which.
"$BINARY" serve --database "$URL" --listen 127.0.0.1:0 --public-url "$PUBLIC" --json ${VSC_BENCH_SERVE_ARGS:-} \
    >"$WORK/serve.out" 2>"$WORK/serve.err" &
SERVE_PID=$!
for _ in $(seq 100); do
    grep -q '"port"' "$WORK/serve.out" 2>/dev/null && break
    kill -0 "$SERVE_PID" 2>/dev/null || { cat "$WORK/serve.err" >&2; die "serve did not start"; }
    sleep 0.1 # waiting for another process to print its port; not a test
done
PORT=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["port"])' "$WORK/serve.out")
# serve's default: the number of cores, clamped to [2, 8]; --workers in VSC_BENCH_SERVE_ARGS overrides it.
WORKERS=$(nproc)
((WORKERS < 2)) && WORKERS=2
((WORKERS > 8)) && WORKERS=8
if [[ "${VSC_BENCH_SERVE_ARGS:-}" =~ --workers[=\ ]([0-9]+) ]]; then
    WORKERS=${BASH_REMATCH[1]}
fi

OFFSET=0
SENT=0
FAILED=0
# wrk's rate (in RATE), and what it reports about errors and replies other than 2xx.
RATE=
run_wrk()
{
    local connections=$1 out
    out=$(wrk -t1 -c"$connections" -d"${SECONDS_PER_RUN}s" -s "$WORK/signed.lua" "http://127.0.0.1:$PORT" -- \
        "$WORK/requests.tsv" "$OFFSET")
    echo "$out" >>"$WORK/wrk.log"
    local total non2xx
    total=$(echo "$out" | awk '/requests in/ {print $1}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    OFFSET=$((OFFSET + total + 16)) # requests still in flight at the end count too; leave a gap
    SENT=$((SENT + total))
    FAILED=$((FAILED + ${non2xx:-0}))
    RATE=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
}
run_pgbench()
{
    local clients=$1 script=${2:-$WORK/insert.sql} mode=${3:-simple}
    cat >"$WORK/insert.sql" <<'SQL'
\set aid random(1, 1000000000)
INSERT INTO bench_insert (call_attempt_id, call_sid, sequence_number, call_status, payload, occurred_at, received_at) VALUES (:aid, 'CA' || :aid, :client_id, 'in-progress', '{"CallStatus": "in-progress"}', now(), now()) ON CONFLICT (call_sid, sequence_number) DO NOTHING;
SQL
    "$PG_BIN/pgbench" -n -M "$mode" -D attempts="$ATTEMPTS" -f "$script" -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -T "$SECONDS_PER_RUN" \
        "$URL" 2>/dev/null | awk '/^tps/ {print $3; exit}'
}

run_wrk 1
SERVER1=$RATE
run_wrk 8
SERVER8=$RATE
PG1=$(run_pgbench 1)
PG8=$(run_pgbench 8)
STATIC8=$(wrk -t1 -c8 -d"${SECONDS_PER_RUN}s" "http://127.0.0.1:$PORT/elsewhere" | awk '/Requests\/sec/ {print $2}')
AFTER=$("${PSQL[@]}" -At "$URL" -c "SELECT count(*) FROM call_events")
STORED=$((AFTER - BEFORE))
# The database alone, driven by pgbench (prepared statements, as serve runs them) with 8 clients: the status
# callback's statement as serve sends it, the least a callback can cost under the same contract, only the event row.
CEILING_STATEMENT=$(run_pgbench 8 "$ROOT/bench/pgbench/status-statement.sql" prepared)
CEILING_MINIMAL=$(run_pgbench 8 "$ROOT/bench/pgbench/status-minimal.sql" prepared)
CEILING_EVENT=$(run_pgbench 8 "$ROOT/bench/pgbench/event-only.sql" prepared)

printf '\nvoicesurvey-console serve (%s worker flow(s)), %s s per run, %s cores, %s\n' "$WORKERS" \
    "$SECONDS_PER_RUN" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf '| what | 1 connection/client | 8 connections/clients |\n|---|---|---|\n'
printf '| signed status callbacks stored (serve), req/s | %.0f | %.0f |\n' "$SERVER1" "$SERVER8"
printf '| pgbench single-INSERT transactions, tps | %.0f | %.0f |\n' "$PG1" "$PG8"
printf '| ratio serve / pgbench | %.2f | %.2f |\n' "$(echo "$SERVER1 / $PG1" | bc -l)" "$(echo "$SERVER8 / $PG8" | bc -l)"
printf '| unsigned 404 route (serve), req/s | | %.0f |\n' "$STATIC8"
printf '| pgbench running the callback statement serve sends (bench/pgbench/status-statement.sql), tps | | %.0f (%.2f of the insert) |\n' \
    "$CEILING_STATEMENT" "$(echo "$CEILING_STATEMENT / $PG8" | bc -l)"
printf '| pgbench, least statement under the same contract (status-minimal.sql), tps | | %.0f (%.2f) |\n' \
    "$CEILING_MINIMAL" "$(echo "$CEILING_MINIMAL / $PG8" | bc -l)"
printf '| pgbench, the event row alone (event-only.sql), tps | | %.0f (%.2f) |\n' "$CEILING_EVENT" \
    "$(echo "$CEILING_EVENT / $PG8" | bc -l)"
printf '\ncallbacks answered: %s, replies other than 2xx: %s, events stored: %s\n' "$SENT" "$FAILED" "$STORED"
if ((FAILED > 0 || STORED < SENT - FAILED)); then
    die "not every callback was stored once (see $WORK/wrk.log)"
fi
