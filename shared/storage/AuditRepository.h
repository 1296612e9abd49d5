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

    // Appends one row (used outside the engine's store thread, e.g. to audit a replay).
    bool append(const AuditRecord &record, QString *error);
    // The one INSERT statement and its bindings, shared with the engine's prepared statement.
    static QString insertSql();
    static void bindInsert(QSqlQuery &q, const AuditRecord &record);

private:
    Database &m_db;
};

} // namespace gerbang
