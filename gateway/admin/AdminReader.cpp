// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminReader.h"

#include <QPointer>
#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

namespace gerbang {

AdminReader::AdminReader(Database::Options options)
    : m_options(std::move(options))
{
    m_thread.setObjectName(u"gerbang-admin-read"_s);
    m_context.moveToThread(&m_thread);
}

AdminReader::~AdminReader()
{
    stop();
}

bool AdminReader::start(QString *error)
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

void AdminReader::stop()
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

void AdminReader::run(Query query, QObject *receiver, Done done)
{
    QMetaObject::invokeMethod(
        &m_context,
        [this, query = std::move(query), receiver = QPointer<QObject>(receiver),
         done = std::move(done)]() mutable {
            QString error;
            QJsonObject answer = m_db ? query(*m_db, &error) : QJsonObject();
            if (!m_db)
                error = u"the admin reader is not running"_s;
            if (!receiver)
                return;
            QMetaObject::invokeMethod(
                receiver.data(),
                [done = std::move(done), answer = std::move(answer),
                 error = std::move(error)]() mutable { done(std::move(answer), std::move(error)); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace gerbang
