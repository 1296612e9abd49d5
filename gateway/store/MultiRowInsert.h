// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <functional>

class QSqlQuery;

namespace gerbang {

class StatementScript;

// INSERT … VALUES (…), (…), … with many rows: one round trip for a whole batch where a
// prepared statement costs one per row. Values become SQL literals written by the
// connection's own driver (QSqlDriver::formatValue: QPSQL escapes strings and bytea with
// libpq, exactly as it does to EXECUTE its prepared statements), never by hand. The rows are
// cut into statements of about kMaxStatementChars, so that one statement (and the memory
// behind it) stays modest whatever the batch.
//
// Binder interface (see ingest_sql in IngestStatements.h): bind a row's values in column
// order, then endRow(); finish() runs what is left.
class MultiRowInsert
{
public:
    static constexpr qsizetype kMaxStatementChars = 256 * 1024;

    // `head` ends with "VALUES ", `tail` follows the rows (ON CONFLICT, RETURNING).
    MultiRowInsert(QSqlDatabase &db, QString head, int columns, QString tail = {});

    void text(int n, const QString &value);
    void textOrNull(int n, const QString &value);
    void latin1(int n, const QByteArray &value);
    void integer(int n, qint64 value);
    void integerOrNull(int n, qint64 value);
    void blob(int n, const QByteArray &value);

    // Closes the row; runs the statement first if the row would make it too long.
    bool endRow(QString *error);
    bool finish(QString *error);
    // What a text value becomes in the database (storage/StorableText.h). Payloads are verified but
    // still the sender's text: this keeps one odd value from failing a whole batch. Claim matching
    // (RETURNING) compares in this form too.
    static QString storable(const QString &text);

    // Called with each statement after it ran (for RETURNING).
    std::function<void(QSqlQuery &)> onResult;
    // PostgreSQL: a statement sent with the first one, in the same round trip and before it
    // (its own result is the second one, where RETURNING is read).
    void setPrelude(QString statement) { m_prelude = std::move(statement); }
    // PostgreSQL, without onResult: the statements join `script` instead of running.
    void setScript(StatementScript *script) { m_script = script; }

private:
    void value(int n, const QString &literal);
    QString literal(const QVariant &value) const;
    bool run(QString *error);

    QSqlDatabase &m_db;
    const QString m_head;
    const QString m_tail;
    const int m_columns;
    QString m_sql;
    qsizetype m_rowsPending = 0;
    QString m_row;
    int m_next = 1;
    QString m_prelude;
    StatementScript *m_script = nullptr;
};

} // namespace gerbang
