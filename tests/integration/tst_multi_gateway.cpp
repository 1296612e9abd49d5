// SPDX-License-Identifier: GPL-3.0-or-later
// Two real gerbangd processes (two data directories, one master key) on one PostgreSQL
// database, as behind a load balancer: a webhook delivered to both at once is accepted once,
// and a configuration change made through one is used by the other. Runs only when
// GERBANG_TEST_DATABASE_URL names a PostgreSQL server (tests/support/pg-cluster.sh).
#include "TestSink.h"
#include "TestSupport.h"
#include "crypto/Crypto.h"
#include "crypto/Vault.h"
#include "storage/Database.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <mutex>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

QByteArray request(const QByteArray &body)
{
    return "POST /whatsapp/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "Content-Type: application/json\r\nX-Hub-Signature-256: " +
           hubSignature(body) + "\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

// Sends the same request to every port at the same moment (all written before any answer is
// read) and returns the answers in port order.
QList<HttpResult> postToAll(const QList<quint16> &ports, const QByteArray &body)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (quint16 port : ports) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(u"127.0.0.1"_s, port);
    }
    const QByteArray bytes = request(body);
    for (auto &s : sockets) {
        if (!s->waitForConnected(10000))
            return {};
    }
    for (auto &s : sockets)
        s->write(bytes);
    for (auto &s : sockets)
        s->flush();
    QList<HttpResult> out;
    for (auto &s : sockets) {
        QByteArray raw;
        HttpResult r;
        qsizetype consumed = 0;
        QDeadlineTimer deadline(20000);
        while (!parseResponse(raw, &r, &consumed) && !deadline.hasExpired()) {
            if (s->state() != QAbstractSocket::ConnectedState && s->bytesAvailable() == 0)
                break;
            s->waitForReadyRead(50);
            raw += s->readAll();
        }
        out << r;
    }
    return out;
}

} // namespace

class TestMultiGateway : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dirs[2];
    std::unique_ptr<GatewayProcess> m_gws[2];
    QString m_url;
    QString m_masterKey;
    TestSink m_sink; // the core both gateways deliver to

    // gerbangctl as the admin of one gateway's machine runs it.
    CommandResult ctl(int gateway, const QStringList &args, const QByteArray &input = {})
    {
        return runCtl(m_dirs[gateway]->path(), args, input, m_gws[gateway]->environment());
    }

    qint64 scalar(const QString &sql)
    {
        QString error;
        auto db = openTestDatabase(m_dirs[0]->path(), &error);
        QSqlQuery q(db->db());
        if (!q.exec(sql) || !q.next())
            qFatal("query failed: %s", qPrintable(sql));
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!testingOnPostgres())
            QSKIP("several gateways share a PostgreSQL database: set GERBANG_TEST_DATABASE_URL "
                  "(tests/support/pg-cluster.sh start prints one; test.sh does this)");
        QVERIFY(m_sink.listen());
    }

    void init()
    {
        for (auto &dir : m_dirs) {
            dir = std::make_unique<QTemporaryDir>();
            QVERIFY(dir->isValid());
        }
        // One database, one master key; everything else (key file, lock, config) per gateway.
        m_url = testDatabaseUrl(m_dirs[0]->path());
        m_masterKey = QString::fromLatin1(crypto::randomBytes(32).toBase64());
        for (int i = 0; i < 2; ++i) {
            m_gws[i] = std::make_unique<GatewayProcess>(m_dirs[i]->path()); // writes gerbang.ini
            QProcessEnvironment &env = m_gws[i]->environment();
            env.insert(u"GERBANG_DATABASE_URL"_s, m_url);
            env.insert(u"GERBANG_MASTER_KEY"_s, m_masterKey);
            env.insert(u"GERBANG_WHATSAPP_APP_SECRET"_s, QString::fromLatin1(kFixtureAppSecret));
            env.insert(u"GERBANG_SINK_URL"_s, m_sink.url());
            env.insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kTestSinkSecret));
        }
        const CommandResult r = ctl(0, {u"tenant"_s, u"add"_s, u"firm-a"_s, u"--name"_s,
                                        u"Firm A"_s, u"--waba"_s, u"100000000000001"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (int i = 0; i < 2; ++i) {
            QString error;
            QVERIFY2(m_gws[i]->start(&error), qPrintable(error));
            QVERIFY(!QFile::exists(m_dirs[i]->path() + u"/master.key"_s));
            QVERIFY(!QFile::exists(m_dirs[i]->path() + u"/gerbang.sqlite"_s));
        }
        QCOMPARE(httpRequest(m_gws[0]->port(), "GET", "/ready").status, 200);
        QCOMPARE(httpRequest(m_gws[1]->port(), "GET", "/ready").status, 200);
    }

    void cleanup()
    {
        for (auto &gw : m_gws) {
            QString why;
            QVERIFY2(!gw || gw->stopCleanly(&why), qPrintable(why));
            gw.reset();
        }
    }

    void everyGatewayListsTheFleetAndSeesOneStop()
    {
        const CommandResult made = ctl(
            0, {u"admin"_s, u"token"_s, u"create"_s, u"fleet-view"_s, u"--role"_s, u"viewer"_s});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QByteArray token = made.out.trimmed();
        auto fleetSeenBy = [&](int i) {
            const HttpResult r = httpRequest(m_gws[i]->adminPort(), "GET", "/admin/v1/gateways", {},
                                             {{"Authorization", "Bearer " + token}});
            QHash<QString, QString> states; // webhook URL -> state
            for (const QJsonValue &g :
                 QJsonDocument::fromJson(r.body).object()[u"gateways"_s].toArray())
                states.insert(g[u"webhook_url"_s].toString(), g[u"state"_s].toString());
            return states;
        };
        const QString url0 = u"http://127.0.0.1:%1"_s.arg(m_gws[0]->port());
        const QString url1 = u"http://127.0.0.1:%1"_s.arg(m_gws[1]->port());
        // The token reaches both within a second or two; the fleet is both, up, seen by each.
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired() &&
               !(fleetSeenBy(0).value(url1) == u"up"_s && fleetSeenBy(1).value(url0) == u"up"_s))
            QTest::qWait(300);
        QCOMPARE(fleetSeenBy(0).value(url0), u"up"_s);
        QCOMPARE(fleetSeenBy(0).value(url1), u"up"_s);
        QCOMPARE(fleetSeenBy(1).value(url0), u"up"_s);
        // One stops cleanly: the other reports it stopped (its goodbye row), at once.
        QString why;
        QVERIFY2(m_gws[1]->stopCleanly(&why), qPrintable(why));
        m_gws[1].reset();
        QCOMPARE(fleetSeenBy(0).value(url1), u"stopped"_s);
        QCOMPARE(fleetSeenBy(0).value(url0), u"up"_s);
    }

    void aTokenRevokedOnOneGatewayIsRefusedByEveryGatewayWithinTwoSeconds()
    {
        // Issue #15: the admin tokens live in the shared database.
        QVERIFY(m_gws[0]->adminPort() != 0 && m_gws[1]->adminPort() != 0);
        auto loads = [&](int i) { return m_gws[i]->output().count("configuration revision"); };
        const qsizetype before[2] = {loads(0), loads(1)};
        const CommandResult made =
            ctl(0, {u"admin"_s, u"token"_s, u"create"_s, u"fleet"_s, u"--role"_s, u"viewer"_s});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QByteArray token = made.out.trimmed();
        // Asked only once each gateway has loaded the new configuration: guesses made before
        // would count as failed authentications.
        QDeadlineTimer loaded(3000);
        while ((loads(0) == before[0] || loads(1) == before[1]) && !loaded.hasExpired())
            QTest::qWait(20);
        auto status = [&](int i) {
            return httpRequest(m_gws[i]->adminPort(), "GET", "/admin/v1/whoami", {},
                               {{"Authorization", "Bearer " + token}})
                .status;
        };
        QCOMPARE(status(0), 200);
        QCOMPARE(status(1), 200);
        // Revoked through the other gateway's machine: both refuse it within two seconds
        // (asked four times a second, below the failed-authentication limit).
        const CommandResult revoked = ctl(1, {u"admin"_s, u"token"_s, u"revoke"_s, u"fleet"_s});
        QVERIFY2(revoked.exitCode == 0, revoked.err.constData());
        QDeadlineTimer deadline(2000);
        bool refused[2] = {false, false};
        while (!(refused[0] && refused[1]) && !deadline.hasExpired()) {
            for (int i = 0; i < 2; ++i)
                refused[i] = refused[i] || status(i) == 401;
            QTest::qWait(250);
        }
        QVERIFY2(refused[0] && refused[1], "a revoked token was still accepted after 2 s");
    }

    void retriesToBothGatewaysAreAcceptedOnce()
    {
        constexpr int kWamids = 300;
        constexpr int kWorkers = 6;
        const QByteArray fixture = readFixture(u"wa_text.json"_s);
        const QList<quint16> ports = {m_gws[0]->port(), m_gws[1]->port()};
        QHash<QString, QList<HttpResult>> answers;
        std::mutex answersMutex;
        std::vector<std::unique_ptr<QThread>> workers;
        QElapsedTimer elapsed;
        elapsed.start();
        for (int w = 0; w < kWorkers; ++w) {
            workers.emplace_back(QThread::create([&, w] {
                for (int i = w; i < kWamids; i += kWorkers) {
                    const QByteArray wamid = "wamid.multi-gateway-" + QByteArray::number(i);
                    QByteArray body = fixture;
                    body.replace(kFixtureTextWamid.toByteArray(), wamid);
                    // Alternate which gateway is written to first.
                    const QList<quint16> order = i % 2 ? ports : QList<quint16>{ports[1], ports[0]};
                    const QList<HttpResult> r = postToAll(order, body);
                    std::lock_guard lock(answersMutex);
                    answers.insert(QString::fromLatin1(wamid), r);
                }
            }));
            workers.back()->start();
        }
        for (auto &t : workers)
            QVERIFY(t->wait(300000));
        qInfo("%d webhooks, each posted to both gateways at once, in %lld ms", kWamids,
              elapsed.elapsed());

        QCOMPARE(answers.size(), kWamids);
        for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
            const QList<HttpResult> &r = it.value();
            QCOMPARE(r.size(), 2);
            QVERIFY2(
                r[0].status == 200 && r[1].status == 200,
                qPrintable(u"%1: %2 %3 %4 %5"_s.arg(it.key())
                               .arg(r[0].status)
                               .arg(r[1].status)
                               .arg(QString::fromUtf8(r[0].body), QString::fromUtf8(r[1].body))));
            QStringList bodies = {QString::fromUtf8(r[0].body), QString::fromUtf8(r[1].body)};
            bodies.sort();
            QCOMPARE(bodies, QStringList({u"{\"status\":\"accepted\"}"_s,
                                          u"{\"status\":\"duplicate\"}"_s}));
        }
        // Exactly one event per wamid in the shared store, and one accepted and one duplicate
        // audit row per pair.
        QCOMPARE(scalar(u"SELECT count(*) FROM events"_s), kWamids);
        QCOMPARE(scalar(u"SELECT count(DISTINCT provider_event_id) FROM events"_s), kWamids);
        QCOMPARE(scalar(u"SELECT count(*) FROM dedup_keys"_s), kWamids);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE outcome = 'accepted'"_s), kWamids);
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE outcome = 'duplicate'"_s), kWamids);
        // Every webhook request has its row (gerbangctl's setup changes have theirs besides).
        QCOMPARE(scalar(u"SELECT count(*) FROM audit_log WHERE method <> 'CLI'"_s), 2 * kWamids);
        QCOMPARE(scalar(u"SELECT count(*) FROM raw_payloads"_s), kWamids);

        // Either gateway's gerbangctl sees every event, whichever gateway stored it.
        const CommandResult list = ctl(
            1, {u"events"_s, u"list"_s, u"--json"_s, u"--limit"_s, QString::number(2 * kWamids)});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QCOMPARE(list.out.count("\"provider_event_id\""), kWamids);
    }

    void tenantAddedThroughOneGatewayRoutesOnTheOther()
    {
        QByteArray body = readFixture(u"wa_text.json"_s);
        body.replace("100000000000001", "100000000000077");
        HttpResult r = httpRequest(m_gws[1]->port(), "POST", "/whatsapp/webhook", body,
                                   {{"X-Hub-Signature-256", hubSignature(body)}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"status":"unknown_tenant"})"));

        const CommandResult added = ctl(0, {u"tenant"_s, u"add"_s, u"firm-new"_s, u"--name"_s,
                                            u"New"_s, u"--waba"_s, u"100000000000077"_s});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QElapsedTimer elapsed;
        elapsed.start();
        // Each gateway polls the shared configuration revision once a second. (Poll by hand:
        // one POST per check.)
        while (r.body != R"({"status":"accepted"})" && elapsed.elapsed() < 5000) {
            QTest::qWait(50);
            r = httpRequest(m_gws[1]->port(), "POST", "/whatsapp/webhook", body,
                            {{"X-Hub-Signature-256", hubSignature(body)}});
        }
        QCOMPARE(r.body, QByteArray(R"({"status":"accepted"})"));
        QVERIFY2(elapsed.elapsed() < 2500, qPrintable(u"%1 ms"_s.arg(elapsed.elapsed())));
        QCOMPARE(scalar(u"SELECT count(*) FROM events WHERE tenant_id = 'firm-new'"_s), 1);
    }

    // A database restart or failover closes every connection: each gateway opens a new one
    // when it next needs the database, and neither the next webhook nor /ready fails.
    void gatewaysReconnectWhenTheServerClosesTheirConnections()
    {
        QByteArray body = readFixture(u"wa_text.json"_s);
        QCOMPARE(httpRequest(m_gws[0]->port(), "POST", "/whatsapp/webhook", body,
                             {{"X-Hub-Signature-256", hubSignature(body)}})
                     .body,
                 QByteArray(R"({"status":"accepted"})"));
        const qint64 closed =
            scalar(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                   "datname = current_database() AND pid <> pg_backend_pid()"_s);
        QVERIFY2(closed >= 2, qPrintable(QString::number(closed))); // at least both writers
        for (int i = 0; i < 2; ++i) {
            body = readFixture(u"wa_text.json"_s);
            body.replace(kFixtureTextWamid.toByteArray(),
                         QByteArray("wamid.after-reconnect-" + QByteArray::number(i)));
            const HttpResult r = httpRequest(m_gws[i]->port(), "POST", "/whatsapp/webhook", body,
                                             {{"X-Hub-Signature-256", hubSignature(body)}});
            QVERIFY2(r.status == 200, m_gws[i]->output().constData());
            QCOMPARE(r.body, QByteArray(R"({"status":"accepted"})"));
            QCOMPARE(httpRequest(m_gws[i]->port(), "GET", "/ready").status, 200);
        }
        QCOMPARE(scalar(u"SELECT count(*) FROM events"_s), 3);
        // Delivery (its own connection, also closed) goes on: both events reach the core.
        auto delivered = [this](const QByteArray &wamid) {
            const QList<TestSink::Request> requests = m_sink.requests();
            return std::any_of(requests.cbegin(), requests.cend(),
                               [&](const TestSink::Request &r) { return r.body.contains(wamid); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(delivered("wamid.after-reconnect-0"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(delivered("wamid.after-reconnect-1"), 10000);
        // The configuration poll works on the new connections too.
        const CommandResult changed =
            ctl(0, {u"tenant"_s, u"update"_s, u"firm-a"_s, u"--disable"_s});
        QVERIFY2(changed.exitCode == 0, changed.err.constData());
        body.replace("wamid.after-reconnect-1", "wamid.after-reconnect-2");
        QByteArray reply;
        QDeadlineTimer deadline(5000);
        while (reply != R"({"status":"unknown_tenant"})" && !deadline.hasExpired()) {
            QTest::qWait(50);
            reply = httpRequest(m_gws[1]->port(), "POST", "/whatsapp/webhook", body,
                                {{"X-Hub-Signature-256", hubSignature(body)}})
                        .body;
        }
        QCOMPARE(reply, QByteArray(R"({"status":"unknown_tenant"})"));
    }

    // The data directory's lock covers one machine only: a rotation must also wait for the
    // gateways elsewhere, which would go on sealing with the old key.
    void keyRotationWaitsForEveryGateway()
    {
        const QByteArray body = readFixture(u"wa_text.json"_s);
        QCOMPARE(httpRequest(m_gws[1]->port(), "POST", "/whatsapp/webhook", body,
                             {{"X-Hub-Signature-256", hubSignature(body)}})
                     .status,
                 200);
        const QByteArray newKey = crypto::randomBytes(32).toBase64();
        QCOMPARE(m_gws[0]->terminate(), 0);
        CommandResult r = ctl(0, {u"key"_s, u"rotate"_s}, newKey);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("stop every gateway sharing it first"), r.err.constData());
        QVERIFY2(!r.err.contains(newKey), r.err.constData());

        QCOMPARE(m_gws[1]->terminate(), 0);
        r = ctl(0, {u"key"_s, u"rotate"_s}, newKey);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("1 raw payloads re-encrypted"), r.out.constData());
        // Both start on the new key; the payload one of them stored before is readable.
        for (auto &gw : m_gws) {
            gw->environment().insert(u"GERBANG_MASTER_KEY"_s, QString::fromLatin1(newKey));
            QString error;
            QVERIFY2(gw->start(&error), qPrintable(error));
        }
        QString error;
        auto db = openTestDatabase(m_dirs[0]->path(), &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT id, ciphertext FROM raw_payloads"_s) && q.next());
        bool ok = false;
        const Vault vault(QByteArray::fromBase64(newKey));
        QCOMPARE(vault.open(Vault::Purpose::RawPayload, q.value(1).toByteArray(),
                            q.value(0).toString().toLatin1(), &ok),
                 body);
        QVERIFY(ok);
        QCOMPARE(httpRequest(m_gws[0]->port(), "GET", "/ready").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestMultiGateway)
#include "tst_multi_gateway.moc"
