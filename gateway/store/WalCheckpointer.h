// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "concurrency/LoopThread.h"

#include <QString>
#include <condition_variable>
#include <mutex>

namespace gerbang {

// Copies committed WAL frames into the database file on its own thread and connection, so
// that the writer rarely pays for a checkpoint (page copies plus an fsync of the database
// file) itself. PASSIVE checkpoints never block the writer; durability does not depend on
// them (a commit is durable once the WAL is synced). The writer wakes it as the WAL grows
// (WalRestarter), and reads how far it got.
class WalCheckpointer
{
public:
    WalCheckpointer(QString sqlitePath, int intervalMs);
    ~WalCheckpointer();
    void start();
    void stop();
    // `walGeneration` counts the times the writer saw the WAL start over; each pass is
    // labelled with the generation it was woken for, so that the writer never mistakes a pass
    // over an older WAL for one over the current WAL.
    void wake(quint64 walGeneration);
    struct Progress
    {
        quint64 walGeneration = 0;
        qint64 logFrames = -1;  // in the WAL at the last pass; -1 before the first
        qint64 backfilled = -1; // of those, copied into the database file
    };
    Progress progress() const;

private:
    void run();

    QString m_path;
    int m_intervalMs;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    quint64 m_wokenFor = 0;
    Progress m_progress;
    LoopThread m_thread;
};

} // namespace gerbang
