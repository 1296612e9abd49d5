#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck disable=SC2317 # cleanup() runs from the EXIT trap
# Gerbang load benchmark (BRIEF/issue 2). Builds a Release tree in build-bench/, generates
# distinct correctly signed ~1.5 KB WhatsApp text webhooks, starts gerbangd on a temporary data
# directory with rate limits off, and drives it with wrk + bench/whatsapp.lua:
#   1. durable path, maximum throughput (-t2 -c32), then the same with -c128;
#   2. the ceiling: the same load against a bare route that only checks the HMAC, on Gerbang's
#      own HTTP front (gerbang-bench-ceiling) and on a plain QHttpServer (gerbang-bench-qhttpserver);
#   3. durable path at a fixed ~1,000 requests/s (wrk delay()), for p50/p99 latency;
# then reads gerbangd's peak RSS (VmHWM) and checks in the database that exactly one event was
# stored per distinct message sent. Prints a result table (Markdown).
#
# Usage: bench/run.sh [--duration S] [--paced-duration S] [--keep] [--out FILE]
# Traffic goes to 127.0.0.1 only. Needs wrk and sqlite3 (installed when missing, as root).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD

duration=30       # main durable run (c=32): long enough for > 100k distinct payloads
short_duration=10 # the c=128 durable run and each ceiling run
paced_duration=30
threads=2
keep=0
out=""
while [ $# -gt 0 ]; do
    case "$1" in
    --duration) duration=$2; shift 2 ;;
    --paced-duration) paced_duration=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

# ---------------------------------------------------------------- packages and build
PACKAGES=(qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    libssl-dev cmake ninja-build g++ pkg-config wrk sqlite3)
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
    -DGERBANG_BUILD_BENCH=ON >/dev/null
cmake --build build-bench --parallel "$(nproc)" >&2
B=$root/build-bench
GERBANGD=$B/gateway/gerbangd
GERBANGCTL=$B/gateway/gerbangctl/gerbangctl
BENCHGEN=$B/bench/gerbang-benchgen
CEILING=$B/bench/gerbang-bench-ceiling
QCEILING=$B/bench/gerbang-bench-qhttpserver
LUA=$root/bench/whatsapp.lua

# ---------------------------------------------------------------- work area and processes
work=$(mktemp -d /tmp/gerbang-bench.XXXXXX)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
    if [ "$keep" -eq 0 ]; then rm -rf "$work"; else echo "bench: kept $work" >&2; fi
}
trap cleanup EXIT

export GERBANG_WHATSAPP_APP_SECRET=bench-app-secret-0123456789abcdef
export GERBANG_RATE_GLOBAL=0 GERBANG_RATE_PER_IP=0
: >"$work/empty.ini" # an empty configuration: defaults, nothing from ~/.config
export GERBANG_CONFIG=$work/empty.ini
unset GERBANG_DATA_DIR GERBANG_LISTEN GERBANG_DATABASE_URL GERBANG_MASTER_KEY || true
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
run_wrk() {
    local label=$1 pid=$2 url=$3 payloads=$4 conns=$5 secs=$6 delay=${7:-0}
    local before tb
    before=$(cpu_ticks "$pid")
    tb=$(thread_ticks "$pid")
    local pacing=""
    [ "$delay" -gt 0 ] && pacing=" (BENCH_DELAY_MS=$delay)"
    echo "bench: [$label] wrk -t$threads -c$conns -d${secs}s$pacing $url" >&2
    local TIMEFORMAT='%U %S'
    { time BENCH_DELAY_MS=$delay wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency \
        -s "$LUA" "$url/whatsapp/webhook" -- "$payloads" "$threads" >"$work/$label.wrk" 2>&1; } \
        2>"$work/$label.time"
    local after ta
    after=$(cpu_ticks "$pid")
    ta=$(thread_ticks "$pid")
    local line
    line=$(grep '^BENCH ' "$work/$label.wrk") || { cat "$work/$label.wrk" >&2; exit 1; }
    local kv
    for kv in ${line#BENCH }; do R[$label.${kv%%=*}]=${kv#*=}; done
    R[$label.conns]=$conns
    R[$label.server_cpu_s]=$(awk -v a="$after" -v b="$before" -v c="$clk_tck" 'BEGIN{printf "%.2f", (a-b)/c}')
    R[$label.wrk_cpu_s]=$(awk '{printf "%.2f", $1 + $2}' "$work/$label.time")
    # Per-thread split of the server's CPU time.
    local split="" w key tick0
    for w in $ta; do
        key=${w%%=*}
        tick0=$(tr ' ' '\n' <<<"$tb" | grep "^$key=" | head -n1 | cut -d= -f2)
        split+="${key#*:}[${key%%:*}] $(awk -v a="${w#*=}" -v b="${tick0:-0}" -v c="$clk_tck" 'BEGIN{printf "%.2f", (a-b)/c}') s; "
    done
    R[$label.server_threads]=$split
    labels+=("$label")
    echo "bench: [$label] ${R[$label.rps]} req/s, p50 ${R[$label.p50_ms]} ms, p99 ${R[$label.p99_ms]} ms, non-2xx ${R[$label.non2xx]}" >&2
}

# ---------------------------------------------------------------- payloads
# Disjoint index ranges, so no payload is sent twice to gerbangd across runs.
MAIN_FIRST=0 MAIN_COUNT=200000
WIDE_FIRST=1000000000 WIDE_COUNT=200000
PACED_FIRST=2000000000 PACED_COUNT=60000
"$BENCHGEN" --first $MAIN_FIRST --count $MAIN_COUNT --out "$work/main.tsv" >&2
"$BENCHGEN" --first $WIDE_FIRST --count $WIDE_COUNT --out "$work/wide.tsv" >&2
"$BENCHGEN" --first $PACED_FIRST --count $PACED_COUNT --out "$work/paced.tsv" >&2

# ---------------------------------------------------------------- gerbangd
data=$work/data
start_server gerbangd "$work/gerbangd.log" "$GERBANGD" --data-dir "$data" --listen 127.0.0.1:0
gd_pid=$server_pid gd_url=$server_url
echo "bench: gerbangd $gd_url (pid $gd_pid, data $data)" >&2

if "$GERBANGCTL" --data-dir "$data" tenant add bench --name Bench --waba 100000000000001 >&2; then
    echo "bench: tenant added with gerbangctl" >&2
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

run_wrk durable_c32 "$gd_pid" "$gd_url" "$work/main.tsv" 32 "$duration"
hwm_c32=$(awk '/VmHWM/ {print $2}' "/proc/$gd_pid/status")
sleep 1
run_wrk durable_c128 "$gd_pid" "$gd_url" "$work/wide.tsv" 128 "$short_duration"
sleep 1

# ---------------------------------------------------------------- ceilings (gerbangd idles)
start_server ceiling "$work/ceiling.log" "$CEILING" --port 0
ceil_pid=$server_pid ceil_url=$server_url
run_wrk ceiling_c32 "$ceil_pid" "$ceil_url" "$work/main.tsv" 32 "$short_duration"
run_wrk ceiling_c128 "$ceil_pid" "$ceil_url" "$work/main.tsv" 128 "$short_duration"
kill "$ceil_pid"
if [ -x "$QCEILING" ]; then
    start_server qhttpserver "$work/qhttpserver.log" "$QCEILING" --port 0
    q_pid=$server_pid q_url=$server_url
    run_wrk qhttpserver_c32 "$q_pid" "$q_url" "$work/main.tsv" 32 "$short_duration"
    kill "$q_pid"
fi

# ---------------------------------------------------------------- paced run
# 10 connections, each waiting 9 ms after every response: ~1,000 requests/s at ~1 ms latency.
sleep 1
run_wrk durable_paced "$gd_pid" "$gd_url" "$work/paced.tsv" 10 "$paced_duration" 9
hwm_all=$(awk '/VmHWM/ {print $2}' "/proc/$gd_pid/status")
rss_now=$(awk '/VmRSS/ {print $2}' "/proc/$gd_pid/status")

# ---------------------------------------------------------------- stop gerbangd and check
sleep 1
kill -TERM "$gd_pid"
gd_exit=0
wait "$gd_pid" || gd_exit=$?
db=$data/gerbang.sqlite
q() { sqlite3 -batch -noheader "$db" "$1"; }

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
    local idx="CAST(substr(provider_event_id, -12) AS INTEGER)"
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
    local unanswered=$((${R[$label.generated]} - ${R[$label.requests]}))
    local lost=$((sent - (stored - outside)))
    R[$label.distinct_sent]=$sent
    R[$label.stored]=$stored
    if [ "$outside" -eq 0 ] && [ "$lost" -ge 0 ] && [ "$lost" -le "$unanswered" ] &&
        [ "${R[$label.non2xx]}" -eq 0 ]; then
        check_lines+=("ok: $label: $sent distinct payloads sent, $stored events stored ($lost of the $unanswered requests unanswered when wrk stopped were not committed; ${R[$label.wrapped]} wrap-arounds)")
    else
        check_lines+=("FAIL: $label: $sent distinct sent, $stored stored, $outside not sent, $lost missing (allowed $unanswered unanswered), non-2xx ${R[$label.non2xx]}")
        check_failures=1
    fi
}
check_run durable_c32 $MAIN_FIRST $MAIN_COUNT
check_run durable_c128 $WIDE_FIRST $WIDE_COUNT
check_run durable_paced $PACED_FIRST $PACED_COUNT
unrelated=$(q "SELECT count(*) FROM events WHERE NOT (
    (CAST(substr(provider_event_id, -12) AS INTEGER) BETWEEN $MAIN_FIRST AND $((MAIN_FIRST + MAIN_COUNT - 1))) OR
    (CAST(substr(provider_event_id, -12) AS INTEGER) BETWEEN $WIDE_FIRST AND $((WIDE_FIRST + WIDE_COUNT - 1))) OR
    (CAST(substr(provider_event_id, -12) AS INTEGER) BETWEEN $PACED_FIRST AND $((PACED_FIRST + PACED_COUNT - 1))))")
if [ "$unrelated" -ne 0 ]; then
    check_lines+=("FAIL: $unrelated events that no run sent")
    check_failures=1
fi
audit=$(q "SELECT outcome || ':' || http_status || '=' || count(*) FROM audit_log GROUP BY outcome, http_status" | tr '\n' ' ')
db_mb=$(du -sm "$data" | cut -f1)

# ---------------------------------------------------------------- report
pct() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.1f", 100 * a / b; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.1f", k / 1024}'; }
ratio32=$(pct "${R[durable_c32.rps]}" "${R[ceiling_c32.rps]}")
ratio128=$(pct "${R[durable_c128.rps]}" "${R[ceiling_c128.rps]}")
verdict() { if awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN{exit !((op == "ge") ? v >= t : v <= t)}'; then echo met; else echo MISSED; fi; }

report=$work/report.md
{
    echo "### Results — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r)"
    echo
    echo "Payloads: ~1.5 KB signed WhatsApp text webhooks, one distinct wamid each. wrk -t$threads, keep-alive."
    echo
    echo "| run | server | conns | duration s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | server CPU s | wrk CPU s |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for l in "${labels[@]}"; do
        case $l in
        durable_*) srv=gerbangd ;;
        ceiling_*) srv="gerbang-bench-ceiling (HMAC only, Gerbang HTTP front)" ;;
        qhttpserver_*) srv="gerbang-bench-qhttpserver (HMAC only, QHttpServer)" ;;
        esac
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$l" "$srv" \
            "${R[$l.conns]}" "${R[$l.duration_s]}" "${R[$l.requests]}" "${R[$l.rps]}" \
            "${R[$l.p50_ms]}" "${R[$l.p90_ms]}" "${R[$l.p99_ms]}" "${R[$l.max_ms]}" \
            "${R[$l.non2xx]}" "${R[$l.server_cpu_s]}" "${R[$l.wrk_cpu_s]}"
    done
    echo
    echo "| target | measured | |"
    echo "|---|---|---|"
    echo "| durable ≥ 50 % of the ceiling (c=32) | ${R[durable_c32.rps]} / ${R[ceiling_c32.rps]} req/s = $ratio32 % | $(verdict "$ratio32" 50 ge) |"
    echo "| (same at c=128, for information) | ${R[durable_c128.rps]} / ${R[ceiling_c128.rps]} req/s = $ratio128 % | |"
    echo "| p99 ≤ 5 ms at ~1,000 req/s | p99 ${R[durable_paced.p99_ms]} ms (p50 ${R[durable_paced.p50_ms]} ms) at ${R[durable_paced.rps]} req/s | $(verdict "${R[durable_paced.p99_ms]}" 5 le) |"
    echo "| peak RSS ≤ 80 MB | VmHWM $(mb "$hwm_all") MB (after the c=32 run: $(mb "$hwm_c32") MB; VmRSS at the end $(mb "$rss_now") MB) | $(verdict "$(mb "$hwm_all")" 80 le) |"
    echo
    echo "Server CPU by thread:"
    for l in "${labels[@]}"; do echo "- $l: ${R[$l.server_threads]}"; done
    echo
    echo "Database check (after SIGTERM; gerbangd exit status $gd_exit; data dir $db_mb MB):"
    for c in "${check_lines[@]}"; do echo "- $c"; done
    echo "- audit rows by outcome:status: $audit"
} >"$report"
cat "$report"
[ -n "$out" ] && cp "$report" "$out"
exit "$check_failures"
