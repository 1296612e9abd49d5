// SPDX-License-Identifier: GPL-3.0-or-later
#include "WalRestarter.h"

#include "WalCheckpointer.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSqlQuery>

#ifdef GERBANG_SQLITE_DIRECT
#include "SqliteIngestStatements.h"

#include <sqlite3.h>
#endif

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWal, "gerbang.store.checkpoint")

namespace gerbang {

WalRestarter::WalRestarter(Database &db, WalCheckpointer *background)
    : m_background(background)
{
    QSqlQuery q(db.db());
    qint64 pageSize = 4096;
    if (q.exec(u"PRAGMA page_size"_s) && q.next() && q.value(0).toLongLong() > 0)
        pageSize = q.value(0).toLongLong();
    q.finish();
    m_restartFrames = int(kRestartBytes / pageSize);
    m_maxRemainder = int(kMaxRemainderBytes / pageSize);
    m_hardLimitFrames = int(kHardLimitBytes / pageSize);
    m_wakeEveryFrames = int(kWakeEveryBytes / pageSize);
    // A WAL that grew while a long reader held back the checkpoints shrinks at its next start.
    q.exec(u"PRAGMA journal_size_limit=%1"_s.arg(kHardLimitBytes));
#ifdef GERBANG_SQLITE_DIRECT
    m_handle = SqliteIngestStatements::handleOf(db);
#endif
    if (!m_handle) {
        q.exec(u"PRAGMA wal_autocheckpoint=1000"_s); // SQLite's default
        return;
    }
#ifdef GERBANG_SQLITE_DIRECT
    // Replaces SQLite's automatic checkpoint, which would copy inside the commit.
    sqlite3_wal_hook(m_handle, &WalRestarter::onCommit, this);
#endif
}

WalRestarter::~WalRestarter()
{
#ifdef GERBANG_SQLITE_DIRECT
    if (m_handle)
        sqlite3_wal_hook(m_handle, nullptr, nullptr);
#endif
}

int WalRestarter::onCommit(void *self, sqlite3 *, const char *, int frames)
{
    static_cast<WalRestarter *>(self)->m_frames = frames;
    return 0; // SQLITE_OK
}

void WalRestarter::afterCommit()
{
    if (!m_handle)
        return;
    if (m_frames < m_lastFrames) { // the WAL started over
        m_wokenAtFrames = 0;
        ++m_generation;
    }
    m_lastFrames = m_frames;
    if (m_background && m_frames - m_wokenAtFrames >= m_wakeEveryFrames) {
        m_wokenAtFrames = m_frames;
        m_background->wake(m_generation);
    }
    if (m_frames < m_restartFrames)
        return;
    bool caughtUp = !m_background;
    if (m_background) {
        const WalCheckpointer::Progress p = m_background->progress();
        caughtUp = p.walGeneration == m_generation && p.backfilled >= 0 &&
                   m_frames - p.backfilled <= m_maxRemainder;
    }
    if (caughtUp || m_frames >= m_hardLimitFrames)
        checkpoint();
}

void WalRestarter::checkpoint()
{
#ifdef GERBANG_SQLITE_DIRECT
    int log = 0;
    int done = 0;
    const int rc =
        sqlite3_wal_checkpoint_v2(m_handle, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(m_handle));
        if (error != m_lastError)
            qCWarning(lcWal) << "checkpoint failed:" << error;
        m_lastError = error;
        return;
    }
    m_lastError.clear();
    // Readers still on older frames keep the WAL from starting over; try again later.
    m_frames = log;
#endif
}

} // namespace gerbang
