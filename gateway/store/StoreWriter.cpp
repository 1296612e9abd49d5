// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreWriter.h"

#include "WalCheckpointer.h"
#include "crypto/Vault.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <future>
#include <openssl/crypto.h>

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
constexpr qint64 kRevisionPollMs = 1000;

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

// Prepared once, reused for every batch.
struct StoreWriter::Statements
{
    explicit Statements(QSqlDatabase &db)
        : dedup(db)
        , raw(db)
        , event(db)
        , outbox(db)
        , audit(db)
    {
    }
    bool prepare(QString *error)
    {
        const bool ok =
            dedup.prepare(u"INSERT INTO dedup_keys (tenant_id, key, seen_at, expires_at) "
                          "VALUES (?, ?, ?, ?) ON CONFLICT (tenant_id, key) DO UPDATE SET "
                          "seen_at = excluded.seen_at, expires_at = excluded.expires_at "
                          "WHERE dedup_keys.expires_at < excluded.seen_at"_s) &&
            raw.prepare(u"INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, "
                        "ciphertext) VALUES (?, ?, ?, ?, ?, ?)"_s) &&
            event.prepare(u"INSERT INTO events (id, tenant_id, provider, type, "
                          "provider_event_id, dedup_key, raw_ref, locator, received_at, "
                          "occurred_at, routing_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s) &&
            outbox.prepare(u"INSERT INTO outbox (event_id, tenant_id, created_at, "
                           "next_attempt_at) VALUES (?, ?, ?, ?)"_s) &&
            audit.prepare(AuditRepository::insertSql());
        if (!ok)
            *error = u"cannot prepare statements: %1 %2 %3 %4 %5"_s.arg(
                dedup.lastError().text(), raw.lastError().text(), event.lastError().text(),
                outbox.lastError().text(), audit.lastError().text());
        return ok;
    }
    QSqlQuery dedup;
    QSqlQuery raw;
    QSqlQuery event;
    QSqlQuery outbox;
    QSqlQuery audit;
};

StoreWriter::StoreWriter(StoreWriterOptions options, const Vault &vault, QObject *receiver,
                         CommitCallback onCommit, DirectoryCallback onDirectory,
                         ProbeCallback onProbe)
    : m_options(std::move(options))
    , m_vault(vault)
    , m_receiver(receiver)
    , m_onCommit(std::move(onCommit))
    , m_onDirectory(std::move(onDirectory))
    , m_onProbe(std::move(onProbe))
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
    // Checkpoints run on their own thread (WalCheckpointer), never inside a commit.
    if (!m_db->isPostgres())
        QSqlQuery(m_db->db()).exec(u"PRAGMA wal_autocheckpoint=0"_s);
    return prepareStatements(error);
}

bool StoreWriter::prepareStatements(QString *error)
{
    if (m_stmts)
        m_staleStmts = std::move(m_stmts);
    m_stmts = std::make_unique<Statements>(m_db->db());
    if (!m_stmts->prepare(error))
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
    if (!m_db->isPostgres()) {
        checkpointer = std::make_unique<WalCheckpointer>(m_options.database.sqlitePath, 200);
        checkpointer->start();
    }
    for (;;) {
        Batch batch;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(kRevisionPollMs), [this] {
                return m_stopping || !m_queue.jobs.empty() ||
                       (!m_queue.audits.empty() && !m_storeFailing) || !m_queue.probes.empty() ||
                       !m_queue.work.empty() || m_queue.reload;
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
            batch.audits.swap(m_queue.audits);
            batch.probes.swap(m_queue.probes);
            batch.work.swap(m_queue.work);
            batch.reload = std::exchange(m_queue.reload, false);
            stopping = m_stopping && m_queue.jobs.empty() && m_queue.work.empty();
        }
        if (!batch.jobs.empty() || !batch.audits.empty() || !batch.work.empty())
            commitBatch(batch);
        if (!batch.probes.empty())
            probe(batch.probes);
        const qint64 now = nowMs();
        if (batch.reload || now - m_lastRevisionCheckMs >= kRevisionPollMs) {
            m_lastRevisionCheckMs = now;
            reloadDirectoryIfChanged(batch.reload);
        }
        if (stopping)
            break;
    }
    {
        std::lock_guard lock(m_mutex);
        m_loopDone = true;
        for (const auto &item : m_queue.work) {
            item->error = u"the store stopped"_s;
            item->done.set_value();
        }
        m_queue.work.clear();
    }
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

bool StoreWriter::writeJob(IngestJob &job, CommitResult &result, qint64 nowMs)
{
    QSqlQuery &d = m_stmts->dedup;
    QList<const ExtractedEvent *> fresh;
    for (const ExtractedEvent &e : std::as_const(job.events)) {
        d.bindValue(0, e.tenant);
        d.bindValue(1, e.dedupKey);
        d.bindValue(2, nowMs);
        d.bindValue(3, nowMs + m_options.dedupTtlMs);
        if (!d.exec()) {
            result.error = d.lastError().text();
            return false;
        }
        if (d.numRowsAffected() > 0)
            fresh << &e;
        else
            result.duplicates += 1;
    }
    AuditRecord &a = job.audit;
    if (!fresh.isEmpty()) {
        QSqlQuery &r = m_stmts->raw;
        r.bindValue(0, job.rawId);
        r.bindValue(1, a.receivedAtMs);
        r.bindValue(2, QString::fromLatin1(m_vault.keyId().toHex()));
        r.bindValue(3, job.rawSize);
        r.bindValue(4, QString::fromLatin1(job.rawSha256Hex));
        r.bindValue(5, job.sealedRaw);
        if (!r.exec()) {
            result.error = r.lastError().text();
            return false;
        }
        QSqlQuery &ev = m_stmts->event;
        for (const ExtractedEvent *e : std::as_const(fresh)) {
            const QString id = newRecordId(u"ev_");
            ev.bindValue(0, id);
            ev.bindValue(1, e->tenant);
            ev.bindValue(2, job.provider);
            ev.bindValue(3, e->type);
            ev.bindValue(4,
                         e->providerEventId.isEmpty() ? QVariant() : QVariant(e->providerEventId));
            ev.bindValue(5, e->dedupKey);
            ev.bindValue(6, job.rawId);
            ev.bindValue(7, e->locator);
            ev.bindValue(8, a.receivedAtMs);
            ev.bindValue(9, e->occurredAtMs > 0 ? QVariant(e->occurredAtMs) : QVariant());
            ev.bindValue(10, e->routingKey);
            if (!ev.exec()) {
                result.error = ev.lastError().text();
                return false;
            }
            // The hand-off to the core is part of the acknowledgement: same transaction.
            QSqlQuery &ob = m_stmts->outbox;
            ob.bindValue(0, id);
            ob.bindValue(1, e->tenant);
            ob.bindValue(2, nowMs);
            ob.bindValue(3, nowMs);
            if (!ob.exec()) {
                result.error = ob.lastError().text();
                return false;
            }
            result.eventIds << id;
            a.eventTypes << e->type;
        }
        result.stored = int(fresh.size());
        a.rawRef = job.rawId;
        a.outcome = u"accepted"_s;
    } else {
        a.outcome = u"duplicate"_s;
        for (const ExtractedEvent &e : std::as_const(job.events))
            a.eventTypes << e.type;
    }
    a.eventIds = result.eventIds;
    a.httpStatus = 200;
    a.processingUs = (monotonicNs() - job.startedNs) / 1000;
    QString error;
    if (!insertAudit(a, &error)) {
        result.error = error;
        return false;
    }
    result.ok = true;
    return true;
}

bool StoreWriter::insertAudit(const AuditRecord &a, QString *error)
{
    QSqlQuery &q = m_stmts->audit;
    AuditRepository::bindInsert(q, a);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

void StoreWriter::commitBatch(Batch &batch)
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
        const qint64 now = nowMs();
        for (IngestJob &job : batch.jobs) {
            CommitResult r;
            r.jobId = job.id;
            if (!writeJob(job, r, now)) {
                error = r.error;
                return false;
            }
            results << r;
        }
        for (const AuditRecord &a : batch.audits) {
            if (!insertAudit(a, &error))
                return false;
        }
        runWork(batch);
        return true;
    });
    m_staleStmts.reset(); // statements replaced during the transaction, freed outside it
    m_storeFailing = !ok;
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
        // requests, and the batch's other audit rows, go back to the queue for the next
        // transaction rather than waiting for the lock again here (bounded like the queue).
        post([cb = m_onCommit, results = std::move(results)]() mutable { cb(std::move(results)); });
        results.clear();
        std::vector<AuditRecord> retry;
        for (IngestJob &job : batch.jobs) {
            AuditRecord a = job.audit;
            a.eventTypes.clear();
            a.eventIds.clear();
            a.rawRef.clear();
            a.outcome = u"store_failed"_s;
            a.httpStatus = 503;
            a.processingUs = (monotonicNs() - job.startedNs) / 1000;
            for (const ExtractedEvent &e : std::as_const(job.events))
                a.eventTypes << e.type;
            retry.push_back(std::move(a));
        }
        std::move(batch.audits.begin(), batch.audits.end(), std::back_inserter(retry));
        std::lock_guard lock(m_mutex);
        const size_t room =
            kMaxAuditQueue > m_queue.audits.size() ? kMaxAuditQueue - m_queue.audits.size() : 0;
        if (retry.size() > room)
            qCWarning(lcStore) << retry.size() - room
                               << "audit rows dropped: the store is unavailable";
        retry.resize(std::min(retry.size(), room));
        m_queue.audits.insert(m_queue.audits.begin(), std::make_move_iterator(retry.begin()),
                              std::make_move_iterator(retry.end()));
    }
    if (!results.isEmpty())
        post([cb = m_onCommit, results = std::move(results)]() mutable { cb(std::move(results)); });
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
    QString reason = ok ? QString() : u"database not writable: %1"_s.arg(error);
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
