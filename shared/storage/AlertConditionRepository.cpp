// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertConditionRepository.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

void bindKey(QSqlQuery &q, const ConditionKey &key)
{
    // QtSql binds a null QString as SQL NULL; an empty scope or subject is a value here.
    const auto text = [](const QString &s) { return s.isNull() ? u""_s : s; };
    q.addBindValue(key.kind);
    q.addBindValue(text(key.scope));
    q.addBindValue(text(key.subject));
}

} // namespace

bool AlertConditionRepository::find(const ConditionKey &key, std::optional<RaisedCondition> *row,
                                    QString *error) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(u"SELECT level, raised_at, value FROM alert_conditions "
              "WHERE kind = ? AND scope = ? AND subject = ?"_s);
    bindKey(q, key);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    row->reset();
    if (q.next())
        *row =
            RaisedCondition{q.value(0).toInt(), q.value(1).toLongLong(), q.value(2).toLongLong()};
    return true;
}

bool AlertConditionRepository::raise(const ConditionKey &key,
                                     const std::optional<RaisedCondition> &expected,
                                     const RaisedCondition &next, bool *tookEffect, QString *error)
{
    *tookEffect = false;
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        if (!expected) {
            // The same statement on SQLite (3.24+) and PostgreSQL.
            q.prepare(u"INSERT INTO alert_conditions (kind, scope, subject, level, raised_at, "
                      "value) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"_s);
            bindKey(q, key);
            q.addBindValue(next.level);
            q.addBindValue(next.raisedAtMs);
            q.addBindValue(next.value);
        } else {
            q.prepare(u"UPDATE alert_conditions SET level = ?, raised_at = ?, value = ? "
                      "WHERE kind = ? AND scope = ? AND subject = ? AND level = ? AND "
                      "raised_at = ? AND value = ?"_s);
            q.addBindValue(next.level);
            q.addBindValue(next.raisedAtMs);
            q.addBindValue(next.value);
            bindKey(q, key);
            q.addBindValue(expected->level);
            q.addBindValue(expected->raisedAtMs);
            q.addBindValue(expected->value);
        }
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        *tookEffect = q.numRowsAffected() == 1;
        return true;
    });
}

bool AlertConditionRepository::resolve(const ConditionKey &key, bool *tookEffect, QString *error)
{
    *tookEffect = false;
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"DELETE FROM alert_conditions WHERE kind = ? AND scope = ? AND subject = ?"_s);
        bindKey(q, key);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        *tookEffect = q.numRowsAffected() == 1;
        return true;
    });
}

} // namespace gerbang
