// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "alerts/SignatureAlerts.h"
#include "alerts/Vigilance.h"
#include "config/Settings.h"
#include "delivery/DeliveryConfig.h"
#include "edge/EdgeGuard.h"
#include "http/HttpConnection.h"
#include "http/HttpServer.h"
#include "storage/DatabaseTarget.h"
#include "storage/Retention.h"

#include <QHostAddress>
#include <QString>
#include <QUrl>
#include <memory>

namespace gerbang {

class Vault;

// Everything the engine needs, resolved from Settings once at start. The defaults are the
// table's (Settings::defaultInt); fromSettings() sets every field.
struct EngineConfig
{
    QHostAddress listenAddress; // server/listen
    quint16 listenPort = 0;
    int maxConnections = Settings::defaultInt(u"server/max_connections");
    int maxConnectionsPerIp = Settings::defaultInt(u"server/max_connections_per_ip"); // 0: no cap
    http::ConnectionLimits connection;
    qint64 bodyLimit = Settings::defaultInt(u"server/body_limit_bytes");
    qint64 whatsappBodyLimit = Settings::defaultInt(u"whatsapp/body_limit_bytes");
    QString dataDir;
    DatabaseTarget database; // SQLite in dataDir unless storage/database_url is set
    int busyTimeoutMs = Settings::defaultInt(u"storage/busy_timeout_ms");
    int maxPending = Settings::defaultInt(u"storage/max_pending");
    qint64 dedupTtlMs = qint64(Settings::defaultInt(u"dedup/ttl_hours")) * 3'600'000;
    RetentionPolicy retention;
    qint64 checkpointIntervalMs =
        qint64(Settings::defaultInt(u"audit/checkpoint_minutes")) * 60'000;
    DeliveryConfig delivery;
    QByteArray internalApiToken; // empty: GET /internal/events/ID is off
    Directory::Overrides whatsapp;
    EdgeGuard::Config edge;
    SignatureAlerts::Config alerts;
    Vigilance::Config vigilance; // default: every check off
    QUrl alertUrl;
    QByteArray alertSecret;
    QByteArray metricsToken;
    http::TlsSettings tls;
    struct Admin
    {
        bool enabled = false;
        QHostAddress address;
        quint16 port = 0;
        // Set when the listener speaks HTTPS (any address but loopback, or mutual TLS).
        http::TlsSettings tls;
        bool selfSigned = false; // tls names the pair the engine makes when it is missing
    } admin;
    std::shared_ptr<const Vault> vault;
    // What it was resolved from, with where each value came from (the admin API shows it).
    Settings settings;

    // `problems` receives what cannot be used (settingRulesBetween: e.g. a malformed allowlist
    // entry); each value's own rules are Settings::validate()'s.
    static EngineConfig fromSettings(const Settings &settings, std::shared_ptr<const Vault> vault,
                                     SettingProblems *problems = nullptr);
};

} // namespace gerbang
