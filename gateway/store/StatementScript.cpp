// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatementScript.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

bool StatementScript::add(const QString &statement, QString *error)
{
    if (!m_sql.isEmpty() && m_sql.size() + statement.size() > kMaxChars && !run(error))
        return false;
    m_sql += statement + u";\n"_s;
    return true;
}

bool StatementScript::run(QString *error)
{
    if (m_sql.isEmpty())
        return true;
    QSqlQuery q(m_db);
    // QPSQL reads every statement's result at once and reports the first; the others are
    // behind nextResult(), which fails at the first statement that failed.
    bool ok = q.exec(m_sql);
    while (ok && q.nextResult()) {
    }
    ok = ok && !q.lastError().isValid();
    m_sql.clear();
    if (!ok) {
        // The driver's message, never the statements (they hold every request's metadata).
        *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace gerbang
