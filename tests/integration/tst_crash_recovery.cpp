// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 under load: every webhook answered 200 before the crash is stored and, after a
// restart, delivered to the core. Real process, real load, real sink.
#include "TestSink.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace gerbang::test;

namespace {

const QByteArray kSinkSecret = kTestSinkSecret.toByteArray();
const QByteArray kFixtureWamid = kFixtureTextWamid.toByteArray();

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestSink m_sink;

    QProcessEnvironment ctlEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_CONFIG"_s, m_dir.path() + u"/gerbang.ini"_s);
        return env;
    }

    std::unique_ptr<GatewayProcess> startGateway()
    {
        auto gw = std::make_unique<GatewayProcess>(m_dir.path());
        gw->environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                 QString::fromLatin1(kFixtureAppSecret));
        gw->environment().insert(u"GERBANG_SINK_URL"_s, m_sink.url());
        gw->environment().insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kSinkSecret));
        QString error;
        if (!gw->start(&error))
            qWarning() << "gerbangd did not start:" << error;
        return gw;
    }

    QSet<QString> deliveredWamids() const
    {
        QSet<QString> got;
        for (const TestSink::Request &r : m_sink.requests())
            got << QJsonDocument::fromJson(r.body)
                       .object()[u"data"_s][u"event"_s][u"wamid"_s]
                       .toString();
        return got;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile ini(m_dir.path() + u"/gerbang.ini"_s);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ini.write("[delivery]\nretry_base_ms=100\nretry_cap_ms=1000\n");
        ini.close();
        const CommandResult r = runCtl(m_dir.path(),
                                       {u"tenant"_s, u"add"_s, u"acme"_s, u"--name"_s, u"Acme"_s,
                                        u"--waba"_s, u"100000000000001"_s},
                                       {}, ctlEnv());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(m_sink.listen());
    }

    void acknowledgedEventsSurviveKillNine()
    {
        auto gw = startGateway();
        QVERIFY(gw->isRunning());
        const quint16 port = gw->port();
        const QByteArray fixture = readFixture(u"wa_text.json"_s);

        QMutex mutex;
        QStringList acknowledged;
        std::atomic<int> failed = 0;
        std::atomic<int> refusedBeforeKill = 0; // an answer other than 200 while it ran
        std::atomic<bool> killed = false;
        std::atomic<bool> stop = false;
        std::vector<std::thread> clients;
        for (int t = 0; t < 4; ++t) {
            clients.emplace_back([&, t] {
                for (int i = 0; !stop; ++i) {
                    const QByteArray wamid =
                        "wamid.crash-" + QByteArray::number(t) + '-' + QByteArray::number(i);
                    QByteArray body = fixture;
                    body.replace(kFixtureWamid, wamid);
                    const HttpResult r = httpRequest(port, "POST", "/whatsapp/webhook", body,
                                                     {{"Content-Type", "application/json"},
                                                      {"X-Hub-Signature-256", hubSignature(body)}},
                                                     5000);
                    if (r.status == 200) {
                        QMutexLocker lock(&mutex);
                        acknowledged << QString::fromLatin1(wamid);
                    } else {
                        failed += 1; // refused or cut off by the crash: the provider retries
                        if (!killed && r.status != 0)
                            refusedBeforeKill += 1;
                    }
                }
            });
        }
        // Let the load and the deliveries run, then pull the plug mid-stream.
        QTest::qWait(1500);
        killed = true;
        gw->kill();
        stop = true;
        for (std::thread &c : clients)
            c.join();
        const QStringList acked = acknowledged;
        qInfo("acknowledged before the crash: %lld, not acknowledged (connection refused or cut "
              "by the kill): %d, delivered before the crash: %lld",
              qint64(acked.size()), failed.load(), qint64(deliveredWamids().size()));
        // While it ran, the gateway answered every request 200: errors come only from the kill.
        QCOMPARE(refusedBeforeKill.load(), 0);
        QVERIFY2(acked.size() > 100, "the load did not get going");

        auto again = startGateway();
        QVERIFY(again->isRunning());
        const QSet<QString> expected(acked.cbegin(), acked.cend());
        QTRY_VERIFY_WITH_TIMEOUT(deliveredWamids().contains(expected), 60000);

        // Stored exactly once each, and every stored event ends delivered.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const CommandResult r = runCtl(
                    m_dir.path(), {u"events"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"0"_s}, {},
                    ctlEnv());
                const QJsonArray events = QJsonDocument::fromJson(r.out).array();
                QSet<QString> stored;
                for (const QJsonValue &e : events) {
                    if (e[u"delivery_state"_s].toString() != u"delivered"_s)
                        return false;
                    stored << e[u"provider_event_id"_s].toString();
                }
                return stored.size() == events.size() && stored.contains(expected);
            }(),
            30000);
        QCOMPARE(again->terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "tst_crash_recovery.moc"
