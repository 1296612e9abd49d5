// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"

#include <QList>
#include <QMap>
#include <QPointF>

namespace gerbang {

// Turns the engine's cumulative counters, sampled about once a second, into the series the
// dashboard draws: rates per second over the last minutes, and signature failures per minute
// over the last hour. Counters that go backwards mean the engine restarted.
class StatsHistory
{
public:
    static constexpr qint64 kRateWindowMs = 5 * 60 * 1000;
    static constexpr qint64 kFailureWindowMs = 60 * 60 * 1000;

    // A gateway up for longer than this when first sampled was not just started: its
    // counters so far are a baseline, not this minute's.
    static constexpr qint64 kFreshStartMs = 5000;

    void add(qint64 nowMs, const StatsSnapshot &snapshot);
    // The series as another history drew them (an attached gateway's, historyJson()), before
    // the first add(): the charts start with the last minutes instead of blank.
    void seed(QMap<QString, QList<QPointF>> rates, QList<QPointF> p50, QList<QPointF> p99,
              const QMap<QString, QList<QPointF>> &failuresPerMinute);
    void clear();

    // x: epoch milliseconds, y: requests per second, by outcome.
    const QMap<QString, QList<QPointF>> &requestRates() const { return m_rates; }
    // x: epoch milliseconds, y: milliseconds.
    const QList<QPointF> &latencyP50() const { return m_p50; }
    const QList<QPointF> &latencyP99() const { return m_p99; }
    // x: start of the minute (epoch ms), y: failures in that minute, by source.
    QMap<QString, QList<QPointF>> signatureFailures(qint64 nowMs) const;
    qint64 failuresLastHour(const QString &source) const;

private:
    static QMap<QString, qint64> bySource(const QMap<FailureSeries, qint64> &sourceReason);
    void trim(qint64 nowMs);

    bool m_havePrevious = false;
    qint64 m_previousAtMs = 0;
    StatsSnapshot m_previous;
    QMap<QString, QList<QPointF>> m_rates;
    QList<QPointF> m_p50;
    QList<QPointF> m_p99;
    QMap<QString, QMap<qint64, qint64>> m_failures; // source → minute → count
};

} // namespace gerbang
