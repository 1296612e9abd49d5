// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditRepository.h"

#include "Database.h"
#include "audit/AuditChain.h"

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
    QString sql = u"SELECT "_s + selectColumns() + u" FROM audit_log"_s;
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
        const AuditRecord a = recordAt(q, 0, false);
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

QString AuditRepository::selectColumns()
{
    return u"id, received_at, source_ip, method, path, provider, tenant, outcome, "
           "signature_status, http_status, processing_us, body_size, raw_ref, event_ids, "
           "event_types, detail, user_agent, chain_id, chain_seq, row_hash"_s;
}

AuditRecord AuditRepository::recordAt(const QSqlQuery &q, int first, bool exact)
{
    // Exact: lists as stored, empty parts included, so that the canonical form of a row read
    // back is byte for byte the one that was hashed (a doubled comma is a change too).
    const auto list = [exact](const QString &text) {
        return exact ? text.split(u',') : splitList(text);
    };
    AuditRecord a;
    a.id = q.value(first + 0).toLongLong();
    a.receivedAtMs = q.value(first + 1).toLongLong();
    a.sourceIp = q.value(first + 2).toString();
    a.method = q.value(first + 3).toString();
    a.path = q.value(first + 4).toString();
    a.provider = q.value(first + 5).toString();
    a.tenant = q.value(first + 6).toString();
    a.outcome = q.value(first + 7).toString();
    a.signatureStatus = q.value(first + 8).toString();
    a.httpStatus = q.value(first + 9).toInt();
    a.processingUs = q.value(first + 10).toLongLong();
    a.bodySize = q.value(first + 11).toLongLong();
    a.rawRef = q.value(first + 12).toString();
    a.eventIds = list(q.value(first + 13).toString());
    a.eventTypes = list(q.value(first + 14).toString());
    a.detail = q.value(first + 15).toString();
    a.userAgent = q.value(first + 16).toString();
    a.chainId = q.value(first + 17).toString();
    a.chainSeq = q.value(first + 18).toLongLong();
    a.rowHash = q.value(first + 19).toByteArray();
    return a;
}

QString AuditRepository::insertHead()
{
    return u"INSERT INTO audit_log (received_at, source_ip, method, path, provider, tenant, "
           "outcome, signature_status, http_status, processing_us, body_size, raw_ref, "
           "event_ids, event_types, detail, user_agent, chain_id, chain_seq, row_hash) VALUES "_s;
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
        void blob(int n, const QByteArray &v) { q.bindValue(n - 1, v); }
    } binder{q};
    bindColumns(binder, a);
}

bool AuditRepository::append(const AuditRecord &record, qint64 nowMs, QString *error)
{
    AuditRecord sealed = record;
    return m_db.inWriteTransaction(error, [&] {
        if (!auditchain::append(m_db, std::span(&sealed, 1), nowMs, error))
            return false;
        QSqlQuery q(m_db.db());
        q.prepare(insertSql());
        bindInsert(q, sealed);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    });
}

} // namespace gerbang
