#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A $BROWSER stand-in for the OIDC tests against tests/peers/oidc-op.mjs: no HTML, no JavaScript, just curl with a
# cookie jar following the OP's redirects, like a browser whose user is already decided.
#
#   oidc-browser.sh AUTHORIZATION_URL   adds login_hint=$VSC_TEST_OIDC_USER when the URL has none, then follows
#                                       /auth → /interaction/… (auto-login) → /auth/… → the app's
#                                       http://127.0.0.1:PORT/callback?code=…, which the app's loopback listener answers
#                                       (when the jar's session belongs to another user, the OP asks to sign out
#                                       first: that form is confirmed the same way as a logout)
#   oidc-browser.sh END_SESSION_URL     RP-initiated logout: GET /session/end?… returns a confirmation form; this POSTs
#                                       its xsrf with logout=yes and follows to post_logout_redirect_uri (if any)
#
# Env: VSC_TEST_OIDC_USER        test user for login_hint (alice, sam, ada, dora); optional
#      VSC_TEST_OIDC_COOKIE_JAR  cookie file (the OP session, needed by a later logout); default
#                                ${VSC_TEST_OIDC_DIR:-${TMPDIR:-/tmp}}/oidc-browser-$UID.cookies
#      VSC_TEST_OIDC_BROWSER_LOG append a line per visit here; default stderr
# Exit status: 0 when the last page answered 2xx/3xx, non-zero otherwise (e.g. nothing listened on the callback).
set -euo pipefail

url=${1:?usage: oidc-browser.sh URL}
jar=${VSC_TEST_OIDC_COOKIE_JAR:-${VSC_TEST_OIDC_DIR:-${TMPDIR:-/tmp}}/oidc-browser-$(id -u).cookies}
log=${VSC_TEST_OIDC_BROWSER_LOG:-/dev/stderr}
body=$(mktemp "${TMPDIR:-/tmp}/oidc-browser.XXXXXX")
trap 'rm -f "$body"' EXIT

note() { printf '%s oidc-browser: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$log"; }
# Only the path goes to the log: query strings hold codes and tokens.
path_of() { local u=${1%%\?*}; printf '%s' "$u"; }

visit() # METHOD URL [DATA]: follows redirects; prints "final-url http-code"
{
    local method=$1 target=$2 data=${3:-}
    local args=(-sS -L --max-redirs 20 -b "$jar" -c "$jar" -o "$body" -w '%{url_effective} %{http_code}' -m 30)
    if [[ "$method" == POST ]]; then
        args+=(--data-raw "$data")
    fi
    curl "${args[@]}" "$target"
}

is_logout=0
case "$(path_of "$url")" in
*/session/end | */logout | */end_session | */end-session) is_logout=1 ;;
esac

if ((!is_logout)) && [[ -n "${VSC_TEST_OIDC_USER:-}" && "$url" != *[?\&]login_hint=* ]]; then
    hint=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$VSC_TEST_OIDC_USER")
    [[ "$url" == *\?* ]] && url+="&login_hint=$hint" || url+="?login_hint=$hint"
fi

result=$(visit GET "$url") || { note "GET $(path_of "$url") failed (curl exit $?)"; exit 1; }
read -r final code <<<"$result"
note "GET $(path_of "$url") → $(path_of "$final") HTTP $code"

# The OP's logout confirmation: <form method="post" action="…/session/end/confirm"><input name="xsrf" value="…">.
if grep -q 'name="xsrf"' "$body"; then
    action=$(grep -o 'action="[^"]*"' "$body" | head -n 1 | sed 's/^action="//; s/"$//')
    xsrf=$(grep -o 'name="xsrf" value="[^"]*"' "$body" | head -n 1 | sed 's/.*value="//; s/"$//')
    [[ "$action" == http* ]] || action="$(printf '%s' "$final" | sed -E 's#^(https?://[^/]+).*#\1#')$action"
    result=$(visit POST "$action" "xsrf=$xsrf&logout=yes") || {
        note "POST $(path_of "$action") failed (curl exit $?)"
        exit 1
    }
    read -r final code <<<"$result"
    note "POST $(path_of "$action") → $(path_of "$final") HTTP $code"
fi

[[ "$code" =~ ^[23] ]] || { note "ended with HTTP $code at $(path_of "$final")"; exit 1; }
