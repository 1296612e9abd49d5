// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

struct sqlite3;

namespace gerbang {

class Database;
class WalCheckpointer;

// Keeps the writer's WAL small and reused. SQLite starts the WAL over from its first frame only
// when a write transaction begins after every frame has been copied into the database file.
// A checkpointer beside a busy writer never gets there on its own (the writer appends while it
// copies), so the WAL grew for as long as traffic lasted (1 GB in 25 s at 15k requests/s) and
// every commit wrote to new, unallocated file pages, which cost the kernel more than the copy.
//
// So: the background checkpointer does the bulk of the copying, woken as the WAL grows; once
// the WAL passes a size and the checkpointer has caught up to within a few hundred frames, the
// writer copies that remainder itself between two batches (after their replies went out), and
// its next transaction starts the WAL over. Without SQLite's C API (a Qt driver with its own
// SQLite) it falls back to SQLite's automatic checkpoint inside the commit.
class WalRestarter
{
public:
    WalRestarter(Database &db, WalCheckpointer *background);
    ~WalRestarter();
    WalRestarter(const WalRestarter &) = delete;
    WalRestarter &operator=(const WalRestarter &) = delete;

    // Call on the writer's thread, outside a transaction.
    void afterCommit();

    // In bytes of WAL, whatever the database's page size (a frame holds one page).
    static constexpr qint64 kRestartBytes = 16LL << 20;   // the WAL starts over past this
    static constexpr qint64 kMaxRemainderBytes = 2 << 20; // what the writer copies itself
    static constexpr qint64 kHardLimitBytes = 64LL << 20; // copy everything, however far behind
    static constexpr qint64 kWakeEveryBytes = 2 << 20;    // the background checkpointer's turn

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int frames);
    void checkpoint();

    sqlite3 *m_handle = nullptr;
    WalCheckpointer *m_background;
    // The limits above in frames of this database's pages.
    int m_restartFrames = 0;
    int m_maxRemainder = 0;
    int m_hardLimitFrames = 0;
    int m_wakeEveryFrames = 0;
    int m_frames = 0; // in the WAL after the last commit (SQLite's wal hook)
    int m_lastFrames = 0;
    int m_wokenAtFrames = 0;
    quint64 m_generation = 0; // times the WAL started over
    QString m_lastError;
};

} // namespace gerbang
