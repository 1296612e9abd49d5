#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the console screenshots in this directory: every page, in English (en-*) and
# Bahasa Indonesia (id-*), rendered offscreen over a real engine that has served about half a
# minute of test traffic; then the console attached to a running gerbangd (*-attached-*), as
# an admin watches the service from another desk. Takes about 90 s.
# Usage: docs/screenshots/generate.sh [BUILD_DIR]   (default: build-gui)
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/../.."
build=${1:-build-gui}
[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -G Ninja
cmake --build "$build" --target gerbang-screenshots --parallel 2
export QT_QPA_PLATFORM=offscreen
rm -f docs/screenshots/*.png
"$build/tests/gui/gerbang-screenshots" docs/screenshots
