#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Edge-defence benchmark (issues 4 and 20): legitimate WhatsApp traffic from 127.0.0.1, paced
# below the per-address limit, measured alone and while gerbang-bench-flood sends forged
# requests from another network (127.0.1.2 …), in three shapes: one address at 20× the
# per-address limit; ten addresses at 2× theirs; eleven addresses each just under the limit,
# together twice the global limit (the flood that used to spend the one global budget).
# Reports the legitimate client's accepted/s, latency and non-2xx, and what the flood got back.
#   bench/flood.sh [--per-ip RATE] [--global RATE] [--offender-strikes N] [--seconds S]
#                  [--gerbangd PATH] [--out FILE]
#   defaults: 100/s per address, 500/s global, 20 s; --offender-strikes sets
#   limits/offender_strikes (0: no penalty, to see the global budgets alone); --gerbangd runs
#   another build of gerbangd (e.g. an older commit's) with the same clients.
# Traffic goes to 127.0.0.0/8 only.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$root"
per_ip=100
global=500
secs=20
out=
gerbangd=
strikes=
while [ $# -gt 0 ]; do
    case $1 in
    --per-ip) per_ip=$2; shift 2 ;;
    --global) global=$2; shift 2 ;;
    --offender-strikes) strikes=$2; shift 2 ;;
    --gerbangd) gerbangd=$(readlink -f "$2"); shift 2 ;;
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
build_label="$gerbangd"
if [ -z "$gerbangd" ]; then
    gerbangd=$B/gateway/gerbangd
    build_label="at $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo 'this tree')"
fi

work=$(mktemp -d /tmp/gerbang-flood.XXXXXX)
gd_pid=
cleanup() { [ -n "$gd_pid" ] && kill "$gd_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
: >"$work/gerbang.ini"
[ -z "$strikes" ] || printf '[limits]\noffender_strikes=%s\n' "$strikes" >"$work/gerbang.ini"
chmod 600 "$work/gerbang.ini"
export GERBANG_CONFIG=$work/gerbang.ini
secret=test-app-secret-0123456789abcdef
# Legitimate traffic: one connection, paced to ~90 % of the per-address limit.
legit_rate=$((per_ip * 9 / 10))
delay_ms=$((1000 / legit_rate))
count=$((legit_rate * secs * 2 + 1000))
"$B/bench/gerbang-benchgen" --first 7000000000 --count "$count" --secret "$secret" \
    --out "$work/legit.tsv" >/dev/null

GERBANG_WHATSAPP_APP_SECRET=$secret GERBANG_RATE_GLOBAL=$global GERBANG_RATE_PER_IP=$per_ip \
    "$gerbangd" --data-dir "$work/data" --listen 127.0.0.1:0 >"$work/gerbangd.log" 2>&1 &
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
eleven_rate=$((global * 2))
{
    echo "### Flood run — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, per-address limit ${per_ip}/s, global ${global}/s${strikes:+, offender strikes $strikes}, gerbangd ${build_label}"
    echo
    echo "Legitimate client: 127.0.0.1, 1 connection, ${delay_ms} ms between requests (~${legit_rate}/s), distinct signed ~1.5 KB WhatsApp webhooks, ${secs} s."
    echo "Flood: gerbang-bench-flood, forged signatures, from 127.0.1.2 …: ${flood_rate} req/s from one address or from ten; $((eleven_rate))/s from eleven (each under its limit, together 2× the global limit)."
    echo
    echo "| run | legitimate accepted/s | p50 | p99 | legitimate non-2xx |"
    echo "|---|---:|---:|---:|---:|"
    legit unflooded
    # One address at 20× its limit, ten at 2× theirs, eleven each under it (2× global).
    # Each shape from its own addresses: earlier ones may still be held back as offenders.
    for shape in "1 $flood_rate one_address_20x 2" "10 $flood_rate ten_addresses_2x 20" \
        "11 $eleven_rate eleven_addresses_2x_global 40"; do
        set -- $shape
        "$B/bench/gerbang-bench-flood" --port "$port" --network 127.0.1 --first "$4" \
            --addresses "$1" --rate "$2" --seconds "$((secs + 2))" >"$work/flood.$3" &
        flood_pid=$!
        sleep 1
        legit "flooded_$3"
        wait "$flood_pid"
        sleep 1.5 # let the buckets refill before the next run
    done
    echo
    for f in "$work"/flood.*; do echo "- ${f##*/flood.}: $(cat "$f")"; done
    echo "gerbangd peak RSS: $(awk '/VmHWM/ {print $2, $3}' "/proc/$gd_pid/status")"
} | if [ -n "$out" ]; then tee "$out"; else cat; fi
