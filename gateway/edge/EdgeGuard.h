// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CidrList.h"
#include "RateLimiter.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <optional>

namespace gerbang {

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

    Config m_config;
    StoreWriter &m_writer;
    Stats &m_stats;
    RateLimiter m_limiter;
    QHash<QString, Aggregate> m_pending; // "outcome|address"
    QTimer m_flush;
};

} // namespace gerbang
