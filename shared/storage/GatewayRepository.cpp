// SPDX-License-Identifier: GPL-3.0-or-later
#include "GatewayRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace gerbang {

bool GatewayRepository::beat(const GatewayBeat &b, QString *error)
{
    // ON CONFLICT … DO UPDATE: the same statement on SQLite (3.24+) and PostgreSQL.
    QSqlQuery q(m_db.db());
    q.prepare(u"INSERT INTO gateways (id, host, version, webhook_url, admin_url, started_at, "
              "last_seen_at, stopped_at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (id) DO UPDATE SET host = excluded.host, version = excluded.version, "
              "webhook_url = excluded.webhook_url, admin_url = excluded.admin_url, "
              "started_at = excluded.started_at, last_seen_at = excluded.last_seen_at, "
              "stopped_at = excluded.stopped_at, summary = excluded.summary"_s);
    q.addBindValue(b.id);
    q.addBindValue(b.host);
    q.addBindValue(b.version);
    q.addBindValue(b.webhookUrl);
    // QtSql binds a null QString as SQL NULL; with the admin API off the URL is empty, not
    // unknown.
    q.addBindValue(b.adminUrl.isNull() ? u""_s : b.adminUrl);
    q.addBindValue(b.startedAtMs);
    q.addBindValue(b.lastSeenAtMs);
    q.addBindValue(b.stoppedAtMs > 0 ? QVariant(b.stoppedAtMs)
                                     : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(b.summary);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    // A handful of rows: a delete with every beat costs nothing and needs no schedule. A
    // forgotten gateway's own alert conditions (its certificate, its disk) go with it.
    for (const QString &sql : {u"DELETE FROM alert_conditions WHERE scope IN "
                               "(SELECT id FROM gateways WHERE last_seen_at < ? AND id <> ?)"_s,
                               u"DELETE FROM gateways WHERE last_seen_at < ? AND id <> ?"_s}) {
        QSqlQuery forget(m_db.db());
        forget.prepare(sql);
        forget.addBindValue(b.lastSeenAtMs - kForgetAfterMs);
        forget.addBindValue(b.id);
        if (!forget.exec()) {
            *error = forget.lastError().text();
            return false;
        }
    }
    return true;
}

QList<GatewayBeat> GatewayRepository::all(QString *error) const
{
    QList<GatewayBeat> out;
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT id, host, version, webhook_url, admin_url, started_at, last_seen_at, "
                "stopped_at, summary FROM gateways ORDER BY started_at DESC, id"_s)) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                    q.value(6).toLongLong(), q.value(7).isNull() ? 0 : q.value(7).toLongLong(),
                    q.value(8).toString()});
    }
    return out;
}

} // namespace gerbang
