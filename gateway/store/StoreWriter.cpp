// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreWriter.h"

#include "GroupCommit.h"
#include "WalCheckpointer.h"
#include "WalRestarter.h"
#ifdef GERBANG_SQLITE_DIRECT
#include "WalWriteCoalescing.h"
#endif
#include "crypto/Vault.h"

#include <QLoggingCategory>
#include <QSqlQuery>
#include <future>
#include <openssl/crypto.h>
#include <optional>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "gerbang.store")

namespace gerbang {
namespace {

constexpr size_t kMaxBatch = 1024; // requests per transaction, so one stays short
constexpr size_t kMaxAuditQueue = 50000;

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
    , m_inbox(size_t(m_options.maxPending), kMaxAuditQueue)
    , m_thread(u"gerbang-store"_s)
    , m_backlog(m_options.busyTimeoutMs)
    , m_directory(vault, m_options.overrides)
{
}

StoreWriter::~StoreWriter()
{
    stopWriter();
}

bool StoreWriter::startWriter(QString *error)
{
    struct Start
    {
        std::promise<bool> opened;
        QString error;
    };
    auto start = std::make_shared<Start>();
    std::future<bool> opened = start->opened.get_future();
    m_started = true;
    m_thread.start([this, start] {
        QString openError;
        const bool ok = open(&openError);
        start->error = openError;
        if (ok)
            m_inbox.acceptWork(true);
        start->opened.set_value(ok);
        if (ok)
            loop();
        m_connection.close();
        // Free this thread's OpenSSL state now: the thread may end before thread-exit
        // handlers run, which LeakSanitizer then reports.
        OPENSSL_thread_stop();
    });
    if (opened.get())
        return true;
    *error = start->error;
    stopWriter();
    return false;
}

void StoreWriter::stopWriter()
{
    if (!std::exchange(m_started, false))
        return;
    m_inbox.stop();
    m_thread.join();
}

bool StoreWriter::runInTransaction(Work work, QString *error)
{
    auto item = std::make_shared<WorkItem>();
    item->work = std::move(work);
    std::future<void> done = item->done.get_future();
    if (!m_inbox.submitWork(item)) {
        *error = u"the store is not running"_s;
        return false;
    }
    done.wait();
    if (!item->ok)
        *error = item->error;
    return item->ok;
}

void StoreWriter::post(std::function<void()> fn)
{
    QMetaObject::invokeMethod(m_receiver, std::move(fn), Qt::QueuedConnection);
}

bool StoreWriter::open(QString *error)
{
#ifdef GERBANG_SQLITE_DIRECT
    // Before the writer's connection opens: it is the one that writes the WAL at every commit.
    if (!m_options.database.isPostgres() && !installWalWriteCoalescing())
        qCWarning(lcStore) << "SQLite refused the WAL write VFS; each frame is written on its own";
#endif
    if (!m_connection.open({m_options.database, m_options.busyTimeoutMs, false}, error))
        return false;
    // The first directory is handed over synchronously so that no request is ever served
    // without one.
    m_initialDirectory = m_directory.load(m_connection.db(), error);
    return m_initialDirectory != nullptr;
}

void StoreWriter::loop()
{
    Database &db = m_connection.db();
    // SQLite only: PostgreSQL checkpoints on its own.
    std::unique_ptr<WalCheckpointer> checkpointer;
    std::unique_ptr<WalRestarter> walRestarter;
    if (!db.isPostgres()) {
        checkpointer = std::make_unique<WalCheckpointer>(m_options.database.sqlitePath, 200);
        checkpointer->start();
        walRestarter = std::make_unique<WalRestarter>(db, checkpointer.get());
    }
    GroupCommit groupCommit(m_connection, QString::fromLatin1(m_vault.keyId().toHex()),
                            m_options.dedupTtlMs);
    for (;;) {
        WriterBatch batch;
        const WriterInbox::StoreState state{m_backlog.storeFailing(), !m_backlog.empty(),
                                            m_backlog.retryAtMs()};
        const bool stopping = m_inbox.take(batch, state, DirectoryWatcher::kPollMs, kMaxBatch);
        std::optional<bool> committed; // whether this round wrote (and so knows the store's state)
        QString commitError;
        if (!batch.jobs.empty() || !batch.audits.empty() || !batch.work.empty()) {
            GroupCommit::Result r = groupCommit.commit(batch);
            committed = r.ok;
            commitError = r.error;
            if (r.ok) {
                m_backlog.storeWorked();
            } else {
                // The providers get 503 at once and retry; the audit rows are written later
                // on their own rather than waiting for the lock again here.
                m_backlog.storeFailed();
                m_backlog.keep(std::move(r.unwritten));
            }
            if (!r.results.isEmpty())
                post([cb = m_onCommit, results = std::move(r.results)]() mutable {
                    cb(std::move(results));
                });
            if (walRestarter)
                walRestarter->afterCommit(); // the batch's replies are on their way already
        }
        if (m_backlog.due(committed.value_or(false), committed.has_value(), stopping))
            m_backlog.retry(m_connection);
        if (!batch.probes.empty()) {
            // A commit just ran: it answers whether the database is writable now, without a
            // second wait for a lock.
            if (committed) {
                answerProbes(batch.probes, *committed, commitError);
            } else {
                QString probeError;
                const bool ok = m_connection.probeWritable(&probeError);
                answerProbes(batch.probes, ok, probeError);
            }
        }
        if (auto directory = m_directory.poll(db, batch.reload))
            post([cb = m_onDirectory, directory] { cb(directory); });
        if (stopping)
            break;
    }
    if (!m_backlog.empty())
        qCWarning(lcStore) << m_backlog.size()
                           << "audit rows of failed commits were not written before the stop";
    m_inbox.closeWork(u"the store stopped"_s);
    walRestarter.reset();
    if (checkpointer) {
        checkpointer->stop();
        // Leave a small WAL behind: the next start (and every reader) begins from a clean file.
        QSqlQuery(db.db()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    }
}

void StoreWriter::answerProbes(const std::vector<quint64> &ids, bool ok, const QString &error)
{
    const QString reason = ok ? QString() : u"database not writable: %1"_s.arg(error);
    for (quint64 id : ids)
        post([cb = m_onProbe, id, ok, reason] { cb(id, ok, reason); });
}

} // namespace gerbang
