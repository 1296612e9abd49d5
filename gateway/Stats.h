// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AlertInfo.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QString>
#include <array>
#include <mutex>
#include <tuple>

namespace gerbang {

// One client address in the rate-limit table ("top offenders").
struct ClientCounter
{
    QString address;
    qint64 rejected = 0;
    qint64 requestsLastSecond = 0;
    qint64 lastSeenMs = 0;
};

// Cumulative histogram with fixed upper bounds (seconds), in Prometheus' shape.
struct Histogram
{
    static const std::array<double, 14> &bounds();
    std::array<qint64, 15> counts{}; // one per bound, then +Inf (not cumulative)
    qint64 count = 0;
    double sumSecs = 0;
    void observe(double secs);
};

// The labels of one gerbang_requests_total series.
struct RequestSeries
{
    QString provider; // empty: the request had none (health, 404, refused at the edge)
    QString outcome;
    int status = 0;
    friend bool operator<(const RequestSeries &a, const RequestSeries &b)
    {
        return std::tie(a.provider, a.outcome, a.status) <
               std::tie(b.provider, b.outcome, b.status);
    }
    friend bool operator==(const RequestSeries &, const RequestSeries &) = default;
};

// The labels of one gerbang_signature_failures_total series.
struct FailureSeries
{
    QString source; // "whatsapp", "whatsapp:APP" or a provider source's name
    QString reason; // a signature status: missing, malformed, mismatch, ...
    friend bool operator<(const FailureSeries &a, const FailureSeries &b)
    {
        return std::tie(a.source, a.reason) < std::tie(b.source, b.reason);
    }
    friend bool operator==(const FailureSeries &, const FailureSeries &) = default;
};

// What the console and /metrics read. A plain value, safe to copy across threads.
struct StatsSnapshot
{
    qint64 uptimeMs = 0;
    qint64 requests = 0;
    QMap<QString, qint64> byOutcome;
    QMap<QString, qint64> byProvider;
    QMap<QString, qint64> signatureFailures; // by reason: missing, malformed, mismatch
    QMap<FailureSeries, qint64> signatureFailuresBySource;
    QMap<RequestSeries, qint64> requestsByLabels;
    Histogram latency;       // request processing, since start
    Histogram commitLatency; // one store transaction, since start
    qint64 alertsRaised = 0;
    QList<AlertInfo> recentAlerts; // newest last, at most 50
    qint64 dedupHits = 0;
    qint64 eventsStored = 0;
    qint64 latencyP50Us = 0; // over roughly the last one to two minutes
    qint64 latencyP99Us = 0;
    int openConnections = 0;
    int pendingCommits = 0;
    qint64 commitBatches = 0;
    qint64 auditDropped = 0;
    qint64 rateLimited = 0;
    qint64 forbidden = 0;
    qint64 connectionsRefusedGlobal = 0;     // over server/max_connections
    qint64 connectionsRefusedPerAddress = 0; // over server/max_connections_per_ip
    QList<ClientCounter> topOffenders;       // refreshed about once a second
    // Hand-off to the core (outbox) and retention; -1 / 0 while the engine does not run them.
    qint64 outboxPending = -1;   // accepted, not yet delivered
    qint64 deadLetters = -1;     // given up, waiting for `dlq replay`
    qint64 delivered = 0;        // delivered since start
    qint64 deliveryFailures = 0; // failed attempts since start (retried or dead-lettered)
    qint64 lastPurgeMs = 0;      // epoch ms of the last retention run, 0 = never
    qint64 nextPurgeMs = 0;      // epoch ms of the next scheduled run, 0 = not scheduled
};

// Counters written on the engine thread and read from any thread through snapshot().
class Stats
{
public:
    Stats();
    void recordRequest(const QString &provider, const QString &outcome,
                       const QString &signatureStatus, int httpStatus, qint64 latencyUs);
    void recordSignatureFailure(const QString &source, const QString &reason);
    void recordCommit(qint64 durationUs);
    void recordAlert(const AlertInfo &alert);
    void addEvents(qint64 stored, qint64 duplicates);
    void setOpenConnections(int n);
    void setPendingCommits(int n);
    void addCommitBatch();
    void addAuditDropped();
    void addRefused(bool rateLimited, int httpStatus);
    void addConnectionRefused(bool perAddress);
    void setTopOffenders(QList<ClientCounter> offenders);
    void setOutbox(qint64 pending, qint64 dead);
    void addDeliveries(qint64 delivered, qint64 failures);
    void setPurgeTimes(qint64 lastMs, qint64 nextMs);
    StatsSnapshot snapshot() const;

    static constexpr int kBuckets = 200;

private:
    static int bucketFor(qint64 us);
    static qint64 bucketUpperUs(int bucket);
    void rotateIfDue();

    mutable std::mutex m_mutex;
    StatsSnapshot m_counts;
    QElapsedTimer m_uptime;
    // Two generations of one minute each: percentiles cover the current and previous minute.
    std::array<qint64, kBuckets> m_current{};
    std::array<qint64, kBuckets> m_previous{};
    qint64 m_generationStartMs = 0;
};

} // namespace gerbang
