// SPDX-License-Identifier: GPL-3.0-or-later
#include "DbWorker.h"

#include "config/Settings.h"
#include "crypto/Vault.h"
#include "storage/Database.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace gerbang {

struct DbWorker::State
{
    std::optional<DatabaseTarget> target;
    int busyTimeoutMs = Settings::defaultInt(u"storage/busy_timeout_ms");
    std::shared_ptr<const Vault> vault;
    std::unique_ptr<Database> db;
    QString openError;
    bool opened = false;
};

DbWorker::DbWorker(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<State>())
{
    m_thread.setObjectName(u"gerbang-console-db"_s);
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DbWorker::~DbWorker()
{
    // The connection must be closed on the thread that opened it.
    auto state = m_state;
    QMetaObject::invokeMethod(
        m_context, [state] { state->db.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DbWorker::configure(const DatabaseTarget &target, int busyTimeoutMs,
                         std::shared_ptr<const Vault> vault)
{
    auto state = m_state;
    QMetaObject::invokeMethod(m_context, [state, target, busyTimeoutMs, vault] {
        state->db.reset();
        state->target = target;
        state->busyTimeoutMs = busyTimeoutMs;
        state->vault = vault;
        state->opened = false;
    });
}

void DbWorker::post(std::function<void(DbContext &)> job)
{
    auto state = m_state;
    QMetaObject::invokeMethod(m_context, [state, job = std::move(job)] {
        DbContext ctx;
        if (!state->opened && state->target) {
            state->opened = true;
            state->openError.clear();
            // Like gerbangctl, whoever touches the database first creates or migrates it.
            state->db =
                Database::open({*state->target, state->busyTimeoutMs, false}, &state->openError);
            if (state->db && !state->db->migrate(&state->openError))
                state->db.reset();
        }
        ctx.db = state->db.get();
        ctx.vault = state->vault.get();
        ctx.error = state->db        ? QString()
                    : !state->target ? u"no database configured"_s
                                     : state->openError;
        if (!state->db)
            state->opened = false; // try again with the next job
        job(ctx);
    });
}

void DbWorker::deliver(std::function<void()> onGuiThread)
{
    // The application object lives as long as any page: a safe context for the hand-back.
    QMetaObject::invokeMethod(QCoreApplication::instance(), std::move(onGuiThread),
                              Qt::QueuedConnection);
}

} // namespace gerbang
