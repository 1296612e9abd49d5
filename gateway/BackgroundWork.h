// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "delivery/DeliveryConfig.h"
#include "storage/Database.h"
#include "storage/GatewayRepository.h"
#include "storage/Retention.h"

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
                   const QString &dataDir, qint64 checkpointIntervalMs);
    ~BackgroundWork();

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

private:
    void writeBestEffort(std::function<bool(Database &, QString *)> work, const char *what);

    QThread m_thread;
    Forwarder *m_forwarder = nullptr;
    RetentionScheduler *m_retention = nullptr;
    AuditCheckpointer *m_checkpointer = nullptr;
};

} // namespace gerbang
