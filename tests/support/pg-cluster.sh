#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the integration tests, run by an unprivileged user.
#   pg-cluster.sh start   creates and starts it (if not running), prints its URL
#   pg-cluster.sh url     prints the URL of the running cluster
#   pg-cluster.sh stop    stops it and deletes every file of it
# The cluster listens on 127.0.0.1 (first free port from GERBANG_PG_PORT, default 55432) and
# on a unix socket in its directory, trusts local connections (it is for tests only), and
# has an empty database `gerbang_test`; tests create one database per case beside it.
# It runs without fsync (a crash of the machine loses a throwaway cluster anyway; with fsync,
# every DROP DATABASE waits for a checkpoint, which takes seconds on a busy disk): set
# GERBANG_PG_FSYNC=on to measure durable throughput.
# Environment: GERBANG_PG_DIR (default: one directory per checkout under /tmp),
# GERBANG_PG_BIN (default: the newest /usr/lib/postgresql/*/bin), GERBANG_PG_PORT,
# GERBANG_PG_FSYNC (off|on).
# As root the server runs as the system user `gerbangtest` (created when missing), because
# PostgreSQL refuses to run as root.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
checkout_id=$(printf '%s' "$root" | sha256sum | cut -c1-10)
dir=${GERBANG_PG_DIR:-/tmp/gerbang-pg-$(id -u)-$checkout_id}
bin=${GERBANG_PG_BIN:-$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null |
    sort -V | tail -n1)}
db_user=gerbang
run_user=gerbangtest

die() {
    echo "pg-cluster.sh: $*" >&2
    exit 1
}

# as_owner CMD... runs CMD as the user that owns the cluster.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$run_user" -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    # bash's /dev/tcp connects only when something listens.
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

url() {
    [ -f "$dir/port" ] || die "no cluster in $dir (run '$0 start')"
    echo "postgresql://$db_user@127.0.0.1:$(cat "$dir/port")/gerbang_test"
}

running() {
    [ -f "$dir/data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start() {
    [ -x "$bin/initdb" ] || die "PostgreSQL server binaries not found (install the Debian package 'postgresql')"
    if [ -d "$dir" ] && running; then
        url
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/socket"
    if [ "$(id -u)" -eq 0 ]; then
        getent passwd "$run_user" >/dev/null ||
            useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
                "$run_user"
        chown -R "$run_user:" "$dir"
    fi
    chmod 0700 "$dir/data"
    chmod 0755 "$dir" "$dir/socket"
    as_owner "$bin/initdb" -D "$dir/data" -U "$db_user" --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || die "initdb failed: $(cat "$dir/initdb.log")"
    local port=${GERBANG_PG_PORT:-55432} attempt
    # The port may also be taken between our check and the server's bind, e.g. as the local
    # end of some outgoing connection (it is inside Linux's ephemeral range): then the next.
    for attempt in 1 2 3 4 5; do
        while port_in_use "$port"; do port=$((port + 1)); done
        # Local only; enough connections for several gateways and parallel test processes.
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c max_connections=200 -c fsync=${GERBANG_PG_FSYNC:-off}" \
            start >/dev/null; then
            break
        fi
        if [ "$attempt" -eq 5 ] || ! grep -q 'Address already in use' "$dir/data/server.log"; then
            die "the server did not start: $(tail -n 20 "$dir/data/server.log")"
        fi
        : >"$dir/data/server.log"
        port=$((port + 1))
    done
    echo "$port" >"$dir/port"
    as_owner "$bin/psql" -q -h "$dir/socket" -p "$port" -U "$db_user" -d postgres \
        -c "CREATE DATABASE gerbang_test" >/dev/null
    url
}

stop() {
    if [ -d "$dir/data" ] && running; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) url ;;
*)
    sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
