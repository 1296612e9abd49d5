// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"

#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

namespace gerbang {

// The admin API's reads (audit log, events, dead letters), on a thread and a database
// connection of their own: a page deep into a million audit rows must delay neither the
// webhook thread nor deliveries. A long-lived worker, so a QThread member (README, "Design
// notes"), with the connection opened and used on that thread only.
class AdminReader
{
public:
    explicit AdminReader(Database::Options options);
    ~AdminReader();

    // Opens the connection on the reader's thread. Blocks.
    bool start(QString *error);

    // A read: the answer's JSON, or an empty object and `error`.
    using Query = std::function<QJsonObject(Database &db, QString *error)>;
    using Done = std::function<void(QJsonObject answer, QString error)>;
    // Thread-safe: runs `query` on the reader's thread, then `done` on `receiver`'s thread
    // (not at all once `receiver` is gone).
    void run(Query query, QObject *receiver, Done done);

private:
    void stop();

    Database::Options m_options;
    QThread m_thread;
    QObject m_context; // lives on m_thread: the target of queued queries
    std::unique_ptr<Database> m_db;
};

} // namespace gerbang
