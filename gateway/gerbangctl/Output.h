// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/AuditCsv.h"
#include "storage/RecordJson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace gerbang::ctl {

// Writes UTF-8 text to standard output as is.
void printOut(const QString &text);
// Bytes as they are (a payload), to standard output.
void printBytes(const QByteArray &bytes);
// Writes UTF-8 text to standard error as is.
void writeError(const QString &text);
// One line on standard error, prefixed "gerbangctl: ".
void printError(const QString &message);

// Exactly one JSON document followed by a newline; an empty array prints as "[]".
void printJson(const QJsonArray &array);
void printJson(const QJsonObject &object);

// isoOrNull, textOrNull and the JSON of stored records: shared with the admin API.
using gerbang::isoOrNull;
using gerbang::textOrNull;
using gerbang::toJsonArray;

// A JSON array of strings as one table cell, space-separated.
QString words(const QJsonValue &array);

// Left-aligned columns for people; the last column is not padded.
class Table
{
public:
    explicit Table(QStringList headers)
        : m_headers(std::move(headers))
    {
    }
    void addRow(QStringList cells) { m_rows << std::move(cells); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    QString render() const;
    // Renders, or prints `emptyText` when there are no rows.
    void print(const QString &emptyText) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

// CSV cells with spreadsheet-formula protection live in shared/ (the console exports too).
using gerbang::csvField;
using gerbang::csvRecord;

} // namespace gerbang::ctl
