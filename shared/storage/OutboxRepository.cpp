// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboxRepository.h"

#include "Database.h"
#include "EventRepository.h"
#include "domain/Vocabulary.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Events joined to their outbox rows: the event's columns first, then the outbox's.
QString selectItems()
{
    return u"SELECT "_s + EventRepository::columns(u"e."_s) +
           u", o.state, o.attempts, o.created_at, o.next_attempt_at, o.last_status, "
           "o.last_error, o.finished_at FROM outbox o JOIN events e ON e.id = o.event_id"_s;
}

OutboxItem fromRow(const QSqlQuery &q)
{
    OutboxItem item;
    item.event = EventRepository::fromRow(q);
    item.state = q.value(12).toString();
    item.attempts = q.value(13).toInt();
    item.createdAtMs = q.value(14).toLongLong();
    item.nextAttemptAtMs = q.value(15).toLongLong();
    item.lastStatus = q.value(16).toInt();
    item.lastError = q.value(17).toString();
    item.finishedAtMs = q.value(18).isNull() ? 0 : q.value(18).toLongLong();
    return item;
}

bool isPostgres(Database &db)
{
    return db.db().driverName() == u"QPSQL"_s;
}

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

QList<OutboxItem> OutboxRepository::claim(const QString &claimToken, qint64 nowMs, qint64 leaseMs,
                                          int limit, QString *error)
{
    QList<OutboxItem> items;
    // PostgreSQL: rows another gateway is claiming right now are skipped, not waited for.
    const QString lock = isPostgres(m_db) ? u" FOR UPDATE SKIP LOCKED"_s : QString();
    QSqlQuery q(m_db.db());
    q.prepare(u"UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE event_id IN "
              "(SELECT event_id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
              "AND (claimed_until IS NULL OR claimed_until < ?) "
              "ORDER BY next_attempt_at LIMIT ?"_s +
              lock + u")"_s);
    q.addBindValue(claimToken);
    q.addBindValue(nowMs + leaseMs);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(limit);
    if (!run(q, error) || q.numRowsAffected() <= 0)
        return items;
    QSqlQuery s(m_db.db());
    s.prepare(selectItems() + u" WHERE o.claimed_by = ? ORDER BY o.next_attempt_at"_s);
    s.addBindValue(claimToken);
    if (!run(s, error))
        return items;
    while (s.next())
        items << fromRow(s);
    return items;
}

bool OutboxRepository::finish(const QString &claimToken, const QList<OutboxOutcome> &outcomes,
                              qint64 nowMs, QString *error)
{
    if (outcomes.isEmpty())
        return true;
    {
        QSqlQuery o(m_db.db());
        o.prepare(u"UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, "
                  "last_status = ?, last_error = ?, finished_at = ?, claimed_by = NULL, "
                  "claimed_until = NULL WHERE event_id = ? AND claimed_by = ?"_s);
        QSqlQuery e(m_db.db());
        e.prepare(u"UPDATE events SET delivery_state = ? WHERE id = ?"_s);
        for (const OutboxOutcome &out : outcomes) {
            const bool final = out.state != wire(DeliveryState::Pending);
            o.bindValue(0, out.state);
            o.bindValue(1, out.attempts);
            o.bindValue(2, out.nextAttemptAtMs);
            o.bindValue(3, out.lastStatus > 0 ? QVariant(out.lastStatus) : QVariant());
            o.bindValue(4, out.lastError.isEmpty() ? QVariant() : QVariant(out.lastError));
            o.bindValue(5, final ? QVariant(nowMs) : QVariant());
            o.bindValue(6, out.eventId);
            o.bindValue(7, claimToken);
            if (!run(o, error))
                return false;
            if (o.numRowsAffected() <= 0)
                continue; // the lease expired and another worker owns the row now
            e.bindValue(0, out.state);
            e.bindValue(1, out.eventId);
            if (!run(e, error))
                return false;
        }
        return true;
    }
}

bool OutboxRepository::release(const QString &tokenPrefix, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(u"UPDATE outbox SET claimed_by = NULL, claimed_until = NULL "
              "WHERE state = 'pending' AND substr(claimed_by, 1, ?) = ?"_s);
    q.addBindValue(int(tokenPrefix.size()));
    q.addBindValue(tokenPrefix);
    return run(q, error);
}

std::optional<OutboxCounts> OutboxRepository::counts(QString *error) const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT (SELECT COUNT(*) FROM outbox WHERE state = 'pending'), "
                "(SELECT COUNT(*) FROM outbox WHERE state = 'dead')"_s) ||
        !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return OutboxCounts{q.value(0).toLongLong(), q.value(1).toLongLong()};
}

std::optional<qint64> OutboxRepository::oldestPendingMs(QString *error) const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT MIN(created_at) FROM outbox WHERE state = 'pending'"_s) || !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

QList<OutboxItem> OutboxRepository::list(const QString &state, int limit, QString *error) const
{
    QList<OutboxItem> items;
    QSqlQuery q(m_db.db());
    q.prepare(selectItems() +
              u" WHERE o.state = ? ORDER BY o.created_at DESC, o.event_id DESC LIMIT ?"_s);
    q.addBindValue(state);
    q.addBindValue(limit > 0 ? limit : 1000000);
    if (!run(q, error))
        return items;
    while (q.next())
        items << fromRow(q);
    return items;
}

std::optional<OutboxItem> OutboxRepository::find(const QString &eventId, QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(selectItems() + u" WHERE o.event_id = ?"_s);
    q.addBindValue(eventId);
    if (!run(q, error) || !q.next())
        return std::nullopt;
    return fromRow(q);
}

int OutboxRepository::requeue(const QStringList &eventIds, qint64 nowMs, QString *error)
{
    int queued = 0;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QSqlQuery up(m_db.db());
        up.prepare(u"INSERT INTO outbox (event_id, tenant_id, created_at, next_attempt_at) "
                   "SELECT id, tenant_id, ?, ? FROM events WHERE id = ? "
                   "ON CONFLICT (event_id) DO UPDATE SET state = 'pending', attempts = 0, "
                   "next_attempt_at = excluded.next_attempt_at, claimed_by = NULL, "
                   "claimed_until = NULL, last_status = NULL, last_error = NULL, "
                   "finished_at = NULL"_s);
        QSqlQuery ev(m_db.db());
        ev.prepare(u"UPDATE events SET delivery_state = 'pending' WHERE id = ?"_s);
        for (const QString &id : eventIds) {
            up.bindValue(0, nowMs);
            up.bindValue(1, nowMs);
            up.bindValue(2, id);
            if (!run(up, error))
                return false;
            if (up.numRowsAffected() <= 0)
                continue; // no such event
            ev.bindValue(0, id);
            if (!run(ev, error))
                return false;
            ++queued;
        }
        return true;
    });
    return ok ? queued : -1;
}

QStringList OutboxRepository::requeueDead(const QStringList &eventIds, bool allOrNothing,
                                          qint64 nowMs, QStringList *notDead, QString *error)
{
    QStringList queued;
    bool refused = false;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QStringList asked = eventIds;
        if (asked.isEmpty()) {
            QSqlQuery all(m_db.db());
            all.prepare(u"SELECT event_id FROM outbox WHERE state = ? ORDER BY created_at"_s);
            all.addBindValue(wire(DeliveryState::Dead));
            if (!run(all, error))
                return false;
            while (all.next())
                asked << all.value(0).toString();
        }
        // The state condition makes the check and the change one statement.
        QSqlQuery up(m_db.db());
        up.prepare(u"UPDATE outbox SET state = ?, attempts = 0, next_attempt_at = ?, "
                   "claimed_by = NULL, claimed_until = NULL, last_status = NULL, "
                   "last_error = NULL, finished_at = NULL WHERE event_id = ? AND state = ?"_s);
        QSqlQuery ev(m_db.db());
        ev.prepare(u"UPDATE events SET delivery_state = ? WHERE id = ?"_s);
        for (const QString &id : std::as_const(asked)) {
            up.bindValue(0, wire(DeliveryState::Pending));
            up.bindValue(1, nowMs);
            up.bindValue(2, id);
            up.bindValue(3, wire(DeliveryState::Dead));
            if (!run(up, error))
                return false;
            if (up.numRowsAffected() <= 0) {
                *notDead << id;
                continue;
            }
            ev.bindValue(0, wire(DeliveryState::Pending));
            ev.bindValue(1, id);
            if (!run(ev, error))
                return false;
            queued << id;
        }
        if (allOrNothing && !notDead->isEmpty()) {
            refused = true;
            *error = u"not a dead letter: %1"_s.arg(notDead->join(u", "_s));
            return false; // rolls back what was queued
        }
        return true;
    });
    if (!ok) {
        queued.clear();
        if (!refused)
            notDead->clear(); // a database error: nothing is known of the rest
    }
    return queued;
}

} // namespace gerbang
