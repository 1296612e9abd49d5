// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace gerbang {

QString EventRepository::columns(const QString &alias)
{
    // A function-local static: other files' statics may call this during start-up.
    static const QStringList names = {
        u"id"_s,          u"tenant_id"_s,         u"provider"_s,
        u"type"_s,        u"provider_event_id"_s, u"dedup_key"_s,
        u"raw_ref"_s,     u"locator"_s,           u"received_at"_s,
        u"occurred_at"_s, u"routing_key"_s,       u"delivery_state"_s};
    QStringList out;
    for (const QString &c : names)
        out << alias + c;
    return out.join(u", "_s);
}

WebhookEvent EventRepository::fromRow(const QSqlQuery &q, int first)
{
    WebhookEvent e;
    e.id = q.value(first + 0).toString();
    e.tenant = q.value(first + 1).toString();
    e.provider = q.value(first + 2).toString();
    e.type = q.value(first + 3).toString();
    e.providerEventId = q.value(first + 4).toString();
    e.dedupKey = q.value(first + 5).toString();
    e.rawRef = q.value(first + 6).toString();
    e.locator = q.value(first + 7).toString();
    e.receivedAtMs = q.value(first + 8).toLongLong();
    e.occurredAtMs = q.value(first + 9).isNull() ? 0 : q.value(first + 9).toLongLong();
    e.routingKey = q.value(first + 10).toString();
    e.deliveryState = q.value(first + 11).toString();
    return e;
}

QList<WebhookEvent> EventRepository::list(const EventFilter &filter, QString *error) const
{
    QStringList where;
    QVariantList binds;
    auto equals = [&](const QString &column, const QString &value) {
        if (value.isEmpty())
            return;
        where << column + u" = ?"_s;
        binds << value;
    };
    equals(u"tenant_id"_s, filter.tenant);
    equals(u"provider"_s, filter.provider);
    equals(u"type"_s, filter.type);
    equals(u"delivery_state"_s, filter.deliveryState);
    if (filter.fromMs) {
        where << u"received_at >= ?"_s;
        binds << *filter.fromMs;
    }
    if (filter.toMs) {
        where << u"received_at <= ?"_s;
        binds << *filter.toMs;
    }
    QString sql = u"SELECT "_s + columns() + u" FROM events"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    // The ids are random, so insertion order (SQLite's rowid, PostgreSQL's seq column) is the
    // tie-breaker within a millisecond.
    sql += m_db.isPostgres() ? u" ORDER BY received_at DESC, seq DESC"_s
                             : u" ORDER BY received_at DESC, rowid DESC"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1"_s.arg(filter.limit);

    QList<WebhookEvent> out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return out;
    }
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << fromRow(q);
    return out;
}

std::optional<WebhookEvent> EventRepository::find(const QString &id, QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(u"SELECT "_s + columns() + u" FROM events WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

bool EventRepository::rawRetained(const WebhookEvent &event, QString *error) const
{
    if (event.rawRef.isEmpty())
        return false;
    QSqlQuery q(m_db.db());
    q.prepare(u"SELECT 1 FROM raw_payloads WHERE id = ?"_s);
    q.addBindValue(event.rawRef);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return q.next();
}

QByteArray EventRepository::sealedRaw(const QString &rawRef, QString *error) const
{
    if (rawRef.isEmpty())
        return {};
    QSqlQuery q(m_db.db());
    q.prepare(u"SELECT ciphertext FROM raw_payloads WHERE id = ?"_s);
    q.addBindValue(rawRef);
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

} // namespace gerbang
