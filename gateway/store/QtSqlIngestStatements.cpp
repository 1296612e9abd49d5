// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtSqlIngestStatements.h"

#include "MultiRowInsert.h"
#include "StatementScript.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <QHash>
#include <QSet>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

MultiRowInsert multiRow(QSqlDatabase &db, const ingest_sql::Insert &insert, QString tail = {})
{
    return MultiRowInsert(db, QString::fromLatin1(insert.head), insert.columns,
                          QString::fromLatin1(insert.tail) + tail);
}

template <typename Rows, typename Bind>
bool insertAll(MultiRowInsert &insert, const Rows &rows, const Bind &bind, QString *error)
{
    for (const auto &row : rows) {
        bind(insert, row);
        if (!insert.endRow(error))
            return false;
    }
    return insert.finish(error);
}

// In the form the database stores and returns, so that keys the database cannot tell apart
// are one key here too.
QString claimId(const QString &tenant, const QString &key)
{
    return MultiRowInsert::storable(tenant) + u'\n' + MultiRowInsert::storable(key);
}

} // namespace

QtSqlIngestStatements::QtSqlIngestStatements(Database &db)
    : IngestStatements(db)
    , m_db(db.db())
    , m_postgres(db.isPostgres())
    , m_largeRaw(db.db())
{
}

bool QtSqlIngestStatements::claimDedupKeys(const std::vector<DedupClaim> &claims, qint64 nowMs,
                                           qint64 expiresAtMs, std::vector<bool> *fresh,
                                           QString *error)
{
    fresh->assign(claims.size(), false);
    // One statement may not touch a row twice (PostgreSQL refuses: "ON CONFLICT DO UPDATE
    // command cannot affect row a second time"), so each key is sent once; its later claims
    // in the batch are duplicates whatever the database says about the first.
    QHash<QString, size_t> first;
    first.reserve(qsizetype(claims.size()));
    MultiRowInsert dedup = multiRow(m_db, ingest_sql::kDedup, u" RETURNING tenant_id, key"_s);
    if (m_postgres) {
        // Another gateway on the same PostgreSQL may claim the same keys in another order: the
        // keys' locks first, in a fixed order, in the claim's round trip.
        QStringList keys;
        keys.reserve(qsizetype(claims.size()));
        for (const DedupClaim &c : claims)
            keys << c.tenant + u'\n' + c.key;
        dedup.setPrelude(Database::lockKeysStatement(keys));
    }
    QSet<QString> claimed; // inserted, or taken over from an expired claim
    dedup.onResult = [&claimed](QSqlQuery &q) {
        while (q.next())
            claimed.insert(claimId(q.value(0).toString(), q.value(1).toString()));
    };
    for (size_t i = 0; i < claims.size(); ++i) {
        QString id = claimId(claims[i].tenant, claims[i].key);
        if (first.contains(id))
            continue;
        first.insert(std::move(id), i);
        ingest_sql::bindDedup(dedup, claims[i], nowMs, expiresAtMs);
        if (!dedup.endRow(error))
            return false;
    }
    if (!dedup.finish(error))
        return false;
    for (auto it = first.cbegin(); it != first.cend(); ++it)
        (*fresh)[it.value()] = claimed.contains(it.key());
    return true;
}

bool QtSqlIngestStatements::insertRows(const IngestRows &rows, qint64 nowMs, QString *error)
{
    // On PostgreSQL the four tables' statements go in one round trip (raw payloads first: the
    // events refer to them).
    StatementScript script(m_db);
    StatementScript *const joined = m_postgres ? &script : nullptr;
    MultiRowInsert raws = multiRow(m_db, ingest_sql::kRaw);
    raws.setScript(joined);
    for (const RawPayloadRow &r : rows.raws) {
        if (r.sealed.size() > kMaxLiteralPayload) {
            if (!insertLargeRaw(r, error))
                return false;
            continue;
        }
        ingest_sql::bindRaw(raws, r);
        if (!raws.endRow(error))
            return false;
    }
    if (!raws.finish(error))
        return false;

    MultiRowInsert events = multiRow(m_db, ingest_sql::kEvent);
    MultiRowInsert outbox = multiRow(m_db, ingest_sql::kOutbox);
    MultiRowInsert audits(m_db, AuditRepository::insertHead(), AuditRepository::kInsertColumns);
    for (MultiRowInsert *insert : {&events, &outbox, &audits})
        insert->setScript(joined);
    const auto bindEvent = [](MultiRowInsert &b, const EventRow &e) {
        ingest_sql::bindEvent(b, e);
    };
    const auto bindOutbox = [nowMs](MultiRowInsert &b, const EventRow &e) {
        ingest_sql::bindOutbox(b, e, nowMs);
    };
    const auto bindAudit = [](MultiRowInsert &b, const AuditRecord &a) {
        AuditRepository::bindColumns(b, a);
    };
    return insertAll(events, rows.events, bindEvent, error) &&
           insertAll(outbox, rows.events, bindOutbox, error) &&
           insertAll(audits, rows.audits, bindAudit, error) && script.run(error);
}

bool QtSqlIngestStatements::insertLargeRaw(const RawPayloadRow &row, QString *error)
{
    if (!m_largeRawPrepared) {
        if (!m_largeRaw.prepare(ingest_sql::singleRow(ingest_sql::kRaw))) {
            *error = m_largeRaw.lastError().text();
            return false;
        }
        m_largeRawPrepared = true;
    }
    // QtSql binds a null QString as SQL NULL; these columns are NOT NULL and never empty.
    struct Binder
    {
        QSqlQuery &q;
        void text(int n, const QString &v) { q.bindValue(n - 1, v); }
        void integer(int n, qint64 v) { q.bindValue(n - 1, v); }
        void latin1(int n, const QByteArray &v) { q.bindValue(n - 1, QString::fromLatin1(v)); }
        void blob(int n, const QByteArray &v) { q.bindValue(n - 1, v); }
    } binder{m_largeRaw};
    ingest_sql::bindRaw(binder, row);
    if (m_largeRaw.exec())
        return true;
    *error = m_largeRaw.lastError().text();
    return false;
}

} // namespace gerbang
