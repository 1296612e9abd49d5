// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "alerts/Vigilance.h"
#include "delivery/DeliveryConfig.h"
#include "storage/Database.h"
#include "storage/GatewayRepository.h"
#include "storage/Retention.h"
#include "storage/SourceActivityRepository.h"

#include <QThread>
#include <functional>
#include <memory>

namespace gerbang {

class AuditCheckpointer;
class Forwarder;
class RetentionScheduler;
class Stats;
class StoreWriter;
class Vault;

// The work that happens after the reply (BRIEF §2 step 8): delivery of the outbox to the
// core, retention, and the audit log's signed checkpoints. One thread, away from the HTTP and store
// threads, so neither a slow core nor a large purge delays an acknowledgement.
class BackgroundWork
{
public:
    BackgroundWork(DeliveryConfig delivery, RetentionPolicy retention, Database::Options db,
                   const Vault &vault, std::shared_ptr<Stats> stats, StoreWriter *writer,
                   const QString &dataDir, qint64 checkpointIntervalMs,
                   Vigilance::Config vigilance);
    ~BackgroundWork();

    // Where the vigilance's alerts go: `sink` runs on `context`'s thread. Before start().
    void setAlertSink(QObject *context, std::function<void(const AlertInfo &)> sink);
    // Opens the database connections on the background thread. Blocks.
    bool start(QString *error);
    // Gives back delivery leases and joins the thread. Blocks.
    void stop();
    // Thread-safe: new outbox rows were committed.
    void wake();
    // Thread-safe: run the retention job now.
    void purgeNow();
    // Thread-safe: new retention settings, from the next run on.
    void setRetentionPolicy(const RetentionPolicy &policy);
    // Thread-safe: the normalized event and its provider object for GET /internal/events/ID.
    // `done(status, body, tenant)` runs on `receiver`'s thread: 200, 404 or 410 (expired).
    void fetchContent(const QString &eventId, QObject *receiver,
                      std::function<void(int, QByteArray, QString)> done);
    // Thread-safe, best effort: when admin tokens were last used (name, time in ms).
    void recordTokenUse(QList<std::pair<QString, qint64>> lastUsed);
    // Thread-safe, best effort: this gateway's heartbeat row.
    void recordHeartbeat(GatewayBeat beat);
    // Thread-safe, best effort: verified requests per source and minute (silence alerts).
    void recordActivity(QList<SourceActivityRepository::Count> counts);
    // Thread-safe: the store's commits started failing, or work again (database alerts).
    void storeFailing(bool failing, const QString &reason);
    // Thread-safe: the outcome of a TLS reload of `certificate` (certificate alerts).
    void certificateReloaded(const QString &certificate, bool ok, const QString &error);

private:
    bool startVigilance(QString *error);
    void writeBestEffort(std::function<bool(Database &, QString *)> work, const char *what);

    QThread m_thread;
    Forwarder *m_forwarder = nullptr;
    RetentionScheduler *m_retention = nullptr;
    AuditCheckpointer *m_checkpointer = nullptr;
    // Made and destroyed on the background thread (its timer lives there).
    Vigilance::Config m_vigilanceConfig;
    std::unique_ptr<Database> m_vigilanceDb;
    Vigilance *m_vigilance = nullptr;
    QObject *m_alertContext = nullptr;
    std::function<void(const AlertInfo &)> m_alertSink;
    Database::Options m_db;
};

} // namespace gerbang
