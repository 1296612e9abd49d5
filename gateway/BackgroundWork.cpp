// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackgroundWork.h"

#include "audit/AuditCheckpointer.h"
#include "delivery/Forwarder.h"
#include "retention/RetentionScheduler.h"
#include "storage/AdminTokenRepository.h"

#include <QLoggingCategory>
#include <openssl/crypto.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBackground, "gerbang.background")

namespace gerbang {

BackgroundWork::BackgroundWork(DeliveryConfig delivery, RetentionPolicy retention,
                               Database::Options db, const Vault &vault,
                               std::shared_ptr<Stats> stats, StoreWriter *writer,
                               const QString &dataDir, qint64 checkpointIntervalMs)
{
    m_thread.setObjectName(u"gerbang-background"_s);
    m_forwarder = new Forwarder(std::move(delivery), db, vault, stats, writer);
    m_retention = new RetentionScheduler(retention, db, stats);
    m_checkpointer = new AuditCheckpointer(db, dataDir, checkpointIntervalMs);
    m_forwarder->moveToThread(&m_thread);
    m_retention->moveToThread(&m_thread);
    m_checkpointer->moveToThread(&m_thread);
}

BackgroundWork::~BackgroundWork()
{
    stop();
    delete m_forwarder;
    delete m_retention;
    delete m_checkpointer;
}

bool BackgroundWork::start(QString *error)
{
    m_thread.start();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_forwarder,
        [&] {
            ok =
                m_forwarder->open(error) && m_retention->open(error) && m_checkpointer->open(error);
        },
        Qt::BlockingQueuedConnection);
    if (!ok)
        stop();
    return ok;
}

void BackgroundWork::stop()
{
    if (!m_thread.isRunning())
        return;
    QMetaObject::invokeMethod(
        m_forwarder,
        [this] {
            m_forwarder->shutdown();
            m_retention->shutdown();
            m_checkpointer->shutdown();
            // Objects die on this thread after it ends; move them back so that their
            // destructors (run by the owner) do not touch a finished thread.
            m_forwarder->moveToThread(m_thread.thread());
            m_retention->moveToThread(m_thread.thread());
            m_checkpointer->moveToThread(m_thread.thread());
            OPENSSL_thread_stop();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void BackgroundWork::wake()
{
    QMetaObject::invokeMethod(m_forwarder, &Forwarder::wake, Qt::QueuedConnection);
}

void BackgroundWork::fetchContent(const QString &eventId, QObject *receiver,
                                  std::function<void(int, QByteArray, QString)> done)
{
    Forwarder *forwarder = m_forwarder;
    QMetaObject::invokeMethod(
        forwarder,
        [forwarder, eventId, receiver, done = std::move(done)]() mutable {
            Forwarder::Content c = forwarder->content(eventId);
            QMetaObject::invokeMethod(
                receiver,
                [done = std::move(done), c = std::move(c)] { done(c.status, c.body, c.tenant); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void BackgroundWork::writeBestEffort(std::function<bool(Database &, QString *)> work,
                                     const char *what)
{
    Forwarder *forwarder = m_forwarder;
    QMetaObject::invokeMethod(
        forwarder,
        [forwarder, work = std::move(work), what] {
            QString error;
            if (!forwarder->writeTransaction(work, &error))
                qCWarning(lcBackground).noquote() << what << error;
        },
        Qt::QueuedConnection);
}

void BackgroundWork::recordTokenUse(QList<std::pair<QString, qint64>> lastUsed)
{
    writeBestEffort(
        [lastUsed = std::move(lastUsed)](Database &db, QString *e) {
            return AdminTokenRepository(db).touch(lastUsed, e);
        },
        "admin tokens: cannot record their last use:");
}

void BackgroundWork::recordHeartbeat(GatewayBeat beat)
{
    writeBestEffort([beat = std::move(beat)](
                        Database &db, QString *e) { return GatewayRepository(db).beat(beat, e); },
                    "heartbeat: cannot write this gateway's row:");
}

void BackgroundWork::setRetentionPolicy(const RetentionPolicy &policy)
{
    RetentionScheduler *retention = m_retention;
    QMetaObject::invokeMethod(
        retention, [retention, policy] { retention->setPolicy(policy); }, Qt::QueuedConnection);
}

void BackgroundWork::purgeNow()
{
    QMetaObject::invokeMethod(m_retention, &RetentionScheduler::runNow, Qt::QueuedConnection);
}

} // namespace gerbang
