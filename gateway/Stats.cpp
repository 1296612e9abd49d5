// SPDX-License-Identifier: GPL-3.0-or-later
#include "Stats.h"

#include "domain/Vocabulary.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gerbang {

const std::array<double, 14> &Histogram::bounds()
{
    static const std::array<double, 14> b = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
                                             0.025,  0.05,    0.1,    0.25,  0.5,    1,     2.5};
    return b;
}

void Histogram::observe(double secs)
{
    const auto &b = bounds();
    const auto it = std::lower_bound(b.begin(), b.end(), secs);
    counts[size_t(it - b.begin())] += 1;
    count += 1;
    sumSecs += secs;
}

Stats::Stats()
{
    m_uptime.start();
}

// Eight buckets per power of two: percentiles within ~9 % of the true value.
int Stats::bucketFor(qint64 us)
{
    if (us <= 1)
        return 0;
    const int b = int(std::log2(double(us)) * 8.0) + 1;
    return b >= kBuckets ? kBuckets - 1 : b;
}

qint64 Stats::bucketUpperUs(int bucket)
{
    return bucket == 0 ? 1 : qint64(std::ceil(std::exp2(double(bucket) / 8.0)));
}

void Stats::rotateIfDue()
{
    const qint64 now = m_uptime.elapsed();
    if (now - m_generationStartMs < 60'000)
        return;
    m_previous = (now - m_generationStartMs < 120'000) ? m_current : std::array<qint64, kBuckets>{};
    m_current.fill(0);
    m_generationStartMs = now;
}

void Stats::recordRequest(const QString &provider, const QString &outcome,
                          const QString &signatureStatus, int httpStatus, qint64 latencyUs)
{
    std::lock_guard lock(m_mutex);
    rotateIfDue();
    m_counts.requests += 1;
    m_counts.requestsByLabels[{provider, outcome, httpStatus}] += 1;
    m_counts.latency.observe(double(latencyUs) / 1e6);
    m_counts.byOutcome[outcome] += 1;
    if (!provider.isEmpty())
        m_counts.byProvider[provider] += 1;
    if (signatureStatus == u"missing"_s || signatureStatus == u"malformed"_s ||
        signatureStatus == u"mismatch"_s)
        m_counts.signatureFailures[signatureStatus] += 1;
    m_current[size_t(bucketFor(latencyUs))] += 1;
}

void Stats::addEvents(qint64 stored, qint64 duplicates)
{
    std::lock_guard lock(m_mutex);
    m_counts.eventsStored += stored;
    m_counts.dedupHits += duplicates;
}

void Stats::setOpenConnections(int n)
{
    std::lock_guard lock(m_mutex);
    m_counts.openConnections = n;
}

void Stats::setPendingCommits(int n)
{
    std::lock_guard lock(m_mutex);
    m_counts.pendingCommits = n;
}

void Stats::addCommitBatch()
{
    std::lock_guard lock(m_mutex);
    m_counts.commitBatches += 1;
}

void Stats::addAuditDropped()
{
    std::lock_guard lock(m_mutex);
    m_counts.auditDropped += 1;
}

void Stats::recordSignatureFailure(const QString &source, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_counts.signatureFailuresBySource[{source, reason}] += 1;
}

void Stats::recordCommit(qint64 durationUs)
{
    std::lock_guard lock(m_mutex);
    m_counts.commitLatency.observe(double(durationUs) / 1e6);
}

void Stats::recordAlert(const AlertInfo &alert)
{
    std::lock_guard lock(m_mutex);
    if (!alert.resolved())
        m_counts.alertsRaised += 1;
    m_counts.recentAlerts << alert;
    if (m_counts.recentAlerts.size() > 50)
        m_counts.recentAlerts.removeFirst();
}

void Stats::addRefused(bool rateLimited, int httpStatus)
{
    std::lock_guard lock(m_mutex);
    const QString outcome = rateLimited ? wire(Outcome::RateLimited) : wire(Outcome::Forbidden);
    (rateLimited ? m_counts.rateLimited : m_counts.forbidden) += 1;
    m_counts.requests += 1;
    m_counts.byOutcome[outcome] += 1;
    m_counts.requestsByLabels[{QString(), outcome, httpStatus}] += 1;
}

void Stats::addConnectionRefused(bool perAddress)
{
    std::lock_guard lock(m_mutex);
    (perAddress ? m_counts.connectionsRefusedPerAddress : m_counts.connectionsRefusedGlobal) += 1;
}

void Stats::setTopOffenders(QList<ClientCounter> offenders)
{
    std::lock_guard lock(m_mutex);
    m_counts.topOffenders = std::move(offenders);
}

StatsSnapshot Stats::snapshot() const
{
    std::lock_guard lock(m_mutex);
    StatsSnapshot s = m_counts;
    s.uptimeMs = m_uptime.elapsed();
    std::array<qint64, kBuckets> merged{};
    qint64 total = 0;
    for (int i = 0; i < kBuckets; ++i) {
        merged[size_t(i)] = m_current[size_t(i)] + m_previous[size_t(i)];
        total += merged[size_t(i)];
    }
    auto percentile = [&](double p) -> qint64 {
        if (total == 0)
            return 0;
        const qint64 rank = qint64(std::ceil(p * double(total)));
        qint64 seen = 0;
        for (int i = 0; i < kBuckets; ++i) {
            seen += merged[size_t(i)];
            if (seen >= rank)
                return bucketUpperUs(i);
        }
        return bucketUpperUs(kBuckets - 1);
    };
    s.latencyP50Us = percentile(0.50);
    s.latencyP99Us = percentile(0.99);
    return s;
}

void Stats::setOutbox(qint64 pending, qint64 dead)
{
    std::lock_guard lock(m_mutex);
    m_counts.outboxPending = pending;
    m_counts.deadLetters = dead;
}

void Stats::addDeliveries(qint64 delivered, qint64 failures)
{
    std::lock_guard lock(m_mutex);
    m_counts.delivered += delivered;
    m_counts.deliveryFailures += failures;
}

void Stats::setPurgeTimes(qint64 lastMs, qint64 nextMs)
{
    std::lock_guard lock(m_mutex);
    m_counts.lastPurgeMs = lastMs;
    m_counts.nextPurgeMs = nextMs;
}

} // namespace gerbang
