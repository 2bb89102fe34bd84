#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Regenerates docs/screenshots/<pane>.png: builds preset dev (target voicesurvey-console), then runs the
# app offscreen on a throwaway SQLite demo database with `--screenshots DIR`, which renders each pane to
# DIR/<pane>.png and exits. Private XDG directories keep the user's own settings and data untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=docs/screenshots

scripts/install-deps.sh --runtime-only
cmake --preset dev
cmake --build --preset dev --target voicesurvey-console

TMP=$(mktemp -d "${TMPDIR:-/tmp}/vsc-shots.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP"/{data,config,state,cache,runtime} "$out_dir"
chmod 700 "$TMP/runtime"
touch "$TMP/stamp"

env XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" XDG_STATE_HOME="$TMP/state" \
    XDG_CACHE_HOME="$TMP/cache" XDG_RUNTIME_DIR="$TMP/runtime" QT_QPA_PLATFORM=offscreen \
    build/dev/app/voicesurvey-console --database "sqlite:$TMP/demo.sqlite" --demo --screenshots "$out_dir"

mapfile -t shots < <(find "$out_dir" -maxdepth 1 -name '*.png' -newer "$TMP/stamp" | sort)
if ((${#shots[@]} == 0)); then
    echo "screenshots.sh: the app wrote no PNG to $out_dir" >&2
    exit 1
fi
echo "screenshots.sh: ${#shots[@]} screenshot(s) in $out_dir:"
ls -l "${shots[@]}"
