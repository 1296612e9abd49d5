// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/WebhookEvent.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace gerbang {

class Database;

// An accepted event waiting for (or done with) delivery to the core.
struct OutboxItem
{
    WebhookEvent event;
    QString state; // pending | delivered | dead
    int attempts = 0;
    qint64 createdAtMs = 0;
    qint64 nextAttemptAtMs = 0;
    int lastStatus = 0; // HTTP status of the last attempt, 0 when none answered
    QString lastError;
    qint64 finishedAtMs = 0;
};

// What one delivery attempt decided for a row.
struct OutboxOutcome
{
    QString eventId;
    QString state; // delivered | pending (retry at nextAttemptAtMs) | dead
    int attempts = 0;
    qint64 nextAttemptAtMs = 0;
    int lastStatus = 0;
    QString lastError;
};

struct OutboxCounts
{
    qint64 pending = 0;
    qint64 dead = 0;
};

// The durable hand-off queue. Rows are leased ("claimed") by one worker at a time, so that
// several workers, or several gateways sharing one PostgreSQL database, never deliver the same
// row at the same time; a worker that dies loses its lease when it expires.
// claim(), finish() and release() run inside the caller's write transaction (on SQLite the
// engine's single writer runs them, so they never contend with acknowledgements for the lock);
// requeue() and requeueDead() open their own.
class OutboxRepository
{
public:
    explicit OutboxRepository(Database &db)
        : m_db(db)
    {
    }

    // Leases up to `limit` due rows under `claimToken` (unique per claim) until now + leaseMs.
    QList<OutboxItem> claim(const QString &claimToken, qint64 nowMs, qint64 leaseMs, int limit,
                            QString *error);
    // Records the outcomes of claimed rows (and mirrors the state into events.delivery_state).
    // A row whose lease was taken over by another worker meanwhile is left to that worker.
    bool finish(const QString &claimToken, const QList<OutboxOutcome> &outcomes, qint64 nowMs,
                QString *error);
    // Gives back every lease whose token starts with `tokenPrefix` (a worker stopping), so
    // that the rows are delivered again at once rather than when the lease expires.
    bool release(const QString &tokenPrefix, QString *error);
    std::optional<OutboxCounts> counts(QString *error) const;
    // When the oldest event not yet delivered (pending, retried or not) was accepted; 0 when
    // every event is delivered or dead.
    std::optional<qint64> oldestPendingMs(QString *error) const;
    // Newest first.
    QList<OutboxItem> list(const QString &state, int limit, QString *error) const;
    std::optional<OutboxItem> find(const QString &eventId, QString *error) const;
    // Puts events back for immediate delivery with a fresh attempt count (replay), creating the
    // outbox row when retention already removed it. Returns how many were queued, -1 on error.
    int requeue(const QStringList &eventIds, qint64 nowMs, QString *error);
    // Dead letters back to pending with a fresh attempt count, in one transaction that checks
    // each row is still dead as it changes it: a row delivered or replayed by someone else
    // meanwhile is never queued twice. `eventIds` empty: every dead letter. `notDead` gets the
    // ids asked for that are not dead letters; with `allOrNothing`, any such id changes
    // nothing. Returns the ids queued (empty with `error` set on failure).
    QStringList requeueDead(const QStringList &eventIds, bool allOrNothing, qint64 nowMs,
                            QStringList *notDead, QString *error);

private:
    Database &m_db;
};

} // namespace gerbang
