// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/AdminService.h"
#include "storage/Database.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace gerbang {

class Vault;

// The admin API's database work (reads of the audit log, events and dead letters; changes
// through the AdminService), on a thread and a connection of its own: a page deep into a
// million audit rows or a change waiting for the write lock must delay neither the webhook
// thread nor deliveries. A long-lived worker, so a QThread member (README, "Design notes"),
// with the connection opened and used on that thread only.
class AdminWorker
{
public:
    AdminWorker(Database::Options options, std::shared_ptr<const Vault> vault);
    ~AdminWorker();

    // Opens the connection on the worker's thread. Blocks.
    bool start(QString *error);
    // The master key, for reads that need it (secret fingerprints).
    const std::shared_ptr<const Vault> &vault() const { return m_vault; }

    // A read: the answer's JSON, or an empty object and `error`.
    using Query = std::function<QJsonObject(Database &db, QString *error)>;
    using Done = std::function<void(QJsonObject answer, QString error)>;
    // Thread-safe: runs `query` on the worker's thread, then `done` on `receiver`'s thread
    // (not at all once `receiver` is gone).
    void run(Query query, QObject *receiver, Done done);

    // A change, made by `actor` through the one service every other path uses.
    using Change = std::function<ChangeResult(AdminService &service)>;
    void change(Actor actor, Change change, QObject *receiver,
                std::function<void(ChangeResult)> done);

private:
    void stop();
    // Runs `work` on the worker's thread and hands its result to `done` on `receiver`'s.
    template <typename T>
    void dispatch(std::function<T(Database *db)> work, QObject *receiver,
                  std::function<void(T)> done)
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this, work = std::move(work), receiver = QPointer<QObject>(receiver),
             done = std::move(done)]() mutable {
                T result = work(m_db.get());
                if (!receiver)
                    return;
                QMetaObject::invokeMethod(
                    receiver.data(),
                    [done = std::move(done), result = std::move(result)]() mutable {
                        done(std::move(result));
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

    Database::Options m_options;
    std::shared_ptr<const Vault> m_vault;
    QThread m_thread;
    QObject m_context; // lives on m_thread: the target of queued work
    std::unique_ptr<Database> m_db;
};

} // namespace gerbang
