// SPDX-License-Identifier: GPL-3.0-or-later
#include "Settings.h"

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
    static const QList<SettingDef> defs = {
        {u"server/listen"_s, u"GERBANG_LISTEN"_s, u"127.0.0.1:8080"_s, false,
         u"host:port to listen on"_s},
        {u"server/max_connections"_s,
         {},
         u"1024"_s,
         false,
         u"concurrent connection cap"_s,
         1,
         100000},
        {u"server/header_limit_bytes"_s,
         {},
         u"16384"_s,
         false,
         u"request line + headers"_s,
         1024,
         1 << 20},
        {u"server/body_limit_bytes"_s,
         {},
         u"1048576"_s,
         false,
         u"body limit (non-WhatsApp)"_s,
         1024,
         64 << 20},
        {u"server/read_timeout_ms"_s,
         {},
         u"10000"_s,
         false,
         u"head/body read timeout"_s,
         100,
         600000},
        {u"server/idle_timeout_ms"_s,
         {},
         u"30000"_s,
         false,
         u"keep-alive idle timeout"_s,
         100,
         3600000},
        {u"server/first_byte_timeout_ms"_s,
         {},
         u"5000"_s,
         false,
         u"a new connection's deadline for its TLS handshake and first request byte"_s,
         100,
         600000},
        {u"server/max_connections_per_ip"_s,
         {},
         u"64"_s,
         false,
         u"connections from one client (IPv4 address, IPv6 /64; trusted proxies exempt), 0 = no "
         "cap"_s,
         0,
         100000},
        {u"tls/certificate"_s,
         u"GERBANG_TLS_CERT"_s,
         {},
         false,
         u"PEM certificate (chain) file; with tls/private_key the listener speaks HTTPS only"_s},
        {u"tls/private_key"_s,
         u"GERBANG_TLS_KEY"_s,
         {},
         false,
         u"PEM private key file (RSA or EC, unencrypted, mode 0600)"_s},
        {u"tls/client_ca"_s,
         u"GERBANG_TLS_CLIENT_CA"_s,
         {},
         false,
         u"PEM CA bundle; when set, clients must present a certificate it issued (mutual TLS)"_s},
        {u"tls/client_subject_cn"_s,
         u"GERBANG_TLS_CLIENT_CN"_s,
         {},
         false,
         u"required subject CN of client certificates (mutual TLS; empty: any)"_s},
        {u"tls/client_certificate_routes"_s,
         u"GERBANG_TLS_CLIENT_CERT_ROUTES"_s,
         {},
         false,
         u"sources whose routes need a client certificate (whatsapp, whatsapp:APP, a source "
         "name; comma or space separated); empty or *: every route, checked at the handshake"_s},
        {u"admin/listen"_s, u"GERBANG_ADMIN_LISTEN"_s, u"127.0.0.1:8081"_s, false,
         u"host:port of the admin API, never the webhook port (empty: off); a non-loopback "
         "address speaks HTTPS only"_s},
        {u"admin/certificate"_s,
         u"GERBANG_ADMIN_TLS_CERT"_s,
         {},
         false,
         u"PEM certificate (chain) of the admin API; empty: on a non-loopback address, a "
         "self-signed one made in the data directory (gerbangctl admin fingerprint)"_s},
        {u"admin/private_key"_s,
         u"GERBANG_ADMIN_TLS_KEY"_s,
         {},
         false,
         u"PEM private key of admin/certificate (unencrypted, mode 0600)"_s},
        {u"admin/client_ca"_s,
         u"GERBANG_ADMIN_TLS_CLIENT_CA"_s,
         {},
         false,
         u"PEM CA bundle; when set, admin clients must also present a certificate it issued "
         "(mutual TLS)"_s},
        {u"storage/data_dir"_s,
         u"GERBANG_DATA_DIR"_s,
         {},
         false,
         u"database, key file (default: per-user data dir)"_s},
        {u"storage/database_url"_s,
         u"GERBANG_DATABASE_URL"_s,
         {},
         true,
         u"postgresql://… (empty: SQLite in the data dir)"_s},
        {u"storage/busy_timeout_ms"_s,
         {},
         u"2000"_s,
         false,
         u"how long a commit waits for a locked database before answering 503"_s,
         10,
         60000},
        {u"storage/max_pending"_s,
         {},
         u"20000"_s,
         false,
         u"requests waiting for commit before new ones get 503"_s,
         1,
         1000000},
        {u"security/master_key"_s,
         u"GERBANG_MASTER_KEY"_s,
         {},
         true,
         u"base64 of 32 bytes (default: key file in the data dir)"_s},
        {u"whatsapp/app_secret"_s,
         u"GERBANG_WHATSAPP_APP_SECRET"_s,
         {},
         true,
         u"Meta app secret (X-Hub-Signature-256)"_s},
        {u"whatsapp/previous_app_secret"_s,
         u"GERBANG_WHATSAPP_PREVIOUS_APP_SECRET"_s,
         {},
         true,
         u"old app secret still accepted during a rotation"_s},
        {u"whatsapp/verify_token"_s,
         u"GERBANG_WHATSAPP_VERIFY_TOKEN"_s,
         {},
         true,
         u"token for Meta's subscription check"_s},
        {u"whatsapp/body_limit_bytes"_s,
         {},
         u"4194304"_s,
         false,
         u"body limit on WhatsApp routes (Meta sends up to 3 MB)"_s,
         1024,
         64 << 20},
        {u"dedup/ttl_hours"_s,
         {},
         u"168"_s,
         false,
         u"how long a provider event id is remembered (min 24)"_s,
         24,
         24 * 365},
        {u"limits/rate_global"_s, u"GERBANG_RATE_GLOBAL"_s, u"500"_s, false,
         u"requests per second, all clients (0 = unlimited)"_s, 0, 10000000},
        {u"limits/rate_per_ip"_s, u"GERBANG_RATE_PER_IP"_s, u"50"_s, false,
         u"requests per second per client address (0 = unlimited)"_s, 0, 10000000},
        {u"limits/burst_global"_s,
         {},
         u"0"_s,
         false,
         u"burst of the global limit (0 = equal to the rate)"_s,
         0,
         10000000},
        {u"limits/offender_strikes"_s,
         {},
         u"50"_s,
         false,
         u"failed requests (4xx) within a minute after which a client is refused for "
         "limits/offender_penalty_s; 0 = off"_s,
         0,
         1000000},
        {u"limits/offender_penalty_s"_s,
         {},
         u"60"_s,
         false,
         u"how long a repeat offender is refused (429)"_s,
         1,
         86400},
        {u"limits/burst_per_ip"_s,
         {},
         u"0"_s,
         false,
         u"burst of the per-address limit (0 = equal to the rate)"_s,
         0,
         10000000},
        {u"edge/trusted_proxies"_s,
         u"GERBANG_TRUSTED_PROXIES"_s,
         {},
         false,
         u"proxies whose X-Forwarded-For is believed (CIDR list)"_s},
        {u"edge/allowlist"_s,
         u"GERBANG_ALLOWLIST"_s,
         {},
         false,
         u"only these client networks may connect (CIDR list; empty = all)"_s},
        {u"edge/allowlist_file"_s,
         {},
         {},
         false,
         u"file with one network per line, '#' comments (added to edge/allowlist)"_s},
        {u"alerts/signature_failures"_s,
         {},
         u"10"_s,
         false,
         u"signature failures of one source within the window that raise an alert"_s,
         1,
         1000000},
        {u"alerts/window_s"_s,
         {},
         u"300"_s,
         false,
         u"sliding window for signature failures"_s,
         1,
         86400},
        {u"alerts/cooldown_s"_s,
         {},
         u"900"_s,
         false,
         u"quiet time after an alert before the same source alerts again"_s,
         0,
         86400 * 7},
        {u"alerts/url"_s,
         u"GERBANG_ALERT_URL"_s,
         {},
         false,
         u"where alerts are POSTed (signed like deliveries); empty: log, audit and console only"_s},
        {u"alerts/secret"_s,
         u"GERBANG_ALERT_SECRET"_s,
         {},
         true,
         u"whsec_… secret that signs alert POSTs (Standard Webhooks)"_s},
        {u"metrics/token"_s,
         u"GERBANG_METRICS_TOKEN"_s,
         {},
         true,
         u"bearer token required by /metrics (empty: none; restrict with the allowlist)"_s},
        {u"retention/raw_days"_s,
         {},
         u"7"_s,
         false,
         u"days raw payloads are kept"_s,
         1,
         3650,
         SettingApply::Reload},
        {u"retention/audit_days"_s,
         {},
         u"365"_s,
         false,
         u"days audit rows are kept"_s,
         1,
         36500,
         SettingApply::Reload},
        {u"retention/delivered_days"_s,
         {},
         u"7"_s,
         false,
         u"days delivered events (ids, outbox rows) are kept after delivery"_s,
         1,
         3650,
         SettingApply::Reload},
        {u"retention/interval_minutes"_s,
         {},
         u"60"_s,
         false,
         u"how often the retention job runs (once per interval across gateways)"_s,
         1,
         24 * 60,
         SettingApply::Reload},
        {u"sink/url"_s,
         u"GERBANG_SINK_URL"_s,
         {},
         false,
         u"the core's HTTP endpoint normalized events are POSTed to (empty: keep them queued)"_s},
        {u"sink/secret"_s,
         u"GERBANG_SINK_SECRET"_s,
         {},
         true,
         u"whsec_… secret that signs deliveries (Standard Webhooks)"_s},
        {u"sink/content"_s, u"GERBANG_SINK_CONTENT"_s, u"full"_s, false,
         u"full: the provider's original object travels with the event; refs: references only "
         "(the core fetches content from /internal/events/ID)"_s},
        {u"sink/timeout_ms"_s,
         {},
         u"10000"_s,
         false,
         u"one delivery attempt's time limit"_s,
         100,
         600000},
        {u"sink/concurrency"_s, {}, u"8"_s, false, u"deliveries in flight at once"_s, 1, 256},
        {u"delivery/retry_base_ms"_s,
         {},
         u"1000"_s,
         false,
         u"first retry delay (doubles)"_s,
         10,
         3600000},
        {u"delivery/retry_cap_ms"_s,
         {},
         u"600000"_s,
         false,
         u"longest retry delay"_s,
         10,
         86400000},
        {u"delivery/max_attempts"_s,
         {},
         u"30"_s,
         false,
         u"attempts before an event becomes a dead letter"_s,
         1,
         1000},
        {u"delivery/max_age_hours"_s,
         {},
         u"72"_s,
         false,
         u"age after which an undelivered event becomes a dead letter"_s,
         1,
         24 * 365},
        {u"internal/api_token"_s,
         u"GERBANG_INTERNAL_API_TOKEN"_s,
         {},
         true,
         u"bearer token for GET /internal/events/ID (empty: the route is off)"_s},
        {u"log/format"_s, u"GERBANG_LOG_FORMAT"_s, u"text"_s, false, u"text or json"_s},
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
            }
        }
    }
    for (const SettingDef &def : definitions()) {
        if (!def.env.isEmpty() && env.contains(def.env))
            m_values.insert(def.key, env.value(def.env));
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

const SettingDef *Settings::definition(const QString &key)
{
    const auto &defs = definitions();
    const auto it = std::find_if(defs.cbegin(), defs.cend(),
                                 [&key](const SettingDef &d) { return d.key == key; });
    return it == defs.cend() ? nullptr : &*it;
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

} // namespace gerbang
