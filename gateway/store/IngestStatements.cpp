// SPDX-License-Identifier: GPL-3.0-or-later
#include "IngestStatements.h"

#include "QtSqlIngestStatements.h"
#ifdef GERBANG_SQLITE_DIRECT
#include "SqliteIngestStatements.h"
#endif
#include "audit/AuditChain.h"
#include "storage/Database.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace gerbang {

IngestStatements::IngestStatements(Database &db)
    : m_chain(std::make_unique<auditchain::Appender>(db))
{
}
IngestStatements::~IngestStatements() = default;

std::unique_ptr<IngestStatements> IngestStatements::create(Database &db, QString *error)
{
    std::unique_ptr<IngestStatements> stmts;
#ifdef GERBANG_SQLITE_DIRECT
    if (sqlite3 *handle = SqliteIngestStatements::handleOf(db)) {
        auto direct = std::make_unique<SqliteIngestStatements>(db, handle);
        if (!direct->prepare(error))
            return nullptr;
        stmts = std::move(direct);
    }
#endif
    if (!stmts)
        stmts = std::make_unique<QtSqlIngestStatements>(db);
    return stmts;
}

bool IngestStatements::insert(IngestRows &rows, qint64 nowMs, QString *error)
{
    return m_chain->append(rows.audits, nowMs, error) && insertRows(rows, nowMs, error);
}

QString ingest_sql::singleRow(const Insert &insert)
{
    const QStringList placeholders(insert.columns, u"?"_s);
    return QString::fromLatin1(insert.head) + u'(' + placeholders.join(u", "_s) + u')' +
           QString::fromLatin1(insert.tail);
}

} // namespace gerbang
