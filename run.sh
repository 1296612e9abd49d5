#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine, builds Gerbang (Release) into build/ and starts the
# gateway on the embedded SQLite default: data in the per-user data directory
# (~/.local/share/gerbang), listening on 127.0.0.1:8080. Extra arguments go to gerbangd, e.g.
#   ./run.sh --listen 127.0.0.1:9090 --data-dir /tmp/gerbang
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

# Debian 12 packages needed to build and run (keep in sync with test.sh).
PACKAGES=(qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libssl-dev cmake ninja-build g++ pkg-config
    openssl)

install_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "run.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
        as_root=(sudo)
    fi
    echo "run.sh: installing ${missing[*]}" >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        "${missing[@]}" >&2
}

install_packages "${PACKAGES[@]}"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DGERBANG_BUILD_TESTS=OFF \
    -DGERBANG_BUILD_BENCH=OFF >&2
cmake --build build --parallel "$(nproc 2>/dev/null || echo 2)" --target gerbangd gerbangctl >&2

echo "run.sh: gerbangctl is $PWD/build/gateway/gerbangctl/gerbangctl" >&2
exec build/gateway/gerbangd "$@"
