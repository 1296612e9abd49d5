// SPDX-License-Identifier: GPL-3.0-or-later
// The fleet table on a real SQLite file: a beat inserts or updates its own row and forgets
// gateways silent for a month (and their own alert conditions), but keeps the ones that merely
// stopped answering lately.
#include "storage/AlertConditionRepository.h"
#include "storage/Database.h"
#include "storage/GatewayRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;

class TestGatewayRepository : public QObject
{
    Q_OBJECT

    static GatewayBeat beatOf(const QString &id, qint64 lastSeenAtMs)
    {
        GatewayBeat b;
        b.id = id;
        b.host = u"host-"_s + id;
        b.version = u"0.1.0"_s;
        b.webhookUrl = u"http://127.0.0.1:8080"_s;
        // No admin URL: the admin API is off (a null QString, which must not become SQL NULL).
        b.startedAtMs = lastSeenAtMs - 1000;
        b.lastSeenAtMs = lastSeenAtMs;
        b.summary = u"{}"_s;
        return b;
    }

private Q_SLOTS:
    void aBeatForgetsGatewaysSilentForAMonth()
    {
        QTemporaryDir dir;
        QString error;
        auto db = Database::open(
            {DatabaseTarget::sqlite(dir.filePath(u"gerbang.sqlite"_s)), 2000, false}, &error);
        QVERIFY2(db && db->migrate(&error), qPrintable(error));
        GatewayRepository fleet(*db);
        constexpr qint64 kNow = 1'800'000'000'000;
        constexpr qint64 kDay = 86'400'000;
        QVERIFY2(fleet.beat(beatOf(u"gone"_s, kNow - 31 * kDay), &error), qPrintable(error));
        QVERIFY2(fleet.beat(beatOf(u"quiet"_s, kNow - 2 * kDay), &error), qPrintable(error));
        // That beat came less than a month after "gone" was last seen: both stay.
        QCOMPARE(fleet.all(&error).size(), 2);
        // Each has a raised condition of its own; the fleet has one too.
        AlertConditionRepository conditions(*db);
        for (const QString &scope : {u"gone"_s, u"quiet"_s, u""_s}) {
            bool tookEffect = false;
            QVERIFY2(conditions.raise({u"disk_space_low"_s, scope, u"/var/lib/gerbang"_s},
                                      std::nullopt, {1, kNow, 0}, &tookEffect, &error),
                     qPrintable(error));
            QVERIFY(tookEffect);
        }
        QVERIFY2(fleet.beat(beatOf(u"me"_s, kNow), &error), qPrintable(error));
        for (const auto &[scope, kept] :
             {std::pair{u"gone"_s, false}, std::pair{u"quiet"_s, true}, std::pair{u""_s, true}}) {
            std::optional<RaisedCondition> row;
            QVERIFY2(
                conditions.find({u"disk_space_low"_s, scope, u"/var/lib/gerbang"_s}, &row, &error),
                qPrintable(error));
            QCOMPARE(row.has_value(), kept);
        }
        QStringList ids;
        for (const GatewayBeat &g : fleet.all(&error))
            ids << g.id;
        ids.sort();
        QCOMPARE(ids, (QStringList{u"me"_s, u"quiet"_s}));
        QCOMPARE(fleet.all(&error).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestGatewayRepository)
#include "tst_gateway_repository.moc"
