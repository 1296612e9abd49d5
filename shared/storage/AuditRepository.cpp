// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QStringList splitList(const QString &text)
{
    return text.split(u',', Qt::SkipEmptyParts);
}

} // namespace

bool AuditRepository::forEach(const AuditFilter &filter,
                              const std::function<bool(const AuditRecord &)> &visit,
                              QString *error) const
{
    QStringList where;
    QVariantList binds;
    if (filter.fromMs) {
        where << u"received_at >= ?"_s;
        binds << *filter.fromMs;
    }
    if (filter.toMs) {
        where << u"received_at <= ?"_s;
        binds << *filter.toMs;
    }
    if (!filter.tenant.isEmpty()) {
        // `tenant` holds every tenant a request touched, comma-separated; a substring search
        // rather than LIKE because '_' is legal in tenant ids and would act as a wildcard.
        where << (m_db.isPostgres()
                      ? u"strpos(',' || tenant || ',', ',' || CAST(? AS TEXT) || ',') > 0"_s
                      : u"instr(',' || tenant || ',', ',' || ? || ',') > 0"_s);
        binds << filter.tenant;
    }
    if (!filter.provider.isEmpty()) {
        where << u"provider = ?"_s;
        binds << filter.provider;
    }
    if (!filter.outcome.isEmpty()) {
        where << u"outcome = ?"_s;
        binds << filter.outcome;
    }
    if (!filter.signatureStatus.isEmpty()) {
        where << u"signature_status = ?"_s;
        binds << filter.signatureStatus;
    }
    if (!filter.sourceIp.isEmpty()) {
        where << u"source_ip = ?"_s;
        binds << filter.sourceIp;
    }
    if (!filter.eventIdContains.isEmpty()) {
        where << (m_db.isPostgres() ? u"strpos(event_ids, CAST(? AS TEXT)) > 0"_s
                                    : u"instr(event_ids, ?) > 0"_s);
        binds << filter.eventIdContains;
    }
    if (filter.after) {
        where << (filter.newestFirst ? u"(received_at < ? OR (received_at = ? AND id < ?))"_s
                                     : u"(received_at > ? OR (received_at = ? AND id > ?))"_s);
        binds << filter.after->first << filter.after->first << filter.after->second;
    }
    QString sql = u"SELECT id, received_at, source_ip, method, path, provider, tenant, outcome, "
                  "signature_status, http_status, processing_us, body_size, raw_ref, event_ids, "
                  "event_types, detail FROM audit_log"_s;
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    sql += filter.newestFirst ? u" ORDER BY received_at DESC, id DESC"_s
                              : u" ORDER BY received_at ASC, id ASC"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1"_s.arg(filter.limit);

    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        AuditRecord a;
        a.id = q.value(0).toLongLong();
        a.receivedAtMs = q.value(1).toLongLong();
        a.sourceIp = q.value(2).toString();
        a.method = q.value(3).toString();
        a.path = q.value(4).toString();
        a.provider = q.value(5).toString();
        a.tenant = q.value(6).toString();
        a.outcome = q.value(7).toString();
        a.signatureStatus = q.value(8).toString();
        a.httpStatus = q.value(9).toInt();
        a.processingUs = q.value(10).toLongLong();
        a.bodySize = q.value(11).toLongLong();
        a.rawRef = q.value(12).toString();
        a.eventIds = splitList(q.value(13).toString());
        a.eventTypes = splitList(q.value(14).toString());
        a.detail = q.value(15).toString();
        if (!visit(a))
            break;
    }
    if (q.lastError().isValid()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

QList<AuditRecord> AuditRepository::list(const AuditFilter &filter, QString *error) const
{
    QList<AuditRecord> out;
    if (!forEach(
            filter,
            [&out](const AuditRecord &a) {
                out << a;
                return true;
            },
            error))
        return {};
    return out;
}

QString AuditRepository::insertHead()
{
    return u"INSERT INTO audit_log (received_at, source_ip, method, path, provider, tenant, "
           "outcome, signature_status, http_status, processing_us, body_size, raw_ref, "
           "event_ids, event_types, detail) VALUES "_s;
}

QString AuditRepository::insertSql()
{
    QStringList placeholders(kInsertColumns, u"?"_s);
    return insertHead() + u'(' + placeholders.join(u", "_s) + u')';
}

void AuditRepository::bindInsert(QSqlQuery &q, const AuditRecord &a)
{
    // QtSql binds a null QString as SQL NULL; text columns of the audit log are NOT NULL.
    struct QtSqlBinder
    {
        QSqlQuery &q;
        void text(int n, const QString &s) { q.bindValue(n - 1, s.isNull() ? QString(u""_s) : s); }
        void textOrNull(int n, const QString &s)
        {
            q.bindValue(n - 1, s.isEmpty() ? QVariant() : QVariant(s));
        }
        void integer(int n, qint64 v) { q.bindValue(n - 1, v); }
    } binder{q};
    bindColumns(binder, a);
}

bool AuditRepository::append(const AuditRecord &record, QString *error)
{
    QSqlQuery q(m_db.db());
    q.prepare(insertSql());
    bindInsert(q, record);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace gerbang
