// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RateLimiter.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "net/CidrList.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace gerbang {

class Directory;
class Stats;
class StoreWriter;

// The cheap refusals, done on the request head before any body byte is read: the client
// address (X-Forwarded-For from trusted proxies only), the IP allowlist (403) and the rate
// limits (429 + Retry-After; /health, /ready and /metrics are exempt). Refusals are audited
// aggregated: one row per client, outcome and second, never one row per request in a flood.
class EdgeGuard : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        CidrList trustedProxies;
        CidrList allowlist; // empty: every address allowed
        RateLimiter::Config rates;
    };

    EdgeGuard(Config config, StoreWriter &writer, Stats &stats, QObject *parent = nullptr);
    ~EdgeGuard() override;

    using DirectoryAccess = std::function<std::shared_ptr<const Directory>()>;
    // Allowlists kept in the database (global and per source) come from the directory.
    void setDirectoryAccess(DirectoryAccess access) { m_directory = std::move(access); }

    std::optional<http::HttpResponse> admit(http::HttpRequest &head);
    void flush();

private:
    struct Aggregate
    {
        qint64 firstMs = 0;
        qint64 count = 0;
        QString method;
        QString path;
        int status = 0;
    };
    void refuse(const http::HttpRequest &head, const QString &outcome, int status);

    bool allowed(const http::HttpRequest &head) const;

    Config m_config;
    DirectoryAccess m_directory;
    StoreWriter &m_writer;
    Stats &m_stats;
    RateLimiter m_limiter;
    QHash<QString, Aggregate> m_pending; // "outcome|address"
    QTimer m_flush;
};

} // namespace gerbang
