// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatsHistory.h"

namespace gerbang {

QMap<QString, qint64> StatsHistory::bySource(const QMap<FailureSeries, qint64> &sourceReason)
{
    QMap<QString, qint64> out;
    for (auto it = sourceReason.cbegin(); it != sourceReason.cend(); ++it)
        out[it.key().source] += it.value();
    return out;
}

void StatsHistory::add(qint64 nowMs, const StatsSnapshot &s)
{
    // A restarted engine starts its counters from zero: measure from there.
    const bool restarted =
        m_havePrevious && (s.uptimeMs < m_previous.uptimeMs || s.requests < m_previous.requests);
    if (m_havePrevious && !restarted && nowMs > m_previousAtMs) {
        const double secs = double(nowMs - m_previousAtMs) / 1000.0;
        QStringList outcomes = s.byOutcome.keys();
        for (const QString &o : m_rates.keys()) {
            if (!outcomes.contains(o))
                outcomes << o;
        }
        for (const QString &o : std::as_const(outcomes)) {
            const qint64 delta = s.byOutcome.value(o) - m_previous.byOutcome.value(o);
            m_rates[o] << QPointF(double(nowMs), double(qMax<qint64>(0, delta)) / secs);
        }
    }
    m_p50 << QPointF(double(nowMs), double(s.latencyP50Us) / 1000.0);
    m_p99 << QPointF(double(nowMs), double(s.latencyP99Us) / 1000.0);

    const QMap<QString, qint64> now = bySource(s.signatureFailuresBySource);
    // The first sample of a gateway that has run a while (a console attaching to a service)
    // is where counting starts: its totals since start do not belong to this minute.
    const bool baseline = !m_havePrevious && s.uptimeMs > kFreshStartMs;
    const QMap<QString, qint64> before = baseline ? now
                                         : m_havePrevious && !restarted
                                             ? bySource(m_previous.signatureFailuresBySource)
                                             : QMap<QString, qint64>{};
    const qint64 minute = nowMs - nowMs % 60000;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const qint64 delta = it.value() - before.value(it.key());
        if (delta > 0 || !m_failures.contains(it.key()))
            m_failures[it.key()][minute] += qMax<qint64>(0, delta);
    }
    m_previous = s;
    m_previousAtMs = nowMs;
    m_havePrevious = true;
    trim(nowMs);
}

void StatsHistory::seed(QMap<QString, QList<QPointF>> rates, QList<QPointF> p50, QList<QPointF> p99,
                        const QMap<QString, QList<QPointF>> &failuresPerMinute)
{
    m_rates = std::move(rates);
    m_p50 = std::move(p50);
    m_p99 = std::move(p99);
    m_failures.clear();
    for (auto it = failuresPerMinute.cbegin(); it != failuresPerMinute.cend(); ++it) {
        for (const QPointF &p : it.value())
            m_failures[it.key()][qint64(p.x())] = qint64(p.y());
    }
}

void StatsHistory::clear()
{
    *this = StatsHistory();
}

void StatsHistory::trim(qint64 nowMs)
{
    auto trimList = [&](QList<QPointF> &points) {
        qsizetype drop = 0;
        while (drop < points.size() && points.at(drop).x() < double(nowMs - kRateWindowMs))
            ++drop;
        points.remove(0, drop);
    };
    for (auto &series : m_rates)
        trimList(series);
    trimList(m_p50);
    trimList(m_p99);
    for (auto &minutes : m_failures) {
        while (!minutes.isEmpty() && minutes.firstKey() < nowMs - kFailureWindowMs)
            minutes.erase(minutes.begin());
    }
}

QMap<QString, QList<QPointF>> StatsHistory::signatureFailures(qint64 nowMs) const
{
    // Every minute of the hour gets a point (zero when quiet), so the lines read as a
    // timeline rather than joining distant failures.
    QMap<QString, QList<QPointF>> out;
    const qint64 last = nowMs - nowMs % 60000;
    for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it) {
        QList<QPointF> &points = out[it.key()];
        for (qint64 m = last - kFailureWindowMs + 60000; m <= last; m += 60000)
            points << QPointF(double(m), double(it.value().value(m)));
    }
    return out;
}

qint64 StatsHistory::failuresLastHour(const QString &source) const
{
    qint64 sum = 0;
    for (qint64 v : m_failures.value(source))
        sum += v;
    return sum;
}

} // namespace gerbang
