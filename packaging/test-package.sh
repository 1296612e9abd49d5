#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Tests the Debian packages the way an admin uses them. As root, on a Debian 12 machine:
#   build the .debs (packaging/build-deb.sh) and run lintian on them (no errors allowed);
#   apt-get install them; check the service user, modes and owners, conffile, unit, man pages;
#   start the installed /usr/bin/gerbangd as the gerbang user with the installed configuration
#   (through systemd when PID 1 is systemd, otherwise directly with setpriv), wait for /health
#   and /ready, configure a tenant and the WhatsApp app secret with the installed gerbangctl,
#   send one signed webhook and find it with `gerbangctl events list --json`; stop;
#   apt-get remove (data and configuration kept), purge (configuration gone, data kept),
#   install again (the kept data is used), purge again.
# Usage: packaging/test-package.sh [--debs DIR] [--keep-data]
#   --debs DIR    test the .debs already in DIR instead of building them into build-deb/
#   --keep-data   leave /var/lib/gerbang and the gerbang user in place at the end
# It refuses to run when gerbangd is installed or /var/lib/gerbang exists and was not made by
# an earlier run of this test (it never deletes an admin's data).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
start_time=$SECONDS

debs_dir=""
keep_data=0
while [ $# -gt 0 ]; do
    case "$1" in
    --debs)
        debs_dir=$2
        shift 2
        ;;
    --keep-data)
        keep_data=1
        shift
        ;;
    -h | --help)
        sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "test-package.sh: unknown argument '$1' (try --help)" >&2
        exit 2
        ;;
    esac
done

DATA_DIR=/var/lib/gerbang
CONF_DIR=/etc/gerbang
CONF=$CONF_DIR/gerbang.ini
UNIT=/lib/systemd/system/gerbangd.service
MARKER=$DATA_DIR/.made-by-gerbang-package-test
SECRET="package-test-app-secret-$$-$RANDOM"
FIXTURE=tests/data/wa_text.json
WAMID=$(sed -n 's/.*"id": "\(wamid\.[^"]*\)".*/\1/p' "$FIXTURE" | head -n1)
log=$(mktemp -d /tmp/gerbang-package-test.XXXXXX)
gerbangd_pid=""
failures=0

say() { echo "test-package.sh: $*"; }
ok() { echo "  ok: $*"; }
fail() {
    echo "  FAILED: $*" >&2
    failures=$((failures + 1))
}
die() {
    echo "test-package.sh: FAILED: $*" >&2
    exit 1
}
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
apt_get() {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -y -q "$@"
}
as_gerbang() { # the way the README tells admins to run gerbangctl
    setpriv --reuid=gerbang --regid=gerbang --init-groups -- "$@"
}
ctl() { as_gerbang /usr/bin/gerbangctl --config "$CONF" "$@"; }
systemd_running() { [ -d /run/systemd/system ]; }
mode_owner() { stat -c '%a %U:%G' "$1"; }
# Our packages that dpkg still knows (installed, or removed with configuration files left):
# apt cannot find a local package any more once dpkg has forgotten it.
known_packages() {
    local p
    for p in gerbangd gerbang; do
        dpkg-query -W -f='${db:Status-Abbrev}\n' "$p" 2>/dev/null | grep -Eq '^.[ic]' && echo "$p"
    done
    return 0
}

stop_gateway() {
    if systemd_running && [ -z "$gerbangd_pid" ]; then
        systemctl stop gerbangd.service 2>/dev/null || true
        return
    fi
    if [ -n "$gerbangd_pid" ] && kill -0 "$gerbangd_pid" 2>/dev/null; then
        kill -TERM "$gerbangd_pid"
        local rc=0
        wait "$gerbangd_pid" || rc=$?
        gerbangd_pid=""
        return "$rc"
    fi
    gerbangd_pid=""
}

cleanup() {
    stop_gateway >/dev/null 2>&1 || true
    if systemd_running; then
        rm -rf /run/systemd/system/gerbangd.service.d/package-test.conf
        systemctl daemon-reload 2>/dev/null || true
    fi
    if [ "$keep_data" -eq 0 ] && [ -f "$MARKER" ]; then
        local -a known
        mapfile -t known < <(known_packages)
        [ ${#known[@]} -eq 0 ] || apt_get purge "${known[@]}" >/dev/null 2>&1 || true
        rm -rf "$DATA_DIR"
        deluser --system gerbang >/dev/null 2>&1 || true
    fi
}

[ "$(id -u)" -eq 0 ] || die "run me as root (I install packages)"
for tool in curl openssl setpriv; do
    command -v "$tool" >/dev/null || die "$tool is missing (packaging/debian-deps.sh lists it)"
done
[ -n "$WAMID" ] || die "no wamid in $FIXTURE"

# --- preflight: never touch an admin's installation or data ---------------------------------
if [ -d "$DATA_DIR" ] || dpkg -s gerbangd >/dev/null 2>&1; then
    [ -f "$MARKER" ] || die "gerbangd is installed or $DATA_DIR exists, and not from this test: I will not touch them"
    say "removing what an earlier run of this test left"
    keep_data=0
    cleanup
fi
trap cleanup EXIT

# --- build and lint ---------------------------------------------------------------------------
if [ -z "$debs_dir" ]; then
    say "building the packages (packaging/build-deb.sh build-deb)"
    packaging/build-deb.sh build-deb >"$log/build.log" 2>&1 || {
        tail -n 40 "$log/build.log" >&2
        die "package build failed (log: $log/build.log)"
    }
    debs_dir=build-deb
fi
mapfile -t debs < <(readlink -f "$debs_dir"/*.deb)
[ ${#debs[@]} -gt 0 ] || die "no .deb in $debs_dir"
say "packages: ${debs[*]}"

say "lintian"
lintian_rc=0
lintian --fail-on error --tag-display-limit 0 "${debs[@]}" >"$log/lintian.txt" 2>&1 || lintian_rc=$?
cat "$log/lintian.txt"
errors=$(grep -c '^E: ' "$log/lintian.txt" || true)
warnings=$(grep -c '^W: ' "$log/lintian.txt" || true)
say "lintian: $errors errors, $warnings warnings"
if [ "$lintian_rc" -ne 0 ] || [ "$errors" -ne 0 ]; then fail "lintian reports errors"; else ok "lintian: no errors"; fi

# --- install ----------------------------------------------------------------------------------
say "apt-get install ${debs[*]}"
apt_get install "${debs[@]}" >"$log/install.log" 2>&1 || {
    cat "$log/install.log" >&2
    die "apt-get install failed"
}
touch "$MARKER" # from here on, cleanup may delete this test's data directory
grep '^gerbangd:' "$log/install.log" || true

system_user() { [ "$(getent passwd gerbang | cut -d: -f3)" -lt 1000 ] && getent group gerbang >/dev/null; }
conffile() { dpkg-query -W -f='${Conffiles}' gerbangd | grep -q " $CONF "; }
man_pages() { [ -f /usr/share/man/man8/gerbangd.8.gz ] && [ -f /usr/share/man/man8/gerbangctl.8.gz ]; }
check "the gerbang system user and group exist" system_user
check "$DATA_DIR is 0700 gerbang:gerbang" [ "$(mode_owner "$DATA_DIR")" = "700 gerbang:gerbang" ]
check "$CONF_DIR is 0750 root:gerbang" [ "$(mode_owner "$CONF_DIR")" = "750 root:gerbang" ]
check "$CONF is 0640 root:gerbang" [ "$(mode_owner "$CONF")" = "640 root:gerbang" ]
check "$CONF is a conffile" conffile
check "the unit is installed" [ -f "$UNIT" ]
check "man pages are installed" man_pages
sqlite_driver() { dpkg -s libqt6sql6-sqlite >/dev/null 2>&1; }
check "the Qt SQLite driver came as a dependency" sqlite_driver
libs_resolved() { ! ldd "$1" | grep -q 'not found'; }
service_libs() { libs_resolved /usr/bin/gerbangd && libs_resolved /usr/bin/gerbangctl; }
check "every shared library of gerbangd and gerbangctl is installed" service_libs
if dpkg -s gerbang >/dev/null 2>&1; then # the console package, when the GUI was built
    check "gerbang: every shared library is installed" libs_resolved /usr/bin/gerbang
    check "gerbang: desktop entry installed" [ -f /usr/share/applications/gerbang.desktop ]
    check "gerbang: icon installed" [ -f /usr/share/icons/hicolor/scalable/apps/gerbang.svg ]
    xcb_plugin() { [ -n "$(find /usr/lib/*/qt6/plugins/platforms -name libqxcb.so 2>/dev/null)" ]; }
    check "gerbang: the Qt X11 platform plugin came as a dependency" xcb_plugin
    if command -v desktop-file-validate >/dev/null; then
        check "gerbang: desktop-file-validate" desktop-file-validate /usr/share/applications/gerbang.desktop
    fi
fi
if command -v systemd-analyze >/dev/null; then
    if systemd-analyze verify "$UNIT" >"$log/verify.txt" 2>&1; then
        ok "systemd-analyze verify $UNIT"
    else
        cat "$log/verify.txt"
        fail "systemd-analyze verify $UNIT"
    fi
fi

# --- start the installed gerbangd as the gerbang user -------------------------------------------
# A free port instead of the default 8080, which a developer's own gateway may hold.
port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[ -n "$port" ] || die "no free port"
# The admin API on every address (so TLS, with the self-signed certificate the gateway makes),
# on a free port of its own.
admin_port=$((port + 1))
for _ in $(seq 1 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$admin_port") 2>/dev/null; then break; fi
    admin_port=$((20000 + RANDOM % 20000))
done

start_gateway() {
    if systemd_running; then
        mkdir -p /run/systemd/system/gerbangd.service.d
        printf '[Service]\nEnvironment=GERBANG_LISTEN=127.0.0.1:%s GERBANG_ADMIN_LISTEN=0.0.0.0:%s\n' \
            "$port" "$admin_port" \
            >/run/systemd/system/gerbangd.service.d/package-test.conf
        systemctl daemon-reload
        systemctl restart gerbangd.service
        say "started gerbangd.service through systemd on port $port"
    else
        # Exactly what the unit runs: its User=, Environment= and ExecStart=, without the
        # capabilities systemd would also drop (bounding set emptied here as well).
        local -a env_args=()
        local line
        while IFS= read -r line; do env_args+=("${line#Environment=}"); done \
            < <(grep '^Environment=' "$UNIT")
        local exec_start
        exec_start=$(sed -n 's/^ExecStart=//p' "$UNIT")
        local -a exec_cmd
        read -ra exec_cmd <<<"$exec_start"
        setpriv --reuid=gerbang --regid=gerbang --init-groups --no-new-privs \
            --inh-caps=-all --bounding-set=-all -- \
            env -i PATH=/usr/bin:/bin "${env_args[@]}" "GERBANG_LISTEN=127.0.0.1:$port" \
            "GERBANG_ADMIN_LISTEN=0.0.0.0:$admin_port" \
            "${exec_cmd[@]}" >>"$log/gerbangd.log" 2>&1 &
        gerbangd_pid=$!
        say "started $exec_start as gerbang (pid $gerbangd_pid, no systemd here) on port $port"
    fi
}

wait_http() { # wait_http PATH: until it answers 200, 30 s at most
    local code=""
    for _ in $(seq 1 300); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1" || true)
        [ "$code" = 200 ] && return 0
        sleep 0.1
    done
    echo "  $1 answered '$code'" >&2
    return 1
}

gateway_log() {
    if systemd_running && [ -z "$gerbangd_pid" ]; then
        journalctl -u gerbangd.service --no-pager -o cat 2>/dev/null
    else
        cat "$log/gerbangd.log"
    fi
}

start_gateway
check "GET /health answers 200" wait_http /health
check "GET /ready answers 200" wait_http /ready
check "master.key was created 0600 gerbang:gerbang" \
    [ "$(mode_owner "$DATA_DIR/master.key")" = "600 gerbang:gerbang" ]
back_it_up() { gateway_log | grep -q 'back it up'; }
check "gerbangd told the admin to back the key up" back_it_up

# --- configure with the installed gerbangctl, send one signed webhook --------------------------
check "gerbangctl tenant add" ctl tenant add firm-a --name 'Firm A' --waba 100000000000001
set_app_secret() { printf '%s' "$SECRET" | ctl secret set whatsapp; }
check "gerbangctl secret set whatsapp (from standard input)" set_app_secret

signature="sha256=$(openssl dgst -sha256 -hmac "$SECRET" -r <"$FIXTURE" | cut -d' ' -f1)"
post_webhook() {
    curl -s -o "$log/webhook.body" -w '%{http_code}' -X POST \
        -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $signature" \
        --data-binary "@$FIXTURE" "http://127.0.0.1:$port/whatsapp/webhook" || true
}
status=""
# The running gateway picks up the new tenant and secret within about a second.
for _ in $(seq 1 50); do
    status=$(post_webhook)
    [ "$status" = 200 ] && break
    sleep 0.2
done
check "signed WhatsApp webhook answered 200 (got $status)" [ "$status" = 200 ]
ctl events list --json --tenant firm-a --provider whatsapp >"$log/events.json" 2>&1 || true
check "gerbangctl events list --json --tenant firm-a --provider whatsapp shows $WAMID" \
    grep -Eq "\"provider_event_id\": *\"$WAMID\"" "$log/events.json"

# --- the admin API over TLS, as an admin at another desk would use it -------------------------
# A token made as the service user, the certificate's fingerprint compared with what the
# listener presents (trust on first use), then the statistics over HTTPS with that certificate.
ADMIN_CERT="$DATA_DIR/admin-tls/certificate.pem"
admin_token=$(ctl admin token create package-test --role viewer 2>"$log/token.err" || true)
check "gerbangctl admin token create prints a token alone" \
    grep -Eq '^gbt_[A-Za-z0-9_-]{43}$' <<<"$admin_token"
check "the self-signed admin certificate was made 0600 gerbang:gerbang" \
    [ "$(mode_owner "$DATA_DIR/admin-tls/private-key.pem")" = "600 gerbang:gerbang" ]
same_fingerprint() {
    local pinned presented
    pinned=$(ctl admin fingerprint | sed 's/^SHA256://')
    presented=$(openssl s_client -connect "127.0.0.1:$admin_port" </dev/null 2>/dev/null |
        openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//')
    [ -n "$pinned" ] && [ "${pinned^^}" = "${presented^^}" ]
}
check "gerbangctl admin fingerprint is the certificate the admin listener presents" same_fingerprint
admin_stats() {
    local code=""
    for _ in $(seq 1 50); do # the gateway loads the new token within about a second
        code=$(curl -s -o "$log/admin-stats.json" -w '%{http_code}' --cacert "$ADMIN_CERT" \
            -H "Authorization: Bearer $admin_token" "https://127.0.0.1:$admin_port/admin/v1/stats" ||
            true)
        [ "$code" = 200 ] && grep -q '"uptime_ms"' "$log/admin-stats.json" && return 0
        sleep 0.2
    done
    echo "  /admin/v1/stats answered '$code'" >&2
    return 1
}
check "GET /admin/v1/stats over TLS with the token answers the snapshot" admin_stats
# The installed console, offscreen, attached to the installed service as an admin at another
# desk starts it: the token from the environment, the certificate trusted by its fingerprint.
if dpkg -s gerbang >/dev/null 2>&1; then
    console_stats() {
        local home
        home=$(mktemp -d)
        env -i HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_QPA_PLATFORM=offscreen \
            GERBANG_ADMIN_TOKEN="$admin_token" \
            /usr/bin/gerbang --connect "https://127.0.0.1:$admin_port" \
            --trust-fingerprint "$(ctl admin fingerprint)" --print-stats --timeout 20 \
            >"$log/console-stats.json" 2>"$log/console-stats.err"
        local rc=$?
        rm -rf "$home"
        [ $rc -eq 0 ] && grep -q '"uptime_ms"' "$log/console-stats.json" && return 0
        cat "$log/console-stats.err" >&2
        return 1
    }
    check "the installed console attaches to the service over TLS and reads its statistics" \
        console_stats
    no_token_in_console_output() { ! grep -qF "$admin_token" "$log/console-stats.err"; }
    check "the console printed no token" no_token_in_console_output
fi
no_plain_admin() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$admin_port/admin/v1/stats" ||
        true)
    [ "$code" != 200 ]
}
check "the admin listener does not answer plain HTTP" no_plain_admin
no_token_in_log() { ! gateway_log | grep -qF "$admin_token"; }
check "the token appears nowhere in the gateway's log" no_token_in_log

# ExecReload= of the unit (SIGHUP: re-read TLS), run the way systemd would for this process.
reload_gateway() {
    local main_pid=$gerbangd_pid
    if [ -z "$main_pid" ]; then main_pid=$(systemctl show -p MainPID --value gerbangd.service); fi
    local reload
    reload=$(sed -n 's/^ExecReload=//p' "$UNIT")
    local -a reload_cmd
    read -ra reload_cmd <<<"${reload//\$MAINPID/$main_pid}"
    "${reload_cmd[@]}" && sleep 1 && kill -0 "$main_pid" && gateway_log | grep -q 'SIGHUP: reloading' &&
        wait_http /health
}
check "ExecReload (SIGHUP) reloads and the gateway keeps running" reload_gateway
# root must not create files in the service's data directory; it is told how to run instead.
root_refused() {
    local out
    if out=$(/usr/bin/gerbangctl --config "$CONF" tenant list 2>&1); then return 1; fi
    grep -q "belongs to user 'gerbang'" <<<"$out" && grep -q 'sudo -u gerbang' <<<"$out"
}
check "gerbangctl run as root is refused with the sudo -u gerbang hint" root_refused

stop_rc=0
stop_gateway || stop_rc=$?
check "gerbangd stopped cleanly on SIGTERM (exit $stop_rc)" [ "$stop_rc" -eq 0 ]
all_owned() { [ -z "$(find "$DATA_DIR" ! -user gerbang ! -path "$MARKER" -print -quit)" ]; }
check "every file in $DATA_DIR belongs to gerbang" all_owned

# --- remove, purge, reinstall ------------------------------------------------------------------
db_sum=$(sha256sum "$DATA_DIR/gerbang.sqlite" | cut -d' ' -f1)
key_sum=$(sha256sum "$DATA_DIR/master.key" | cut -d' ' -f1)
say "apt-get remove"
mapfile -t installed < <(known_packages)
apt_get remove "${installed[@]}" >"$log/remove.log" 2>&1 ||
    die "apt-get remove failed: $(cat "$log/remove.log")"
check "remove: /usr/bin/gerbangd is gone" [ ! -e /usr/bin/gerbangd ]
check "remove: the database is kept" [ "$(sha256sum "$DATA_DIR/gerbang.sqlite" | cut -d' ' -f1)" = "$db_sum" ]
check "remove: the master key is kept" [ "$(sha256sum "$DATA_DIR/master.key" | cut -d' ' -f1)" = "$key_sum" ]
check "remove: the configuration is kept" [ -f "$CONF" ]

say "apt-get purge"
mapfile -t installed < <(known_packages)
apt_get purge "${installed[@]}" >"$log/purge.log" 2>&1 ||
    die "apt-get purge failed: $(cat "$log/purge.log")"
grep '^gerbangd:' "$log/purge.log" || true
check "purge: $CONF_DIR is gone" [ ! -e "$CONF_DIR" ]
check "purge: the database is kept" [ "$(sha256sum "$DATA_DIR/gerbang.sqlite" | cut -d' ' -f1)" = "$db_sum" ]
check "purge: the master key is kept" [ "$(sha256sum "$DATA_DIR/master.key" | cut -d' ' -f1)" = "$key_sum" ]
check "purge: says that the data directory is kept" grep -q "kept the data directory $DATA_DIR" "$log/purge.log"

say "apt-get install again: the kept data is used"
apt_get install "${debs[@]}" >"$log/reinstall.log" 2>&1 || die "reinstall failed: $(cat "$log/reinstall.log")"
check "reinstall: $DATA_DIR is still 0700 gerbang:gerbang" [ "$(mode_owner "$DATA_DIR")" = "700 gerbang:gerbang" ]
ctl events list --json >"$log/events-after.json" 2>&1 || true
check "reinstall: the event received before is still listed" \
    grep -Eq "\"provider_event_id\": *\"$WAMID\"" "$log/events-after.json"
check "reinstall: the same master key" [ "$(sha256sum "$DATA_DIR/master.key" | cut -d' ' -f1)" = "$key_sum" ]
mapfile -t installed < <(known_packages)
apt_get purge "${installed[@]}" >/dev/null 2>&1 || fail "second purge"

elapsed=$((SECONDS - start_time))
if [ "$failures" -ne 0 ]; then
    say "$failures checks FAILED ($elapsed s); logs in $log"
    exit 1
fi
say "all checks passed ($elapsed s); logs in $log"
