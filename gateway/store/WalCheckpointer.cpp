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
{
    setObjectName(u"gerbang-wal"_s);
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
    if (isRunning())
        wait();
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
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                            [this] { return m_stopping; });
            if (m_stopping)
                break;
        }
        if (!q.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s)) {
            if (q.lastError().text() != lastError)
                qCWarning(lcCheckpoint) << "checkpoint failed:" << q.lastError().text();
            lastError = q.lastError().text();
        } else {
            lastError.clear();
        }
        q.finish();
    }
}

} // namespace gerbang
