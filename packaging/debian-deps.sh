# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by run.sh and test.sh: the Debian 12 packages Gerbang builds and runs with, and an
# installer that asks apt only for what is missing (so re-runs are fast and offline-safe).

GERBANG_PACKAGES=(qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    libqt6sql6-psql qt6-charts-dev qt6-svg-dev libgl-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qtkeychain-qt6-dev libssl-dev libsqlite3-dev cmake ninja-build g++ pkg-config openssl python3-jsonschema python3-yaml)

# Building the .deb packages (packaging/build-deb.sh) and testing them as installed
# (packaging/test-package.sh): dpkg-shlibdeps, file (used by CPack), lintian, curl.
GERBANG_PACKAGING_PACKAGES=(dpkg-dev file lintian curl)

# install_packages NAME... — as root, or through sudo; progress goes to standard error.
install_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || {
            echo "$(basename "$0"): need root (or sudo) to install: ${missing[*]}" >&2
            exit 1
        }
        as_root=(sudo)
    fi
    echo "$(basename "$0"): installing ${missing[*]}" >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
}
