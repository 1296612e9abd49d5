// SPDX-License-Identifier: GPL-3.0-or-later
#include "IngestStatements.h"

#include "QtSqlIngestStatements.h"
#ifdef GERBANG_SQLITE_DIRECT
#include "SqliteIngestStatements.h"
#endif
#include "storage/Database.h"

namespace gerbang {

std::unique_ptr<IngestStatements> IngestStatements::create(Database &db, QString *error)
{
#ifdef GERBANG_SQLITE_DIRECT
    if (sqlite3 *handle = SqliteIngestStatements::handleOf(db)) {
        auto stmts = std::make_unique<SqliteIngestStatements>(handle);
        if (!stmts->prepare(error))
            return nullptr;
        return stmts;
    }
#endif
    auto stmts = std::make_unique<QtSqlIngestStatements>(db.db());
    if (!stmts->prepare(error))
        return nullptr;
    return stmts;
}

} // namespace gerbang
