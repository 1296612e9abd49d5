// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackgroundWork.h"

#include "audit/AuditCheckpointer.h"
#include "delivery/Forwarder.h"
#include "domain/Clock.h"
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
                               const QString &dataDir, qint64 checkpointIntervalMs,
                               Vigilance::Config vigilance)
    : m_vigilanceConfig(std::move(vigilance))
    , m_db(db)
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

void BackgroundWork::setAlertSink(QObject *context, std::function<void(const AlertInfo &)> sink)
{
    m_alertContext = context;
    m_alertSink = std::move(sink);
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
            if (ok)
                ok = startVigilance(error);
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
            delete std::exchange(m_vigilance, nullptr);
            m_vigilanceDb.reset();
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

bool BackgroundWork::startVigilance(QString *error)
{
    m_vigilanceDb = Database::open(m_db, error);
    if (!m_vigilanceDb)
        return false;
    m_vigilance = new Vigilance(m_vigilanceConfig, *m_vigilanceDb, [] { return nowMs(); });
    QObject::connect(m_retention, &RetentionScheduler::ran, m_vigilance, &Vigilance::retentionRan);
    if (m_alertContext && m_alertSink)
        QObject::connect(m_vigilance, &Vigilance::alert, m_alertContext, m_alertSink,
                         Qt::QueuedConnection);
    m_vigilance->start();
    return true;
}

void BackgroundWork::recordActivity(QList<SourceActivityRepository::Count> counts)
{
    writeBestEffort(
        [counts = std::move(counts)](Database &db, QString *e) {
            return SourceActivityRepository(db).add(counts, e);
        },
        "source activity: cannot record it:");
}

void BackgroundWork::storeFailing(bool failing, const QString &reason)
{
    QMetaObject::invokeMethod(
        m_forwarder,
        [this, failing, reason] {
            if (m_vigilance)
                m_vigilance->storeFailing(failing, reason);
        },
        Qt::QueuedConnection);
}

void BackgroundWork::certificateReloaded(const QString &certificate, bool ok, const QString &error)
{
    QMetaObject::invokeMethod(
        m_forwarder,
        [this, certificate, ok, error] {
            if (m_vigilance)
                m_vigilance->certificateReloaded(certificate, ok, error);
        },
        Qt::QueuedConnection);
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
