// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery to the core end to end: a real gerbangd, real signed WhatsApp POSTs, and a real
// HTTP sink started by the test that answers as each case needs.
#include "TestSink.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace gerbang::test;
using Reply = TestSink::Reply;
using Action = TestSink::Action;

namespace {

const QByteArray kSinkSecret = kTestSinkSecret.toByteArray();
const QString kFixtureWamid = QString::fromLatin1(kFixtureTextWamid);

} // namespace

class TestDelivery : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayProcess> m_gw;
    std::unique_ptr<TestSink> m_sink;

    QString dataDir() const { return m_dir->path(); }

    QProcessEnvironment ctlEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_CONFIG"_s, dataDir() + u"/gerbang.ini"_s);
        return env;
    }

    QJsonArray ctlJson(const QStringList &args)
    {
        const CommandResult r = runCtl(dataDir(), args, {}, ctlEnv());
        if (r.exitCode != 0)
            qWarning() << "gerbangctl" << args << "failed:" << r.err;
        return QJsonDocument::fromJson(r.out).array();
    }

    QStringList deliveryStates()
    {
        QStringList states;
        for (const QJsonValue &v : ctlJson({u"events"_s, u"list"_s, u"--json"_s}))
            states << v[u"delivery_state"_s].toString();
        return states;
    }

    void writeConfig(const QByteArray &extra = {})
    {
        QFile ini(dataDir() + u"/gerbang.ini"_s);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        ini.write("[delivery]\nretry_base_ms=100\nretry_cap_ms=400\n[sink]\ntimeout_ms=700\n" +
                  extra);
    }

    void startGateway(const QString &sinkUrl, const QMap<QString, QString> &env = {})
    {
        m_gw = std::make_unique<GatewayProcess>(dataDir());
        auto &e = m_gw->environment();
        e.insert(u"GERBANG_WHATSAPP_APP_SECRET"_s, QString::fromLatin1(kFixtureAppSecret));
        e.insert(u"GERBANG_SINK_URL"_s, sinkUrl);
        e.insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kSinkSecret));
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
    }

    // The text fixture with its own wamid, signed like Meta does.
    int postMessage(const QString &wamid = kFixtureWamid)
    {
        QByteArray body = readFixture(u"wa_text.json"_s);
        body.replace(kFixtureWamid.toLatin1(), wamid.toLatin1());
        return httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                           {{"Content-Type", "application/json"},
                            {"X-Hub-Signature-256", hubSignature(body)}})
            .status;
    }

    static QJsonObject bodyOf(const TestSink::Request &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        writeConfig();
        const CommandResult r = runCtl(dataDir(),
                                       {u"tenant"_s, u"add"_s, u"acme"_s, u"--name"_s, u"Acme"_s,
                                        u"--waba"_s, u"100000000000001"_s},
                                       {}, ctlEnv());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_sink = std::make_unique<TestSink>();
    }

    void cleanup()
    {
        QString why;
        QVERIFY2(!m_gw || m_gw->stopCleanly(&why), qPrintable(why));
        m_gw.reset();
        m_sink.reset();
        m_dir.reset();
    }

    void deliversASignedNormalizedEvent()
    {
        QVERIFY(m_sink->listen());
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        const TestSink::Request r = m_sink->requests().first();
        QCOMPARE(r.method, "POST");
        QCOMPARE(r.target, "/events");
        QCOMPARE(r.header("content-type"), "application/json");

        // Standard Webhooks, computed here from the specification: v1 = base64 of
        // HMAC-SHA256(base64-decoded secret, "{id}.{timestamp}.{body}").
        const QByteArray id = r.header("webhook-id");
        const QByteArray ts = r.header("webhook-timestamp");
        QVERIFY(id.startsWith("gev_"));
        QVERIFY(qAbs(ts.toLongLong() - QDateTime::currentSecsSinceEpoch()) < 60);
        const QByteArray key = QByteArray::fromBase64(kSinkSecret.mid(6));
        const QByteArray expected =
            "v1," +
            gerbang::crypto::hmacSha256(key, QByteArray(id + '.' + ts + '.' + r.body)).toBase64();
        QCOMPARE(r.header("webhook-signature"), expected);

        const QJsonObject root = bodyOf(r);
        QCOMPARE(root[u"type"_s].toString(), u"whatsapp.message.text"_s);
        const QJsonObject event = root[u"data"_s][u"event"_s].toObject();
        QCOMPARE(event[u"schema"_s].toString(), u"gerbang.normalized_message/1"_s);
        QCOMPARE(event[u"id"_s].toString().toLatin1(), id);
        QCOMPARE(event[u"tenant"_s].toString(), u"acme"_s);
        QCOMPARE(event[u"wamid"_s].toString(), kFixtureWamid);
        QCOMPARE(event[u"sender_hash"_s].toString().size(), 64);
        // Normalized: no content, no phone number. The original travels beside it.
        const QByteArray normalized = QJsonDocument(event).toJson(QJsonDocument::Compact);
        QVERIFY(!normalized.contains("6281300000101"));
        QVERIFY(!normalized.contains("Selamat pagi"));
        QCOMPARE(root[u"data"_s][u"content"_s][u"id"_s].toString(), kFixtureWamid);
        QVERIFY(root[u"data"_s][u"content"_s][u"text"_s][u"body"_s].toString().startsWith(
            u"Selamat pagi"_s));

        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        // A provider retry is a duplicate: nothing new for the core.
        QCOMPARE(postMessage(), 200);
        QTest::qWait(500);
        QCOMPARE(m_sink->count(), 1);
    }

    void retriesAfterAServerErrorWithTheSameId()
    {
        QVERIFY(m_sink->listen());
        m_sink->setPolicy([](const TestSink::Request &, int i) {
            return Reply{Action::Respond, i < 2 ? 500 : 200, {}};
        });
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        const QList<TestSink::Request> got = m_sink->requests();
        QCOMPARE(got.size(), 3);
        QCOMPARE(got[1].header("webhook-id"), got[0].header("webhook-id"));
        QCOMPARE(got[2].header("webhook-id"), got[0].header("webhook-id"));
    }

    void clientErrorIsADeadLetterThatCanBeReplayed()
    {
        QVERIFY(m_sink->listen());
        std::atomic<int> status = 400;
        m_sink->setPolicy([&status](const TestSink::Request &, int) {
            return Reply{Action::Respond, status.load(), {}};
        });
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"dead"_s}, 10000);
        QTest::qWait(600); // several retry periods: a 400 is never retried
        QCOMPARE(m_sink->count(), 1);
        const QJsonArray dead = ctlJson({u"dlq"_s, u"list"_s, u"--json"_s});
        QCOMPARE(dead.size(), 1);
        QCOMPARE(dead[0][u"last_status"_s].toInt(), 400);
        QCOMPARE(dead[0][u"attempts"_s].toInt(), 1);
        QCOMPARE(dead[0][u"provider_event_id"_s].toString(), kFixtureWamid);

        status = 200;
        const CommandResult r =
            runCtl(dataDir(), {u"dlq"_s, u"replay"_s, u"--all"_s}, {}, ctlEnv());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("1 dead letter"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        QCOMPARE(m_sink->count(), 2);
        QVERIFY(ctlJson({u"dlq"_s, u"list"_s, u"--json"_s}).isEmpty());
        // The replay is audited.
        const QJsonArray audit = ctlJson({u"audit"_s, u"list"_s, u"--json"_s});
        QVERIFY(std::any_of(audit.begin(), audit.end(), [](const QJsonValue &row) {
            return row[u"outcome"_s].toString() == u"replay"_s &&
                   row[u"path"_s].toString() == u"gerbangctl dlq replay"_s;
        }));
    }

    void aSinkThatDoesNotAnswerIsRetried()
    {
        QVERIFY(m_sink->listen());
        m_sink->setPolicy([](const TestSink::Request &, int i) {
            return i == 0 ? Reply{Action::Hang, 0, {}} : Reply{Action::Respond, 200, {}};
        });
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        QCOMPARE(m_sink->count(), 2);
    }

    void aSinkThatIsDownForAWhileGetsEverything()
    {
        QVERIFY(m_sink->listen());
        const quint16 port = m_sink->port();
        m_sink->close(); // the core is down
        startGateway(m_sink->url());
        QStringList wamids;
        for (int i = 0; i < 5; ++i) {
            wamids << u"wamid.down-%1"_s.arg(i);
            QCOMPARE(postMessage(wamids.last()), 200); // providers never see the outage
        }
        QTest::qWait(1500);
        QCOMPARE(deliveryStates(), QStringList(5, u"pending"_s));
        QVERIFY(m_sink->listen(port)); // back up
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList(5, u"delivered"_s), 15000);
        QSet<QString> got;
        for (const TestSink::Request &r : m_sink->requests())
            got << bodyOf(r)[u"data"_s][u"event"_s][u"wamid"_s].toString();
        QCOMPARE(got, QSet<QString>(wamids.cbegin(), wamids.cend()));
    }

    void replayDeliversAStoredEventAgain()
    {
        QVERIFY(m_sink->listen());
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        const QString id = ctlJson({u"events"_s, u"list"_s, u"--json"_s})[0][u"id"_s].toString();
        const CommandResult r = runCtl(dataDir(), {u"events"_s, u"replay"_s, id}, {}, ctlEnv());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 2, 10000);
        const QList<TestSink::Request> got = m_sink->requests();
        QCOMPARE(got[1].header("webhook-id"), got[0].header("webhook-id"));
        QTRY_COMPARE_WITH_TIMEOUT(deliveryStates(), QStringList{u"delivered"_s}, 10000);
        // An unknown id is an error, and nothing is sent.
        const CommandResult bad =
            runCtl(dataDir(), {u"events"_s, u"replay"_s, u"ev_nope"_s}, {}, ctlEnv());
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("no event"));
    }

    void referencesOnlyWhenConfigured()
    {
        QVERIFY(m_sink->listen());
        startGateway(m_sink->url(), {{u"GERBANG_SINK_CONTENT"_s, u"refs"_s}});
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        const QJsonObject data = bodyOf(m_sink->requests().first())[u"data"_s].toObject();
        QVERIFY(!data.contains(u"content"_s));
        QVERIFY(data[u"event"_s][u"content_ref"_s].toString().startsWith(u"raw:"_s));
        QVERIFY(!m_sink->requests().first().body.contains("Selamat pagi"));
        // Without a token the content route does not exist.
        const QString id = ctlJson({u"events"_s, u"list"_s, u"--json"_s})[0][u"id"_s].toString();
        QCOMPARE(httpRequest(m_gw->port(), "GET", "/internal/events/" + id.toLatin1()).status, 404);
    }

    void retentionRunsOnScheduleAndReloadsOnHangup()
    {
        QVERIFY(m_sink->listen());
        startGateway(m_sink->url());
        QCOMPARE(postMessage(), 200);
        // The first scheduled run happens at start; /metrics and the console see when.
        QTRY_VERIFY_WITH_TIMEOUT(httpRequest(m_gw->port(), "GET", "/metrics")
                                     .body.contains("gerbang_retention_last_run_timestamp_seconds"),
                                 10000);
        // Nothing is due yet: a manual purge removes nothing and keeps the event.
        const CommandResult purge = runCtl(dataDir(), {u"purge"_s, u"--json"_s}, {}, ctlEnv());
        QVERIFY2(purge.exitCode == 0, purge.err.constData());
        const QJsonObject counts = QJsonDocument::fromJson(purge.out).object();
        QCOMPARE(counts[u"raw_payloads"_s].toInt(-1), 0);
        QCOMPARE(counts[u"audit_rows"_s].toInt(-1), 0);
        QCOMPARE(ctlJson({u"events"_s, u"list"_s, u"--json"_s}).size(), 1);
        // New retention settings reach the running gateway on SIGHUP.
        writeConfig("[retention]\nraw_days=2\naudit_days=90\n");
        QVERIFY(::kill(pid_t(m_gw->pid()), SIGHUP) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_gw->output().contains("retention: raw payloads 2 d, audit rows 90 d"), 5000);
    }

    void theCoreFetchesContentWithItsToken()
    {
        QVERIFY(m_sink->listen());
        startGateway(m_sink->url(), {{u"GERBANG_SINK_CONTENT"_s, u"refs"_s},
                                     {u"GERBANG_INTERNAL_API_TOKEN"_s, u"core-token-123"_s}});
        QCOMPARE(postMessage(), 200);
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->count(), 1, 10000);
        const QJsonObject delivered =
            bodyOf(m_sink->requests().first())[u"data"_s][u"event"_s].toObject();
        const QByteArray path =
            "/internal/events/" + delivered[u"gateway_event_id"_s].toString().toLatin1();
        const auto get = [&](const QByteArray &target, const QByteArray &token) {
            QList<std::pair<QByteArray, QByteArray>> headers;
            if (!token.isEmpty())
                headers.append({"Authorization", "Bearer " + token});
            return httpRequest(m_gw->port(), "GET", target, {}, headers);
        };
        QCOMPARE(get(path, {}).status, 401);
        QCOMPARE(get(path, "core-token-124").status, 401);
        const HttpResult ok = get(path, "core-token-123");
        QCOMPARE(ok.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(ok.body).object();
        QCOMPARE(body[u"event"_s].toObject(), delivered);
        QVERIFY(body[u"content"_s][u"text"_s][u"body"_s].toString().startsWith(u"Selamat pagi"_s));
        QCOMPARE(get("/internal/events/ev_unknown", "core-token-123").status, 404);
        // Every access to content is audited, and the token never is.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray audit = ctlJson({u"audit"_s, u"list"_s, u"--json"_s});
                return std::count_if(audit.begin(), audit.end(), [](const QJsonValue &row) {
                           return row[u"outcome"_s].toString() == u"content_served"_s &&
                                  row[u"tenant"_s].toString() == u"acme"_s;
                       }) == 1;
            }(),
            5000);
        QVERIFY(!m_gw->output().contains("core-token-123"));
    }
};

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
