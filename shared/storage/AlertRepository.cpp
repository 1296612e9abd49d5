// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertRepository.h"

#include "Database.h"
#include "domain/Vocabulary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// "?, ?, …" for `n` values.
QString placeholders(qsizetype n)
{
    QStringList marks(n, u"?"_s);
    return marks.join(u", "_s);
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

} // namespace

namespace {
constexpr QLatin1StringView kKind("kind");
constexpr QLatin1StringView kSource("source");
constexpr QLatin1StringView kCount("count");
constexpr QLatin1StringView kWindow("window_s");
constexpr QLatin1StringView kState("state");
constexpr QLatin1StringView kValue("value");
constexpr QLatin1StringView kThreshold("threshold");
constexpr QLatin1StringView kUntil("until_ms");
constexpr QLatin1StringView kDetail("detail");
} // namespace

StoredAlert StoredAlert::of(const AlertInfo &alert)
{
    StoredAlert s;
    s.raisedAtMs = alert.atMs;
    s.kind = alert.kind;
    s.source = alert.source;
    s.count = alert.count;
    s.windowSecs = alert.windowSecs;
    s.state = alert.state.isEmpty() ? wire(AlertState::Raised) : alert.state;
    s.value = alert.value;
    s.threshold = alert.threshold;
    s.untilMs = alert.untilMs;
    s.detail = alert.detail;
    return s;
}

AlertInfo StoredAlert::info() const
{
    AlertInfo a;
    a.atMs = raisedAtMs;
    a.kind = kind;
    a.source = source;
    a.count = count;
    a.windowSecs = windowSecs;
    a.state = state;
    a.value = value;
    a.threshold = threshold;
    a.untilMs = untilMs;
    a.detail = detail;
    return a;
}

QString AlertRepository::auditDetail(const StoredAlert &a)
{
    QJsonObject o{{kKind, a.kind},
                  {kSource, a.source},
                  {kCount, a.count},
                  {kWindow, a.windowSecs},
                  {kState, a.state.isEmpty() ? wire(AlertState::Raised) : a.state}};
    // The kinds of issue 19 say what they measured; a signature burst has its count.
    if (a.kind != wireName(AlertKind::SignatureFailures)) {
        o.insert(kValue, a.value);
        o.insert(kThreshold, a.threshold);
    }
    if (a.untilMs > 0)
        o.insert(kUntil, a.untilMs);
    if (!a.detail.isEmpty())
        o.insert(kDetail, a.detail);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QList<StoredAlert> AlertRepository::list(const AlertFilter &filter, QString *error) const
{
    // The outcome is part of the query text (not bound) so that both dialects can use the
    // partial index audit_log_alerts, whose predicate is the same text.
    QString sql = u"SELECT a.id, a.received_at, a.detail, k.acknowledged_at, k.acknowledged_by "
                  "FROM audit_log a LEFT JOIN alert_acknowledgements k ON k.audit_id = a.id "
                  "WHERE a.outcome = '%1'"_s.arg(wireName(Outcome::Alert));
    if (filter.unacknowledgedOnly)
        sql += u" AND k.audit_id IS NULL"_s;
    if (filter.beforeId)
        sql += u" AND a.id < ?"_s;
    sql += u" ORDER BY a.id DESC"_s;
    if (filter.limit > 0)
        sql += u" LIMIT %1"_s.arg(filter.limit);
    QSqlQuery q(m_db.db());
    q.prepare(sql);
    if (filter.beforeId)
        q.addBindValue(*filter.beforeId);
    if (!exec(q, error))
        return {};
    QList<StoredAlert> out;
    while (q.next()) {
        const QJsonObject detail = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        StoredAlert a;
        a.id = q.value(0).toLongLong();
        a.raisedAtMs = q.value(1).toLongLong();
        a.kind = detail.value(kKind).toString();
        a.source = detail.value(kSource).toString();
        a.count = detail.value(kCount).toInteger();
        a.windowSecs = detail.value(kWindow).toInt();
        a.state = detail.value(kState).toString(wire(AlertState::Raised));
        a.value = detail.value(kValue).toInteger();
        a.threshold = detail.value(kThreshold).toInteger();
        a.untilMs = detail.value(kUntil).toInteger();
        a.detail = detail.value(kDetail).toString();
        a.acknowledgedAtMs = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
        a.acknowledgedBy = q.value(4).toString();
        out.append(a);
    }
    return out;
}

QList<qint64> AlertRepository::notAlerts(const QList<qint64> &ids, QString *error) const
{
    if (ids.isEmpty())
        return {};
    QSqlQuery q(m_db.db());
    q.prepare(u"SELECT id FROM audit_log WHERE outcome = '%1' AND id IN (%2)"_s.arg(
        wireName(Outcome::Alert), placeholders(ids.size())));
    for (const qint64 id : ids)
        q.addBindValue(id);
    if (!exec(q, error))
        return {};
    QList<qint64> missing = ids;
    while (q.next())
        missing.removeAll(q.value(0).toLongLong());
    return missing;
}

std::optional<QList<qint64>> AlertRepository::acknowledge(const QList<qint64> &ids, qint64 atMs,
                                                          const QString &by, QString *error)
{
    QList<qint64> candidates = ids;
    if (ids.isEmpty()) {
        QSqlQuery open(m_db.db());
        open.prepare(u"SELECT a.id FROM audit_log a LEFT JOIN alert_acknowledgements k "
                     "ON k.audit_id = a.id WHERE a.outcome = '%1' AND k.audit_id IS NULL "
                     "ORDER BY a.id"_s.arg(wireName(Outcome::Alert)));
        if (!exec(open, error))
            return std::nullopt;
        while (open.next())
            candidates.append(open.value(0).toLongLong());
    }
    // ON CONFLICT DO NOTHING: when two admins acknowledge at once, the first one's stays and
    // the second learns that there was nothing left to do.
    QSqlQuery insert(m_db.db());
    insert.prepare(u"INSERT INTO alert_acknowledgements (audit_id, acknowledged_at, "
                   "acknowledged_by) VALUES (?, ?, ?) ON CONFLICT (audit_id) DO NOTHING"_s);
    QList<qint64> acknowledged;
    for (const qint64 id : std::as_const(candidates)) {
        insert.bindValue(0, id);
        insert.bindValue(1, atMs);
        insert.bindValue(2, by);
        if (!exec(insert, error))
            return std::nullopt;
        if (insert.numRowsAffected() == 1)
            acknowledged.append(id);
    }
    return acknowledged;
}

} // namespace gerbang
