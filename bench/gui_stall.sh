#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The console's GUI thread under load (issue 6: "while the engine serves 5,000 requests/s, the
# GUI event loop never stalls more than 100 ms"). Starts gerbang-bench-gui (the real main
# window, dashboard polling once a second, offscreen) with the embedded engine on a temporary
# data directory, rate limits off, a tenant for the payloads' WABA; then drives the engine with
# wrk + bench/whatsapp.lua (distinct signed WhatsApp messages) while a 10 ms timer on the GUI
# thread records how late it fires. Prints the served rate and the worst lateness.
# With --attached the console does not run the engine: gerbangd serves (admin API on
# loopback) and the console is attached to it, fed by the live channel, as at an admin's desk.
# Usage: bench/gui_stall.sh [--attached] [--seconds S] [--connections C] [--delay-ms D]
#   --delay-ms paces each wrk connection (0: as fast as the engine answers).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
root=$PWD
seconds=20
conns=64
delay=0
attached=0
while [ $# -gt 0 ]; do
    case "$1" in
    --attached) attached=1; shift ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --delay-ms) delay=$2; shift 2 ;;
    -h | --help) sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "gui_stall.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "gui_stall.sh: needs wrk" >&2; exit 1; }
B=${GERBANG_BENCH_BUILD:-$root/build-bench} # an existing build tree may be reused
[ -f "$B/CMakeCache.txt" ] || cmake -S . -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DGERBANG_BUILD_TESTS=OFF >&2
cmake --build "$B" --parallel 2 --target gerbang-bench-gui gerbang-benchgen gerbangctl gerbangd >&2

work=$(mktemp -d /tmp/gerbang-gui-bench.XXXXXX)
gui_pid=""
gw_pid=""
cleanup() {
    [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null && wait "$gui_pid" 2>/dev/null
    [ -n "$gw_pid" ] && kill "$gw_pid" 2>/dev/null && wait "$gw_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
secret=bench-app-secret-0123456789abcdef
unset GERBANG_CONFIG GERBANG_DATA_DIR GERBANG_LISTEN GERBANG_DATABASE_URL GERBANG_MASTER_KEY \
    GERBANG_WHATSAPP_APP_SECRET GERBANG_RATE_GLOBAL GERBANG_RATE_PER_IP || true
cat >"$work/gerbang.ini" <<INI
[server]
listen = 127.0.0.1:0
[storage]
data_dir = $work/data
[whatsapp]
app_secret = $secret
[limits]
rate_global = 0
rate_per_ip = 0
INI
chmod 600 "$work/gerbang.ini"
"$B/gateway/gerbangctl/gerbangctl" --config "$work/gerbang.ini" tenant add bench --name Bench \
    --waba 100000000000001 >&2
# Enough distinct payloads that none repeats (a repeat would be a cheap duplicate).
"$B/bench/gerbang-benchgen" --secret "$secret" --first 1 --count $((seconds * 8000)) \
    --out "$work/payloads.tsv" >&2

export QT_QPA_PLATFORM=offscreen
if [ "$attached" = 1 ]; then
    GERBANG_ADMIN_LISTEN=127.0.0.1:0 "$B/gateway/gerbangd" --config "$work/gerbang.ini" \
        >"$work/gw.out" 2>&1 &
    gw_pid=$!
    url="" admin=""
    for _ in $(seq 1 200); do
        url=$(sed -n 's|.*listening on \(http://[0-9.:]*\).*|\1|p' "$work/gw.out" | head -n1)
        admin=$(sed -n 's|.*admin API on \(http://[0-9.:]*\).*|\1|p' "$work/gw.out" | head -n1)
        [ -n "$url" ] && [ -n "$admin" ] && break
        sleep 0.1
    done
    [ -n "$url" ] && [ -n "$admin" ] || { cat "$work/gw.out" >&2; exit 1; }
    token=$("$B/gateway/gerbangctl/gerbangctl" --config "$work/gerbang.ini" admin token create \
        bench-desk --role viewer)
    sleep 1.5 # the gateway loads the new token within a second
    GERBANG_ADMIN_TOKEN=$token "$B/bench/gerbang-bench-gui" --connect "$admin" \
        --seconds "$((seconds + 4))" >"$work/gui.out" 2>"$work/gui.err" &
    gui_pid=$!
    for _ in $(seq 1 200); do
        if grep -q '^attached ' "$work/gui.out"; then break; fi
        sleep 0.1
    done
    grep -q '^attached ' "$work/gui.out" || { cat "$work/gui.err" >&2; exit 1; }
else
    "$B/bench/gerbang-bench-gui" --config "$work/gerbang.ini" --seconds "$((seconds + 4))" \
        >"$work/gui.out" 2>"$work/gui.err" &
    gui_pid=$!
    url=""
    for _ in $(seq 1 200); do
        url=$(sed -n 's/^listening //p' "$work/gui.out" | head -n1)
        [ -n "$url" ] && break
        sleep 0.1
    done
    [ -n "$url" ] || { cat "$work/gui.err" >&2; exit 1; }
fi
sleep 2
rm -f "$work/payloads.tsv".ready.*
BENCH_DELAY_MS=$delay wrk -t2 -c"$conns" -d"${seconds}s" --timeout 10s --latency \
    -s bench/whatsapp.lua "$url/whatsapp/webhook" -- "$work/payloads.tsv" 2 >"$work/wrk.out" 2>&1
wait "$gui_pid" || true
gui_pid=""
grep -E 'Requests/sec|Latency  |99%' "$work/wrk.out" | sed 's/^/wrk: /'
grep '^seconds=' "$work/gui.out" | sed 's/^/gui: /'
