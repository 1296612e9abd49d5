// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RateLimiter.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "net/CidrList.h"

#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace gerbang {

struct RequestContext;
class Stats;
class StoreWriter;

// The cheap refusals, done on the request head before any body byte is read: the client
// address (X-Forwarded-For from trusted proxies only), the IP allowlist (403) and the rate
// limits (429 + Retry-After; /health, /ready and /metrics are exempt), and the routes that need
// a verified client certificate (per-route mutual TLS, 403). Refusals are audited
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
        // Per-route mutual TLS: the sender scopes (Sender::scope: "whatsapp",
        // "whatsapp:APP", a provider source's name) whose requests need a verified client
        // certificate; others get 403 client_certificate_required. Empty: no such check.
        QSet<QString> clientCertificateRoutes;
    };

    EdgeGuard(Config config, StoreWriter &writer, Stats &stats, QObject *parent = nullptr);
    ~EdgeGuard() override;

    // Sets head.client. Allowlists kept in the database (global and per source) come from the
    // context's directory.
    std::optional<http::HttpResponse> admit(http::HttpRequest &head, const RequestContext &context);
    // How an admitted request ended: a valid signature makes its network a known sender; a
    // 4xx (but 429) counts a strike against the client (RateLimiter).
    void recordOutcome(const http::HttpRequest &request, int httpStatus,
                       QStringView signatureStatus);
    void flush();

private:
    struct Aggregate
    {
        qint64 firstMs = 0;
        qint64 count = 0;
        QString method;
        QString path;
        QString userAgent;
        int status = 0;
        QString reason; // the first request's, when the refusal has one
    };
    void refuse(const http::HttpRequest &head, const QString &outcome, int status,
                const QString &reason = {});

    bool allowed(const http::HttpRequest &head, const RequestContext &context) const;
    bool needsClientCertificate(const RequestContext &context) const;

    Config m_config;
    StoreWriter &m_writer;
    Stats &m_stats;
    RateLimiter m_limiter;
    // By outcome and client address ("*": the rest, once the table is full).
    QMap<std::pair<QString, QString>, Aggregate> m_pending;
    QTimer m_flush;
};

} // namespace gerbang
