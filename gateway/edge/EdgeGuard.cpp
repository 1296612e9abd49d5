// SPDX-License-Identifier: GPL-3.0-or-later
#include "EdgeGuard.h"

#include "ClientAddress.h"
#include "Directory.h"
#include "RequestContext.h"
#include "Stats.h"
#include "domain/Clock.h"
#include "domain/Vocabulary.h"
#include "store/StoreWriter.h"
#include "verify/Verification.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Beyond this many distinct (client, outcome) pairs in one second, the rest share one row.
constexpr int kMaxAggregates = 1000;

bool isExemptFromRateLimits(const QByteArray &path)
{
    return path == "/health" || path == "/ready" || path == "/metrics";
}

// For the audit row's detail: which limit refused the request.
QString refusalReason(RateLimiter::Refusal refusal)
{
    switch (refusal) {
    case RateLimiter::Refusal::Client:
        return u"client_rate"_s;
    case RateLimiter::Refusal::Penalty:
        return u"repeat_offender"_s;
    case RateLimiter::Refusal::Global:
        return u"global_rate"_s;
    case RateLimiter::Refusal::None:
        break;
    }
    return {};
}

} // namespace

EdgeGuard::EdgeGuard(Config config, StoreWriter &writer, Stats &stats, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_writer(writer)
    , m_stats(stats)
    , m_limiter(m_config.rates)
{
    m_flush.setInterval(1000);
    connect(&m_flush, &QTimer::timeout, this, &EdgeGuard::flush);
    m_flush.start();
}

EdgeGuard::~EdgeGuard()
{
    flush();
}

std::optional<http::HttpResponse> EdgeGuard::admit(http::HttpRequest &head,
                                                   const RequestContext &context)
{
    // Every X-Forwarded-For line: a proxy that appends its own line (HAProxy's option
    // forwardfor) puts the address it saw last, and only that one can be believed.
    head.client =
        clientAddress(head.peer, head.headerList("x-forwarded-for"), m_config.trustedProxies);
    if (!allowed(head, context)) {
        refuse(head, wire(Outcome::Forbidden), 403);
        m_stats.addRefused(false, 403);
        return http::HttpResponse::error(403, "forbidden");
    }
    if (!head.clientCertificateVerified && needsClientCertificate(context)) {
        refuse(head, wire(Outcome::ClientCertificateRequired), 403, head.clientCertificateProblem);
        m_stats.addRefused(false, 403);
        return http::HttpResponse::error(403, "client_certificate_required");
    }
    if (isExemptFromRateLimits(head.path))
        return std::nullopt;
    const RateLimiter::Decision d = m_limiter.admit(head.client, monotonicNs(), nowMs());
    if (d.allowed)
        return std::nullopt;
    refuse(head, wire(Outcome::RateLimited), 429, refusalReason(d.refusal));
    m_stats.addRefused(true, 429);
    http::HttpResponse r = http::HttpResponse::error(429, "rate_limited");
    r.headers.append({"Retry-After", QByteArray::number(d.retryAfterSecs)});
    return r;
}

void EdgeGuard::recordOutcome(const http::HttpRequest &request, int httpStatus,
                              QStringView signatureStatus)
{
    // No client: refused before admission (a malformed head), when behind a proxy the sender
    // is not known yet. A trusted proxy itself is never struck: it carries every client.
    if (request.client.isNull() || m_config.trustedProxies.contains(request.client))
        return;
    const bool verified = signatureStatus == wireName(SignatureStatus::Valid);
    const bool offence = !verified && httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
    if (verified || offence)
        m_limiter.recordOutcome(request.client, verified, offence, nowMs());
}

bool EdgeGuard::allowed(const http::HttpRequest &head, const RequestContext &context) const
{
    const Directory *dir = context.directory.get();
    // Global: the configured networks and those set with gerbangctl together.
    const bool globalSet =
        !m_config.allowlist.isEmpty() || (dir && !dir->globalAllowlist.isEmpty());
    if (globalSet && !m_config.allowlist.contains(head.client) &&
        !(dir && dir->globalAllowlist.contains(head.client)))
        return false;
    if (!dir || dir->sourceAllowlists.isEmpty())
        return true;
    // Per source: only that source's route is restricted.
    const QString source = context.sender ? context.sender->scope : QString();
    const auto it = dir->sourceAllowlists.constFind(source);
    return source.isEmpty() || it == dir->sourceAllowlists.constEnd() || it->isEmpty() ||
           it->contains(head.client);
}

bool EdgeGuard::needsClientCertificate(const RequestContext &context) const
{
    return context.sender && !context.sender->scope.isEmpty() &&
           m_config.clientCertificateRoutes.contains(context.sender->scope);
}

void EdgeGuard::refuse(const http::HttpRequest &head, const QString &outcome, int status,
                       const QString &reason)
{
    std::pair key{outcome, normalizedAddress(head.client).toString()};
    if (m_pending.size() >= kMaxAggregates && !m_pending.contains(key))
        key.second = u"*"_s;
    Aggregate &a = m_pending[key];
    if (a.count == 0) {
        a.firstMs = head.receivedAtMs > 0 ? head.receivedAtMs : nowMs();
        a.method = QString::fromLatin1(head.method);
        a.path = QString::fromUtf8(head.path).left(512);
        a.userAgent = AuditRecord::userAgentFrom(head.header("user-agent"));
        a.status = status;
        a.reason = reason.left(300);
    }
    a.count += 1;
}

void EdgeGuard::flush()
{
    m_stats.setTopOffenders(m_limiter.topOffenders(20));
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        AuditRecord r;
        r.receivedAtMs = it->firstMs;
        r.sourceIp = it.key().second;
        r.method = it->method;
        r.path = it->path;
        r.userAgent = it->userAgent;
        r.outcome = it.key().first;
        r.signatureStatus = wire(SignatureStatus::NotApplicable);
        r.httpStatus = it->status;
        // One row stands for `count` requests in this second; the first one's method and path.
        QJsonObject detail{{u"aggregated"_s, true}, {u"count"_s, it->count}};
        if (!it->reason.isEmpty())
            detail.insert(u"reason"_s, it->reason);
        r.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
        if (!m_writer.submitAudit(std::move(r)))
            m_stats.addAuditDropped();
    }
    m_pending.clear();
}

} // namespace gerbang
