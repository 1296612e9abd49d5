// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceActivityRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace gerbang {

bool SourceActivityRepository::add(const QList<Count> &counts, QString *error)
{
    if (counts.isEmpty())
        return true;
    return m_db.inWriteTransaction(error, [&] {
        // ON CONFLICT … DO UPDATE: the same statement on SQLite (3.24+) and PostgreSQL.
        QSqlQuery q(m_db.db());
        q.prepare(u"INSERT INTO source_activity (source, minute, requests) VALUES (?, ?, ?) "
                  "ON CONFLICT (source, minute) DO UPDATE "
                  "SET requests = source_activity.requests + excluded.requests"_s);
        for (const Count &c : counts) {
            q.bindValue(0, c.source);
            q.bindValue(1, c.minute);
            q.bindValue(2, c.requests);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
        }
        return true;
    });
}

QHash<QString, qint64> SourceActivityRepository::lastActive(qint64 sinceMinute,
                                                            QString *error) const
{
    QHash<QString, qint64> out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT source, max(minute) FROM source_activity WHERE minute >= ? "
              "GROUP BY source"_s);
    q.addBindValue(sinceMinute);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

QList<qint64> SourceActivityRepository::activeMinutes(const QString &source, qint64 sinceMinute,
                                                      QString *error) const
{
    QList<qint64> out;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT minute FROM source_activity WHERE source = ? AND minute >= ? "
              "AND requests > 0 ORDER BY minute"_s);
    q.addBindValue(source);
    q.addBindValue(sinceMinute);
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

} // namespace gerbang
