#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Gerbang (Release) into build/ and starts the
# gateway on the embedded SQLite default: data in the per-user data directory
# (~/.local/share/gerbang), listening on 127.0.0.1:8080. Extra arguments go to gerbangd, e.g.
#   ./run.sh --listen 127.0.0.1:9090 --data-dir /tmp/gerbang
# With --console as the first argument it starts the desktop console instead, which embeds the
# same engine (one engine per data directory) and takes the same options:
#   ./run.sh --console
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

# shellcheck source=packaging/debian-deps.sh
. packaging/debian-deps.sh
install_packages "${GERBANG_PACKAGES[@]}"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGERBANG_BUILD_TESTS=OFF \
    -DGERBANG_BUILD_BENCH=OFF >&2
targets=(gerbangd gerbangctl)
console=0
if [ "${1:-}" = --console ]; then
    console=1
    shift
    targets+=(gerbang)
fi
cmake --build build --parallel "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}" >&2

echo "run.sh: gerbangctl is $PWD/build/gateway/gerbangctl/gerbangctl" >&2
if [ "$console" -eq 1 ]; then
    exec build/gui/gerbang "$@"
fi
exec build/gateway/gerbangd "$@"
