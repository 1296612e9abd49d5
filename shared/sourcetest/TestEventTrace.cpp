// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestEventTrace.h"

#include "domain/TestEvent.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

QJsonObject TestEventTrace::toJson() const
{
    return {{u"audited"_s, audited},
            {u"outcome"_s, outcome},
            {u"signature_status"_s, signatureStatus},
            {u"tenant"_s, tenant},
            {u"http_status"_s, httpStatus},
            {u"event_id"_s, eventId},
            {u"delivery_state"_s, deliveryState},
            {u"attempts"_s, attempts},
            {u"last_status"_s, lastStatus},
            {u"last_error"_s, lastError}};
}

TestEventTrace TestEventTrace::fromJson(const QJsonObject &o)
{
    TestEventTrace t;
    t.audited = o.value(u"audited"_s).toBool();
    t.outcome = o.value(u"outcome"_s).toString();
    t.signatureStatus = o.value(u"signature_status"_s).toString();
    t.tenant = o.value(u"tenant"_s).toString();
    t.httpStatus = o.value(u"http_status"_s).toInt();
    t.eventId = o.value(u"event_id"_s).toString();
    t.deliveryState = o.value(u"delivery_state"_s).toString();
    t.attempts = o.value(u"attempts"_s).toInt();
    t.lastStatus = o.value(u"last_status"_s).toInt();
    t.lastError = o.value(u"last_error"_s).toString();
    return t;
}

std::optional<TestEventTrace> traceTestEvent(Database &db, const QString &testId, qint64 sinceMs,
                                             QString *error)
{
    TestEventTrace t;
    QSqlQuery q(db.db());
    q.setForwardOnly(true);
    // The id is the detail's "test", and the time bound keeps the search to the last minutes of
    // the log. Only an id of newId()'s shape is looked for (it needs no escaping in LIKE).
    if (!testevent::isId(testId))
        return t;
    q.prepare(u"SELECT "_s + AuditRepository::selectColumns() +
              u" FROM audit_log WHERE received_at >= ? AND detail LIKE ? ORDER BY id DESC "
              "LIMIT 1"_s);
    q.addBindValue(sinceMs);
    q.addBindValue(testevent::auditDetailPattern(testId));
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return t;
    const AuditRecord a = AuditRepository::recordAt(q, 0, false);
    q.finish();
    t.audited = true;
    t.outcome = a.outcome;
    t.signatureStatus = a.signatureStatus;
    t.tenant = a.tenant;
    t.httpStatus = a.httpStatus;
    t.eventId = a.eventIds.value(0);
    if (t.eventId.isEmpty())
        return t;
    const std::optional<OutboxItem> item = OutboxRepository(db).find(t.eventId, error);
    if (!item)
        return error->isEmpty() ? std::optional(t) : std::nullopt;
    t.deliveryState = item->state;
    t.attempts = item->attempts;
    t.lastStatus = item->lastStatus;
    t.lastError = item->lastError;
    return t;
}

} // namespace gerbang
