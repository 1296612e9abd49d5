// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "domain/AuditRecord.h"
#include "storage/DatabaseTarget.h"
#include "whatsapp/WhatsAppExtractor.h"

#include <QObject>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace gerbang {

class Database;
class Vault;
struct WorkItem;
class IngestStatements;
struct IngestRows;

// A request whose events must be durable before it is answered.
struct IngestJob
{
    quint64 id = 0;
    QString rawId;
    QByteArray sealedRaw; // already encrypted on the HTTP thread
    QByteArray rawSha256Hex;
    qint64 rawSize = 0;
    QString provider;
    QList<ExtractedEvent> events;
    AuditRecord audit;    // outcome, ids and processing time are completed by the writer
    qint64 startedNs = 0; // monotonic, same clock as QElapsedTimer::nsecsElapsed origin
};

struct CommitResult
{
    quint64 jobId = 0;
    bool ok = false;
    int stored = 0;
    int duplicates = 0;
    QStringList eventIds;
    QString error;            // for logs and /ready; never shown to clients
    qint64 batchCommitUs = 0; // how long the whole transaction took
};

struct StoreWriterOptions
{
    DatabaseTarget database;
    int busyTimeoutMs = 2000;
    int maxPending = 20000;
    qint64 dedupTtlMs = 7LL * 24 * 3600 * 1000;
    Directory::Overrides overrides;
};

// The single writer: one thread, one database connection. It drains whatever requests are
// waiting into one transaction (group commit), so a durable fsync is shared by every request
// that arrived while the previous one ran. Results go back to `receiver`'s thread as queued
// calls. It also reloads the routing directory when the configuration revision moves.
class StoreWriter : public QThread
{
    Q_OBJECT
public:
    using CommitCallback = std::function<void(QList<CommitResult>)>;
    using DirectoryCallback = std::function<void(std::shared_ptr<const Directory>)>;
    using ProbeCallback = std::function<void(quint64 id, bool ok, QString reason)>;

    StoreWriter(StoreWriterOptions options, const Vault &vault, QObject *receiver,
                CommitCallback onCommit, DirectoryCallback onDirectory, ProbeCallback onProbe);
    ~StoreWriter() override;

    // Opens the database on the writer thread and loads the first directory. Blocks.
    bool startWriter(QString *error);
    std::shared_ptr<const Directory> initialDirectory() const { return m_initialDirectory; }
    // Finishes every accepted job, then stops. Blocks.
    void stopWriter();

    // Thread-safe. False when the queue is full (the caller answers 503).
    bool submit(IngestJob &&job);
    // Thread-safe, best effort: under a flood audit rows beyond the queue limit are counted
    // and dropped rather than growing memory without bound.
    bool submitAudit(AuditRecord &&record);
    // Runs `work` on the writer thread with the writer's connection, inside the next group
    // commit's transaction under a savepoint (so its failure never fails the batch), and
    // blocks the caller until that transaction has committed. Other components that write on
    // SQLite (delivery bookkeeping) use it: one writer means no lock contention with
    // acknowledgements, and they share the batch's fsync. False with `error` when `work`
    // failed, the commit failed, or the writer has stopped.
    using Work = std::function<bool(Database &db, QString *error)>;
    bool runInTransaction(Work work, QString *error);
    void requestProbe(quint64 id);
    void requestDirectoryReload();
    int pending() const;

protected:
    void run() override;

private:
    struct Batch
    {
        std::vector<IngestJob> jobs;
        std::vector<AuditRecord> audits;
        std::vector<quint64> probes;
        std::vector<std::shared_ptr<WorkItem>> work;
        bool reload = false;
    };
    struct FailedAudit
    {
        AuditRecord record;
        int rowFailures = 0; // refused on its own while the rest of its transaction committed
    };
    bool openDatabase(QString *error);
    bool prepareStatements(QString *error);
    // Waits for work and takes it from the queue; true when the writer should stop after it.
    bool takeBatch(Batch &batch);
    bool commitBatch(Batch &batch, QString *error);
    void keepFailedAudits(std::vector<AuditRecord> &&audits);
    void retryFailedAudits();
    bool writeJobs(Batch &batch, QList<CommitResult> &results, qint64 nowMs, QString *error);
    // Adds one request's rows (its fresh events; its audit row in any case) and completes its
    // audit record. fresh[firstClaim + i] tells whether job.events[i] is new.
    CommitResult stageJob(IngestJob &job, const std::vector<bool> &fresh, size_t firstClaim,
                          IngestRows &rows);
    QString stageEvent(IngestJob &job, const ExtractedEvent &e, IngestRows &rows);
    void runWork(Batch &batch);
    void probe(const std::vector<quint64> &ids);
    void answerProbes(const std::vector<quint64> &ids, bool ok, const QString &error);
    void reloadDirectoryIfChanged(bool force);
    void post(std::function<void()> fn);

    StoreWriterOptions m_options;
    const Vault &m_vault;
    QObject *m_receiver;
    CommitCallback m_onCommit;
    DirectoryCallback m_onDirectory;
    ProbeCallback m_onProbe;
    const QString m_keyIdHex; // of the vault's current key, stored with every raw payload

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_started;
    Batch m_queue;
    bool m_stopping = false;
    int m_startState = 0; // 0 starting, 1 ok, -1 failed
    bool m_loopDone = false;
    QString m_startError;
    std::shared_ptr<const Directory> m_initialDirectory;

    // Owned and used by the writer thread only.
    std::unique_ptr<Database> m_db;
    std::unique_ptr<IngestStatements> m_stmts;
    int m_stmtsGeneration = -1; // the database connection they were prepared on
    // Replaced inside a transaction, freed after it: freeing a statement of a lost connection
    // fails, and a failure inside a PostgreSQL transaction aborts it.
    std::unique_ptr<IngestStatements> m_staleStmts;
    // The last write failed: audit rows alone are tried again at m_retryAtMs (steady clock,
    // ms), not at once (a database that refuses connections fails fast).
    bool m_storeFailing = false;
    qint64 m_retryAtMs = 0;
    // Audit rows of failed commits, written apart from the requests' commits.
    std::deque<FailedAudit> m_failedAudits;
    qint64 m_revision = -1;
    qint64 m_lastRevisionCheckMs = 0;
};

} // namespace gerbang
