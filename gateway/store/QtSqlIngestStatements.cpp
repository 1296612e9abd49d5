// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtSqlIngestStatements.h"

#include "storage/AuditRepository.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

bool run(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

QtSqlIngestStatements::QtSqlIngestStatements(QSqlDatabase &db)
    : m_dedup(db)
    , m_raw(db)
    , m_event(db)
    , m_outbox(db)
    , m_audit(db)
{
}

bool QtSqlIngestStatements::prepare(QString *error)
{
    const bool ok = m_dedup.prepare(QString::fromLatin1(ingest_sql::kDedup)) &&
                    m_raw.prepare(QString::fromLatin1(ingest_sql::kRaw)) &&
                    m_event.prepare(QString::fromLatin1(ingest_sql::kEvent)) &&
                    m_outbox.prepare(QString::fromLatin1(ingest_sql::kOutbox)) &&
                    m_audit.prepare(AuditRepository::insertSql());
    if (!ok)
        *error = u"cannot prepare statements: %1 %2 %3 %4 %5"_s.arg(
            m_dedup.lastError().text(), m_raw.lastError().text(), m_event.lastError().text(),
            m_outbox.lastError().text(), m_audit.lastError().text());
    return ok;
}

bool QtSqlIngestStatements::claimDedupKey(const QString &tenant, const QString &key, qint64 nowMs,
                                          qint64 expiresAtMs, bool *fresh, QString *error)
{
    m_dedup.bindValue(0, tenant);
    m_dedup.bindValue(1, key);
    m_dedup.bindValue(2, nowMs);
    m_dedup.bindValue(3, expiresAtMs);
    if (!run(m_dedup, error))
        return false;
    *fresh = m_dedup.numRowsAffected() > 0;
    return true;
}

bool QtSqlIngestStatements::insertRawPayload(const RawPayloadRow &row, QString *error)
{
    m_raw.bindValue(0, row.id);
    m_raw.bindValue(1, row.receivedAtMs);
    m_raw.bindValue(2, row.keyIdHex);
    m_raw.bindValue(3, row.size);
    m_raw.bindValue(4, QString::fromLatin1(row.sha256Hex));
    m_raw.bindValue(5, row.sealed);
    return run(m_raw, error);
}

bool QtSqlIngestStatements::insertEvent(const EventRow &e, QString *error)
{
    m_event.bindValue(0, e.id);
    m_event.bindValue(1, e.tenant);
    m_event.bindValue(2, e.provider);
    m_event.bindValue(3, e.type);
    m_event.bindValue(4, e.providerEventId.isEmpty() ? QVariant() : QVariant(e.providerEventId));
    m_event.bindValue(5, e.dedupKey);
    m_event.bindValue(6, e.rawRef);
    m_event.bindValue(7, e.locator.isEmpty() ? QVariant() : QVariant(e.locator));
    m_event.bindValue(8, e.receivedAtMs);
    m_event.bindValue(9, e.occurredAtMs > 0 ? QVariant(e.occurredAtMs) : QVariant());
    m_event.bindValue(10, e.routingKey.isEmpty() ? QVariant() : QVariant(e.routingKey));
    return run(m_event, error);
}

bool QtSqlIngestStatements::insertOutbox(const QString &eventId, const QString &tenant,
                                         qint64 nowMs, QString *error)
{
    m_outbox.bindValue(0, eventId);
    m_outbox.bindValue(1, tenant);
    m_outbox.bindValue(2, nowMs);
    m_outbox.bindValue(3, nowMs);
    return run(m_outbox, error);
}

bool QtSqlIngestStatements::insertAudit(const AuditRecord &record, QString *error)
{
    AuditRepository::bindInsert(m_audit, record);
    return run(m_audit, error);
}

} // namespace gerbang
