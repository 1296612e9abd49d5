// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QThread>
#include <condition_variable>
#include <mutex>

namespace gerbang {

// Copies committed WAL frames into the database file on its own thread and connection, so
// that the writer never pays for a checkpoint (page copies plus an fsync of the database
// file) inside a request's commit: that is what set the tail latency. PASSIVE checkpoints
// never block the writer; durability does not depend on them (a commit is durable once the
// WAL is synced).
class WalCheckpointer : public QThread
{
    Q_OBJECT
public:
    WalCheckpointer(QString sqlitePath, int intervalMs);
    ~WalCheckpointer() override;
    void stop();

protected:
    void run() override;

private:
    QString m_path;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
};

} // namespace gerbang
