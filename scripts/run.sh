#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the release console and starts it:
#   scripts/run.sh [--demo] [other arguments passed to the app]
# --demo (handled by the app) seeds demo data first. Without a display (neither DISPLAY nor WAYLAND_DISPLAY, and
# no QT_QPA_PLATFORM chosen) the console runs on a virtual X server: Xvfb is installed like every other dependency
# and the app is started under `xvfb-run -a`.
set -euo pipefail
cd "$(dirname "$0")/.."

needs_display=1
for arg in "$@"; do
    case "$arg" in
    --version | -v | --help | -h | --help-all | migrate | seed-demo) needs_display=0 ;;
    esac
done
virtual_display=0
if ((needs_display)) && [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    virtual_display=1
fi

if ((virtual_display)); then
    scripts/install-deps.sh --runtime-only --with-display
else
    scripts/install-deps.sh --runtime-only
fi
cmake --preset release
cmake --build --preset release --target voicesurvey-console
app=build/release/app/voicesurvey-console

if ((virtual_display)); then
    if ! command -v xvfb-run >/dev/null 2>&1; then
        echo "run.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set) and xvfb-run is not installed." >&2
        echo "run.sh: install it with:  sudo apt-get install xvfb   then run scripts/run.sh $* again," >&2
        echo "run.sh: or choose a platform plugin yourself, e.g.  QT_QPA_PLATFORM=offscreen scripts/run.sh $*" >&2
        exit 2
    fi
    echo "run.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): starting the console on a virtual X" \
        "server (xvfb-run -a)."
    exec xvfb-run -a "$app" "$@"
fi
exec "$app" "$@"
