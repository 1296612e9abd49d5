// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QStandardPaths>
#include <QUrl>
#include <algorithm>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// A deliberately plain INI reader: "[section]", "key = value", full-line comments with '#'
// or ';'. Values are taken literally (commas, semicolons and backslashes included: secrets
// contain them); one pair of surrounding double quotes is removed. QSettings is not used
// because it turns "a,b" into a list, cuts at ';' and interprets backslashes, silently
// changing secrets.
bool readIni(const QString &path, QHash<QString, QString> *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read configuration file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QString section;
    int lineNo = 0;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        ++lineNo;
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']') || line.size() < 3) {
                *error =
                    u"configuration file %1, line %2: malformed section header"_s.arg(path).arg(
                        lineNo);
                return false;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            *error =
                u"configuration file %1, line %2: expected 'name = value'"_s.arg(path).arg(lineNo);
            return false;
        }
        if (section.isEmpty()) {
            *error = u"configuration file %1, line %2: setting outside a [section]"_s.arg(path).arg(
                lineNo);
            return false;
        }
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const QString key = section + u'/' + line.left(eq).trimmed();
        if (out->contains(key)) {
            *error =
                u"configuration file %1, line %2: '%3' is set twice"_s.arg(path).arg(lineNo).arg(
                    key);
            return false;
        }
        out->insert(key, value);
    }
    return true;
}

} // namespace

const QList<SettingDef> &Settings::definitions()
{
    // Labels and help texts: QT_TRANSLATE_NOOP with the literal context (lupdate reads it);
    // kSettingsContext is the same string.
    static const QList<SettingDef> defs = {
        {.key = u"server/listen"_s,
         .env = u"GERBANG_LISTEN"_s,
         .defaultValue = u"127.0.0.1:8080"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Listen address (host:port)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "host:port to listen on")},
        {.key = u"server/max_connections"_s,
         .defaultValue = u"1024"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Maximum connections"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "concurrent connection cap"),
         .min = 1,
         .max = 100000},
        {.key = u"server/header_limit_bytes"_s,
         .defaultValue = u"16384"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Header limit (bytes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "request line + headers"),
         .min = 1024,
         .max = 1 << 20},
        {.key = u"server/body_limit_bytes"_s,
         .defaultValue = u"1048576"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Body limit (bytes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "body limit (non-WhatsApp)"),
         .min = 1024,
         .max = 64 << 20},
        {.key = u"server/read_timeout_ms"_s,
         .defaultValue = u"10000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Read timeout (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "head/body read timeout"),
         .min = 100,
         .max = 600000},
        {.key = u"server/idle_timeout_ms"_s,
         .defaultValue = u"30000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Idle timeout (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "keep-alive idle timeout"),
         .min = 100,
         .max = 3600000},
        {.key = u"server/first_byte_timeout_ms"_s,
         .defaultValue = u"5000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "First byte timeout (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "a new connection's deadline for its TLS handshake and first "
                                   "request byte"),
         .min = 100,
         .max = 600000},
        {.key = u"server/max_connections_per_ip"_s,
         .defaultValue = u"64"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Connections per address (0 = no cap)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "connections from one client (IPv4 address, IPv6 /64; trusted "
                                   "proxies exempt), 0 = no cap"),
         .min = 0,
         .max = 100000},
        {.key = u"tls/certificate"_s,
         .env = u"GERBANG_TLS_CERT"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "TLS certificate (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM certificate (chain) file; with tls/private_key the "
                                   "listener speaks HTTPS only")},
        {.key = u"tls/private_key"_s,
         .env = u"GERBANG_TLS_KEY"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "TLS private key (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM private key file (RSA or EC, unencrypted, mode 0600)")},
        {.key = u"tls/client_ca"_s,
         .env = u"GERBANG_TLS_CLIENT_CA"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Client CA bundle (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM CA bundle; when set, clients must present a certificate "
                                   "it issued (mutual TLS)")},
        {.key = u"tls/client_subject_cn"_s,
         .env = u"GERBANG_TLS_CLIENT_CN"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Required client certificate CN"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "required subject CN of client certificates (mutual TLS; "
                                   "empty: any)")},
        {.key = u"tls/client_certificate_routes"_s,
         .env = u"GERBANG_TLS_CLIENT_CERT_ROUTES"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Routes that need a client certificate"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "sources whose routes need a client certificate (whatsapp, "
                                   "whatsapp:APP, a source name; comma or space separated); "
                                   "empty or *: every route, checked at the handshake")},
        {.key = u"admin/listen"_s,
         .env = u"GERBANG_ADMIN_LISTEN"_s,
         .defaultValue = u"127.0.0.1:8081"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Admin API address (host:port)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "host:port of the admin API, never the webhook port (empty: "
                                   "off); a non-loopback address speaks HTTPS only")},
        {.key = u"admin/certificate"_s,
         .env = u"GERBANG_ADMIN_TLS_CERT"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Admin API certificate (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM certificate (chain) of the admin API; empty: on a "
                                   "non-loopback address, a self-signed one made in the data "
                                   "directory (gerbangctl admin fingerprint)")},
        {.key = u"admin/private_key"_s,
         .env = u"GERBANG_ADMIN_TLS_KEY"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Admin API private key (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM private key of the admin certificate (unencrypted, mode "
                                   "0600)")},
        {.key = u"admin/client_ca"_s,
         .env = u"GERBANG_ADMIN_TLS_CLIENT_CA"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Admin client CA bundle (PEM)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "PEM CA bundle; when set, admin clients must also present a "
                                   "certificate it issued (mutual TLS)")},
        {.key = u"storage/data_dir"_s,
         .env = u"GERBANG_DATA_DIR"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Data directory"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "database, key file (default: per-user data dir)")},
        {.key = u"storage/database_url"_s,
         .env = u"GERBANG_DATABASE_URL"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "PostgreSQL URL (empty = SQLite)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "postgresql://… (empty: SQLite in the data dir)")},
        {.key = u"storage/busy_timeout_ms"_s,
         .defaultValue = u"2000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Database lock timeout (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "how long a commit waits for a locked database before "
                                   "answering 503"),
         .min = 10,
         .max = 60000},
        {.key = u"storage/max_pending"_s,
         .defaultValue = u"20000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Maximum pending requests"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "requests waiting for commit before new ones get 503"),
         .min = 1,
         .max = 1000000},
        {.key = u"security/master_key"_s,
         .env = u"GERBANG_MASTER_KEY"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Master key (base64)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "base64 of 32 bytes (default: key file in the data dir)")},
        {.key = u"whatsapp/app_secret"_s,
         .env = u"GERBANG_WHATSAPP_APP_SECRET"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "WhatsApp app secret"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "Meta app secret (X-Hub-Signature-256)")},
        {.key = u"whatsapp/previous_app_secret"_s,
         .env = u"GERBANG_WHATSAPP_PREVIOUS_APP_SECRET"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Previous WhatsApp app secret"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "old app secret still accepted during a rotation")},
        {.key = u"whatsapp/verify_token"_s,
         .env = u"GERBANG_WHATSAPP_VERIFY_TOKEN"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "WhatsApp verify token"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "token for Meta's subscription check")},
        {.key = u"whatsapp/body_limit_bytes"_s,
         .defaultValue = u"4194304"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "WhatsApp body limit (bytes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "body limit on WhatsApp routes (Meta sends up to 3 MB)"),
         .min = 1024,
         .max = 64 << 20},
        {.key = u"dedup/ttl_hours"_s,
         .defaultValue = u"168"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Dedup window (hours)"),
         .help =
             QT_TRANSLATE_NOOP("gerbang::Settings", "how long a provider event id is remembered"),
         .min = 24,
         .max = 24 * 365},
        {.key = u"limits/rate_global"_s,
         .env = u"GERBANG_RATE_GLOBAL"_s,
         .defaultValue = u"500"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Global rate (requests/s, 0 = unlimited)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "requests per second, all clients (0 = unlimited)"),
         .min = 0,
         .max = 10000000},
        {.key = u"limits/rate_per_ip"_s,
         .env = u"GERBANG_RATE_PER_IP"_s,
         .defaultValue = u"50"_s,
         .label =
             QT_TRANSLATE_NOOP("gerbang::Settings", "Per-address rate (requests/s, 0 = unlimited)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "requests per second per client address (0 = unlimited)"),
         .min = 0,
         .max = 10000000},
        {.key = u"limits/burst_global"_s,
         .defaultValue = u"0"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Global burst (0 = same as the rate)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "burst of the global limit (0 = equal to the rate)"),
         .min = 0,
         .max = 10000000},
        {.key = u"limits/offender_strikes"_s,
         .defaultValue = u"50"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Repeat-offender strikes (0 = off)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "failed requests (4xx) within a minute after which a client "
                                   "is refused for limits/offender_penalty_s; 0 = off"),
         .min = 0,
         .max = 1000000},
        {.key = u"limits/offender_penalty_s"_s,
         .defaultValue = u"60"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Repeat-offender penalty (seconds)"),
         .help =
             QT_TRANSLATE_NOOP("gerbang::Settings", "how long a repeat offender is refused (429)"),
         .min = 1,
         .max = 86400},
        {.key = u"limits/burst_per_ip"_s,
         .defaultValue = u"0"_s,
         .label =
             QT_TRANSLATE_NOOP("gerbang::Settings", "Per-address burst (0 = same as the rate)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "burst of the per-address limit (0 = equal to the rate)"),
         .min = 0,
         .max = 10000000},
        {.key = u"edge/trusted_proxies"_s,
         .env = u"GERBANG_TRUSTED_PROXIES"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Trusted proxies (CIDR)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "proxies whose X-Forwarded-For is believed (CIDR list)")},
        {.key = u"edge/allowlist"_s,
         .env = u"GERBANG_ALLOWLIST"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Allowed networks (CIDR, empty = all)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "only these client networks may connect (CIDR list; empty = "
                                   "all)")},
        {.key = u"edge/allowlist_file"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Allowlist file"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "file with one network per line, '#' comments (added to "
                                   "edge/allowlist)")},
        {.key = u"alerts/signature_failures"_s,
         .defaultValue = u"10"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Signature failures before an alert"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "signature failures of one source within the window that "
                                   "raise an alert"),
         .min = 1,
         .max = 1000000},
        {.key = u"alerts/window_s"_s,
         .defaultValue = u"300"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert window (seconds)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "sliding window for signature failures"),
         .min = 1,
         .max = 86400},
        {.key = u"alerts/cooldown_s"_s,
         .defaultValue = u"900"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert cooldown (seconds)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "quiet time after an alert before the same source alerts "
                                   "again"),
         .min = 0,
         .max = 86400 * 7},
        {.key = u"alerts/url"_s,
         .env = u"GERBANG_ALERT_URL"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert URL"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "where alerts are POSTed (signed like deliveries); empty: "
                                   "log, audit and console only")},
        {.key = u"alerts/secret"_s,
         .env = u"GERBANG_ALERT_SECRET"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert secret (whsec_…)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "whsec_… secret that signs alert POSTs (Standard Webhooks)")},
        {.key = u"alerts/check_s"_s,
         .defaultValue = u"60"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert check interval (seconds)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "how often the quiet failures are looked for (silence, "
                                   "delivery, certificates, storage)"),
         .min = 5,
         .max = 3600},
        {.key = u"alerts/repeat_minutes"_s,
         .defaultValue = u"240"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Alert reminder (minutes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "while a condition lasts, its alert is raised again after "
                                   "this long (0: only once)"),
         .min = 0,
         .max = 7 * 24 * 60},
        {.key = u"alerts/silence_min_minutes"_s,
         .defaultValue = u"60"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Shortest silence alerted (minutes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "a source that usually sends is reported silent after at "
                                   "least this long without a request (0: no silence alerts)"),
         .min = 0,
         .max = 30 * 24 * 60},
        {.key = u"alerts/silence_factor"_s,
         .defaultValue = u"3"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Silence factor"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "a source is silent after this many times its usual longest "
                                   "gap at that hour of the week, learned from its traffic"),
         .min = 1,
         .max = 100},
        {.key = u"alerts/silence_sources"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Fixed silence thresholds"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "per source instead of learning, e.g. 'whatsapp=2h, "
                                   "stripe-firm-a=1d' (0 turns a source's alert off)")},
        {.key = u"alerts/delivery_age_minutes"_s,
         .defaultValue = u"30"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Undelivered event age (minutes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "alert when the oldest event not yet delivered to the core is "
                                   "older (0: off)"),
         .min = 0,
         .max = 30 * 24 * 60},
        {.key = u"alerts/dead_letters"_s,
         .defaultValue = u"1"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Dead letters before an alert"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "alert when this many dead letters wait, and again when more "
                                   "arrive (0: off)"),
         .min = 0,
         .max = 1000000},
        {.key = u"alerts/certificate_days"_s,
         .defaultValue = u"14"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Certificate warning (days)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "alert this many days before a TLS certificate expires, and "
                                   "again at 3 days (0: off)"),
         .min = 0,
         .max = 365},
        {.key = u"alerts/disk_free_mb"_s,
         .defaultValue = u"1024"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Free disk space (MB)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "alert when less is free for the data directory (0: off)"),
         .min = 0,
         .max = 100000000},
        {.key = u"alerts/database_down_s"_s,
         .defaultValue = u"60"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Database failing (seconds)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "alert when the database has been unreachable or refusing "
                                   "writes for this long (0: off)"),
         .min = 0,
         .max = 86400},
        {.key = u"alerts/retention_failures"_s,
         .defaultValue = u"1"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Failed retention runs before an alert"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "consecutive failed runs of the retention job that raise an "
                                   "alert (0: off)"),
         .min = 0,
         .max = 100},
        {.key = u"metrics/token"_s,
         .env = u"GERBANG_METRICS_TOKEN"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Metrics token"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "bearer token required by /metrics (empty: none; restrict "
                                   "with the allowlist)")},
        {.key = u"retention/raw_days"_s,
         .defaultValue = u"7"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Raw payloads kept (days)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "days raw payloads are kept"),
         .min = 1,
         .max = 3650,
         .apply = SettingApply::Reload},
        {.key = u"retention/audit_days"_s,
         .defaultValue = u"365"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Audit rows kept (days)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "days audit rows are kept"),
         .min = 1,
         .max = 36500,
         .apply = SettingApply::Reload},
        {.key = u"retention/delivered_days"_s,
         .defaultValue = u"7"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Delivered events kept (days)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "days delivered events (ids, outbox rows) are kept after "
                                   "delivery"),
         .min = 1,
         .max = 3650,
         .apply = SettingApply::Reload},
        {.key = u"retention/interval_minutes"_s,
         .defaultValue = u"60"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Purge every (minutes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "how often the retention job runs (once per interval across "
                                   "gateways)"),
         .min = 1,
         .max = 24 * 60,
         .apply = SettingApply::Reload},
        {.key = u"audit/checkpoint_minutes"_s,
         .defaultValue = u"10"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Audit checkpoint interval (minutes)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "minutes between signed checkpoints of the audit log's chain "
                                   "(and one at every stop)"),
         .min = 1,
         .max = 1440,
         .apply = SettingApply::Restart},
        {.key = u"sink/url"_s,
         .env = u"GERBANG_SINK_URL"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Sink URL"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "the core's HTTP endpoint normalized events are POSTed to "
                                   "(empty: keep them queued)")},
        {.key = u"sink/secret"_s,
         .env = u"GERBANG_SINK_SECRET"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Sink secret (whsec_…)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "whsec_… secret that signs deliveries (Standard Webhooks)")},
        {.key = u"sink/content"_s,
         .env = u"GERBANG_SINK_CONTENT"_s,
         .defaultValue = u"full"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Sink content (full or refs)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "full: the provider's original object travels with the "
                                   "event; refs: references only (the core fetches content "
                                   "from /internal/events/ID)")},
        {.key = u"sink/timeout_ms"_s,
         .defaultValue = u"10000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Delivery timeout (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "one delivery attempt's time limit"),
         .min = 100,
         .max = 600000},
        {.key = u"sink/concurrency"_s,
         .defaultValue = u"8"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Parallel deliveries"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "deliveries in flight at once"),
         .min = 1,
         .max = 256},
        {.key = u"delivery/retry_base_ms"_s,
         .defaultValue = u"1000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "First retry delay (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "first retry delay (doubles)"),
         .min = 10,
         .max = 3600000},
        {.key = u"delivery/retry_cap_ms"_s,
         .defaultValue = u"600000"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Longest retry delay (ms)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "longest retry delay"),
         .min = 10,
         .max = 86400000},
        {.key = u"delivery/max_attempts"_s,
         .defaultValue = u"30"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Maximum delivery attempts"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "attempts before an event becomes a dead letter"),
         .min = 1,
         .max = 1000},
        {.key = u"delivery/max_age_hours"_s,
         .defaultValue = u"72"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Delivery deadline (hours)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "age after which an undelivered event becomes a dead letter"),
         .min = 1,
         .max = 24 * 365},
        {.key = u"internal/api_token"_s,
         .env = u"GERBANG_INTERNAL_API_TOKEN"_s,
         .secret = true,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Internal API token"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings",
                                   "bearer token for GET /internal/events/ID (empty: the route "
                                   "is off)")},
        {.key = u"log/format"_s,
         .env = u"GERBANG_LOG_FORMAT"_s,
         .defaultValue = u"text"_s,
         .label = QT_TRANSLATE_NOOP("gerbang::Settings", "Log format (text or json)"),
         .help = QT_TRANSLATE_NOOP("gerbang::Settings", "text or json")},
    };
    return defs;
}

QString Settings::defaultConfigPath(const QProcessEnvironment &env)
{
    const QString fromEnv = env.value(u"GERBANG_CONFIG"_s);
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           u"/gerbang/gerbang.ini"_s;
}

bool Settings::load(const QString &configPath, bool explicitPath, const QProcessEnvironment &env,
                    QString *error)
{
    m_configPath = configPath;
    m_sources.clear();
    for (const SettingDef &def : definitions())
        m_values.insert(def.key, def.defaultValue);

    if (!configPath.isEmpty()) {
        const QFileInfo info(configPath);
        if (!info.exists()) {
            if (explicitPath) {
                *error = u"configuration file %1 does not exist"_s.arg(configPath);
                return false;
            }
        } else {
            QHash<QString, QString> ini;
            if (!readIni(configPath, &ini, error))
                return false;
            struct stat st
            {
            };
            const bool worldReadable =
                ::stat(QFile::encodeName(configPath).constData(), &st) == 0 &&
                (st.st_mode & S_IROTH);
            for (auto it = ini.cbegin(); it != ini.cend(); ++it) {
                const auto def =
                    std::find_if(definitions().cbegin(), definitions().cend(),
                                 [&](const SettingDef &d) { return d.key == it.key(); });
                if (def == definitions().cend()) {
                    *error =
                        u"configuration file %1: unknown setting '%2'"_s.arg(configPath, it.key());
                    return false;
                }
                if (def->secret && !it.value().isEmpty() && worldReadable) {
                    *error = u"configuration file %1 holds a secret (%2) but is readable by other "
                             "users; run: chmod o-rwx %1"_s.arg(configPath, def->key);
                    return false;
                }
                m_values.insert(it.key(), it.value());
                m_sources.insert(it.key(), SettingSource::File);
            }
        }
    }
    for (const SettingDef &def : definitions()) {
        if (!def.env.isEmpty() && env.contains(def.env)) {
            m_values.insert(def.key, env.value(def.env));
            m_sources.insert(def.key, SettingSource::Environment);
        }
    }
    return true;
}

QString Settings::value(const QString &key) const
{
    Q_ASSERT_X(m_values.contains(key), "Settings::value", "undeclared setting");
    return m_values.value(key);
}

QStringList messagesOf(const SettingProblems &problems)
{
    QStringList out;
    for (const SettingProblem &p : problems)
        out << p.message;
    return out;
}

const SettingDef *Settings::definition(QStringView key)
{
    const auto &defs = definitions();
    const auto it = std::find_if(defs.cbegin(), defs.cend(),
                                 [key](const SettingDef &d) { return d.key == key; });
    return it == defs.cend() ? nullptr : &*it;
}

int Settings::defaultInt(QStringView key)
{
    const SettingDef *d = definition(key);
    Q_ASSERT_X(d && d->isInteger(), "Settings::defaultInt", "not a whole-number setting");
    return d ? d->defaultValue.toInt() : 0;
}

QString SettingDef::translatedLabel() const
{
    return QCoreApplication::translate(kSettingsContext, label);
}

QString SettingDef::translatedHelp() const
{
    return QCoreApplication::translate(kSettingsContext, help);
}

int Settings::intValue(const QString &key, bool *ok) const
{
    const SettingDef *d = definition(key);
    Q_ASSERT_X(d && d->isInteger(), "Settings::intValue", "not a whole-number setting");
    const int min = d ? d->min : 0;
    const int max = d ? d->max : 0;
    bool parsed = false;
    const int v = value(key).trimmed().toInt(&parsed);
    const bool good = parsed && v >= min && v <= max;
    if (ok)
        *ok = good;
    return good ? v : qBound(min, v, max);
}

SettingProblems Settings::validate() const
{
    SettingProblems problems;
    auto problem = [&problems](const QString &key, const QString &code, const QString &message) {
        problems.append({key, code, message});
    };
    for (const SettingDef &d : definitions()) {
        if (!d.isInteger())
            continue;
        bool ok = false;
        intValue(d.key, &ok);
        if (!ok)
            problem(d.key, u"out_of_range"_s,
                    u"%1 must be a whole number from %2 to %3 (got '%4')"_s.arg(d.key)
                        .arg(d.min)
                        .arg(d.max)
                        .arg(value(d.key)));
    }
    for (const QString &key : {u"server/listen"_s, u"admin/listen"_s}) {
        if (key == u"admin/listen"_s && value(key).isEmpty())
            continue; // the admin API is off
        if (portOf(key) == 0 && !value(key).endsWith(u":0"_s))
            problem(key, u"invalid_value"_s,
                    u"%1 must be host:port (got '%2')"_s.arg(key, value(key)));
        else if (QHostAddress(hostOf(key)).isNull())
            problem(key, u"invalid_value"_s,
                    u"%1 host must be an IP address (got '%2')"_s.arg(key, hostOf(key)));
    }
    if (!value(u"admin/certificate"_s).isEmpty() != !value(u"admin/private_key"_s).isEmpty())
        problem(value(u"admin/certificate"_s).isEmpty() ? u"admin/certificate"_s
                                                        : u"admin/private_key"_s,
                u"requires"_s, u"admin/certificate and admin/private_key are set together"_s);
    const QString fmt = value(u"log/format"_s);
    if (fmt != u"text"_s && fmt != u"json"_s)
        problem(u"log/format"_s, u"invalid_value"_s,
                u"log/format must be text or json (got '%1')"_s.arg(fmt));
    const QString content = value(u"sink/content"_s);
    if (content != u"full"_s && content != u"refs"_s)
        problem(u"sink/content"_s, u"invalid_value"_s,
                u"sink/content must be full or refs (got '%1')"_s.arg(content));
    if (const QString sink = value(u"sink/url"_s); !sink.isEmpty()) {
        const QUrl url(sink, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) ||
            url.host().isEmpty())
            problem(u"sink/url"_s, u"invalid_value"_s,
                    u"sink/url must be an http(s) URL (got '%1')"_s.arg(sink));
        else if (value(u"sink/secret"_s).isEmpty())
            problem(u"sink/secret"_s, u"requires"_s,
                    u"sink/secret must be set when sink/url is: the core verifies "
                    "deliveries with it"_s);
    }
    return problems;
}

QString Settings::dataDir() const
{
    const QString configured = value(u"storage/data_dir"_s);
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/gerbang"_s;
}

QString Settings::listenHost() const
{
    return hostOf(u"server/listen"_s);
}

quint16 Settings::listenPort() const
{
    return portOf(u"server/listen"_s);
}

QString Settings::adminCertificatePath() const
{
    const QString configured = value(u"admin/certificate"_s);
    return configured.isEmpty() ? dataDir() + u"/admin-tls/certificate.pem"_s : configured;
}

QString Settings::adminPrivateKeyPath() const
{
    const QString configured = value(u"admin/private_key"_s);
    return configured.isEmpty() ? dataDir() + u"/admin-tls/private-key.pem"_s : configured;
}

QString Settings::hostOf(const QString &key) const
{
    const QString listen = value(key);
    const qsizetype colon = listen.lastIndexOf(u':');
    QString host = colon < 0 ? listen : listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    return host;
}

quint16 Settings::portOf(const QString &key) const
{
    const QString listen = value(key);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon < 0 ? 0 : listen.mid(colon + 1).toUInt(&ok);
    return ok && port <= 65535 ? quint16(port) : 0;
}

Settings Settings::reread() const
{
    Settings now;
    QString error;
    if (!now.load(configPath(), false, QProcessEnvironment::systemEnvironment(), &error))
        return *this;
    for (const SettingDef &def : Settings::definitions()) {
        if (source(def.key) == SettingSource::Flag)
            now.setOverride(def.key, value(def.key));
    }
    return now;
}

} // namespace gerbang
