// SPDX-License-Identifier: GPL-3.0-or-later
#include "GroupCommit.h"

#include "IngestStatements.h"
#include "WriterConnection.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCommit, "gerbang.store")

namespace gerbang {
GroupCommit::Result GroupCommit::commit(WriterBatch &batch)
{
    Result out;
    out.results.reserve(qsizetype(batch.jobs.size()));
    Database &db = m_connection.db();
    const qint64 startedNs = monotonicNs();
    out.ok = db.inWriteTransaction(&out.error, [&] {
        if (!m_connection.refreshStatements(&out.error))
            return false;
        if (!writeJobs(batch, out.results, nowMs(), &out.error))
            return false;
        runWork(batch);
        return true;
    });
    m_connection.releaseStale();
    for (const auto &item : batch.work) {
        if (!out.ok) {
            item->ok = false;
            item->error = out.error;
        }
        item->done.set_value();
    }
    const qint64 commitUs = (monotonicNs() - startedNs) / 1000;
    if (out.ok) {
        for (CommitResult &r : out.results)
            r.batchCommitUs = commitUs;
        return out;
    }
    qCWarning(lcCommit) << "commit of" << batch.jobs.size() << "requests failed:" << out.error;
    out.results.clear();
    for (IngestJob &job : batch.jobs) {
        out.results << CommitResult{job.id, false, 0, 0, {}, out.error, commitUs};
        AuditRecord a = job.audit;
        a.eventTypes.clear();
        a.eventIds.clear();
        a.rawRef.clear();
        a.outcome = wire(Outcome::StoreFailed);
        a.httpStatus = 503;
        a.processingUs = (monotonicNs() - job.startedNs) / 1000;
        for (const ExtractedEvent &e : std::as_const(job.events))
            a.eventTypes << e.type;
        out.unwritten.push_back(std::move(a));
    }
    std::move(batch.audits.begin(), batch.audits.end(), std::back_inserter(out.unwritten));
    return out;
}

bool GroupCommit::writeJobs(WriterBatch &batch, QList<CommitResult> &results, qint64 nowMs,
                            QString *error)
{
    // Every dedup key of the batch at once, in arrival order: a retry that arrived in the same
    // batch as its original is a duplicate of it.
    std::vector<DedupClaim> claims;
    for (const IngestJob &job : batch.jobs) {
        for (const ExtractedEvent &e : job.events)
            claims.push_back({e.tenant, e.dedupKey});
    }
    std::vector<bool> fresh;
    IngestStatements &statements = m_connection.statements();
    if (!statements.claimDedupKeys(claims, nowMs, nowMs + m_dedupTtlMs, &fresh, error))
        return false;

    IngestRows rows;
    size_t firstClaim = 0;
    for (IngestJob &job : batch.jobs) {
        results << stageJob(job, fresh, firstClaim, rows);
        firstClaim += size_t(job.events.size());
    }
    rows.audits.insert(rows.audits.end(), batch.audits.begin(), batch.audits.end());
    return statements.insert(rows, nowMs, error);
}

CommitResult GroupCommit::stageJob(IngestJob &job, const std::vector<bool> &fresh,
                                   size_t firstClaim, IngestRows &rows)
{
    CommitResult r;
    r.jobId = job.id;
    AuditRecord &a = job.audit;
    const auto isFresh = [&](qsizetype i) { return fresh[firstClaim + size_t(i)]; };
    for (qsizetype i = 0; i < job.events.size(); ++i) {
        if (!isFresh(i))
            r.duplicates += 1;
    }
    if (r.duplicates == job.events.size()) {
        a.outcome = wire(Outcome::Duplicate);
        for (const ExtractedEvent &e : std::as_const(job.events))
            a.eventTypes << e.type;
    } else {
        RawPayloadRow &raw = rows.raws.emplace_back();
        raw.id = job.rawId;
        raw.receivedAtMs = a.receivedAtMs;
        raw.keyIdHex = m_keyIdHex;
        raw.size = job.rawSize;
        raw.sha256Hex = job.rawSha256Hex;
        raw.sealed = job.sealedRaw;
        for (qsizetype i = 0; i < job.events.size(); ++i) {
            if (isFresh(i))
                r.eventIds << stageEvent(job, job.events.at(i), rows);
        }
        r.stored = int(r.eventIds.size());
        a.rawRef = job.rawId;
        a.outcome = wire(Outcome::Accepted);
    }
    a.eventIds = r.eventIds;
    a.httpStatus = 200;
    a.processingUs = (monotonicNs() - job.startedNs) / 1000;
    rows.audits.push_back(a);
    r.ok = true;
    return r;
}

QString GroupCommit::stageEvent(IngestJob &job, const ExtractedEvent &e, IngestRows &rows)
{
    // The event and its outbox row (the hand-off to the core) commit with the reply's audit.
    EventRow &row = rows.events.emplace_back();
    row.id = newRecordId(u"ev_");
    row.tenant = e.tenant;
    row.provider = job.provider;
    row.type = e.type;
    row.providerEventId = e.providerEventId;
    row.dedupKey = e.dedupKey;
    row.rawRef = job.rawId;
    row.locator = e.locator;
    row.receivedAtMs = job.audit.receivedAtMs;
    row.occurredAtMs = e.occurredAtMs;
    row.routingKey = e.routingKey;
    job.audit.eventTypes << e.type;
    return row.id;
}

void GroupCommit::runWork(WriterBatch &batch)
{
    QSqlQuery sp(m_connection.db().db());
    for (const auto &item : batch.work) {
        if (!sp.exec(u"SAVEPOINT work"_s)) {
            item->error = sp.lastError().text();
            continue;
        }
        item->ok = item->work(m_connection.db(), &item->error);
        if (!item->ok)
            sp.exec(u"ROLLBACK TO work"_s);
        sp.exec(u"RELEASE work"_s);
    }
}

} // namespace gerbang
