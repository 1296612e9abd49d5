#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds every libFuzzer target with clang (ASan + UBSan) and runs each for SECONDS.
#   fuzz/run.sh [SECONDS]   (default 60; env: GERBANG_FUZZ_BUILD, JOBS, FUZZ_FLAGS)
# Exit status is non-zero when any target finds a crash, a leak, a sanitizer error or a
# broken invariant; the reproducer is left in the build directory (crash-*, leak-*).
set -euo pipefail

secs=${1:-60}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GERBANG_FUZZ_BUILD:-$root/build-fuzz}
jobs=${JOBS:-2}
data=$root/tests/data

have_libfuzzer() {
    command -v clang++ >/dev/null 2>&1 || return 1
    local tmp
    tmp=$(mktemp -d)
    echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }' \
        >"$tmp/t.cpp"
    clang++ -fsanitize=fuzzer,address,undefined "$tmp/t.cpp" -o "$tmp/t" >/dev/null 2>&1
    local rc=$?
    rm -rf "$tmp"
    return $rc
}
if ! have_libfuzzer; then
    echo "run.sh: installing clang and libFuzzer" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q clang libclang-rt-14-dev
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGERBANG_FUZZ=ON -DGERBANG_WERROR=OFF \
    -DGERBANG_BUILD_TESTS=OFF -DGERBANG_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target gerbang_fuzz

# Seed corpus from tests/data, in the harness's input format: "name: value" lines, an empty
# line, the body (see fuzz/FuzzRequest.h).
seeds=$build/fuzz/seeds
rm -rf "$seeds"
seed() { # target, seed name, header lines ("" for none), body file or -literal
    local dir=$seeds/$1
    mkdir -p "$dir"
    {
        [ -n "$3" ] && printf '%b\n' "$3"
        printf '\n'
        case $4 in
        -*) printf '%s' "${4#-}" ;;
        *) cat "$4" ;;
        esac
    } >"$dir/$2"
}
stripe_v1=3372f28035e62ac6e7c7fb0d8a29c82b74b4f987782158893c00abb5c60cdc76
stripe_old=d80a1945d6620d847045d335dbdc5c541f1ee0d6c6b05ce8155df7cfc036d387
for t in stripe_signature stripe_extractor; do
    seed $t fixture "stripe-signature: t=1767226010,v1=$stripe_v1\nx-fuzz-now: 1767226100" \
        "$data/stripe_payment_intent_succeeded.json"
    seed $t rotation "stripe-signature: t=1767226010,v1=$stripe_v1,v1=$stripe_old,v0=00" \
        "$data/stripe_payment_intent_succeeded.json"
    seed $t vector "stripe-signature: t=1700000000,v1=d95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990\nx-fuzz-now: 1700000000" \
        '-{"id":"evt_test_webhook","object":"event"}'
done
for t in midtrans_signature midtrans_extractor; do
    for f in "$data"/midtrans_*.json; do seed $t "$(basename "$f")" "" "$f"; done
done
for t in xendit_token xendit_extractor; do
    seed $t fixture "x-callback-token: xnd_fake_callback_token_0123456789abcdef" \
        "$data/xendit_invoice_paid.json"
    seed $t delivery "x-callback-token: wrong\nwebhook-id: 01HXYZ" "$data/xendit_invoice_paid.json"
done
sw_headers="webhook-id: msg_2KWPBgLlAfxdpx2AI54pPJ85f4W\nwebhook-timestamp: 1674087231\nwebhook-signature: v1a,abc v1,ARw42xaAApl/nxRo+iPGYwSaMQaOwMo2eyH5JBRA+bQ=\nx-fuzz-now: 1674087231"
for t in standard_webhooks_signature standard_webhooks_extractor generic_extractor json_pointer; do
    seed $t fixture "$sw_headers\nx-fuzz-pointer: /data/id" "$data/standard_webhooks_contact_created.json"
done
seed standard_webhooks_signature vector "webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek\nwebhook-timestamp: 1614265330\nwebhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=\nx-fuzz-now: 1614265330" \
    '-{"test": 2432232314}'
seed generic_signature github "x-webhook-signature: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17" \
    '-Hello, World!'
# WhatsApp fixtures with their signatures from FIXTURES.md.
while IFS='|' read -r _ file _ header _; do
    file=$(echo "$file" | tr -d ' `')
    header=$(echo "$header" | tr -d ' `')
    # FIXTURES.md also lists the unsigned normalizer samples (tests/data/normalizer/).
    [ -f "$data/$file" ] || continue
    for t in hub_signature generic_signature; do
        seed $t "$file" "x-hub-signature-256: $header" "$data/$file"
    done
    seed whatsapp_extractor "$file" "" "$data/$file"
    seed normalizer "$file" "" "$data/$file"
    seed json_pointer "$file" "x-fuzz-pointer: /entry/0/changes/0/value/messages/0/id" "$data/$file"
    seed generic_extractor "$file" "x-fuzz-pointer: /entry/0/id" "$data/$file"
done < <(grep -E '^\| `wa_[a-z_]+\.json` \|' "$data/FIXTURES.md")

# The normalizers' own samples (every message type and status) and the payment fixtures.
for f in "$data"/normalizer/*.json "$data"/stripe_*.json "$data"/midtrans_*.json "$data"/xendit_*.json; do
    seed normalizer "$(basename "$f")" "" "$f"
done

# Raw-input targets (no header block).
seed_raw() { mkdir -p "$seeds/$1" && printf '%b' "$3" >"$seeds/$1/$2"; }
seed_raw cidr_list mixed '203.0.113.0/24, 2001:db8::/32\n# meta\n157.240.0.0/17 10.0.0.1\n::ffff:192.0.2.1/128'
seed_raw cidr_list bad '10.0.0.0/33 banana 2001:db8::/129 ,,, /8'
seed_raw client_address chain '203.0.113.9, 10.1.2.3, 127.0.0.5'
seed_raw client_address ports '[2001:db8::7]:443, 198.51.100.7:8080, fd00::1'
seed_raw client_address junk ', ,not-an-ip,, [::1'
# The first byte picks how the stream is split; then pipelined requests in both framings.
seed_raw http_request_parser pipelined '\x03POST /whatsapp/webhook HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET /health HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n'
seed_raw http_request_parser chunked '\x05POST /webhooks/generic/crm HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n4;name="v;\\"x"\r\nwiki\r\n5 ; a = b\r\npedia\r\n0;last\r\nX-Trailer: t\r\nY: \r\n\r\n'
seed_raw http_request_parser smuggle '\x01POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;\nfoo\r\nabc\r\n0\r\nA: b\nC: d\r\n\r\n'
seed_raw http_request_parser http10 '\x02GET /a%3Ab?q=%6d HTTP/1.0\r\nConnection: keep-alive\r\n\r\nPOST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'

# Run each target for the time given; libFuzzer stops itself at max_total_time.
status=0
summary=()
cd "$build"
for bin in "$build"/fuzz/fuzz_*; do
    [ -f "$bin" ] && [ -x "$bin" ] || continue
    name=${bin##*/fuzz_}
    corpus=$build/fuzz/corpus/$name
    mkdir -p "$corpus"
    log=$build/fuzz/$name.log
    echo "== fuzz_$name: ${secs}s"
    # shellcheck disable=SC2086
    if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 ${FUZZ_FLAGS:-} "$corpus" "$seeds/$name" >"$log" 2>&1; then
        result=ok
    else
        result="FAILED (see $log)"
        status=1
        tail -n 40 "$log"
    fi
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo '?')
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+' || echo '?')
    summary+=("$(printf '%-30s %-8s runs=%-10s cov=%s' "fuzz_$name" "$result" "$runs" "$cov")")
done
printf '%s\n' "${summary[@]}"
exit $status
