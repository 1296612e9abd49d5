// SPDX-License-Identifier: GPL-3.0-or-later
#include "Acknowledger.h"

#include "Stats.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "net/CidrList.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAck, "gerbang.ack")

namespace gerbang {

AuditRecord Acknowledger::auditFor(const http::HttpRequest &request, QStringView provider)
{
    AuditRecord a;
    a.receivedAtMs = request.receivedAtMs > 0 ? request.receivedAtMs : nowMs();
    a.sourceIp =
        normalizedAddress(request.client.isNull() ? request.peer : request.client).toString();
    a.method = QString::fromLatin1(request.method);
    a.path = QString::fromUtf8(request.path).left(512);
    a.provider = provider.toString();
    a.bodySize = request.body.size();
    a.signatureStatus = wire(SignatureStatus::NotApplicable);
    a.userAgent = AuditRecord::userAgentFrom(request.header("user-agent"));
    return a;
}

QString Acknowledger::detailText(QJsonObject detail, const http::HttpRequest &request)
{
    if (!request.clientCertificateSubject.isEmpty())
        detail.insert(u"client_certificate"_s, request.clientCertificateSubject);
    if (detail.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

IngestJob Acknowledger::prepareJob(const http::HttpRequest &request, const Vault &vault,
                                   const QString &provider, QList<ExtractedEvent> events,
                                   AuditRecord audit, const QJsonObject &detail)
{
    IngestJob job;
    job.rawId = newRecordId(u"raw_");
    job.rawSize = request.body.size();
    job.rawSha256Hex = crypto::sha256(request.body).toHex();
    job.sealedRaw = vault.seal(Vault::Purpose::RawPayload, request.body, job.rawId.toLatin1());
    job.provider = provider;
    job.events = std::move(events);
    job.audit = std::move(audit);
    job.audit.detail = detailText(detail, request);
    job.startedNs = request.startedNs;
    return job;
}

void Acknowledger::answer(http::Responder &responder, const http::HttpRequest &request,
                          http::HttpResponse response, AuditRecord audit, const QJsonObject &detail)
{
    audit.detail = detailText(detail, request);
    audit.httpStatus = response.status;
    audit.processingUs = (monotonicNs() - request.startedNs) / 1000;
    m_stats.recordRequest(audit.provider, audit.outcome, audit.signatureStatus, audit.httpStatus,
                          audit.processingUs);
    if (m_onOutcome)
        m_onOutcome(request, audit.httpStatus, audit.signatureStatus);
    responder.send(std::move(response));
    if (!m_writer.submitAudit(std::move(audit)))
        m_stats.addAuditDropped();
}

void Acknowledger::signatureFailed(const QString &source, const QString &reason)
{
    m_stats.recordSignatureFailure(source, reason);
    if (m_onSignatureFailure)
        m_onSignatureFailure(source, reason);
}

void Acknowledger::commit(http::Responder responder, const http::HttpRequest &request,
                          IngestJob &&job)
{
    if (m_onOutcome)
        m_onOutcome(request, 200, job.audit.signatureStatus);
#ifdef GERBANG_BENCH_ENGINE_ONLY
    // Only in gerbang-bench-engine-only (bench/CMakeLists.txt, never installed): everything a
    // durable request costs except the store, which bench/run.sh reports as the most any
    // store could reach. A gateway must never answer like this.
    m_stats.recordRequest(job.provider, wire(Outcome::Accepted), job.audit.signatureStatus, 200,
                          (monotonicNs() - job.startedNs) / 1000);
    responder.send(http::HttpResponse::json(200, QByteArray(R"({"status":"accepted"})")));
    return;
#endif
    const quint64 id = m_nextJob++;
    job.id = id;
    Pending p{std::move(responder), job.provider, job.audit.signatureStatus, job.startedNs};
    if (!m_writer.submit(std::move(job))) {
        // Queue full or shutting down: the provider must retry later.
        qCWarning(lcAck) << "commit queue full; answering 503";
        const qint64 us = (monotonicNs() - p.startedNs) / 1000;
        m_stats.recordRequest(p.provider, wire(Outcome::Overloaded), p.signatureStatus, 503, us);
        p.responder.send(http::HttpResponse::error(503, "store_unavailable"));
        return;
    }
    m_pending.emplace(id, std::move(p));
    m_stats.setPendingCommits(int(m_pending.size()));
}

void Acknowledger::committed(const QList<CommitResult> &results)
{
    m_stats.addCommitBatch();
    if (!results.isEmpty())
        m_stats.recordCommit(results.first().batchCommitUs);
    for (const CommitResult &r : results) {
        auto it = m_pending.find(r.jobId);
        if (it == m_pending.end())
            continue;
        Pending p = std::move(it->second);
        m_pending.erase(it);
        const qint64 us = (monotonicNs() - p.startedNs) / 1000;
        if (r.ok) {
            const bool duplicate = r.stored == 0;
            m_stats.addEvents(r.stored, r.duplicates);
            m_stats.recordRequest(p.provider,
                                  duplicate ? wire(Outcome::Duplicate) : wire(Outcome::Accepted),
                                  p.signatureStatus, 200, us);
            p.responder.send(
                http::HttpResponse::json(200, duplicate ? QByteArray(R"({"status":"duplicate"})")
                                                        : QByteArray(R"({"status":"accepted"})")));
        } else {
            m_stats.recordRequest(p.provider, wire(Outcome::StoreFailed), p.signatureStatus, 503,
                                  us);
            p.responder.send(http::HttpResponse::error(503, "store_unavailable"));
        }
    }
    m_stats.setPendingCommits(int(m_pending.size()));
}

} // namespace gerbang
