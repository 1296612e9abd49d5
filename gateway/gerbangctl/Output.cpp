// SPDX-License-Identifier: GPL-3.0-or-later
#include "Output.h"

#include "domain/Ids.h"

#include <QJsonDocument>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

void writeBytes(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void printOut(const QString &text)
{
    writeBytes(stdout, text.toUtf8());
}

void printBytes(const QByteArray &bytes)
{
    writeBytes(stdout, bytes);
}

void writeError(const QString &text)
{
    writeBytes(stderr, text.toUtf8());
}

void printError(const QString &message)
{
    writeBytes(stderr, "gerbangctl: " + message.toUtf8() + '\n');
}

void printJson(const QJsonArray &array)
{
    // Qt renders an empty indented array as "[\n]"; scripts expect the usual "[]".
    if (array.isEmpty()) {
        writeBytes(stdout, "[]\n");
        return;
    }
    writeBytes(stdout, QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void printJson(const QJsonObject &object)
{
    writeBytes(stdout, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

QString Table::render() const
{
    QList<qsizetype> widths;
    for (const QString &h : m_headers)
        widths << h.size();
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row[i].size());
    }
    auto line = [&widths](const QStringList &cells) -> QString {
        QString out;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            if (i + 1 == widths.size()) {
                out += cell;
            } else {
                out += cell.leftJustified(widths[i]) + u"  "_s;
            }
        }
        // Trailing blanks of empty last cells help nobody.
        while (out.endsWith(u' '))
            out.chop(1);
        return out + u'\n';
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

void Table::print(const QString &emptyText) const
{
    printOut(m_rows.isEmpty() ? emptyText + u'\n' : render());
}

QString words(const QJsonValue &array)
{
    QStringList out;
    for (const QJsonValue &v : array.toArray())
        out << v.toString();
    return out.join(u' ');
}

} // namespace gerbang::ctl
