// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteIngestStatements.h"

#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <QSqlDriver>
#include <QVariant>
#include <array>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Binds one statement's parameters, keeping the UTF-8 copies alive until it has run, so that
// SQLite can use them in place (SQLITE_STATIC) instead of copying them again.
class Binder
{
public:
    explicit Binder(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {
    }
    // NOT NULL text columns: a null QString is stored as ''.
    void text(int index, const QString &value) { utf8(index, value.toUtf8()); }
    void textOrNull(int index, const QString &value)
    {
        if (value.isEmpty())
            sqlite3_bind_null(m_stmt, index);
        else
            text(index, value);
    }
    void latin1(int index, const QByteArray &value) { utf8(index, value); }
    void integer(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void integerOrNull(int index, qint64 value)
    {
        if (value > 0)
            integer(index, value);
        else
            sqlite3_bind_null(m_stmt, index);
    }
    void blob(int index, const QByteArray &value)
    {
        sqlite3_bind_blob64(m_stmt, index, value.constData(), sqlite3_uint64(value.size()),
                            SQLITE_STATIC);
    }

private:
    void utf8(int index, QByteArray bytes)
    {
        Q_ASSERT(m_used < m_kept.size());
        QByteArray &kept = m_kept[m_used++];
        kept = std::move(bytes);
        sqlite3_bind_text64(m_stmt, index, kept.constData(), sqlite3_uint64(kept.size()),
                            SQLITE_STATIC, SQLITE_UTF8);
    }
    sqlite3_stmt *m_stmt;
    std::array<QByteArray, 16> m_kept;
    size_t m_used = 0;
};

} // namespace

SqliteIngestStatements::SqliteIngestStatements(Database &database, sqlite3 *db)
    : IngestStatements(database)
    , m_db(db)
{
}

SqliteIngestStatements::~SqliteIngestStatements()
{
    for (sqlite3_stmt *s : {m_dedup, m_raw, m_event, m_outbox, m_audit})
        sqlite3_finalize(s); // a no-op on null
}

sqlite3 *SqliteIngestStatements::handleOf(Database &db)
{
    if (db.isPostgres() || !db.db().driver())
        return nullptr;
    const QVariant handle = db.db().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteIngestStatements::prepare(QString *error)
{
    const auto prepareOne = [&](const QString &sql, sqlite3_stmt **stmt) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                               stmt, nullptr) == SQLITE_OK)
            return true;
        *error = u"cannot prepare statements: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return false;
    };
    return prepareOne(ingest_sql::singleRow(ingest_sql::kDedup), &m_dedup) &&
           prepareOne(ingest_sql::singleRow(ingest_sql::kRaw), &m_raw) &&
           prepareOne(ingest_sql::singleRow(ingest_sql::kEvent), &m_event) &&
           prepareOne(ingest_sql::singleRow(ingest_sql::kOutbox), &m_outbox) &&
           prepareOne(AuditRepository::insertSql(), &m_audit);
}

bool SqliteIngestStatements::run(sqlite3_stmt *stmt, QString *error)
{
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt); // the bound buffers die with the Binder
    if (rc == SQLITE_DONE)
        return true;
    *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteIngestStatements::claimDedupKeys(const std::vector<DedupClaim> &claims, qint64 nowMs,
                                            qint64 expiresAtMs, std::vector<bool> *fresh,
                                            QString *error)
{
    // Row by row in one transaction: a key claimed earlier in the call is already there, so
    // its second claim changes nothing and is not fresh.
    fresh->assign(claims.size(), false);
    for (size_t i = 0; i < claims.size(); ++i) {
        Binder b(m_dedup);
        ingest_sql::bindDedup(b, claims[i], nowMs, expiresAtMs);
        if (!run(m_dedup, error))
            return false;
        (*fresh)[i] = sqlite3_changes(m_db) > 0;
    }
    return true;
}

bool SqliteIngestStatements::insertRows(const IngestRows &rows, qint64 nowMs, QString *error)
{
    const auto each = [&](sqlite3_stmt *stmt, const auto &list, const auto &bind) {
        for (const auto &row : list) {
            Binder b(stmt);
            bind(b, row);
            if (!run(stmt, error))
                return false;
        }
        return true;
    };
    return each(m_raw, rows.raws,
                [](Binder &b, const RawPayloadRow &r) { ingest_sql::bindRaw(b, r); }) &&
           each(m_event, rows.events,
                [](Binder &b, const EventRow &e) { ingest_sql::bindEvent(b, e); }) &&
           each(m_outbox, rows.events,
                [nowMs](Binder &b, const EventRow &e) { ingest_sql::bindOutbox(b, e, nowMs); }) &&
           each(m_audit, rows.audits,
                [](Binder &b, const AuditRecord &a) { AuditRepository::bindColumns(b, a); });
}

} // namespace gerbang
