#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the release console and starts it:
#   scripts/run.sh [--demo] [other arguments passed to the app]
# --demo (handled by the app) seeds demo data first. Needs a display: without DISPLAY or WAYLAND_DISPLAY
# (and without QT_QPA_PLATFORM set) use `xvfb-run -a scripts/run.sh --demo`.
set -euo pipefail
cd "$(dirname "$0")/.."

needs_display=1
for arg in "$@"; do
    case "$arg" in
    --version | -v | --help | -h | --help-all | migrate | seed-demo) needs_display=0 ;;
    esac
done
if ((needs_display)) && [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run.sh: no display (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
    echo "run.sh: run it under a virtual X server instead:  xvfb-run -a scripts/run.sh --demo" >&2
    echo "run.sh: (or set QT_QPA_PLATFORM, e.g. QT_QPA_PLATFORM=offscreen, to choose a platform plugin yourself)" >&2
    exit 2
fi

scripts/install-deps.sh --runtime-only
cmake --preset release
cmake --build --preset release --target voicesurvey-console
exec build/release/app/voicesurvey-console "$@"
