// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DeliveryConfig.h"
#include "concurrency/PacedRepeat.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace gerbang {

class Stats;
class StoreWriter;
class Vault;

// Delivers the outbox to the core: leases due rows, decrypts and normalizes each event,
// POSTs it signed with Standard Webhooks, and records the outcome (delivered, retry later
// with backoff, or dead letter). Lives on the background thread with its own database
// connection, so a slow or dead core never touches the acceptance path; at most
// `concurrency` requests are in flight.
class Forwarder : public QObject
{
    Q_OBJECT
public:
    // With a `writer` (SQLite), the outbox bookkeeping is written by the engine's single
    // writer; without one (PostgreSQL), in short transactions of this worker's own.
    Forwarder(DeliveryConfig config, Database::Options db, const Vault &vault,
              std::shared_ptr<Stats> stats, StoreWriter *writer, QObject *parent = nullptr);
    ~Forwarder() override;

    // On the forwarder's thread.
    bool open(QString *error);
    // Gives unfinished leases back (so a restart redelivers them at once) and stops.
    void shutdown();

    // What GET /internal/events/ID answers: the normalized event and the provider's object.
    struct Content
    {
        int status = 404; // 200, 404 (no such event), 410 (raw payload past retention)
        QByteArray body;
        QString tenant;
    };
    Content content(const QString &eventId);
    // A short write beside the delivery bookkeeping, through the same path (the single writer
    // on SQLite, a transaction of this worker's own on PostgreSQL).
    bool writeTransaction(const std::function<bool(Database &, QString *)> &work, QString *error);

public Q_SLOTS:
    // New rows were committed: look for due work soon (coalesced).
    void wake();

private:
    struct Claimed
    {
        OutboxItem item;
        QString claimToken;
    };
    void tick();
    void dispatch(Claimed claimed);
    void finished(QNetworkReply *reply, const Claimed &claimed);
    void record(const Claimed &claimed, int httpStatus, qint64 retryAfterMs, const QString &error,
                bool forceDead = false);
    void flush();
    void refreshCounts();
    bool write(const std::function<bool(OutboxRepository &, QString *)> &body, QString *error);
    QByteArray payload(const QString &rawRef, bool *retained, QString *error);
    QByteArray senderKey(const QString &tenant, QString *error);

    DeliveryConfig m_config;
    Database::Options m_dbOptions;
    const Vault &m_vault;
    std::shared_ptr<Stats> m_stats;
    StoreWriter *m_writer;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<OutboxRepository> m_outbox;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_poll{this}; // children: they move to the forwarder's thread with it
    QTimer m_wakeSoon{this};
    QTimer m_flushSoon{this};
    // The gauges' counts scan the backlog, so they are read less often while it is large: at
    // most 1 % of the time on counting.
    PacedRepeat m_counts{{.interval = std::chrono::seconds(1),
                          .costFactor = 100,
                          .longest = std::chrono::seconds(15)},
                         [this] { refreshCounts(); },
                         this};
    QString m_workerId;
    quint64 m_claimSeq = 0;
    int m_inFlight = 0;
    bool m_moreDue = false;
    bool m_stopping = false;
    QHash<QString, QList<OutboxOutcome>> m_outcomes; // by claim token, not yet written
    QHash<QString, QByteArray> m_senderKeys;
    // Recently decrypted payloads: the events of one WhatsApp batch share one payload.
    QHash<QString, QByteArray> m_payloads;
    QStringList m_payloadOrder;
};

} // namespace gerbang
