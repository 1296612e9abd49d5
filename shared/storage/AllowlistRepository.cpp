// SPDX-License-Identifier: GPL-3.0-or-later
#include "AllowlistRepository.h"

#include "Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {

bool AllowlistRepository::replace(const QString &scope, const QStringList &networks, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery del(m_db.db());
        del.prepare(u"DELETE FROM allowlist_entries WHERE scope = ?"_s);
        del.addBindValue(scope);
        if (!del.exec()) {
            *error = del.lastError().text();
            return false;
        }
        QSqlQuery ins(m_db.db());
        ins.prepare(u"INSERT INTO allowlist_entries (scope, network, created_at) "
                    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const QString &n : networks) {
            ins.bindValue(0, scope);
            ins.bindValue(1, n);
            ins.bindValue(2, now);
            if (!ins.exec()) {
                *error = ins.lastError().text();
                return false;
            }
        }
        return m_db.bumpConfigRevision(error);
    });
}

QHash<QString, QStringList> AllowlistRepository::all(QString *error) const
{
    QHash<QString, QStringList> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT scope, network FROM allowlist_entries ORDER BY scope, network"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out[q.value(0).toString()] << q.value(1).toString();
    return out;
}

} // namespace gerbang
