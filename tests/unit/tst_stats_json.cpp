// SPDX-License-Identifier: GPL-3.0-or-later
// The statistics as the admin API publishes them, read back by an attached console: every
// published field survives the trip, so the dashboard draws the same from either side.
#include "StatsHistory.h"
#include "admin/StatsJson.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestStatsJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyPublishedFieldSurvivesTheTrip()
    {
        StatsSnapshot s;
        s.uptimeMs = 123'456;
        s.requests = 99;
        s.byOutcome = {{u"accepted"_s, 80}, {u"rejected"_s, 19}};
        s.byProvider = {{u"whatsapp"_s, 70}, {u"stripe"_s, 29}};
        s.signatureFailures = {{u"mismatch"_s, 17}, {u"missing"_s, 2}};
        s.signatureFailuresBySource = {{{u"whatsapp:app1"_s, u"mismatch"_s}, 17},
                                       {{u"stripe-main"_s, u"missing"_s}, 2}};
        s.requestsByLabels = {{{u"whatsapp"_s, u"accepted"_s, 200}, 70},
                              {{u""_s, u"rejected"_s, 401}, 19}};
        s.latencyP50Us = 1500;
        s.latencyP99Us = 9000;
        s.eventsStored = 75;
        s.dedupHits = 5;
        s.openConnections = 3;
        s.pendingCommits = 1;
        s.commitBatches = 40;
        s.auditDropped = 0;
        s.rateLimited = 4;
        s.forbidden = 6;
        s.connectionsRefusedGlobal = 7;
        s.connectionsRefusedPerAddress = 8;
        s.topOffenders = {ClientCounter{u"203.0.113.9"_s, 12, 30, 1'800'000'000'000}};
        s.outboxPending = 11;
        s.deadLetters = 2;
        s.delivered = 60;
        s.deliveryFailures = 9;
        s.lastPurgeMs = 1'800'000'000'000;
        s.nextPurgeMs = 1'800'003'600'000;
        s.alertsRaised = 1;
        s.recentAlerts = {
            AlertInfo{1'800'000'000'500, u"whatsapp"_s, u"signature_failures"_s, 10, 60}};

        // Through text, as the wire carries it.
        const QJsonObject wire =
            QJsonDocument::fromJson(QJsonDocument(statsJson(s)).toJson()).object();
        const StatsSnapshot r = statsFromJson(wire);
        QCOMPARE(r.uptimeMs, s.uptimeMs);
        QCOMPARE(r.requests, s.requests);
        QCOMPARE(r.byOutcome, s.byOutcome);
        QCOMPARE(r.byProvider, s.byProvider);
        QCOMPARE(r.signatureFailures, s.signatureFailures);
        QCOMPARE(r.signatureFailuresBySource, s.signatureFailuresBySource);
        QCOMPARE(r.requestsByLabels, s.requestsByLabels);
        QCOMPARE(r.latencyP50Us, s.latencyP50Us);
        QCOMPARE(r.latencyP99Us, s.latencyP99Us);
        QCOMPARE(r.eventsStored, s.eventsStored);
        QCOMPARE(r.dedupHits, s.dedupHits);
        QCOMPARE(r.openConnections, s.openConnections);
        QCOMPARE(r.pendingCommits, s.pendingCommits);
        QCOMPARE(r.commitBatches, s.commitBatches);
        QCOMPARE(r.rateLimited, s.rateLimited);
        QCOMPARE(r.forbidden, s.forbidden);
        QCOMPARE(r.connectionsRefusedGlobal, s.connectionsRefusedGlobal);
        QCOMPARE(r.connectionsRefusedPerAddress, s.connectionsRefusedPerAddress);
        QCOMPARE(r.topOffenders.size(), 1);
        QCOMPARE(r.topOffenders[0].address, s.topOffenders[0].address);
        QCOMPARE(r.topOffenders[0].rejected, 12);
        QCOMPARE(r.topOffenders[0].requestsLastSecond, 30);
        QCOMPARE(r.topOffenders[0].lastSeenMs, s.topOffenders[0].lastSeenMs);
        QCOMPARE(r.outboxPending, 11);
        QCOMPARE(r.deadLetters, 2);
        QCOMPARE(r.delivered, 60);
        QCOMPARE(r.deliveryFailures, 9);
        QCOMPARE(r.lastPurgeMs, s.lastPurgeMs);
        QCOMPARE(r.nextPurgeMs, s.nextPurgeMs);
        QCOMPARE(r.alertsRaised, 1);
        QCOMPARE(r.recentAlerts.size(), 1);
        QCOMPARE(r.recentAlerts[0].atMs, s.recentAlerts[0].atMs);
        QCOMPARE(r.recentAlerts[0].source, u"whatsapp"_s);
        QCOMPARE(r.recentAlerts[0].kind, u"signature_failures"_s);
        QCOMPARE(r.recentAlerts[0].count, 10);
        QCOMPARE(r.recentAlerts[0].windowSecs, 60);
    }

    void historySeedsAnotherHistory()
    {
        StatsHistory h;
        constexpr qint64 t0 = 1'800'000'000'000;
        StatsSnapshot s;
        for (int i = 0; i < 5; ++i) {
            s.uptimeMs = 1000 * (i + 1);
            s.requests = 10 * i;
            s.byOutcome = {{u"accepted"_s, 10 * i}};
            s.latencyP50Us = 1000 + i;
            s.signatureFailuresBySource = {{{u"whatsapp"_s, u"mismatch"_s}, i}};
            h.add(t0 + 1000 * i, s);
        }
        StatsHistory seeded;
        seedHistory(
            seeded,
            QJsonDocument::fromJson(QJsonDocument(historyJson(h, t0 + 4000)).toJson()).object());
        QCOMPARE(seeded.latencyP50().size(), h.latencyP50().size());
        QCOMPARE(seeded.latencyP50().last(), h.latencyP50().last());
        QCOMPARE(seeded.requestRates().value(u"accepted"_s), h.requestRates().value(u"accepted"_s));
        QCOMPARE(seeded.failuresLastHour(u"whatsapp"_s), h.failuresLastHour(u"whatsapp"_s));
    }

    void absentDeliveryAndPurgeReadBackAsTheEngineSaysThem()
    {
        StatsSnapshot s; // outbox -1: no delivery; purge 0: never
        const StatsSnapshot r = statsFromJson(statsJson(s));
        QCOMPARE(r.outboxPending, -1);
        QCOMPARE(r.deadLetters, -1);
        QCOMPARE(r.lastPurgeMs, 0);
        QCOMPARE(r.nextPurgeMs, 0);
    }
};

QTEST_GUILESS_MAIN(TestStatsJson)
#include "tst_stats_json.moc"
