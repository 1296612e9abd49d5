#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a fresh Debian 12 machine and runs the whole test suite:
#   1. CTest, warnings as errors, into build-test/
#   2. the integration, gerbangctl and database tests of build-test/ again, on PostgreSQL
#      (a throwaway cluster, tests/support/pg-cluster.sh, stopped afterwards)
#   3. the same under AddressSanitizer + UndefinedBehaviorSanitizer, into build-sanitize/
#   4. every libFuzzer target (clang) for a bounded time, seeded from tests/data
#      (GERBANG_FUZZ_SECONDS per target, default 15), into build-fuzz/
#   5. the Debian packages, built into build-deb/, linted, installed and run
#      (packaging/test-package.sh): with --package, or as root in CI (CI=true)
# Usage: ./test.sh [--quick] [--package]    (--quick runs pass 1 only)
# Exits non-zero if any build or test fails.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"

quick=0
package=0
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then
    package=1
fi
for arg in "$@"; do
    case "$arg" in
    --quick) quick=1 ;;
    --package) package=1 ;;
    -h | --help)
        sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "test.sh: unknown argument '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done

# shellcheck source=packaging/debian-deps.sh
. packaging/debian-deps.sh
install_packages "${GERBANG_PACKAGES[@]}"
# The receiver's side of signed alert POSTs is checked with the Standard Webhooks reference
# library (npm standardwebhooks, pinned by tests/tools/standard-webhooks/package-lock.json).
command -v node >/dev/null || install_packages nodejs
command -v npm >/dev/null || install_packages npm
npm ci --prefix tests/tools/standard-webhooks --no-audit --no-fund --loglevel=error

jobs=$(nproc 2>/dev/null || echo 2)
export QT_QPA_PLATFORM=offscreen
declare -a summary=()
failed=0

# run_pass NAME BUILD_DIR CMAKE_ARGS...
run_pass() {
    local name=$1 dir=$2
    shift 2
    local start=$SECONDS
    echo
    echo "==== $name: configure and build ($dir) ===="
    if ! cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DGERBANG_BUILD_TESTS=ON "$@"; then
        summary+=("$name: configure FAILED")
        failed=1
        return
    fi
    if ! cmake --build "$dir" --parallel "$jobs"; then
        summary+=("$name: build FAILED")
        failed=1
        return
    fi
    echo
    echo "==== $name: ctest ===="
    local log="$dir/ctest-summary.log"
    if ctest --test-dir "$dir" --output-on-failure -j"$jobs" 2>&1 | tee "$log"; then
        summary+=("$name: $(grep -E 'tests passed' "$log" | tail -n1) ($((SECONDS - start)) s)")
    else
        summary+=("$name: $(grep -E 'tests passed|tests failed' "$log" | tail -n1) - FAILED ($((SECONDS - start)) s)")
        failed=1
    fi
}

run_pass "tests (-Werror)" build-test -DGERBANG_WERROR=ON -DGERBANG_SANITIZE=OFF

# Pass 2 reuses build-test (no rebuild): every test that starts gerbangd or gerbangctl, or
# opens the store, gets its own database on a throwaway cluster (GERBANG_TEST_DATABASE_URL).
postgres_pass() {
    local start=$SECONDS log=build-test/ctest-postgresql.log url
    echo
    echo "==== integration on PostgreSQL: ctest -L 'integration|ctl|database' ===="
    install_packages postgresql
    trap 'tests/support/pg-cluster.sh stop' EXIT
    if ! url=$(tests/support/pg-cluster.sh start); then
        summary+=("integration on PostgreSQL: cluster did not start - FAILED")
        failed=1
        return
    fi
    if GERBANG_TEST_DATABASE_URL=$url ctest --test-dir build-test --output-on-failure \
        -j"$jobs" -L 'integration|ctl|database' 2>&1 | tee "$log"; then
        summary+=("integration on PostgreSQL: $(grep -E 'tests passed' "$log" | tail -n1) ($((SECONDS - start)) s)")
    else
        summary+=("integration on PostgreSQL: $(grep -E 'tests passed|tests failed' "$log" | tail -n1) - FAILED ($((SECONDS - start)) s)")
        failed=1
    fi
    tests/support/pg-cluster.sh stop
    trap - EXIT
}

if [ "$quick" -eq 0 ]; then
    if [ -x build-test/gateway/gerbangd ]; then
        postgres_pass
    else
        summary+=("integration on PostgreSQL: skipped (build-test did not build)")
    fi

    # Leak detection stays on. Full (slow) unwinding on malloc costs ~40 % more test time but
    # gives complete stacks through Qt and OpenSSL, which the suppressions rely on.
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:malloc_context_size=30
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_pass "tests under ASan+UBSan" build-sanitize -DGERBANG_WERROR=ON -DGERBANG_SANITIZE=ON

    echo
    echo "==== fuzzing: every target for ${GERBANG_FUZZ_SECONDS:-15} s ===="
    fuzz_start=$SECONDS
    install_packages clang libclang-rt-14-dev
    if ASAN_OPTIONS= LSAN_OPTIONS= UBSAN_OPTIONS= fuzz/run.sh "${GERBANG_FUZZ_SECONDS:-15}"; then
        summary+=("fuzzing: every target clean ($((SECONDS - fuzz_start)) s)")
    else
        summary+=("fuzzing: a target FAILED, reproducer in build-fuzz/ ($((SECONDS - fuzz_start)) s)")
        failed=1
    fi
fi

if [ "$package" -eq 1 ]; then
    echo
    echo "==== packages: build, lintian, install, run, remove, purge (packaging/test-package.sh) ===="
    package_start=$SECONDS
    if [ "$(id -u)" -ne 0 ]; then
        summary+=("packages: FAILED - packaging/test-package.sh installs packages and needs root")
        failed=1
    elif packaging/test-package.sh; then
        summary+=("packages: built, lintian clean, installed, ran, removed ($((SECONDS - package_start)) s)")
    else
        summary+=("packages: FAILED ($((SECONDS - package_start)) s)")
        failed=1
    fi
fi

echo
echo "==== summary ===="
for line in "${summary[@]}"; do echo "  $line"; done
[ "$quick" -eq 1 ] && echo "  (sanitizer and fuzzing passes skipped: --quick)"
exit "$failed"
