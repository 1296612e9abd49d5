#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck disable=SC2317 # cleanup() runs from the EXIT trap
# Gerbang load benchmark (BRIEF/issue 2). Builds a Release tree in build-bench/, generates
# distinct correctly signed ~1.5 KB WhatsApp text webhooks, starts gerbangd on a temporary data
# directory with rate limits off, and drives it with wrk + bench/whatsapp.lua:
#   1. durable path, maximum throughput (-t2 -c32, after a 5 s warm-up), then with -c128;
#   2. the ceiling: the same load against a bare route that only checks the HMAC, on Gerbang's
#      own HTTP front (gerbang-bench-ceiling) and on a plain QHttpServer (gerbang-bench-qhttpserver);
#      and a peer (issue 18): adnanh/webhook (Debian's webhook), checking the same HMAC and
#      storing nothing; the durable path's rate is reported as a ratio of the peer's;
#   3. durable path at a fixed ~1,000 requests/s (wrk delay()), for p50/p99 latency;
# then reads gerbangd's peak RSS (VmHWM) and checks in the database that exactly one event was
# stored per distinct message sent. Prints a result table (Markdown).
#
# Usage: bench/run.sh [--duration S] [--paced-duration S] [--admin-pairs N] [--postgres] [--keep]
#                     [--baseline REV [--baseline-pairs N]] [--out FILE]
#   --duration: the main durable run (default: 10-60 s, enough for >= 120k distinct payloads
#   at the rate a 5 s warm-up measured). Exit status 1 if the database check fails.
#   --admin-pairs: how many admin listener off/on pairs measure the admin API's cost
#   (default 2; about 45 s each; 0 skips them).
#   --baseline REV: also builds gerbangd and gerbangctl of git revision REV (Release, in
#   build-bench-base/REV/) and compares the durable path of this tree with it under the same
#   load: N pairs of fresh gateways, alternating (default 2), and a last run of this tree.
#   E.g. --baseline 42c65df: the commit before the audit hash chain (issue 17).
#   --postgres: gerbangd stores into a throwaway PostgreSQL cluster on this machine
#   (tests/support/pg-cluster.sh, fsync on) instead of SQLite; its CPU shows as "other cores".
# Traffic goes to 127.0.0.1 only. Needs wrk and sqlite3 (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD

duration=""        # main durable run (c=32); default: long enough for >= 120k distinct payloads
short_duration=10  # the c=128 durable run and each ceiling run
warmup_duration=5  # a first durable run whose rate sizes the payload files
paced_duration=30
admin_pairs=2       # admin listener off/on pairs (each run as long as the main run)
baseline=""         # a git revision to compare the durable path with (--baseline)
baseline_pairs=2
threads=2
keep=0
out=""
postgres=0
while [ $# -gt 0 ]; do
    case "$1" in
    --duration) duration=$2; shift 2 ;;
    --paced-duration) paced_duration=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --postgres) postgres=1; shift ;;
    --admin-pairs) admin_pairs=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --baseline-pairs) baseline_pairs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '4,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------- packages and build
PACKAGES=(qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    libssl-dev libsqlite3-dev cmake ninja-build g++ pkg-config wrk sqlite3 curl webhook)
[ "$postgres" -eq 1 ] && PACKAGES+=(libqt6sql6-psql postgresql)
missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    as_root=()
    [ "$(id -u)" -ne 0 ] && as_root=(sudo)
    echo "bench: installing ${missing[*]}" >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
fi

echo "bench: building Release into build-bench/" >&2
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DGERBANG_BUILD_TESTS=OFF \
    -DGERBANG_BUILD_BENCH=ON -DGERBANG_BENCH_ENGINE_ONLY=ON >/dev/null
# Only what this script runs (not the console: bench/gui_stall.sh builds that).
cmake --build build-bench --parallel "$(nproc)" --target gerbangd gerbangctl gerbang-benchgen \
    gerbang-bench-ceiling gerbang-bench-qhttpserver gerbang-bench-engine-only >&2
B=$root/build-bench
GERBANGD=$B/gateway/gerbangd
GERBANGCTL=$B/gateway/gerbangctl/gerbangctl
BENCHGEN=$B/bench/gerbang-benchgen
CEILING=$B/bench/gerbang-bench-ceiling
QCEILING=$B/bench/gerbang-bench-qhttpserver
ENGINE_ONLY=$B/bench/gerbang-bench-engine-only
LUA=$root/bench/whatsapp.lua

# The baseline, from the repository's history (not the working tree): its own source copy and
# build directory per commit, kept for the next run.
if [ -n "$baseline" ]; then
    base_rev=$(git rev-parse --verify "$baseline^{commit}")
    base_dir=$root/build-bench-base/${base_rev:0:12}
    if [ ! -x "$base_dir/build/gateway/gerbangd" ]; then
        echo "bench: building baseline $baseline ($base_rev) into $base_dir" >&2
        rm -rf "$base_dir"
        mkdir -p "$base_dir/src"
        git archive "$base_rev" | tar -x -C "$base_dir/src"
        cmake -S "$base_dir/src" -B "$base_dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DGERBANG_BUILD_TESTS=OFF >/dev/null
        cmake --build "$base_dir/build" --parallel "$(nproc)" --target gerbangd gerbangctl >&2
    fi
    BASE_GERBANGD=$base_dir/build/gateway/gerbangd
    BASE_GERBANGCTL=$base_dir/build/gateway/gerbangctl/gerbangctl
    head_rev=$(git rev-parse --short HEAD)
    git diff --quiet HEAD -- . 2>/dev/null || head_rev+="+changes"
fi

# ---------------------------------------------------------------- work area and processes
work=$(mktemp -d /tmp/gerbang-bench.XXXXXX)
pids=()
pg_url=""
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    if [ -n "$pg_url" ]; then "$root/tests/support/pg-cluster.sh" stop || true; fi
    if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "bench: kept $work" >&2; fi
}
trap cleanup EXIT

export GERBANG_WHATSAPP_APP_SECRET=bench-app-secret-0123456789abcdef
export GERBANG_RATE_GLOBAL=0 GERBANG_RATE_PER_IP=0
# Defaults, nothing from ~/.config; but wrk's connections all come from one address, which
# the per-address connection cap (64) is there to stop.
printf '[server]\nmax_connections_per_ip=0\n' >"$work/empty.ini"
export GERBANG_CONFIG=$work/empty.ini
unset GERBANG_DATA_DIR GERBANG_LISTEN GERBANG_DATABASE_URL GERBANG_MASTER_KEY || true
# Every gateway here runs with its admin listener off (two would collide on its default port),
# except the one run that measures what the admin API costs.
export GERBANG_ADMIN_LISTEN=
if [ "$postgres" -eq 1 ]; then
    # Its own cluster (not the tests'), durable like a production server. As root the server
    # runs as another user, who cannot enter $work: the cluster lives beside it.
    export GERBANG_PG_DIR=$work.pg GERBANG_PG_FSYNC=on GERBANG_PG_PORT=56432
    pg_url=$("$root/tests/support/pg-cluster.sh" start)
    echo "bench: PostgreSQL at $pg_url (fsync on)" >&2
fi
clk_tck=$(getconf CLK_TCK)

# start_server NAME LOG CMD... : starts CMD, waits for "listening on http://HOST:PORT",
# sets $server_pid and $server_url.
start_server() {
    local name=$1 log=$2
    shift 2
    "$@" >"$log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    for _ in $(seq 1 200); do
        server_url=$(grep -o 'listening on http://[0-9.:]*' "$log" | head -n1 | sed 's/listening on //') || true
        [ -n "$server_url" ] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "bench: $name did not start:" >&2
    cat "$log" >&2
    exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Machine-wide busy ticks (user+nice+system+irq+softirq) and steal ticks, from /proc/stat.
system_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $9}' /proc/stat; }
# Per-thread CPU ticks of a process as "tid:name=ticks" words.
thread_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        printf '%s:%s=%s ' "${t##*/}" "$(tr -c 'A-Za-z0-9_.\n-' '_' <"$t/comm")" \
            "$(awk '{print $14 + $15}' "$t/stat")"
    done
}

# run_wrk LABEL PID URL PAYLOADS CONNS SECONDS [DELAY_MS]: runs wrk and records a result line.
declare -A R # R[label.key] = value
labels=()
# commit_count URL: store transactions gerbangd has committed (0 for a server without /metrics).
commit_count() {
    curl -s --max-time 5 "$1/metrics" |
        awk '$1 == "gerbang_store_commit_duration_seconds_count" {n = $2} END {print n + 0}'
}
run_wrk() {
    local label=$1 pid=$2 url=$3 payloads=$4 conns=$5 secs=$6 delay=${7:-0}
    local before tb sys0 commits0
    commits0=$(commit_count "$url")
    before=$(cpu_ticks "$pid")
    tb=$(thread_ticks "$pid")
    sys0=$(system_ticks)
    local t0 t1
    t0=$(date +%s%N)
    local pacing=""
    [ "$delay" -gt 0 ] && pacing=" (BENCH_DELAY_MS=$delay)"
    echo "bench: [$label] wrk -t$threads -c$conns -d${secs}s$pacing $url" >&2
    rm -f "$payloads".ready.*
    local TIMEFORMAT='%U %S'
    { time BENCH_DELAY_MS=$delay wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency \
        -s "$LUA" "$url/whatsapp/webhook" -- "$payloads" "$threads" >"$work/$label.wrk" 2>&1; } \
        2>"$work/$label.time"
    local after ta sys1
    after=$(cpu_ticks "$pid")
    ta=$(thread_ticks "$pid")
    sys1=$(system_ticks)
    t1=$(date +%s%N)
    local line
    line=$(grep '^BENCH ' "$work/$label.wrk") || { cat "$work/$label.wrk" >&2; exit 1; }
    local kv
    for kv in ${line#BENCH }; do R[$label.${kv%%=*}]=${kv#*=}; done
    R[$label.conns]=$conns
    R[$label.commits]=$(($(commit_count "$url") - commits0))
    R[$label.server_cpu_s]=$(awk -v a="$after" -v b="$before" -v c="$clk_tck" 'BEGIN{printf "%.2f", (a-b)/c}')
    R[$label.wrk_cpu_s]=$(awk '{printf "%.2f", $1 + $2}' "$work/$label.time")
    # CPU used by everything else on the machine meanwhile (other users' builds and tests
    # disturb the figures), and time stolen by the hypervisor.
    local busy0 steal0 busy1 steal1
    read -r busy0 steal0 <<<"$sys0"
    read -r busy1 steal1 <<<"$sys1"
    # Reported as the average number of cores the rest used over the whole wrk invocation
    # (which includes loading the payload file).
    R[$label.other_cores]=$(awk -v b="$((busy1 - busy0))" -v c="$clk_tck" -v s="${R[$label.server_cpu_s]}" \
        -v w="${R[$label.wrk_cpu_s]}" -v ns="$((t1 - t0))" \
        'BEGIN{o = b / c - s - w; if (o < 0) o = 0; printf "%.2f", o / (ns / 1e9)}')
    R[$label.steal_s]=$(awk -v t="$((steal1 - steal0))" -v c="$clk_tck" 'BEGIN{printf "%.2f", t / c}')
    # Per-thread split of the server's CPU time.
    local split="" w key tick0
    for w in $ta; do
        key=${w%%=*}
        # A thread started during the run (the peer's Go runtime makes them) had no ticks.
        tick0=$(tr ' ' '\n' <<<"$tb" | grep "^$key=" | head -n1 | cut -d= -f2) || tick0=0
        split+="${key#*:}[${key%%:*}] $(awk -v a="${w#*=}" -v b="${tick0:-0}" -v c="$clk_tck" 'BEGIN{printf "%.2f", (a-b)/c}') s; "
    done
    R[$label.server_threads]=$split
    labels+=("$label")
    echo "bench: [$label] ${R[$label.rps]} req/s, p50 ${R[$label.p50_ms]} ms, p99 ${R[$label.p99_ms]} ms, non-2xx ${R[$label.non2xx]}" >&2
}

# ---------------------------------------------------------------- payloads
# Every file sent to gerbangd covers its own index range, so no payload is sent twice across
# runs. A durable run's file is sized from the warm-up rate with room to spare; if wrk still
# runs out of distinct payloads (whatsapp.lua then stops the thread: the run is short and its
# rate too low), the run is repeated with twice as many.
next_first=0
ranges=() # "label first count" for the database check
# make_payloads FILE COUNT: writes COUNT payloads from a fresh index range; sets $made_first.
make_payloads() {
    made_first=$next_first
    next_first=$((next_first + 1000000000))
    "$BENCHGEN" --first "$made_first" --count "$2" --out "$1" >&2
    sync # the page cache must not still be writing this file back while gerbangd fsyncs
}
# dsync_probe: average latency of a 4 KiB O_DSYNC write in the work directory (same disk as
# the database): what each commit of gerbangd waits for at least once.
dsync_probe() {
    local t
    t=$( { TIMEFORMAT=%R; time dd if=/dev/zero of="$work/dsync.probe" bs=4k count=500 oflag=dsync 2>/dev/null; } 2>&1)
    rm -f "$work/dsync.probe"
    awk -v t="$t" 'BEGIN{printf "%.3f", t * 1000 / 500}'
}

# durable_run LABEL CONNS SECONDS COUNT [DELAY_MS]
durable_run() {
    local label=$1 conns=$2 secs=$3 count=$4 delay=${5:-0} attempt=0 l=$1
    while :; do
        make_payloads "$work/$l.tsv" "$count"
        ranges+=("$l $made_first $count")
        sleep 1
        run_wrk "$l" "$gd_pid" "$gd_url" "$work/$l.tsv" "$conns" "$secs" "$delay"
        rm -f "$work/$l.tsv" "$work/$l.tsv".ready.*
        if [ "${R[$l.exhausted_threads]}" -eq 0 ] || [ "$attempt" -ge 2 ]; then break; fi
        attempt=$((attempt + 1))
        count=$((count * 2))
        echo "bench: [$l] ran out of distinct payloads; again with $count" >&2
        l=${label}_retry$attempt
    done
    final[$label]=$l
}
declare -A final

warm_count=150000
paced_count=$((paced_duration * 2000))
R[disk.dsync_before_ms]=$(dsync_probe)
echo "bench: 4 KiB O_DSYNC write before the runs: ${R[disk.dsync_before_ms]} ms" >&2

# ---------------------------------------------------------------- gerbangd
data=$work/data
# With --postgres, gerbangd and gerbangctl find the cluster in the environment.
[ -n "$pg_url" ] && export GERBANG_DATABASE_URL=$pg_url
start_server gerbangd "$work/gerbangd.log" "$GERBANGD" --data-dir "$data" --listen 127.0.0.1:0
gd_pid=$server_pid gd_url=$server_url
echo "bench: gerbangd $gd_url (pid $gd_pid, data $data)" >&2

if "$GERBANGCTL" --data-dir "$data" tenant add bench --name Bench --waba 100000000000001 >&2; then
    echo "bench: tenant added with gerbangctl" >&2
elif [ -n "$pg_url" ]; then
    echo "bench: gerbangctl tenant add failed" >&2
    exit 1
else
    echo "bench: gerbangctl tenant add failed; inserting the tenant with sqlite3" >&2
    now_ms=$(($(date +%s) * 1000))
    sqlite3 "$data/gerbang.sqlite" <<SQL
PRAGMA busy_timeout=5000;
BEGIN IMMEDIATE;
INSERT INTO tenants (id, name, enabled, created_at, updated_at) VALUES ('bench', 'Bench', 1, $now_ms, $now_ms);
INSERT INTO tenant_routes (kind, value, tenant_id) VALUES ('waba', '100000000000001', 'bench');
UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'config_revision';
COMMIT;
SQL
fi
sleep 2.5 # gerbangd polls the configuration revision every second

durable_run warmup 32 "$warmup_duration" "$warm_count"
r0=${R[${final[warmup]}.rps]%.*}
[ "$r0" -gt 0 ] || r0=1
if [ -z "$duration" ]; then
    duration=$(((120000 + r0 - 1) / r0))
    [ "$duration" -lt 15 ] && duration=15
    [ "$duration" -gt 60 ] && duration=60
fi
# Room for a faster main run than the warm-up and for wrk threads that do not share the load
# evenly (each owns half the file).
cap=600000
main_count=$((r0 * duration * 3))
[ "$main_count" -lt 150000 ] && main_count=150000
[ "$main_count" -gt "$cap" ] && main_count=$cap
wide_count=$((r0 * short_duration * 4))
[ "$wide_count" -lt 150000 ] && wide_count=150000
[ "$wide_count" -gt "$cap" ] && wide_count=$cap
echo "bench: warm-up rate $r0 req/s: main run ${duration}s over $main_count payloads, c=128 run over $wide_count" >&2

durable_run durable_c32 32 "$duration" "$main_count"
hwm_c32=$(awk '/VmHWM/ {print $2}' "/proc/$gd_pid/status")
durable_run durable_c128 128 "$short_duration" "$wide_count"

# ---------------------------------------------------------------- ceilings (gerbangd idles)
# These store nothing, so wrk may cycle through one file (BENCH_WRAP=1).
"$BENCHGEN" --first 9000000000 --count 200000 --out "$work/ceiling.tsv" >&2
export BENCH_WRAP=1
start_server ceiling "$work/ceiling.log" "$CEILING" --port 0
ceil_pid=$server_pid ceil_url=$server_url
run_wrk ceiling_c32 "$ceil_pid" "$ceil_url" "$work/ceiling.tsv" 32 "$short_duration"
run_wrk ceiling_c128 "$ceil_pid" "$ceil_url" "$work/ceiling.tsv" 128 "$short_duration"
kill "$ceil_pid"
if [ -x "$QCEILING" ]; then
    start_server qhttpserver "$work/qhttpserver.log" "$QCEILING" --port 0
    q_pid=$server_pid q_url=$server_url
    run_wrk qhttpserver_c32 "$q_pid" "$q_url" "$work/ceiling.tsv" 32 "$short_duration"
    kill "$q_pid"
fi
# The engine without its store (gerbangd up to the durable commit, then 200 at once): the most
# any store could reach. Its own data directory and tenant; nothing is stored, so it may wrap.
start_server engine-only "$work/engine-only.log" env -u GERBANG_DATABASE_URL "$ENGINE_ONLY" \
    --data-dir "$work/engine-only" --listen 127.0.0.1:0
eo_pid=$server_pid eo_url=$server_url
env -u GERBANG_DATABASE_URL "$GERBANGCTL" --data-dir "$work/engine-only" tenant add bench \
    --name Bench --waba 100000000000001 >&2
sleep 2.5 # the configuration revision poll
run_wrk engine_only_c32 "$eo_pid" "$eo_url" "$work/ceiling.tsv" 32 "$short_duration"
kill "$eo_pid"
# The peer (issue 18): adnanh/webhook 2.8 (Debian's webhook) with one hook, a
# payload-hmac-sha256 rule on X-Hub-Signature-256 and no command: it verifies what gerbangd
# verifies and stores nothing (200 for a good signature). It prints no address: a free port.
peer_port=""
for candidate in $(seq 19100 19199); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then peer_port=$candidate; break; fi
done
cat >"$work/hooks.json" <<JSON
[{"id": "webhook",
  "trigger-rule": {"match": {"type": "payload-hmac-sha256", "secret": "$GERBANG_WHATSAPP_APP_SECRET",
                             "parameter": {"source": "header", "name": "X-Hub-Signature-256"}}}}]
JSON
webhook -hooks "$work/hooks.json" -ip 127.0.0.1 -port "$peer_port" -urlprefix whatsapp \
    -http-methods POST >"$work/webhook.log" 2>&1 &
peer_pid=$!
pids+=("$peer_pid")
peer_url=http://127.0.0.1:$peer_port
for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$peer_url/whatsapp/webhook")" != 000 ] && break
    sleep 0.1
done
run_wrk webhook_peer_c32 "$peer_pid" "$peer_url" "$work/ceiling.tsv" 32 "$short_duration"
kill "$peer_pid"
unset BENCH_WRAP
rm -f "$work/ceiling.tsv" "$work/ceiling.tsv".ready.*

# ---------------------------------------------------------------- paced run
# 10 connections, each waiting D ms after every response: each sends one request per
# (D + latency + ~1 ms timer slack). A 5 s calibration at D = 8 measures that cycle, and D is
# then set so that the 10 connections together send ~1,000 requests/s.
paced_conns=10
durable_run paced_calibration "$paced_conns" 5 15000 8
cal=${final[paced_calibration]}
paced_delay=$(awk -v r="${R[$cal.rps]}" -v c="$paced_conns" 'BEGIN{
    cycle = c * 1000 / (r > 0 ? r : 1); d = 8 - (cycle - c * 1000 / 1000);
    d = int(d + 0.5); if (d < 1) d = 1; print d }')
echo "bench: calibration ${R[$cal.rps]} req/s at 8 ms: paced run with ${paced_delay} ms" >&2
# Latency varies (disk, other load): if the run lands outside 900-1,100 requests/s, set D from
# its own cycle and run it again (at most twice).
for attempt in 0 1 2; do
    label=durable_paced
    [ "$attempt" -gt 0 ] && label=durable_paced_rerun$attempt
    durable_run "$label" "$paced_conns" "$paced_duration" "$paced_count" "$paced_delay"
    pr=${R[${final[$label]}.rps]%.*}
    final[durable_paced]=${final[$label]}
    if [ "$pr" -ge 900 ] && [ "$pr" -le 1100 ]; then break; fi
    next_delay=$(awk -v r="${R[${final[$label]}.rps]}" -v c="$paced_conns" -v d="$paced_delay" 'BEGIN{
        cycle = c * 1000 / (r > 0 ? r : 1); n = d - (cycle - c); n = int(n + 0.5); if (n < 1) n = 1; print n }')
    if [ "$next_delay" -eq "$paced_delay" ]; then break; fi
    echo "bench: paced run at ${R[${final[$label]}.rps]} req/s; again with ${next_delay} ms" >&2
    paced_delay=$next_delay
done
hwm_all=$(awk '/VmHWM/ {print $2}' "/proc/$gd_pid/status")
rss_now=$(awk '/VmRSS/ {print $2}' "/proc/$gd_pid/status")
R[disk.dsync_after_ms]=$(dsync_probe)

# ---------------------------------------------------------------- stop gerbangd and check
sleep 1
kill -TERM "$gd_pid"
gd_exit=0
wait "$gd_pid" || gd_exit=$?
db=$data/gerbang.sqlite
if [ -n "$pg_url" ]; then
    q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$pg_url" -c "$1"; }
    idx_expr="CAST(right(provider_event_id, 12) AS BIGINT)"
else
    q() { sqlite3 -batch -noheader "$db" "$1"; }
    idx_expr="CAST(substr(provider_event_id, -12) AS INTEGER)"
fi

check_failures=0
check_lines=()
total_events=$(q "SELECT count(*) FROM events")
distinct_events=$(q "SELECT count(DISTINCT provider_event_id) FROM events")
distinct_keys=$(q "SELECT count(DISTINCT tenant_id || '|' || dedup_key) FROM events")
if [ "$total_events" -eq "$distinct_events" ] && [ "$total_events" -eq "$distinct_keys" ]; then
    check_lines+=("ok: $total_events events, $distinct_events distinct wamids (no duplicates)")
else
    check_lines+=("FAIL: $total_events events but $distinct_events distinct wamids / $distinct_keys distinct dedup keys")
    check_failures=1
fi

# check_run LABEL FIRST COUNT: the events whose wamid index lies in [FIRST, FIRST+COUNT) must be
# exactly the payloads the run sent, less at most the requests still unanswered when wrk stopped.
check_run() {
    local label=$1 first=$2 count=$3
    local -a gen load
    IFS=, read -r -a gen <<<"${R[$label.generated_per_thread]}"
    IFS=, read -r -a load <<<"${R[$label.loaded_per_thread]}"
    local idx=$idx_expr
    local inrange="$idx >= $first AND $idx < $((first + count))"
    local sent_cond="" sent=0 t k
    for t in "${!gen[@]}"; do
        k=$((gen[t] < load[t] ? gen[t] : load[t]))
        sent=$((sent + k))
        sent_cond+="${sent_cond:+ OR }(($idx - $first) % $threads = $t AND ($idx - $first) / $threads < $k)"
    done
    local stored outside
    stored=$(q "SELECT count(*) FROM events WHERE $inrange")
    outside=$(q "SELECT count(*) FROM events WHERE $inrange AND NOT ($sent_cond)")
    # POSTs generated but not answered when wrk stopped (a thread that ran out of payloads also
    # sent one GET /health).
    local unanswered=$((${R[$label.generated]} + ${R[$label.exhausted_threads]} - ${R[$label.requests]}))
    [ "$unanswered" -lt 0 ] && unanswered=0
    local lost=$((sent - (stored - outside)))
    R[$label.distinct_sent]=$sent
    R[$label.stored]=$stored
    if [ "$outside" -eq 0 ] && [ "$lost" -ge 0 ] && [ "$lost" -le "$unanswered" ] &&
        [ "${R[$label.non2xx]}" -eq 0 ]; then
        check_lines+=("ok: $label: $sent distinct payloads sent, $stored events stored ($lost of the $unanswered requests unanswered when wrk stopped were not committed; ${R[$label.wrapped]} wrap-arounds, ${R[$label.exhausted_threads]} wrk threads ran out of payloads)")
    else
        check_lines+=("FAIL: $label: $sent distinct sent, $stored stored, $outside not sent, $lost missing (allowed $unanswered unanswered), non-2xx ${R[$label.non2xx]}")
        check_failures=1
    fi
}
covered=""
for r in "${ranges[@]}"; do
    read -r l first count <<<"$r"
    check_run "$l" "$first" "$count"
    covered+="${covered:+ OR }($idx_expr BETWEEN $first AND $((first + count - 1)))"
done
unrelated=$(q "SELECT count(*) FROM events WHERE NOT ($covered)")
if [ "$unrelated" -ne 0 ]; then
    check_lines+=("FAIL: $unrelated events that no run sent")
    check_failures=1
fi
audit=$(q "SELECT outcome || ':' || http_status || '=' || count(*) FROM audit_log GROUP BY outcome, http_status" | tr '\n' ' ')
if [ -n "$pg_url" ]; then
    db_size="PostgreSQL database $(q "SELECT pg_database_size(current_database()) / 1048576") MB"
else
    db_size="data dir $(du -sm "$data" | cut -f1) MB"
fi

# ---------------------------------------------------------------- the admin API's cost
# The webhook path must not pay for the admin API (issue #15). Fresh gateways under the same
# durable load, alternating: the admin listener off, then on with one client streaming GET
# /admin/v1/live (a statistics snapshot every second): --admin-pairs N pairs (default 2) and
# a last "off" run. The mean of the "on" runs is compared with the mean of the "off" ones; the spread of
# the "off" runs shows how much the machine itself varies.
admin_run() { # LABEL ADMIN_LISTEN STREAM(0|1)
    local label=$1 listen=$2 stream=$3 dir=$work/$1 pid url reader="" token admin_port
    start_server "$label" "$work/$label.log" \
        env GERBANG_ADMIN_LISTEN="$listen" "$GERBANGD" --data-dir "$dir" --listen 127.0.0.1:0
    pid=$server_pid url=$server_url
    "$GERBANGCTL" --data-dir "$dir" tenant add bench --name Bench --waba 100000000000001 \
        >/dev/null 2>&1 || true
    if [ "$stream" = 1 ]; then
        token=$("$GERBANGCTL" --data-dir "$dir" admin token create "bench-live-$label" --role viewer 2>/dev/null)
        admin_port=$(grep -o 'admin API on http://[0-9.]*:[0-9]*' "$work/$label.log" | sed 's/.*://')
        sleep 2 # the gateway loads the new token within a second
        # A bare HTTP/1.1 client (bash's /dev/tcp): the stream never ends, and it reads all.
        (
            exec 3<>"/dev/tcp/127.0.0.1/$admin_port"
            printf 'GET /admin/v1/live HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer %s\r\n\r\n' "$token" >&3
            cat <&3
        ) >"$work/$label.live" 2>/dev/null &
        reader=$!
    fi
    sleep 2.5
    gd_pid=$pid gd_url=$url
    durable_run "$label" 32 "$duration" "$main_count"
    if [ -n "$reader" ]; then
        R[$label.live_snapshots]=$(grep -c '^event: stats' "$work/$label.live" || true)
        kill "$reader" 2>/dev/null || true
    fi
    kill -TERM "$pid"
    wait "$pid" || true
}
off_runs=() on_runs=()
if [ "$admin_pairs" -gt 0 ]; then
    for i in $(seq 1 "$admin_pairs"); do
        admin_run "admin_off_$i" "" 0
        off_runs+=("admin_off_$i")
        admin_run "admin_streaming_$i" 127.0.0.1:0 1
        on_runs+=("admin_streaming_$i")
    done
    admin_run "admin_off_$((admin_pairs + 1))" "" 0
    off_runs+=("admin_off_$((admin_pairs + 1))")
fi

# ---------------------------------------------------------------- this tree against a baseline
# --baseline REV: fresh gateways of this tree and of REV in turn, each on its own empty store
# (on PostgreSQL, its own database in the cluster), under the same durable load as the main
# run; then each store is checked: every request answered 200 is stored, nothing else.
compare_run() { # LABEL GERBANGD GERBANGCTL
    local label=$1 daemon=$2 ctl=$3 dir=$work/$1 pid url stored db_url=""
    if [ -n "$pg_url" ]; then
        psql -X -q -v ON_ERROR_STOP=1 "$pg_url" -c "CREATE DATABASE $label" >/dev/null
        db_url=${pg_url%/*}/$label
    fi
    start_server "$label" "$work/$label.log" \
        env GERBANG_DATABASE_URL="$db_url" "$daemon" --data-dir "$dir" --listen 127.0.0.1:0
    pid=$server_pid url=$server_url
    env GERBANG_DATABASE_URL="$db_url" "$ctl" --data-dir "$dir" tenant add bench --name Bench \
        --waba 100000000000001 >/dev/null
    sleep 2.5 # the configuration revision poll
    gd_pid=$pid gd_url=$url
    durable_run "$label" 32 "$duration" "$main_count"
    kill -TERM "$pid"
    wait "$pid" || true
    local l=${final[$label]}
    if [ -n "$db_url" ]; then
        stored=$(psql -X -q -A -t "$db_url" -c "SELECT count(*) FROM events")
    else
        stored=$(sqlite3 -batch -noheader "$dir/gerbang.sqlite" "SELECT count(*) FROM events")
    fi
    # Answered 200 (wrk's requests less non-2xx, less a thread's closing GET /health) must be
    # stored; at most the requests unanswered when wrk stopped may be stored beyond them.
    local answered=$((${R[$l.requests]} - ${R[$l.non2xx]} - ${R[$l.exhausted_threads]}))
    local unanswered=$((${R[$l.generated]} + ${R[$l.exhausted_threads]} - ${R[$l.requests]}))
    [ "$unanswered" -lt 0 ] && unanswered=0
    if [ "${R[$l.non2xx]}" -eq 0 ] && [ "$stored" -ge "$answered" ] &&
        [ "$stored" -le $((answered + unanswered)) ]; then
        check_lines+=("ok: $label: $answered answered 200, $stored events stored")
    else
        check_lines+=("FAIL: $label: $answered answered 200, $stored events stored (allowed up to $unanswered more), non-2xx ${R[$l.non2xx]}")
        check_failures=1
    fi
}
head_runs=() base_runs=()
if [ -n "$baseline" ]; then
    for i in $(seq 1 "$baseline_pairs"); do
        compare_run "head_$i" "$GERBANGD" "$GERBANGCTL"
        head_runs+=("head_$i")
        compare_run "base_$i" "$BASE_GERBANGD" "$BASE_GERBANGCTL"
        base_runs+=("base_$i")
    done
    compare_run "head_$((baseline_pairs + 1))" "$GERBANGD" "$GERBANGCTL"
    head_runs+=("head_$((baseline_pairs + 1))")
fi

# ---------------------------------------------------------------- report
pct() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f", 100 * a / b; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }
m=${final[durable_c32]} w=${final[durable_c128]} pc=${final[durable_paced]}
ratio32=$(pct "${R[$m.rps]}" "${R[ceiling_c32.rps]}")
ratio128=$(pct "${R[$w.rps]}" "${R[ceiling_c128.rps]}")
# A durable rate measured after wrk ran out of distinct payloads includes cheap duplicates.
valid() { [ "${R[$1.exhausted_threads]}" -eq 0 ] || echo " (INVALID: wrk ran out of distinct payloads)"; }
verdict() { if awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{exit !((op == "ge") ? v >= t : v <= t)}'; then echo met; else echo MISSED; fi; }

report=$work/report.md
{
    echo "### Results — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r)"
    echo
    echo "Payloads: ~1.5 KB signed WhatsApp text webhooks, one distinct wamid each. wrk -t$threads, keep-alive."
    if [ -n "$pg_url" ]; then
        echo "Store: PostgreSQL $(q "SHOW server_version" | cut -d' ' -f1) on this machine (fsync on); its CPU counts in \"other cores\"."
    else
        echo "Store: SQLite $(sqlite3 --version | cut -d' ' -f1) (WAL, synchronous=FULL) in the data directory."
    fi
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). CPU times cover the whole wrk invocation, so wrk's include"
    echo "loading its payload file; \"other cores\" is how many of the $(nproc) cores the rest of the machine kept busy meanwhile (0 on a quiet machine)."
    echo
    echo "| run | server | conns | duration s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | server CPU s | wrk CPU s | other cores | steal s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for l in "${labels[@]}"; do
        case $l in
        durable_* | warmup* | paced_*) srv=gerbangd ;;
        admin_off*) srv="gerbangd, admin listener off" ;;
        admin_streaming*) srv="gerbangd, admin listener on, one client streaming /admin/v1/live" ;;
        head_*) srv="gerbangd of this tree ($head_rev)" ;;
        base_*) srv="gerbangd of the baseline $baseline" ;;
        ceiling_*) srv="gerbang-bench-ceiling (HMAC only, Gerbang HTTP front)" ;;
        qhttpserver_*) srv="gerbang-bench-qhttpserver (HMAC only, QHttpServer)" ;;
        engine_only_*) srv="gerbang-bench-engine-only (gerbangd without its store)" ;;
        webhook_peer_*) srv="adnanh/webhook $(webhook -version | awk '{print $3}') (HMAC only, stores nothing)" ;;
        esac
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$l" "$srv" \
            "${R[$l.conns]}" "${R[$l.duration_s]}" "${R[$l.requests]}" "${R[$l.rps]}" \
            "${R[$l.p50_ms]}" "${R[$l.p90_ms]}" "${R[$l.p99_ms]}" "${R[$l.max_ms]}" \
            "${R[$l.non2xx]}" "${R[$l.server_cpu_s]}" "${R[$l.wrk_cpu_s]}" "${R[$l.other_cores]}" \
            "${R[$l.steal_s]}"
    done
    echo
    echo "| target | measured | |"
    echo "|---|---|---|"
    echo "| durable ≥ 50 % of the ceiling (c=32) | ${R[$m.rps]} / ${R[ceiling_c32.rps]} req/s = $ratio32 % | $(verdict "$ratio32" 50 ge)$(valid "$m") |"
    echo "| (same at c=128, for information) | ${R[$w.rps]} / ${R[ceiling_c128.rps]} req/s = $ratio128 %$(valid "$w") | |"
    echo "| (gerbangd without its store, c=32: the most any store could reach) | ${R[engine_only_c32.rps]} / ${R[ceiling_c32.rps]} req/s = $(pct "${R[engine_only_c32.rps]}" "${R[ceiling_c32.rps]}") % | |"
    peer_ratio=$(awk -v a="${R[$m.rps]}" -v b="${R[webhook_peer_c32.rps]}" 'BEGIN{ if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    echo "| durable ≥ 0.75 × adnanh/webhook HMAC-only (c=32, issue 18) | ${R[$m.rps]} / ${R[webhook_peer_c32.rps]} req/s = $peer_ratio | $(verdict "$peer_ratio" 0.75 ge)$(valid "$m") |"
    if [ -n "$pg_url" ]; then
        echo "| PostgreSQL: durable ≥ 5,000 req/s at c=32 (issue 18) | ${R[$m.rps]} req/s | $(verdict "${R[$m.rps]}" 5000 ge)$(valid "$m") |"
        echo "| PostgreSQL: p99 ≤ 10 ms at ~1,000 req/s (issue 18) | p99 ${R[$pc.p99_ms]} ms at ${R[$pc.rps]} req/s | $(verdict "${R[$pc.p99_ms]}" 10 le)$(valid "$pc") |"
    fi
    echo "| p99 ≤ 5 ms at ~1,000 req/s | p99 ${R[$pc.p99_ms]} ms (p50 ${R[$pc.p50_ms]} ms) at ${R[$pc.rps]} req/s | $(verdict "${R[$pc.p99_ms]}" 5 le)$(valid "$pc") |"
    mean_of() { # LABEL... : the mean of their req/s
        local l sum=0 n=0
        for l in "$@"; do sum=$(awk -v a="$sum" -v b="${R[${final[$l]}.rps]}" 'BEGIN{print a + b}'); n=$((n + 1)); done
        awk -v s="$sum" -v n="$n" 'BEGIN{printf "%.0f", s / n}'
    }
    spread_of() { # LABEL... : their req/s, comma-separated
        local l list=""
        for l in "$@"; do list+="${list:+, }${R[${final[$l]}.rps]}"; done
        echo "$list"
    }
    cpu_per_request_of() { # LABEL... : the server's mean CPU per request, µs
        local l cpu=0 n=0
        for l in "$@"; do
            cpu=$(awk -v a="$cpu" -v b="${R[${final[$l]}.server_cpu_s]}" 'BEGIN{print a + b}')
            n=$((n + ${R[${final[$l]}.requests]}))
        done
        awk -v c="$cpu" -v n="$n" 'BEGIN{ if (n > 0) printf "%.0f", c * 1e6 / n; else print "n/a" }'
    }
    delta() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f", 100 * (a - b) / b; else print "n/a" }'; }
    if [ ${#on_runs[@]} -gt 0 ]; then
        off_mean=$(mean_of "${off_runs[@]}")
        on_mean=$(mean_of "${on_runs[@]}")
        admin_delta=$(delta "$on_mean" "$off_mean")
        snapshots=""
        for l in "${on_runs[@]}"; do snapshots+="${snapshots:+, }${R[${final[$l]}.live_snapshots]:-0}"; done
        echo "| admin listener on with a client streaming /admin/v1/live at most 5 % slower than off (c=32) | on $(spread_of "${on_runs[@]}") (mean $on_mean; snapshots received: $snapshots) vs off $(spread_of "${off_runs[@]}") (mean $off_mean) req/s: $admin_delta % | $(verdict "$admin_delta" -5 ge) |"
    fi
    if [ ${#base_runs[@]} -gt 0 ]; then
        head_mean=$(mean_of "${head_runs[@]}")
        base_mean=$(mean_of "${base_runs[@]}")
        echo "| this tree ($head_rev) against the baseline $baseline, durable c=32 (for information) | this tree $(spread_of "${head_runs[@]}") (mean $head_mean; $(cpu_per_request_of "${head_runs[@]}") µs CPU per request) vs baseline $(spread_of "${base_runs[@]}") (mean $base_mean; $(cpu_per_request_of "${base_runs[@]}") µs CPU per request) req/s: $(delta "$head_mean" "$base_mean") % | |"
    fi
    echo "| peak RSS ≤ 80 MB | VmHWM $(mb "$hwm_all") MB (after the c=32 run: $(mb "$hwm_c32") MB; VmRSS at the end $(mb "$rss_now") MB) | $(verdict "$(mb "$hwm_all")" 80 le) |"
    echo
    echo "Disk: a 4 KiB O_DSYNC write took ${R[disk.dsync_before_ms]} ms on average before the runs, ${R[disk.dsync_after_ms]} ms after."
    echo
    echo "Server CPU by thread:"
    for l in "${labels[@]}"; do echo "- $l: ${R[$l.server_threads]}"; done
    echo
    echo "Group commits (gerbangd's /metrics; every commit costs an fsync and rewrites the last"
    echo "page of each B-tree it touches, so more requests per commit means less work per request):"
    for l in "${labels[@]}"; do
        [ "${R[$l.commits]:-0}" -gt 0 ] || continue
        echo "- $l: ${R[$l.commits]} commits, $(awk -v r="${R[$l.requests]}" -v c="${R[$l.commits]}" 'BEGIN{printf "%.1f", r / c}') requests per commit"
    done
    echo
    echo "Database check (after SIGTERM; gerbangd exit status $gd_exit; $db_size):"
    for c in "${check_lines[@]}"; do echo "- $c"; done
    echo "- audit rows by outcome:status: $audit"
} >"$report"
cat "$report"
[ -n "$out" ] && cp "$report" "$out"
exit "$check_failures"
