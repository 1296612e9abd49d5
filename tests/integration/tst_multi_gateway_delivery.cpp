// SPDX-License-Identifier: GPL-3.0-or-later
// Two real gerbangd processes on one PostgreSQL database deliver one outbox to one core: every
// event reaches the sink exactly once while the sink is healthy (rows are leased, never
// delivered by both at once), both gateways take part, and the retention job runs once per
// interval. Runs only when GERBANG_TEST_DATABASE_URL names a PostgreSQL server.
#include "TestSink.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

const QByteArray kSinkSecret = kTestSinkSecret.toByteArray();
const QByteArray kFixtureWamid = kFixtureTextWamid.toByteArray();

} // namespace

class TestMultiGatewayDelivery : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dirs[2];
    std::unique_ptr<GatewayProcess> m_gws[2];
    TestSink m_sink;

private Q_SLOTS:
    void initTestCase()
    {
        if (!testingOnPostgres())
            QSKIP("several gateways share a PostgreSQL database: set GERBANG_TEST_DATABASE_URL "
                  "(tests/support/pg-cluster.sh start prints one; test.sh does this)");
        QVERIFY(m_sink.listen());
        for (auto &dir : m_dirs) {
            dir = std::make_unique<QTemporaryDir>();
            QVERIFY(dir->isValid());
        }
        const QString url = testDatabaseUrl(m_dirs[0]->path());
        const QString masterKey = QString::fromLatin1(crypto::randomBytes(32).toBase64());
        for (int i = 0; i < 2; ++i) {
            m_gws[i] = std::make_unique<GatewayProcess>(m_dirs[i]->path());
            QProcessEnvironment &env = m_gws[i]->environment();
            env.insert(u"GERBANG_DATABASE_URL"_s, url);
            env.insert(u"GERBANG_MASTER_KEY"_s, masterKey);
            env.insert(u"GERBANG_WHATSAPP_APP_SECRET"_s, QString::fromLatin1(kFixtureAppSecret));
            env.insert(u"GERBANG_SINK_URL"_s, m_sink.url());
            env.insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kSinkSecret));
        }
        const CommandResult r = runCtl(m_dirs[0]->path(),
                                       {u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s,
                                        u"Firm A"_s, u"--waba"_s, u"100000000000001"_s},
                                       {}, m_gws[0]->environment());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (auto &gw : m_gws) {
            QString error;
            QVERIFY2(gw->start(&error), qPrintable(error));
        }
    }

    void cleanupTestCase()
    {
        for (auto &gw : m_gws) {
            if (gw && gw->isRunning())
                QCOMPARE(gw->terminate(), 0);
        }
    }

    void eachEventIsDeliveredOnceByOneOfThem()
    {
        constexpr int kEvents = 300;
        const QByteArray fixture = readFixture(u"wa_text.json"_s);
        for (int i = 0; i < kEvents; ++i) {
            QByteArray body = fixture;
            body.replace(kFixtureWamid, QByteArray("wamid.shared-" + QByteArray::number(i)));
            const HttpResult r =
                httpRequest(m_gws[i % 2]->port(), "POST", "/whatsapp/webhook", body,
                            {{"Content-Type", "application/json"},
                             {"X-Hub-Signature-256", hubSignature(body)}});
            QCOMPARE(r.status, 200);
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_sink.count() >= kEvents, 30000);
        QTest::qWait(1000); // a second delivery of anything would arrive now
        QHash<QByteArray, int> seen;
        for (const TestSink::Request &r : m_sink.requests())
            seen[r.header("webhook-id")] += 1;
        QCOMPARE(seen.size(), kEvents);
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1, it.key().constData());
        // Both gateways delivered: each counts its own deliveries in /metrics.
        static const QRegularExpression delivered(u"^gerbang_deliveries_total (\\d+)"_s,
                                                  QRegularExpression::MultilineOption);
        qint64 total = 0;
        for (auto &gw : m_gws) {
            const QString metrics =
                QString::fromUtf8(httpRequest(gw->port(), "GET", "/metrics").body);
            const qint64 n = delivered.match(metrics).captured(1).toLongLong();
            QVERIFY2(n > 0, "one gateway delivered nothing");
            total += n;
        }
        QCOMPARE(total, kEvents);
    }

    void retentionRunsOncePerInterval()
    {
        // Both gateways started within a second; the schedule allows one run per interval.
        int runs = 0;
        for (auto &gw : m_gws)
            runs += int(gw->output().count("retention run: removed"));
        QCOMPARE(runs, 1);
    }
};

QTEST_GUILESS_MAIN(TestMultiGatewayDelivery)
#include "tst_multi_gateway_delivery.moc"
