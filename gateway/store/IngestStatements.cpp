// SPDX-License-Identifier: GPL-3.0-or-later
#include "IngestStatements.h"

#include "QtSqlIngestStatements.h"
#ifdef GERBANG_SQLITE_DIRECT
#include "SqliteIngestStatements.h"
#endif
#include "storage/Database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

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
    return std::make_unique<QtSqlIngestStatements>(db.db());
}

QString ingest_sql::singleRow(const Insert &insert)
{
    const QStringList placeholders(insert.columns, u"?"_s);
    return QString::fromLatin1(insert.head) + u'(' + placeholders.join(u", "_s) + u')' +
           QString::fromLatin1(insert.tail);
}

} // namespace gerbang
