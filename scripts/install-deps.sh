#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages VoiceSurvey Console needs. Idempotent: apt is only touched when
# something is missing (checked with dpkg-query), and then `apt-get update` runs exactly once.
#
#   scripts/install-deps.sh                 build + run + every test gate (PostgreSQL, gcovr, clang-*, Xvfb, ...)
#   scripts/install-deps.sh --runtime-only  only what building and running the app needs
#   scripts/install-deps.sh --with-display  additionally Xvfb, for running the console on a machine without a display
#   scripts/install-deps.sh --with-peers    additionally `npm ci` the test peers in tests/peers when stale
#
# Uses sudo only when not run as root. Prints a one-line summary of what it did.
set -euo pipefail
cd "$(dirname "$0")/.."

usage()
{
    sed -n '4,12p' "$0" | sed 's/^# \{0,1\}//'
}

runtime_only=0
with_peers=0
with_display=0
for arg in "$@"; do
    case "$arg" in
    --runtime-only) runtime_only=1 ;;
    --with-display) with_display=1 ;;
    --with-peers) with_peers=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        echo "install-deps.sh: unknown option: $arg" >&2
        usage >&2
        exit 2
        ;;
    esac
done

# What building and running needs. libsecret-1-0 is loaded by QtKeychain at run time without being a
# declared dependency, so it is listed explicitly (libsecret-tools would pull it in, but is dev-only).
runtime_pkgs=(
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
    qt6-networkauth-dev qt6-svg-dev qtkeychain-qt6-dev
    libqt6sql6-psql libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools
    libspdlog-dev libphonenumber-dev libsodium-dev libssl-dev libcsv-dev libpq-dev libicu-dev
    qt6-websockets-dev cmake ninja-build ccache g++ xauth fonts-dejavu-core libsecret-1-0
    qt6-translations-l10n # Qt's own German (dialog buttons: Speichern, Abbrechen, Ja, Nein)
    python3-phonenumbers # libphonenumber's number -> time-zone map, built into the app as data
    libhttp-parser-dev   # the webhook server's HTTP/1.1 parser
    john-data            # /usr/share/john/password.lst: the password policy's common passwords, built in as data
    libxlsxwriter-dev    # results export to .xlsx
    libreadstat-dev      # results export to SPSS .sav
    libcurl4-openssl-dev # SMTP (STARTTLS / TLS, AUTH) for e-mailed reports
)
# Only the test gates need these (scripts/test.sh).
test_pkgs=(
    postgresql gcovr clang-format clang-tidy xvfb imagemagick gnome-keyring dbus-x11 libsecret-tools
    python3-aiosmtpd # tst_smtp: a real SMTP server (tests/peers/smtp-peer.py)
    nginx-light # tst_scaleout: a round-robin proxy in front of two `serve` processes
    wrk # bench/bench_webhook_throughput (pgbench comes with postgresql)
    time bc # bench/bench_import.sh: peak resident memory (/usr/bin/time -v) and the ratios
    faketime # tst_dialerprocesses runs a dialer with its clock 30 s behind
    curl     # readiness probes of the test peers (Prism, the OpenID Providers) and the OIDC browser stand-in
    python3-openpyxl # reads exported .xlsx files back in the round-trip tests
)

wanted=("${runtime_pkgs[@]}")
if ((!runtime_only)); then
    wanted+=("${test_pkgs[@]}")
fi
if ((with_display)); then
    wanted+=(xvfb) # xvfb-run: scripts/run.sh on a headless machine
fi
# Node and npm usually exist already (Node 20 from elsewhere): never replace them with Debian's.
if ((!runtime_only || with_peers)) && ! command -v node >/dev/null 2>&1; then
    wanted+=(nodejs npm)
fi
if ! command -v python3 >/dev/null 2>&1; then
    wanted+=(python3) # scripts/test.sh picks free ports with it
fi

is_installed()
{
    [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" == installed ]]
}

missing=()
for pkg in "${wanted[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
done

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        if ((${#missing[@]})); then
            echo "install-deps.sh: not root and sudo is unavailable; missing packages: ${missing[*]}" >&2
            exit 1
        fi
    else
        sudo_cmd=(sudo)
    fi
fi

apt_summary="all ${#wanted[@]} packages already installed"
if ((${#missing[@]})); then
    echo "install-deps.sh: installing ${#missing[@]} missing package(s): ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
    apt_summary="installed ${#missing[@]} of ${#wanted[@]} packages (${missing[*]})"
fi

peers_summary="peers not requested"
if ((with_peers)); then
    peers_dir=tests/peers
    stamp="$peers_dir/node_modules/.package-lock.json"
    if [[ ! -f "$peers_dir/package-lock.json" ]]; then
        echo "install-deps.sh: $peers_dir/package-lock.json is missing" >&2
        exit 1
    fi
    if [[ ! -f "$stamp" || "$stamp" -ot "$peers_dir/package-lock.json" ]]; then
        (cd "$peers_dir" && npm ci --no-audit --no-fund)
        peers_summary="npm ci ran in $peers_dir"
    else
        peers_summary="$peers_dir/node_modules up to date"
    fi
fi

mode=full
((runtime_only)) && mode=runtime-only
echo "install-deps.sh ($mode): $apt_summary; $peers_summary."
