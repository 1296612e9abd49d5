// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"
#include "http/RequestHandler.h"
#include "store/StoreWriter.h"

#include <QJsonObject>
#include <functional>
#include <unordered_map>

namespace gerbang {

class Stats;
class Vault;

// The rule "never 200 for an event that is not durably stored", in one place. Endpoints
// either answer at once (rejections, health: the audit row follows asynchronously) or hand
// a job to the store and let this class answer when the commit is known.
class Acknowledger
{
public:
    using FailureListener = std::function<void(const QString &source, const QString &reason)>;
    // Told how each request ended (HTTP status, signature status), so that the edge learns
    // which clients are known senders and which are repeat offenders.
    using OutcomeListener = std::function<void(const http::HttpRequest &request, int httpStatus,
                                               QStringView signatureStatus)>;

    Acknowledger(StoreWriter &writer, Stats &stats, FailureListener onSignatureFailure = {},
                 OutcomeListener onOutcome = {})
        : m_writer(writer)
        , m_stats(stats)
        , m_onSignatureFailure(std::move(onSignatureFailure))
        , m_onOutcome(std::move(onOutcome))
    {
    }

    static AuditRecord auditFor(const http::HttpRequest &request, QStringView provider);
    // The audit row's detail text: `detail` plus the client certificate's subject (mutual
    // TLS), serialized once, when the row is handed to the store.
    static QString detailText(QJsonObject detail, const http::HttpRequest &request);
    // A commit job for an authenticated request: the raw body sealed under the vault (on the
    // calling thread, so the store thread only writes), its events and its audit row.
    static IngestJob prepareJob(const http::HttpRequest &request, const Vault &vault,
                                const QString &provider, QList<ExtractedEvent> events,
                                AuditRecord audit, const QJsonObject &detail);

    // Answers now and queues the audit row.
    void answer(http::Responder &responder, const http::HttpRequest &request,
                http::HttpResponse response, AuditRecord audit, const QJsonObject &detail = {});
    // A request of `source` failed its signature check: counted per source and reason, and
    // fed to the alerting.
    void signatureFailed(const QString &source, const QString &reason);
    // Queues the job of an authenticated `request`; answers 200 after the commit, or 503 if it
    // fails or cannot be queued.
    void commit(http::Responder responder, const http::HttpRequest &request, IngestJob &&job);
    // Called on the engine thread with the store's results.
    void committed(const QList<CommitResult> &results);
    int pending() const { return int(m_pending.size()); }

private:
    struct Pending
    {
        http::Responder responder;
        QString provider;
        QString signatureStatus;
        qint64 startedNs = 0;
    };
    StoreWriter &m_writer;
    Stats &m_stats;
    FailureListener m_onSignatureFailure;
    OutcomeListener m_onOutcome;
    std::unordered_map<quint64, Pending> m_pending;
    quint64 m_nextJob = 1;
};

} // namespace gerbang
