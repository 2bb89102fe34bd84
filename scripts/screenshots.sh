#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates the screenshots of every pane and dialog from the demo data:
#   docs/screenshots/en/    English (the user guide's pictures)
#   docs/screenshots/de/    German (LANGUAGE/LC_ALL=de: the console follows the system's language)
#   docs/screenshots/dark/  English on the dark Fusion palette (VSC_PALETTE=dark), to check colours stay readable
#   docs/screenshots/hidpi/ English at QT_SCALE_FACTOR=2, to check icons and text stay crisp at 2x
#                           (these two keep only the panes and a few dialogs)
# Each pass runs the app offscreen with `--screenshots DIR` on a fresh throwaway SQLite demo database, with private
# XDG directories (the user's own settings and data stay untouched) and no keychain (VSC_NO_KEYCHAIN=1).
#
#   scripts/screenshots.sh                   builds preset dev (target voicesurvey-console) first
#   scripts/screenshots.sh --binary PATH     uses an already built console instead
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
while (($#)); do
    case "$1" in
    --binary)
        binary=$2
        shift 2
        ;;
    *)
        echo "screenshots.sh: unknown option: $1" >&2
        exit 2
        ;;
    esac
done

if [[ -z "$binary" ]]; then
    scripts/install-deps.sh --runtime-only
    cmake --preset dev
    cmake --build --preset dev --target voicesurvey-console
    binary=build/dev/app/voicesurvey-console
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vsc-shots.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# render NAME OUT_DIR [ENV=VALUE...]: one pass of the console's --screenshots into OUT_DIR (emptied first).
render()
{
    local name=$1 out=$2
    shift 2
    local home="$TMP/$name"
    mkdir -p "$home"/{data,config,state,cache,runtime}
    chmod 700 "$home/runtime"
    rm -rf "$out"
    mkdir -p "$out"
    env XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" \
        XDG_CACHE_HOME="$home/cache" XDG_RUNTIME_DIR="$home/runtime" QT_QPA_PLATFORM=offscreen VSC_NO_KEYCHAIN=1 \
        LANGUAGE=en LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 "$@" \
        "$binary" --database "sqlite:$home/demo.sqlite" --demo --screenshots "$out"
    local count
    count=$(find "$out" -maxdepth 1 -name '*.png' | wc -l)
    if ((count == 0)); then
        echo "screenshots.sh: the $name pass wrote no PNG to $out" >&2
        exit 1
    fi
    echo "screenshots.sh: $count screenshot(s) in $out"
}

render en docs/screenshots/en
render de docs/screenshots/de LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8
render dark docs/screenshots/dark VSC_PALETTE=dark
render hidpi docs/screenshots/hidpi QT_SCALE_FACTOR=2
# The dark and 2x passes are checks, not the guide's pictures: keep the panes and a few dialogs.
keep='^(dashboard|campaigns|scripts|live-monitor|results|do-not-call|admin|sign-in|campaign-editor-details|script-editor)\.png$'
for dir in docs/screenshots/dark docs/screenshots/hidpi; do
    find "$dir" -maxdepth 1 -name '*.png' -printf '%f\n' | { grep -Ev "$keep" || true; } | sed "s|^|$dir/|" | xargs -r rm -f
done
rm -f docs/screenshots/*.png # the pictures before English and German had their own folders
