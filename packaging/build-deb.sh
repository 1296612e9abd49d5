#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages from a clean checkout: installs the build dependencies
# (packaging/debian-deps.sh), configures a Release build without tests into BUILD_DIR
# (default build-deb/), and runs CPack. The .deb files end up in BUILD_DIR.
# Usage: packaging/build-deb.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

case "${1:-}" in
-h | --help)
    sed -n '3,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac
build_dir=${1:-build-deb}

# shellcheck source=packaging/debian-deps.sh
. packaging/debian-deps.sh
install_packages "${GERBANG_PACKAGES[@]}" "${GERBANG_PACKAGING_PACKAGES[@]}"

# Debian's hardening flags, as dpkg-buildflags gives them to every Debian package: fortify,
# stack protector, format security, full RELRO and bind-now (PIE is the compiler's default).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DGERBANG_BUILD_TESTS=OFF -DGERBANG_BUILD_BENCH=OFF -DGERBANG_WERROR=OFF \
    -DGERBANG_SANITIZE=OFF
cmake --build "$build_dir" --parallel "$(nproc 2>/dev/null || echo 2)"
rm -f "$build_dir"/*.deb
(cd "$build_dir" && cpack -G DEB)
echo "build-deb.sh: packages:" >&2
ls -1 "$PWD/$build_dir"/*.deb >&2
