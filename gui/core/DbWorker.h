// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/AdminService.h"
#include "storage/DatabaseTarget.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>

namespace gerbang {

class Database;
class Vault;

// What a job on the database thread gets: its connection (null when it cannot be opened, then
// `error` says why) and the vault for secrets.
struct DbContext
{
    Database *db = nullptr;
    const Vault *vault = nullptr;
    QString error;

    // The changes of one console action, audited as the desktop user's through
    // "gerbang console: ACTION". Only with a database.
    AdminService service(const QString &action) const
    {
        return AdminService(
            *db, vault,
            Actor::local(QStringLiteral("CONSOLE"), QStringLiteral("gerbang console: ") + action));
    }
};

// The console's database thread. The GUI thread never runs a query: pages hand jobs to this
// thread, which owns its own named connection, and get the result back as a queued call.
class DbWorker : public QObject
{
    Q_OBJECT
public:
    explicit DbWorker(QObject *parent = nullptr);
    ~DbWorker() override;

    // (Re)opens the connection on the worker thread for the next jobs.
    void configure(const DatabaseTarget &target, int busyTimeoutMs,
                   std::shared_ptr<const Vault> vault);

    // Runs `job` on the database thread, then `done` with its result on the GUI thread —
    // unless `receiver` is gone by then.
    template <typename R>
    void run(QObject *receiver, std::function<R(DbContext &)> job, std::function<void(R)> done)
    {
        QPointer<QObject> guard(receiver);
        post([job = std::move(job), done = std::move(done), guard](DbContext &ctx) {
            auto result = std::make_shared<R>(job(ctx));
            deliver([guard, done, result] {
                if (guard)
                    done(std::move(*result));
            });
        });
    }

private:
    void post(std::function<void(DbContext &)> job);
    static void deliver(std::function<void()> onGuiThread);

    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    // Owned and touched only on m_thread.
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace gerbang
