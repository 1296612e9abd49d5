// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IngestStatements.h"

#include <QSqlQuery>

namespace gerbang {

// Portable, through QtSql: PostgreSQL, and SQLite where Qt carries its own SQLite. One
// multi-row statement per table and batch (MultiRowInsert), since on PostgreSQL every
// statement is a network round trip and a prepared one costs that per row.
class QtSqlIngestStatements final : public IngestStatements
{
public:
    explicit QtSqlIngestStatements(Database &db);

    bool claimDedupKeys(const std::vector<DedupClaim> &claims, qint64 nowMs, qint64 expiresAtMs,
                        std::vector<bool> *fresh, QString *error) override;
    bool insertRows(const IngestRows &rows, qint64 nowMs, QString *error) override;

    // A sealed payload larger than this is bound to a prepared statement instead of being
    // written into the SQL as a literal (twice its size in hex).
    static constexpr qsizetype kMaxLiteralPayload = 64 * 1024;

private:
    bool insertLargeRaw(const RawPayloadRow &row, QString *error);

    QSqlDatabase &m_db;
    const bool m_postgres;
    QSqlQuery m_largeRaw; // prepared when first needed
    bool m_largeRawPrepared = false;
};

} // namespace gerbang
