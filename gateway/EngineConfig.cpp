// SPDX-License-Identifier: GPL-3.0-or-later
#include "EngineConfig.h"

#include "config/Settings.h"
#include "config/SettingsRules.h"
#include "verify/StandardWebhooksSignature.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

EngineConfig EngineConfig::fromSettings(const Settings &s, std::shared_ptr<const Vault> vault,
                                        SettingProblems *problems)
{
    // The rules live in shared/config (every program checks the same); here the values are
    // only assembled.
    if (problems)
        *problems += settingRulesBetween(s);
    EngineConfig c;
    c.settings = s;
    c.listenAddress = QHostAddress(s.listenHost());
    c.listenPort = s.listenPort();
    c.maxConnections = s.intValue(u"server/max_connections"_s);
    c.connection.headerLimit = s.intValue(u"server/header_limit_bytes"_s);
    c.connection.readTimeoutMs = s.intValue(u"server/read_timeout_ms"_s);
    c.connection.idleTimeoutMs = s.intValue(u"server/idle_timeout_ms"_s);
    c.connection.firstByteTimeoutMs = s.intValue(u"server/first_byte_timeout_ms"_s);
    c.maxConnectionsPerIp = s.intValue(u"server/max_connections_per_ip"_s);
    c.bodyLimit = s.intValue(u"server/body_limit_bytes"_s);
    c.whatsappBodyLimit = s.intValue(u"whatsapp/body_limit_bytes"_s);
    c.dataDir = s.dataDir();
    QString dbError;
    if (const auto target =
            DatabaseTarget::resolve(s.value(u"storage/database_url"_s), c.dataDir, &dbError))
        c.database = *target;
    c.busyTimeoutMs = s.intValue(u"storage/busy_timeout_ms"_s);
    c.maxPending = s.intValue(u"storage/max_pending"_s);
    c.dedupTtlMs = qint64(s.intValue(u"dedup/ttl_hours"_s)) * 3600 * 1000;
    c.retention = RetentionPolicy::fromSettings(s);
    c.checkpointIntervalMs = qint64(s.intValue(u"audit/checkpoint_minutes"_s)) * 60'000;
    c.delivery.sinkUrl = QUrl(s.value(u"sink/url"_s), QUrl::StrictMode);
    c.delivery.sinkSecret = s.value(u"sink/secret"_s).toUtf8();
    c.delivery.withContent = s.value(u"sink/content"_s) != u"refs"_s;
    c.delivery.timeoutMs = s.intValue(u"sink/timeout_ms"_s);
    c.delivery.concurrency = s.intValue(u"sink/concurrency"_s);
    c.delivery.retry.baseMs = s.intValue(u"delivery/retry_base_ms"_s);
    c.delivery.retry.capMs = s.intValue(u"delivery/retry_cap_ms"_s);
    c.delivery.retry.maxAttempts = s.intValue(u"delivery/max_attempts"_s);
    c.delivery.retry.maxAgeMs = qint64(s.intValue(u"delivery/max_age_hours"_s)) * 3'600'000;
    c.internalApiToken = s.value(u"internal/api_token"_s).toUtf8();
    c.whatsapp.appSecret = s.value(u"whatsapp/app_secret"_s).toUtf8();
    c.whatsapp.previousAppSecret = s.value(u"whatsapp/previous_app_secret"_s).toUtf8();
    c.whatsapp.verifyToken = s.value(u"whatsapp/verify_token"_s).toUtf8();
    c.edge.rates.globalRate = s.intValue(u"limits/rate_global"_s);
    c.edge.rates.perIpRate = s.intValue(u"limits/rate_per_ip"_s);
    c.edge.rates.globalBurst = s.intValue(u"limits/burst_global"_s);
    c.edge.rates.perIpBurst = s.intValue(u"limits/burst_per_ip"_s);
    c.edge.rates.offenderStrikes = s.intValue(u"limits/offender_strikes"_s);
    c.edge.rates.offenderPenaltySecs = s.intValue(u"limits/offender_penalty_s"_s);
    QStringList reported; // by settingRulesBetween() above
    c.edge.trustedProxies = CidrList::parse(s.value(u"edge/trusted_proxies"_s), &reported);
    QString allow = s.value(u"edge/allowlist"_s);
    if (const QString file = s.value(u"edge/allowlist_file"_s); !file.isEmpty()) {
        QFile f(file);
        if (f.open(QIODevice::ReadOnly))
            allow += u'\n' + QString::fromUtf8(f.readAll());
    }
    c.edge.allowlist = CidrList::parse(allow, &reported);
    c.alerts.threshold = s.intValue(u"alerts/signature_failures"_s);
    c.alerts.windowMs = qint64(s.intValue(u"alerts/window_s"_s)) * 1000;
    c.alerts.cooldownMs = qint64(s.intValue(u"alerts/cooldown_s"_s)) * 1000;
    if (const QString url = s.value(u"alerts/url"_s); !url.isEmpty())
        c.alertUrl = QUrl(url, QUrl::StrictMode);
    c.alertSecret = s.value(u"alerts/secret"_s).toUtf8();
    c.metricsToken = s.value(u"metrics/token"_s).toUtf8();
    c.tls.certificatePath = s.value(u"tls/certificate"_s);
    c.tls.privateKeyPath = s.value(u"tls/private_key"_s);
    c.tls.clientCaPath = s.value(u"tls/client_ca"_s);
    c.tls.clientSubjectCn = s.value(u"tls/client_subject_cn"_s);
    c.tls.clientCertificateRoutes =
        s.value(u"tls/client_certificate_routes"_s)
            .split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    // Listener-wide mode ("*" or no list) is enforced at the handshake; a list, on the head.
    if (c.tls.perRoute()) {
        for (const QString &scope : std::as_const(c.tls.clientCertificateRoutes))
            c.edge.clientCertificateRoutes.insert(scope);
    }
    // The admin API: its own listener; TLS on any address but loopback (a configured pair, or
    // one the engine makes at start).
    if (!s.value(u"admin/listen"_s).isEmpty()) {
        c.admin.enabled = true;
        c.admin.address = QHostAddress(s.hostOf(u"admin/listen"_s));
        c.admin.port = s.portOf(u"admin/listen"_s);
        c.admin.selfSigned = s.value(u"admin/certificate"_s).isEmpty();
        c.admin.tls.clientCaPath = s.value(u"admin/client_ca"_s);
        if (!c.admin.selfSigned || !c.admin.address.isLoopback() || c.admin.tls.mutual()) {
            c.admin.tls.certificatePath = s.adminCertificatePath();
            c.admin.tls.privateKeyPath = s.adminPrivateKeyPath();
        }
    }
    QStringList certificates;
    for (const QString &path : {c.tls.certificatePath, c.admin.tls.certificatePath}) {
        if (!path.isEmpty())
            certificates << path;
    }
    c.vigilance = Vigilance::Config::fromSettings(s, certificates);
    c.vault = std::move(vault);
    return c;
}

} // namespace gerbang
