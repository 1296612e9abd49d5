// SPDX-License-Identifier: GPL-3.0-or-later
#include "WalCheckpointer.h"

#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCheckpoint, "gerbang.store.checkpoint")

namespace gerbang {

WalCheckpointer::WalCheckpointer(QString sqlitePath, int intervalMs)
    : m_path(std::move(sqlitePath))
    , m_intervalMs(intervalMs)
    , m_thread(u"gerbang-wal"_s)
{
}

WalCheckpointer::~WalCheckpointer()
{
    stop();
}

void WalCheckpointer::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::start()
{
    m_thread.start([this] { run(); });
}

void WalCheckpointer::wake(quint64 walGeneration)
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
        m_wokenFor = walGeneration;
    }
    m_wake.notify_one();
}

WalCheckpointer::Progress WalCheckpointer::progress() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

void WalCheckpointer::run()
{
    QString error;
    // Its own connection, opened on this thread (QtSql connections are per thread).
    auto db = Database::open({DatabaseTarget::sqlite(m_path), 100, false}, &error);
    if (!db) {
        qCWarning(lcCheckpoint) << "cannot open the database for checkpoints:" << error;
        return;
    }
    QSqlQuery q(db->db());
    QString lastError; // a locked database fails every attempt: say so once, not 5 times a second
    for (;;) {
        quint64 generation = 0;
        {
            // A busy writer wakes it every few hundred frames (WalRestarter); a quiet one is
            // caught up at the interval.
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                            [this] { return m_stopping || m_woken; });
            m_woken = false;
            generation = m_wokenFor;
            if (m_stopping)
                break;
        }
        // One row: busy, frames in the WAL, frames copied into the database file.
        if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s) || !q.next()) {
            if (q.lastError().text() != lastError)
                qCWarning(lcCheckpoint) << "checkpoint failed:" << q.lastError().text();
            lastError = q.lastError().text();
        } else {
            lastError.clear();
            std::lock_guard lock(m_mutex);
            m_progress = {generation, q.value(1).toLongLong(), q.value(2).toLongLong()};
        }
        q.finish();
    }
}

} // namespace gerbang
