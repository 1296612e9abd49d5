// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IngestStatements.h"

struct sqlite3;
struct sqlite3_stmt;

namespace gerbang {

// SQLite's C API on the QtSql connection's own handle (same thread, same transaction), row
// by row with persistent prepared statements. Strings are bound as UTF-8, the database's
// encoding, so SQLite never converts them.
class SqliteIngestStatements final : public IngestStatements
{
public:
    SqliteIngestStatements(Database &database, sqlite3 *db);
    ~SqliteIngestStatements() override;
    SqliteIngestStatements(const SqliteIngestStatements &) = delete;
    SqliteIngestStatements &operator=(const SqliteIngestStatements &) = delete;

    // The sqlite3 handle behind a QSQLITE connection, or null (PostgreSQL). Built only where
    // the Qt driver and Gerbang share one SQLite library (GERBANG_SQLITE_DIRECT).
    static sqlite3 *handleOf(Database &db);
    bool prepare(QString *error);

    bool claimDedupKeys(const std::vector<DedupClaim> &claims, qint64 nowMs, qint64 expiresAtMs,
                        std::vector<bool> *fresh, QString *error) override;
    bool insertRows(const IngestRows &rows, qint64 nowMs, QString *error) override;

private:
    bool run(sqlite3_stmt *stmt, QString *error);

    sqlite3 *m_db;
    sqlite3_stmt *m_dedup = nullptr;
    sqlite3_stmt *m_raw = nullptr;
    sqlite3_stmt *m_event = nullptr;
    sqlite3_stmt *m_outbox = nullptr;
    sqlite3_stmt *m_audit = nullptr;
};

} // namespace gerbang
