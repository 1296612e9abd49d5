// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "alerts/SignatureAlerts.h"
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

// Everything the engine needs, resolved from Settings once at start.
struct EngineConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    int maxConnections = 1024;
    int maxConnectionsPerIp = 64; // 0: no per-address cap
    http::ConnectionLimits connection;
    qint64 bodyLimit = 1 << 20;
    qint64 whatsappBodyLimit = 4 << 20;
    QString dataDir;
    DatabaseTarget database; // SQLite in dataDir unless storage/database_url is set
    int busyTimeoutMs = 2000;
    int maxPending = 20000;
    qint64 dedupTtlMs = 7LL * 24 * 3600 * 1000;
    RetentionPolicy retention;
    DeliveryConfig delivery;
    QByteArray internalApiToken; // empty: GET /internal/events/ID is off
    Directory::Overrides whatsapp;
    EdgeGuard::Config edge;
    SignatureAlerts::Config alerts;
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

    // `problems` receives what cannot be used (e.g. a malformed allowlist entry).
    static EngineConfig fromSettings(const Settings &settings, std::shared_ptr<const Vault> vault,
                                     SettingProblems *problems = nullptr);
};

} // namespace gerbang
