// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <utility>

class QSqlQuery;

namespace gerbang {

class Database;

// Which audit rows to read. Empty strings and unset bounds match everything.
struct AuditFilter
{
    std::optional<qint64> fromMs; // received_at >= fromMs
    std::optional<qint64> toMs;   // received_at <= toMs (inclusive)
    QString tenant;               // matches one of the row's comma-separated tenant ids
    QString provider;
    QString outcome;
    QString signatureStatus;
    QString sourceIp;
    QString eventIdContains; // a substring of one of the row's event ids
    // Keyset paging: only rows after this (received_at, id) in the chosen order, so a page
    // costs the same on row 1,000,000 as on row 1 (no OFFSET).
    std::optional<std::pair<qint64, qint64>> after;
    int limit = 100; // 0: no limit
    bool newestFirst = true;
};

// Read side of the audit log (the engine writes it). Rows come back newest first by default,
// with the row id breaking ties between requests received in the same millisecond.
class AuditRepository
{
public:
    explicit AuditRepository(Database &db)
        : m_db(db)
    {
    }

    QList<AuditRecord> list(const AuditFilter &filter, QString *error) const;
    // Streams matching rows to `visit` without holding them all (exports can span a year of
    // traffic); stops early when `visit` returns false.
    bool forEach(const AuditFilter &filter, const std::function<bool(const AuditRecord &)> &visit,
                 QString *error) const;

    // Appends one row to this connection's audit chain (used outside the engine's store
    // thread, e.g. to audit a replay), in the caller's transaction if there is one.
    bool append(const AuditRecord &record, qint64 nowMs, QString *error);
    // The columns of a row, in the order recordAt() reads them from position `first` on.
    static QString selectColumns();
    // `exact`: event lists as stored (empty parts kept), for hashing what was read.
    static AuditRecord recordAt(const QSqlQuery &q, int first, bool exact);
    // The one INSERT statement and its bindings, shared with the engine's prepared statement.
    static QString insertSql();
    // insertSql() up to VALUES, and how many values a row has: for multi-row statements.
    static QString insertHead();
    static constexpr int kInsertColumns = 19;
    static void bindInsert(QSqlQuery &q, const AuditRecord &record);
    // The values of insertSql()'s parameters (numbered from 1) through any binder with
    // text(n, QString) for NOT NULL columns (a null string is stored as ''),
    // textOrNull(n, QString) (an empty string is NULL), integer(n, qint64) and
    // blob(n, QByteArray): the one
    // place that knows the column order, for QtSql and for SQLite's C API alike.
    template <typename Binder> static void bindColumns(Binder &b, const AuditRecord &a)
    {
        b.integer(1, a.receivedAtMs);
        b.text(2, a.sourceIp);
        b.text(3, a.method);
        b.text(4, a.path);
        b.text(5, a.provider);
        b.text(6, a.tenant);
        b.text(7, a.outcome);
        b.text(8, a.signatureStatus);
        b.integer(9, a.httpStatus);
        b.integer(10, a.processingUs);
        b.integer(11, a.bodySize);
        b.textOrNull(12, a.rawRef);
        b.text(13, a.eventIds.join(u','));
        b.text(14, a.eventTypes.join(u','));
        b.text(15, a.detail);
        b.text(16, a.userAgent);
        b.text(17, a.chainId);
        b.integer(18, a.chainSeq);
        b.blob(19, a.rowHash);
    }

private:
    Database &m_db;
};

} // namespace gerbang
