// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditBacklog.h"
#include "Directory.h"
#include "DirectoryWatcher.h"
#include "IngestJob.h"
#include "WriterConnection.h"
#include "WriterInbox.h"
#include "concurrency/LoopThread.h"
#include "config/Settings.h"
#include "storage/DatabaseTarget.h"

#include <QObject>
#include <functional>
#include <memory>

namespace gerbang {

class Vault;

struct StoreWriterOptions
{
    DatabaseTarget database;
    int busyTimeoutMs = Settings::defaultInt(u"storage/busy_timeout_ms");
    int maxPending = Settings::defaultInt(u"storage/max_pending");
    qint64 dedupTtlMs = qint64(Settings::defaultInt(u"dedup/ttl_hours")) * 3'600'000;
    Directory::Overrides overrides;
};

// The single writer: one thread, one database connection. Each round takes what waits in
// its inbox and hands it to the class that does that job: requests and audit rows to the
// group commit (the hot path), audit rows of failed commits to the backlog, readiness probes
// to the connection, configuration polling to the directory watcher. Results go back to
// `receiver`'s thread as queued calls.
class StoreWriter
{
public:
    using CommitCallback = std::function<void(QList<CommitResult>)>;
    using DirectoryCallback = std::function<void(std::shared_ptr<const Directory>)>;
    using ProbeCallback = std::function<void(quint64 id, bool ok, QString reason)>;

    StoreWriter(StoreWriterOptions options, const Vault &vault, QObject *receiver,
                CommitCallback onCommit, DirectoryCallback onDirectory, ProbeCallback onProbe);
    ~StoreWriter();

    // Opens the database on the writer thread and loads the first directory. Blocks.
    bool startWriter(QString *error);
    std::shared_ptr<const Directory> initialDirectory() const { return m_initialDirectory; }
    // Finishes every accepted job, then stops. Blocks.
    void stopWriter();

    // Thread-safe. False when the queue is full (the caller answers 503).
    bool submit(IngestJob &&job) { return m_inbox.submit(std::move(job)); }
    // Thread-safe, best effort: under a flood audit rows beyond the queue limit are counted
    // and dropped rather than growing memory without bound.
    bool submitAudit(AuditRecord &&record) { return m_inbox.submitAudit(std::move(record)); }
    // Runs `work` on the writer thread with the writer's connection, inside the next group
    // commit's transaction under a savepoint (so its failure never fails the batch), and
    // blocks the caller until that transaction has committed. Other components that write on
    // SQLite (delivery bookkeeping) use it: one writer means no lock contention with
    // acknowledgements, and they share the batch's fsync. False with `error` when `work`
    // failed, the commit failed, or the writer has stopped.
    using Work = std::function<bool(Database &db, QString *error)>;
    bool runInTransaction(Work work, QString *error);
    void requestProbe(quint64 id) { m_inbox.requestProbe(id); }
    void requestDirectoryReload() { m_inbox.requestReload(); }
    int pending() const { return m_inbox.pending(); }

private:
    bool open(QString *error);
    void loop();
    void answerProbes(const std::vector<quint64> &ids, bool ok, const QString &error);
    void post(std::function<void()> fn);

    const StoreWriterOptions m_options;
    const Vault &m_vault;
    QObject *m_receiver;
    CommitCallback m_onCommit;
    DirectoryCallback m_onDirectory;
    ProbeCallback m_onProbe;

    WriterInbox m_inbox;
    LoopThread m_thread;
    bool m_started = false;
    std::shared_ptr<const Directory> m_initialDirectory;

    // Used by the writer thread only.
    WriterConnection m_connection;
    AuditBacklog m_backlog;
    DirectoryWatcher m_directory;
};

} // namespace gerbang
