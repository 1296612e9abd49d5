// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminWorker.h"

#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace gerbang {

AdminWorker::AdminWorker(Database::Options options, std::shared_ptr<const Vault> vault)
    : m_options(std::move(options))
    , m_vault(std::move(vault))
{
    m_thread.setObjectName(u"gerbang-admin-work"_s);
    m_context.moveToThread(&m_thread);
}

AdminWorker::~AdminWorker()
{
    stop();
}

bool AdminWorker::start(QString *error)
{
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        &m_context,
        [&] {
            m_db = Database::open(m_options, error);
            ok = m_db != nullptr;
        },
        Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void AdminWorker::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            m_db.reset(); // closed on the thread that opened it
            m_context.moveToThread(m_thread.thread());
            OPENSSL_thread_stop();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void AdminWorker::run(Query query, QObject *receiver, Done done)
{
    using Answer = std::pair<QJsonObject, QString>;
    dispatch<Answer>(
        [query = std::move(query)](Database *db) {
            if (!db)
                return Answer{{}, u"the admin worker is not running"_s};
            QString error;
            QJsonObject answer = query(*db, &error);
            return Answer{std::move(answer), std::move(error)};
        },
        receiver,
        [done = std::move(done)](Answer a) { done(std::move(a.first), std::move(a.second)); });
}

void AdminWorker::change(Actor actor, Change change, QObject *receiver,
                         std::function<void(ChangeResult)> done)
{
    dispatch<ChangeResult>(
        [this, actor = std::move(actor), change = std::move(change)](Database *db) {
            if (!db)
                return ChangeResult::refused(ChangeResult::Refusal::StoreFailed,
                                             u"the admin worker is not running"_s);
            AdminService service(*db, m_vault.get(), actor);
            return change(service);
        },
        receiver, std::move(done));
}

} // namespace gerbang
