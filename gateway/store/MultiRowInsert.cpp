// SPDX-License-Identifier: GPL-3.0-or-later
#include "MultiRowInsert.h"

#include "StatementScript.h"
#include "storage/StorableText.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace gerbang {

MultiRowInsert::MultiRowInsert(QSqlDatabase &db, QString head, int columns, QString tail)
    : m_db(db)
    , m_head(std::move(head))
    , m_tail(std::move(tail))
    , m_columns(columns)
{
}

QString MultiRowInsert::literal(const QVariant &value) const
{
    QSqlField field(QString(), value.metaType());
    field.setValue(value);
    return m_db.driver()->formatValue(field);
}

void MultiRowInsert::value(int n, const QString &literal)
{
    // The binders number their values; a value out of order would land in another column.
    Q_ASSERT(n == m_next && n <= m_columns);
    m_row += (n == 1 ? u"("_s : u", "_s) + literal;
    ++m_next;
}

QString MultiRowInsert::storable(const QString &text)
{
    return storableText(text);
}

void MultiRowInsert::text(int n, const QString &v)
{
    value(n, literal(v.isNull() ? u""_s : storable(v))); // NOT NULL columns
}

void MultiRowInsert::textOrNull(int n, const QString &v)
{
    value(n, v.isEmpty() ? u"NULL"_s : literal(storable(v)));
}

void MultiRowInsert::latin1(int n, const QByteArray &v)
{
    value(n, literal(QString::fromLatin1(v)));
}

void MultiRowInsert::integer(int n, qint64 v)
{
    value(n, QString::number(v));
}

void MultiRowInsert::integerOrNull(int n, qint64 v)
{
    value(n, v > 0 ? QString::number(v) : u"NULL"_s);
}

void MultiRowInsert::blob(int n, const QByteArray &v)
{
    // QPSQL writes bytea with libpq's escaping; QSqlDriver's generic formatValue (QSQLITE's)
    // writes bytes as a hex *text* literal, so SQLite gets the standard blob literal X'…'
    // (hex digits only: nothing to escape).
    if (m_db.driver()->dbmsType() == QSqlDriver::PostgreSQL)
        value(n, literal(v));
    else
        value(n, u"X'"_s + QString::fromLatin1(v.toHex()) + u'\'');
}

bool MultiRowInsert::endRow(QString *error)
{
    Q_ASSERT(m_next == m_columns + 1);
    m_row += u')';
    m_next = 1;
    if (m_rowsPending > 0 && m_sql.size() + m_row.size() > kMaxStatementChars && !run(error))
        return false;
    m_sql += (m_rowsPending == 0 ? m_head : u", "_s) + m_row;
    ++m_rowsPending;
    m_row.clear();
    return true;
}

bool MultiRowInsert::finish(QString *error)
{
    Q_ASSERT(m_next == 1);
    return m_rowsPending == 0 || run(error);
}

bool MultiRowInsert::run(QString *error)
{
    if (m_script) {
        Q_ASSERT(!onResult && m_prelude.isEmpty());
        if (!m_script->add(m_sql + m_tail, error))
            return false;
        m_rowsPending = 0;
        m_sql.clear();
        return true;
    }
    QSqlQuery q(m_db);
    QString sql = m_sql + m_tail;
    const QString prelude = std::exchange(m_prelude, QString());
    if (!prelude.isEmpty())
        sql = prelude + u";\n"_s + sql;
    // With a prelude, the statement's own result is the second one (QPSQL keeps both).
    if (!q.exec(sql) || (!prelude.isEmpty() && !q.nextResult())) {
        // The driver's message, never the statement (every request's metadata and sealed
        // payload); PostgreSQL may still quote a short excerpt of it.
        *error = q.lastError().text();
        return false;
    }
    if (onResult)
        onResult(q);
    m_rowsPending = 0;
    m_sql.clear();
    return true;
}

} // namespace gerbang
