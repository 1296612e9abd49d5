// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatsJson.h"

#include "StatsHistory.h"
#include "domain/Vocabulary.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QJsonObject counts(const QMap<QString, qint64> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonValue orNull(qint64 value, bool known)
{
    return known ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject alertJson(const AlertInfo &a)
{
    return QJsonObject{{u"at_ms"_s, a.atMs},
                       {u"source"_s, a.source},
                       {u"kind"_s, a.kind},
                       {u"count"_s, a.count},
                       {u"window_secs"_s, a.windowSecs},
                       {u"state"_s, a.state.isEmpty() ? wire(AlertState::Raised) : a.state},
                       {u"value"_s, a.value},
                       {u"threshold"_s, a.threshold},
                       {u"until_ms"_s, a.untilMs},
                       {u"detail"_s, a.detail}};
}

QJsonObject statsJson(const StatsSnapshot &s)
{
    QJsonArray series;
    for (auto it = s.requestsByLabels.cbegin(); it != s.requestsByLabels.cend(); ++it)
        series.append(QJsonObject{{u"provider"_s, it.key().provider},
                                  {u"outcome"_s, it.key().outcome},
                                  {u"status"_s, it.key().status},
                                  {u"count"_s, it.value()}});
    QJsonArray failures;
    for (auto it = s.signatureFailuresBySource.cbegin(); it != s.signatureFailuresBySource.cend();
         ++it)
        failures.append(QJsonObject{{u"source"_s, it.key().source},
                                    {u"reason"_s, it.key().reason},
                                    {u"count"_s, it.value()}});
    QJsonArray offenders;
    for (const ClientCounter &c : s.topOffenders)
        offenders.append(QJsonObject{{u"address"_s, c.address},
                                     {u"rejected"_s, c.rejected},
                                     {u"requests_last_second"_s, c.requestsLastSecond},
                                     {u"last_seen_ms"_s, c.lastSeenMs}});
    QJsonArray alerts;
    for (const AlertInfo &a : s.recentAlerts)
        alerts.append(alertJson(a));
    const bool delivery = s.outboxPending >= 0;
    return QJsonObject{
        {u"uptime_ms"_s, s.uptimeMs},
        {u"requests"_s, s.requests},
        {u"by_outcome"_s, counts(s.byOutcome)},
        {u"by_provider"_s, counts(s.byProvider)},
        {u"signature_failures"_s, counts(s.signatureFailures)},
        {u"signature_failures_by_source"_s, failures},
        {u"requests_by_series"_s, series},
        {u"latency_p50_us"_s, s.latencyP50Us},
        {u"latency_p99_us"_s, s.latencyP99Us},
        {u"events_stored"_s, s.eventsStored},
        {u"dedup_hits"_s, s.dedupHits},
        {u"open_connections"_s, s.openConnections},
        {u"pending_commits"_s, s.pendingCommits},
        {u"commit_batches"_s, s.commitBatches},
        {u"audit_dropped"_s, s.auditDropped},
        {u"rate_limited"_s, s.rateLimited},
        {u"forbidden"_s, s.forbidden},
        {u"connections_refused"_s, QJsonObject{{u"global"_s, s.connectionsRefusedGlobal},
                                               {u"per_address"_s, s.connectionsRefusedPerAddress}}},
        {u"top_offenders"_s, offenders},
        {u"outbox_pending"_s, orNull(s.outboxPending, delivery)},
        {u"dead_letters"_s, orNull(s.deadLetters, delivery)},
        {u"delivered"_s, s.delivered},
        {u"delivery_failures"_s, s.deliveryFailures},
        {u"last_purge_ms"_s, orNull(s.lastPurgeMs, s.lastPurgeMs > 0)},
        {u"next_purge_ms"_s, orNull(s.nextPurgeMs, s.nextPurgeMs > 0)},
        {u"alerts_raised"_s, s.alertsRaised},
        {u"recent_alerts"_s, alerts},
    };
}

namespace {

QMap<QString, qint64> countsFrom(const QJsonValue &v)
{
    QMap<QString, qint64> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().toInteger());
    return out;
}

qint64 integerOr(const QJsonValue &v, qint64 absent)
{
    return v.isDouble() ? v.toInteger() : absent;
}

} // namespace

AlertInfo alertFromJson(const QJsonObject &o)
{
    AlertInfo a;
    a.atMs = o.value(u"at_ms"_s).toInteger();
    a.source = o.value(u"source"_s).toString();
    a.kind = o.value(u"kind"_s).toString();
    a.count = o.value(u"count"_s).toInteger();
    a.windowSecs = o.value(u"window_secs"_s).toInt();
    a.state = o.value(u"state"_s).toString(wire(AlertState::Raised));
    a.value = o.value(u"value"_s).toInteger();
    a.threshold = o.value(u"threshold"_s).toInteger();
    a.untilMs = o.value(u"until_ms"_s).toInteger();
    a.detail = o.value(u"detail"_s).toString();
    return a;
}

StatsSnapshot statsFromJson(const QJsonObject &o)
{
    StatsSnapshot s;
    s.uptimeMs = o.value(u"uptime_ms"_s).toInteger();
    s.requests = o.value(u"requests"_s).toInteger();
    s.byOutcome = countsFrom(o.value(u"by_outcome"_s));
    s.byProvider = countsFrom(o.value(u"by_provider"_s));
    s.signatureFailures = countsFrom(o.value(u"signature_failures"_s));
    for (const QJsonValue &v : o.value(u"signature_failures_by_source"_s).toArray()) {
        const QJsonObject f = v.toObject();
        s.signatureFailuresBySource.insert(
            FailureSeries{f.value(u"source"_s).toString(), f.value(u"reason"_s).toString()},
            f.value(u"count"_s).toInteger());
    }
    for (const QJsonValue &v : o.value(u"requests_by_series"_s).toArray()) {
        const QJsonObject r = v.toObject();
        s.requestsByLabels.insert(RequestSeries{r.value(u"provider"_s).toString(),
                                                r.value(u"outcome"_s).toString(),
                                                r.value(u"status"_s).toInt()},
                                  r.value(u"count"_s).toInteger());
    }
    s.latencyP50Us = o.value(u"latency_p50_us"_s).toInteger();
    s.latencyP99Us = o.value(u"latency_p99_us"_s).toInteger();
    s.eventsStored = o.value(u"events_stored"_s).toInteger();
    s.dedupHits = o.value(u"dedup_hits"_s).toInteger();
    s.openConnections = o.value(u"open_connections"_s).toInt();
    s.pendingCommits = o.value(u"pending_commits"_s).toInt();
    s.commitBatches = o.value(u"commit_batches"_s).toInteger();
    s.auditDropped = o.value(u"audit_dropped"_s).toInteger();
    s.rateLimited = o.value(u"rate_limited"_s).toInteger();
    s.forbidden = o.value(u"forbidden"_s).toInteger();
    const QJsonObject refused = o.value(u"connections_refused"_s).toObject();
    s.connectionsRefusedGlobal = refused.value(u"global"_s).toInteger();
    s.connectionsRefusedPerAddress = refused.value(u"per_address"_s).toInteger();
    for (const QJsonValue &v : o.value(u"top_offenders"_s).toArray()) {
        const QJsonObject c = v.toObject();
        s.topOffenders.append(ClientCounter{c.value(u"address"_s).toString(),
                                            c.value(u"rejected"_s).toInteger(),
                                            c.value(u"requests_last_second"_s).toInteger(),
                                            c.value(u"last_seen_ms"_s).toInteger()});
    }
    // null: the gateway does not deliver (the snapshot's -1), as statsJson() writes it.
    s.outboxPending = integerOr(o.value(u"outbox_pending"_s), -1);
    s.deadLetters = integerOr(o.value(u"dead_letters"_s), -1);
    s.delivered = o.value(u"delivered"_s).toInteger();
    s.deliveryFailures = o.value(u"delivery_failures"_s).toInteger();
    s.lastPurgeMs = integerOr(o.value(u"last_purge_ms"_s), 0);
    s.nextPurgeMs = integerOr(o.value(u"next_purge_ms"_s), 0);
    s.alertsRaised = o.value(u"alerts_raised"_s).toInteger();
    for (const QJsonValue &v : o.value(u"recent_alerts"_s).toArray())
        s.recentAlerts.append(alertFromJson(v.toObject()));
    return s;
}

namespace {

QJsonArray pointsJson(const QList<QPointF> &points)
{
    QJsonArray out;
    for (const QPointF &p : points)
        out.append(QJsonArray{qint64(p.x()), p.y()});
    return out;
}

QJsonObject seriesJson(const QMap<QString, QList<QPointF>> &series)
{
    QJsonObject out;
    for (auto it = series.cbegin(); it != series.cend(); ++it)
        out.insert(it.key(), pointsJson(it.value()));
    return out;
}

QList<QPointF> pointsFrom(const QJsonValue &v)
{
    QList<QPointF> out;
    for (const QJsonValue &p : v.toArray())
        out << QPointF(double(p.toArray().at(0).toInteger()), p.toArray().at(1).toDouble());
    return out;
}

QMap<QString, QList<QPointF>> seriesFrom(const QJsonValue &v)
{
    QMap<QString, QList<QPointF>> out;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), pointsFrom(it.value()));
    return out;
}

} // namespace

void seedHistory(StatsHistory &history, const QJsonObject &o)
{
    history.seed(seriesFrom(o.value(u"requests_per_s"_s)), pointsFrom(o.value(u"latency_p50_ms"_s)),
                 pointsFrom(o.value(u"latency_p99_ms"_s)),
                 seriesFrom(o.value(u"signature_failures_per_minute"_s)));
}

QJsonObject historyJson(const StatsHistory &history, qint64 nowMs)
{
    return QJsonObject{
        {u"rate_window_s"_s, StatsHistory::kRateWindowMs / 1000},
        {u"failure_window_s"_s, StatsHistory::kFailureWindowMs / 1000},
        {u"requests_per_s"_s, seriesJson(history.requestRates())},
        {u"latency_p50_ms"_s, pointsJson(history.latencyP50())},
        {u"latency_p99_ms"_s, pointsJson(history.latencyP99())},
        {u"signature_failures_per_minute"_s, seriesJson(history.signatureFailures(nowMs))}};
}

} // namespace gerbang
