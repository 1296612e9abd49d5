// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace gerbang {

// Statements without results, sent to PostgreSQL as one simple query: one network round trip
// for all of them instead of one each. PostgreSQL runs them in order and stops at the first
// that fails, whose error the script reports (QPSQL keeps each statement's result). Inside a
// transaction, so a failure takes back all of them with the rest. Only for PostgreSQL:
// QtSql runs only the first statement of a string on SQLite.
class StatementScript
{
public:
    // A script longer than this is sent before the next statement joins it, so that its
    // memory (and the server's parse) stays modest whatever the batch.
    static constexpr qsizetype kMaxChars = 2 * 1024 * 1024;

    explicit StatementScript(QSqlDatabase &db)
        : m_db(db)
    {
    }
    bool add(const QString &statement, QString *error);
    // Sends what is pending.
    bool run(QString *error);

private:
    QSqlDatabase &m_db;
    QString m_sql;
};

} // namespace gerbang
