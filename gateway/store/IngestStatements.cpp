// SPDX-License-Identifier: GPL-3.0-or-later
#include "IngestStatements.h"

#include "QtSqlIngestStatements.h"
#include "SqliteIngestStatements.h"
#include "storage/Database.h"

namespace gerbang {

std::unique_ptr<IngestStatements> IngestStatements::create(Database &db, QString *error)
{
    if (sqlite3 *handle = SqliteIngestStatements::handleOf(db)) {
        auto stmts = std::make_unique<SqliteIngestStatements>(handle);
        if (!stmts->prepare(error))
            return nullptr;
        return stmts;
    }
    auto stmts = std::make_unique<QtSqlIngestStatements>(db.db());
    if (!stmts->prepare(error))
        return nullptr;
    return stmts;
}

} // namespace gerbang
