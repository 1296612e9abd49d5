// SPDX-License-Identifier: GPL-3.0-or-later
// StatsHistory: cumulative engine counters sampled once a second become the dashboard's series.
#include "StatsHistory.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000; // a whole minute

StatsSnapshot at(qint64 uptimeMs, qint64 accepted, qint64 rejected, qint64 whatsappFailures)
{
    StatsSnapshot s;
    s.uptimeMs = uptimeMs;
    s.byOutcome = {{u"accepted"_s, accepted}, {u"rejected"_s, rejected}};
    s.requests = accepted + rejected;
    s.signatureFailuresBySource = {{{u"whatsapp"_s, u"mismatch"_s}, whatsappFailures - 1},
                                   {{u"whatsapp"_s, u"missing"_s}, 1}};
    s.latencyP50Us = 1500;
    s.latencyP99Us = 9000;
    return s;
}

} // namespace

class TestStatsHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aGatewayThatRanAWhileStartsTheCountNotTheMinute()
    {
        // A console attaching to a service up for an hour: its 500 failures so far are not
        // this minute's; the next three are.
        StatsHistory h;
        h.add(kT0, at(3'600'000, 10, 2, 501));
        QCOMPARE(h.failuresLastHour(u"whatsapp"_s), 0);
        h.add(kT0 + 1000, at(3'601'000, 10, 2, 504));
        QCOMPARE(h.failuresLastHour(u"whatsapp"_s), 3);
        // A gateway just started counts from its first sample.
        StatsHistory fresh;
        fresh.add(kT0, at(1000, 1, 0, 4));
        QCOMPARE(fresh.failuresLastHour(u"whatsapp"_s), 4);
    }

    void ratesAreDeltasPerSecond()
    {
        StatsHistory h;
        h.add(kT0, at(1000, 10, 2, 3));
        QVERIFY(h.requestRates().isEmpty()); // one sample is no rate yet
        h.add(kT0 + 2000, at(3000, 30, 6, 7));
        QCOMPARE(h.requestRates().value(u"accepted"_s),
                 (QList<QPointF>{{double(kT0 + 2000), 10.0}}));
        QCOMPARE(h.requestRates().value(u"rejected"_s),
                 (QList<QPointF>{{double(kT0 + 2000), 2.0}}));
        QCOMPARE(h.latencyP99().last(), QPointF(double(kT0 + 2000), 9.0));
    }

    void signatureFailuresPerMinuteForAnHour()
    {
        StatsHistory h;
        h.add(kT0 + 5000, at(1000, 0, 0, 2));     // 2 failures before the first sample: kept
        h.add(kT0 + 65000, at(61000, 0, 0, 9));   // 7 more in the next minute
        h.add(kT0 + 125000, at(121000, 0, 0, 9)); // a quiet minute
        const auto series = h.signatureFailures(kT0 + 125000);
        const QList<QPointF> points = series.value(u"whatsapp"_s);
        QCOMPARE(points.size(), 60);
        QCOMPARE(points.last(), QPointF(double(kT0 + 120000), 0.0));
        QCOMPARE(points.at(58), QPointF(double(kT0 + 60000), 7.0));
        QCOMPARE(points.at(57), QPointF(double(kT0), 2.0));
        QCOMPARE(h.failuresLastHour(u"whatsapp"_s), 9);
        // An hour later the old minutes are gone.
        h.add(kT0 + 3'700'000, at(3'700'000, 0, 0, 9));
        QCOMPARE(h.failuresLastHour(u"whatsapp"_s), 0);
    }

    void engineRestartStartsAgainFromZero()
    {
        StatsHistory h;
        h.add(kT0, at(50000, 100, 0, 1));
        h.add(kT0 + 1000, at(51000, 110, 0, 1));
        // Restarted: counters and uptime went back; no negative rate, no false failures.
        h.add(kT0 + 2000, at(500, 3, 0, 1));
        for (const QPointF &p : h.requestRates().value(u"accepted"_s))
            QVERIFY(p.y() >= 0);
        h.add(kT0 + 3000, at(1500, 8, 0, 1));
        QCOMPARE(h.requestRates().value(u"accepted"_s).last().y(), 5.0);
    }
};

QTEST_MAIN(TestStatsHistory)
#include "tst_stats_history.moc"
