// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreWriter.h"

#include "DedupKey.h"
#include "IngestStatements.h"
#include "WalCheckpointer.h"
#include "WalRestarter.h"
#include "crypto/Vault.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <future>
#include <openssl/crypto.h>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "gerbang.store")

namespace gerbang {

struct WorkItem
{
    StoreWriter::Work work;
    bool ok = false;
    QString error;
    std::promise<void> done;
};

namespace {

constexpr size_t kMaxBatch = 1024;

constexpr size_t kMaxAuditQueue = 50000;
// Audit rows of failed commits: how many go into one retry, how long a failing store rests
// between tries of audit rows alone, how often a row may be refused before it is dropped.
constexpr size_t kRetryChunk = 1000;
constexpr qint64 kRetryMs = 5000;
constexpr int kMaxRowFailures = 3;
constexpr qint64 kRevisionPollMs = 1000;

qint64 steadyMs()
{
    return monotonicNs() / 1'000'000;
}

QStringList dedupLockKeys(const std::vector<IngestJob> &jobs)
{
    QStringList keys;
    for (const IngestJob &job : jobs) {
        for (const ExtractedEvent &e : job.events)
            keys << e.tenant + u'\n' + e.dedupKey;
    }
    return keys;
}

} // namespace

StoreWriter::StoreWriter(StoreWriterOptions options, const Vault &vault, QObject *receiver,
                         CommitCallback onCommit, DirectoryCallback onDirectory,
                         ProbeCallback onProbe)
    : m_options(std::move(options))
    , m_vault(vault)
    , m_receiver(receiver)
    , m_onCommit(std::move(onCommit))
    , m_onDirectory(std::move(onDirectory))
    , m_onProbe(std::move(onProbe))
    , m_keyIdHex(QString::fromLatin1(vault.keyId().toHex()))
{
    setObjectName(u"gerbang-store"_s);
}

StoreWriter::~StoreWriter()
{
    stopWriter();
}

bool StoreWriter::startWriter(QString *error)
{
    start();
    std::unique_lock lock(m_mutex);
    m_started.wait(lock, [this] { return m_startState != 0; });
    if (m_startState < 0) {
        *error = m_startError;
        lock.unlock();
        wait();
        return false;
    }
    return true;
}

void StoreWriter::stopWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (isRunning())
        wait();
}

bool StoreWriter::submit(IngestJob &&job)
{
    // On the caller's thread: the writer thread is the bottleneck.
    for (ExtractedEvent &e : job.events)
        e.dedupKey = storableDedupKey(e.dedupKey);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.jobs.size() >= size_t(m_options.maxPending))
            return false;
        m_queue.jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

bool StoreWriter::submitAudit(AuditRecord &&record)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.audits.size() >= kMaxAuditQueue)
            return false;
        m_queue.audits.push_back(std::move(record));
    }
    m_wake.notify_one();
    return true;
}

bool StoreWriter::runInTransaction(Work work, QString *error)
{
    auto item = std::make_shared<WorkItem>();
    item->work = std::move(work);
    std::future<void> done = item->done.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_startState != 1 || m_loopDone) {
            *error = u"the store is not running"_s;
            return false;
        }
        m_queue.work.push_back(item);
    }
    m_wake.notify_one();
    done.wait();
    if (!item->ok)
        *error = item->error;
    return item->ok;
}

void StoreWriter::requestProbe(quint64 id)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.probes.push_back(id);
    }
    m_wake.notify_one();
}

void StoreWriter::requestDirectoryReload()
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.reload = true;
    }
    m_wake.notify_one();
}

int StoreWriter::pending() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.jobs.size());
}

void StoreWriter::post(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_receiver, std::move(fn), Qt::QueuedConnection);
}

bool StoreWriter::openDatabase(QString *error)
{
    m_db = Database::open({m_options.database, m_options.busyTimeoutMs, false}, error);
    if (!m_db || !m_db->migrate(error))
        return false;
    return prepareStatements(error);
}

bool StoreWriter::prepareStatements(QString *error)
{
    if (m_stmts)
        m_staleStmts = std::move(m_stmts);
    m_stmts = IngestStatements::create(*m_db, error);
    if (!m_stmts)
        return false;
    m_stmtsGeneration = m_db->generation();
    return true;
}

void StoreWriter::run()
{
    QString error;
    const bool opened = openDatabase(&error);
    if (opened) {
        // The first directory is handed over synchronously so that no request is ever
        // served without one.
        m_initialDirectory = Directory::load(*m_db, m_vault, m_options.overrides, &error);
        if (m_initialDirectory)
            m_revision = m_initialDirectory->revision;
    }
    const bool ready = opened && m_initialDirectory;
    {
        std::lock_guard lock(m_mutex);
        m_startState = ready ? 1 : -1;
        m_startError = error;
    }
    m_started.notify_all();
    if (!ready) {
        m_stmts.reset();
        m_db.reset();
        return;
    }
    // SQLite only: PostgreSQL checkpoints on its own.
    std::unique_ptr<WalCheckpointer> checkpointer;
    std::unique_ptr<WalRestarter> walRestarter;
    if (!m_db->isPostgres()) {
        checkpointer = std::make_unique<WalCheckpointer>(m_options.database.sqlitePath, 200);
        checkpointer->start();
        walRestarter = std::make_unique<WalRestarter>(*m_db, checkpointer.get());
    }
    for (;;) {
        Batch batch;
        const bool stopping = takeBatch(batch);
        std::optional<bool> committed; // whether this round wrote (and so knows the store's state)
        QString commitError;
        if (!batch.jobs.empty() || !batch.audits.empty() || !batch.work.empty()) {
            committed = commitBatch(batch, &commitError);
            if (walRestarter)
                walRestarter->afterCommit(); // the batch's replies are on their way already
        }
        if (!m_failedAudits.empty() &&
            (committed ? *committed : !m_storeFailing || steadyMs() >= m_retryAtMs || stopping))
            retryFailedAudits();
        if (!batch.probes.empty()) {
            // A commit just ran: it answers whether the database is writable now, without a
            // second wait for a lock.
            if (committed)
                answerProbes(batch.probes, *committed, commitError);
            else
                probe(batch.probes);
        }
        const qint64 now = nowMs();
        if (batch.reload || now - m_lastRevisionCheckMs >= kRevisionPollMs) {
            m_lastRevisionCheckMs = now;
            reloadDirectoryIfChanged(batch.reload);
        }
        if (stopping)
            break;
    }
    if (!m_failedAudits.empty())
        qCWarning(lcStore) << m_failedAudits.size()
                           << "audit rows of failed commits were not written before the stop";
    {
        std::lock_guard lock(m_mutex);
        m_loopDone = true;
        for (const auto &item : m_queue.work) {
            item->error = u"the store stopped"_s;
            item->done.set_value();
        }
        m_queue.work.clear();
    }
    walRestarter.reset();
    if (checkpointer) {
        checkpointer->stop();
        // Leave a small WAL behind: the next start (and every reader) begins from a clean file.
        QSqlQuery(m_db->db()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
    m_stmts.reset();
    m_db.reset();
    // Free this thread's OpenSSL state now: QThread::wait() may return before thread-exit
    // handlers run, which LeakSanitizer then reports.
    OPENSSL_thread_stop();
}

bool StoreWriter::takeBatch(Batch &batch)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(kRevisionPollMs), [this] {
        return m_stopping || !m_queue.jobs.empty() ||
               (!m_storeFailing && (!m_queue.audits.empty() || !m_failedAudits.empty())) ||
               !m_queue.probes.empty() || !m_queue.work.empty() || m_queue.reload;
    });
    // Take at most kMaxBatch jobs so one transaction stays short.
    if (m_queue.jobs.size() <= kMaxBatch) {
        batch.jobs.swap(m_queue.jobs);
    } else {
        auto end = m_queue.jobs.begin() + kMaxBatch;
        batch.jobs.assign(std::make_move_iterator(m_queue.jobs.begin()),
                          std::make_move_iterator(end));
        m_queue.jobs.erase(m_queue.jobs.begin(), end);
    }
    // While the store fails, audit rows alone are tried again only every kRetryMs, as each
    // try may wait out the busy timeout; with requests or work they go along.
    if (!m_storeFailing || !batch.jobs.empty() || !m_queue.work.empty() || m_stopping ||
        steadyMs() >= m_retryAtMs)
        batch.audits.swap(m_queue.audits);
    batch.probes.swap(m_queue.probes);
    batch.work.swap(m_queue.work);
    batch.reload = std::exchange(m_queue.reload, false);
    return m_stopping && m_queue.jobs.empty() && m_queue.work.empty();
}

bool StoreWriter::writeJobs(Batch &batch, QList<CommitResult> &results, qint64 nowMs,
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
    if (!m_stmts->claimDedupKeys(claims, nowMs, nowMs + m_options.dedupTtlMs, &fresh, error))
        return false;

    IngestRows rows;
    size_t firstClaim = 0;
    for (IngestJob &job : batch.jobs) {
        results << stageJob(job, fresh, firstClaim, rows);
        firstClaim += size_t(job.events.size());
    }
    rows.audits.insert(rows.audits.end(), batch.audits.begin(), batch.audits.end());
    return m_stmts->insert(rows, nowMs, error);
}

CommitResult StoreWriter::stageJob(IngestJob &job, const std::vector<bool> &fresh,
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

QString StoreWriter::stageEvent(IngestJob &job, const ExtractedEvent &e, IngestRows &rows)
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

bool StoreWriter::commitBatch(Batch &batch, QString *commitError)
{
    QList<CommitResult> results;
    results.reserve(qsizetype(batch.jobs.size()));
    QString error;
    const qint64 startedNs = monotonicNs();
    bool ok = m_db->inWriteTransaction(&error, [&] {
        // Another gateway on the same PostgreSQL may commit the same keys in another order.
        if (m_db->isPostgres() && !m_db->lockKeys(dedupLockKeys(batch.jobs), &error))
            return false;
        // PostgreSQL: a new connection (the server closed the old one) needs them again.
        if (m_stmtsGeneration != m_db->generation() && !prepareStatements(&error))
            return false;
        if (!writeJobs(batch, results, nowMs(), &error))
            return false;
        runWork(batch);
        return true;
    });
    m_staleStmts.reset(); // statements replaced during the transaction, freed outside it
    m_storeFailing = !ok;
    if (!ok) {
        m_retryAtMs = steadyMs() + kRetryMs;
        *commitError = error;
    }
    for (const auto &item : batch.work) {
        if (!ok) {
            item->ok = false;
            item->error = error;
        }
        item->done.set_value();
    }
    const qint64 commitUs = (monotonicNs() - startedNs) / 1000;
    for (CommitResult &r : results)
        r.batchCommitUs = commitUs;
    if (!ok) {
        qCWarning(lcStore) << "commit of" << batch.jobs.size() << "requests failed:" << error;
        results.clear();
        for (const IngestJob &job : batch.jobs)
            results << CommitResult{job.id, false, 0, 0, {}, error, commitUs};
        // Answer the providers (503) at once; they retry. The audit rows of the failed
        // requests, and the batch's other audit rows, are written later on their own (see
        // retryFailedAudits) rather than waiting for the lock again here.
        post([cb = m_onCommit, results = std::move(results)]() mutable { cb(std::move(results)); });
        results.clear();
        std::vector<AuditRecord> failed;
        for (IngestJob &job : batch.jobs) {
            AuditRecord a = job.audit;
            a.eventTypes.clear();
            a.eventIds.clear();
            a.rawRef.clear();
            a.outcome = wire(Outcome::StoreFailed);
            a.httpStatus = 503;
            a.processingUs = (monotonicNs() - job.startedNs) / 1000;
            for (const ExtractedEvent &e : std::as_const(job.events))
                a.eventTypes << e.type;
            failed.push_back(std::move(a));
        }
        std::move(batch.audits.begin(), batch.audits.end(), std::back_inserter(failed));
        keepFailedAudits(std::move(failed));
    }
    if (!results.isEmpty())
        post([cb = m_onCommit, results = std::move(results)]() mutable { cb(std::move(results)); });
    return ok;
}

void StoreWriter::keepFailedAudits(std::vector<AuditRecord> &&audits)
{
    // Bounded like the queue: an outage must not grow memory without limit.
    const size_t room =
        kMaxAuditQueue > m_failedAudits.size() ? kMaxAuditQueue - m_failedAudits.size() : 0;
    if (audits.size() > room)
        qCWarning(lcStore) << audits.size() - room
                           << "audit rows dropped: the store is unavailable";
    audits.resize(std::min(audits.size(), room));
    for (AuditRecord &a : audits)
        m_failedAudits.push_back({std::move(a), 0});
}

void StoreWriter::retryFailedAudits()
{
    // Apart from the requests' commits, a chunk at a time: an audit row the database refuses
    // (whatever the reason) must not fail every later batch and the requests in it. The chunk
    // goes in as one insert; if that fails, row by row under savepoints, and a row refused
    // kMaxRowFailures times while the rest of its transaction commits is dropped with a warning.
    const size_t n = std::min(m_failedAudits.size(), kRetryChunk);
    std::vector<bool> refused(n, false);
    QString error;
    QString rowError;
    const qint64 now = nowMs();
    const auto insertRows = [&](size_t from, size_t to, QString *e) {
        IngestRows rows;
        for (size_t i = from; i < to; ++i)
            rows.audits.push_back(m_failedAudits[i].record);
        return m_stmts->insert(rows, now, e);
    };
    const bool ok = m_db->inWriteTransaction(&error, [&] {
        if (m_stmtsGeneration != m_db->generation() && !prepareStatements(&error))
            return false;
        QSqlQuery sp(m_db->db());
        if (!sp.exec(u"SAVEPOINT audits"_s)) {
            error = sp.lastError().text();
            return false;
        }
        QString chunkError;
        if (insertRows(0, n, &chunkError)) {
            if (sp.exec(u"RELEASE audits"_s))
                return true;
            error = sp.lastError().text();
            return false;
        }
        sp.exec(u"ROLLBACK TO audits"_s);
        for (size_t i = 0; i < n; ++i) {
            QString e;
            const qint64 startedMs = steadyMs();
            if (!insertRows(i, i + 1, &e)) {
                // A refusal after a wait is a lock timeout, not this row: stop here rather
                // than wait again for every row.
                if (steadyMs() - startedMs >= m_options.busyTimeoutMs / 2) {
                    error = e;
                    return false;
                }
                refused[i] = true;
                rowError = e;
                sp.exec(u"ROLLBACK TO audits"_s);
            }
            sp.exec(u"RELEASE audits"_s);
            if (i + 1 < n && !sp.exec(u"SAVEPOINT audits"_s)) {
                error = sp.lastError().text();
                return false;
            }
        }
        return true;
    });
    m_staleStmts.reset();
    if (!ok) {
        m_storeFailing = true;
        m_retryAtMs = steadyMs() + kRetryMs;
        return;
    }
    m_storeFailing = false;
    std::deque<FailedAudit> kept;
    size_t dropped = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!refused[i])
            continue;
        FailedAudit f = std::move(m_failedAudits[i]);
        if (++f.rowFailures >= kMaxRowFailures) {
            ++dropped;
            continue;
        }
        kept.push_back(std::move(f));
    }
    if (dropped > 0)
        qCWarning(lcStore).nospace()
            << dropped << " audit row(s) dropped: the database refused them " << kMaxRowFailures
            << " times (" << rowError << ")";
    m_failedAudits.erase(m_failedAudits.begin(), m_failedAudits.begin() + qsizetype(n));
    m_failedAudits.insert(m_failedAudits.end(), std::make_move_iterator(kept.begin()),
                          std::make_move_iterator(kept.end()));
}

void StoreWriter::runWork(Batch &batch)
{
    QSqlQuery sp(m_db->db());
    for (const auto &item : batch.work) {
        if (!sp.exec(u"SAVEPOINT work"_s)) {
            item->error = sp.lastError().text();
            continue;
        }
        item->ok = item->work(*m_db, &item->error);
        if (!item->ok)
            sp.exec(u"ROLLBACK TO work"_s);
        sp.exec(u"RELEASE work"_s);
    }
}

void StoreWriter::probe(const std::vector<quint64> &ids)
{
    // A real write (then rolled back): proves the database is reachable and writable now.
    QString error;
    bool ok = m_db->inWriteTransaction(&error, [&] {
        QSqlQuery q(m_db->db());
        if (!q.exec(u"UPDATE meta SET value = value WHERE key = 'config_revision'"_s)) {
            error = q.lastError().text();
            return false;
        }
        return true;
    });
    answerProbes(ids, ok, error);
}

void StoreWriter::answerProbes(const std::vector<quint64> &ids, bool ok, const QString &error)
{
    const QString reason = ok ? QString() : u"database not writable: %1"_s.arg(error);
    for (quint64 id : ids)
        post([cb = m_onProbe, id, ok, reason] { cb(id, ok, reason); });
}

void StoreWriter::reloadDirectoryIfChanged(bool force)
{
    const qint64 revision = m_db->configRevision();
    // Unreadable (the database is down or locked): keep the directory, try at the next poll.
    if (revision < 0 || (!force && revision == m_revision))
        return;
    QString error;
    auto directory = Directory::load(*m_db, m_vault, m_options.overrides, &error);
    if (!directory) {
        qCWarning(lcStore) << "cannot load tenants and secrets:" << error;
        return;
    }
    m_revision = directory->revision;
    post([cb = m_onDirectory, directory] { cb(directory); });
}

} // namespace gerbang
