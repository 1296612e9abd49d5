#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Edge-defence benchmark (issue 4): legitimate WhatsApp traffic from 127.0.0.1, paced below
# the per-address limit, measured twice: alone, and while gerbang-bench-flood sends 20× the
# per-address limit from other loopback addresses (127.0.0.2 …). Reports the legitimate
# client's accepted/s and latency percentiles for both runs, and what the flood got back.
#   bench/flood.sh [--per-ip RATE] [--seconds S] [--out FILE]   (defaults: 100/s, 20 s)
# Traffic goes to 127.0.0.0/8 only.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"
per_ip=100
secs=20
out=
while [ $# -gt 0 ]; do
    case $1 in
    --per-ip) per_ip=$2; shift 2 ;;
    --seconds) secs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "flood.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
. packaging/debian-deps.sh
install_packages "${GERBANG_PACKAGES[@]}" wrk

B=$root/build-bench
cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGERBANG_BUILD_TESTS=OFF >/dev/null
cmake --build "$B" -j"$(nproc)" --target gerbangd gerbangctl gerbang-benchgen gerbang-bench-flood >/dev/null

work=$(mktemp -d /tmp/gerbang-flood.XXXXXX)
gd_pid=
cleanup() { [ -n "$gd_pid" ] && kill "$gd_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
: >"$work/gerbang.ini"
chmod 600 "$work/gerbang.ini"
export GERBANG_CONFIG=$work/gerbang.ini
secret=test-app-secret-0123456789abcdef
# Legitimate traffic: one connection, paced to ~90 % of the per-address limit.
legit_rate=$((per_ip * 9 / 10))
delay_ms=$((1000 / legit_rate))
count=$((legit_rate * secs * 2 + 1000))
"$B/bench/gerbang-benchgen" --first 7000000000 --count "$count" --secret "$secret" \
    --out "$work/legit.tsv" >/dev/null

GERBANG_WHATSAPP_APP_SECRET=$secret GERBANG_RATE_GLOBAL=0 GERBANG_RATE_PER_IP=$per_ip \
    "$B/gateway/gerbangd" --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/gerbangd.log" 2>&1 &
gd_pid=$!
for _ in $(seq 100); do grep -q 'listening on' "$work/gerbangd.log" && break; sleep 0.1; done
port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/gerbangd.log" | grep -o '[0-9]*$')
"$B/gateway/gerbangctl/gerbangctl" --data-dir "$work/data" tenant add bench --name Bench \
    --waba 100000000000001 >/dev/null
sleep 1.5

legit() { # label → one line of results
    rm -f "$work"/legit.tsv.ready.*
    BENCH_DELAY_MS=$delay_ms BENCH_PAYLOADS=$work/legit.tsv BENCH_THREADS=1 \
        wrk -t1 -c1 -d"${secs}s" --latency -s bench/whatsapp.lua \
        "http://127.0.0.1:$port/whatsapp/webhook" >"$work/$1.wrk" 2>&1
    local rps p50 p99 non2xx
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/$1.wrk")
    p50=$(awk '$1=="50%" {print $2}' "$work/$1.wrk")
    p99=$(awk '$1=="99%" {print $2}' "$work/$1.wrk")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/$1.wrk")
    echo "| $1 | $rps | $p50 | $p99 | ${non2xx:-0} |"
}

flood_rate=$((per_ip * 20))
{
    echo "### Flood run — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, per-address limit ${per_ip}/s"
    echo
    echo "Legitimate client: 127.0.0.1, 1 connection, ${delay_ms} ms between requests (~${legit_rate}/s), distinct signed ~1.5 KB WhatsApp webhooks, ${secs} s."
    echo "Flood: gerbang-bench-flood, ${flood_rate} req/s in all (20× the per-address limit), forged signatures, from 127.0.0.2 alone or from 127.0.0.2–127.0.0.11."
    echo
    echo "| run | legitimate accepted/s | p50 | p99 | legitimate non-2xx |"
    echo "|---|---:|---:|---:|---:|"
    legit unflooded
    # Two shapes of the same 20× flood: one address at 20× its limit, ten at 2× theirs.
    for shape in "1 one_address_20x" "10 ten_addresses_2x"; do
        set -- $shape
        "$B/bench/gerbang-bench-flood" --port "$port" --first 2 --addresses "$1" \
            --rate "$flood_rate" --seconds "$((secs + 2))" >"$work/flood.$2" &
        flood_pid=$!
        sleep 1
        legit "flooded_$2"
        wait "$flood_pid"
        sleep 1.5 # let the buckets refill before the next run
    done
    echo
    for f in "$work"/flood.*; do echo "- ${f##*/flood.}: $(cat "$f")"; done
    echo "gerbangd peak RSS: $(awk '/VmHWM/ {print $2, $3}' "/proc/$gd_pid/status")"
} | if [ -n "$out" ]; then tee "$out"; else cat; fi
