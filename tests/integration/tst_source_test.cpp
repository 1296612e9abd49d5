// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl source test (issue 19): a signed test event through a real gerbangd's public
// route, followed to a real sink; each failing setup is named by its step and exit status.
#include "TestSink.h"
#include "TestSupport.h"
#include "sourcetest/WhatsAppSetupCheck.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {
constexpr QByteArrayView kStripeSecret = "whsec_test_FAKEsecret0123456789";
constexpr QByteArrayView kMidtransKey = "SB-Mid-server-FAKEFAKEFAKEFAKEFAKE";
constexpr QByteArrayView kXenditToken = "xnd_fake_callback_token_0123456789abcdef";
constexpr QByteArrayView kGenericSecret = "generic-shared-secret";
constexpr QByteArrayView kStandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
} // namespace

class TestSourceTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GatewayProcess> m_gw;
    QString m_viewerToken; // made by throughTheAdminApiTheGatewaySendsItself
    std::unique_ptr<TestSink> m_sink;
    std::atomic<int> m_sinkStatus{204};

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(u"GERBANG_MASTER_KEY"_s);
        e.insert(u"GERBANG_CONFIG"_s, m_dir->path() + u"/gerbang.ini"_s);
        e.insert(u"GERBANG_SINK_URL"_s, m_sink->url());
        e.insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kTestSinkSecret));
        return e;
    }

    void ctl(const QStringList &args, const QByteArray &input = {})
    {
        const CommandResult r = runCtl(m_dir->path(), args, input, env());
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Runs the test and returns its report (--json), with the exit status.
    QJsonObject sourceTest(const QStringList &args, int *exitCode)
    {
        const CommandResult r =
            runCtl(m_dir->path(),
                   QStringList{u"source"_s, u"test"_s, u"--json"_s, u"--wait"_s, u"20"_s} + args,
                   {}, env());
        *exitCode = r.exitCode;
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        if (report.isEmpty())
            qWarning("no report: %s %s", r.out.constData(), r.err.constData());
        return report;
    }

    static QString stateOf(const QJsonObject &report, const QString &step)
    {
        for (const QJsonValue &s : report[u"steps"_s].toArray()) {
            if (s[u"step"_s].toString() == step)
                return s[u"state"_s].toString();
        }
        return {};
    }

    static QString detailOf(const QJsonObject &report, const QString &step)
    {
        for (const QJsonValue &s : report[u"steps"_s].toArray()) {
            if (s[u"step"_s].toString() == step)
                return s[u"detail"_s].toString();
        }
        return {};
    }

    QString text(const QString &sql, const QVariantList &binds = {})
    {
        QString error;
        auto db = openTestDatabase(m_dir->path(), &error);
        QSqlQuery q(db->db());
        q.prepare(sql);
        for (const QVariant &b : binds)
            q.addBindValue(b);
        if (!q.exec() || !q.next())
            return {};
        return q.value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sink = std::make_unique<TestSink>();
        QVERIFY(m_sink->listen());
        m_sink->setPolicy([this](const TestSink::Request &, int) {
            return TestSink::Reply{TestSink::Action::Respond, m_sinkStatus.load(), {}};
        });
        {
            GatewayProcess bootstrap(m_dir->path());
        } // writes an empty private gerbang.ini
        ctl({u"tenant"_s, u"add"_s, u"acme"_s, u"--name"_s, u"Acme Law"_s, u"--waba"_s,
             u"100000000000001"_s, u"--phone-number-id"_s, u"200000000000001"_s});
        ctl({u"tenant"_s, u"add"_s, u"closed"_s, u"--name"_s, u"Closed Firm"_s, u"--waba"_s,
             u"100000000000009"_s, u"--disabled"_s});
        ctl({u"secret"_s, u"set"_s, u"whatsapp"_s}, "test-app-secret-0123456789abcdef");
        const auto source = [this](const QString &name, const QString &provider,
                                   const QString &tenant, QByteArrayView secret,
                                   const QStringList &more = {}) {
            ctl(QStringList{u"source"_s, u"add"_s, name, u"--provider"_s, provider, u"--tenant"_s,
                            tenant} +
                more);
            if (!secret.isEmpty())
                ctl({u"secret"_s, u"set"_s, name}, secret.toByteArray());
        };
        source(u"stripe-acme"_s, u"stripe"_s, u"acme"_s, kStripeSecret);
        source(u"midtrans-acme"_s, u"midtrans"_s, u"acme"_s, kMidtransKey);
        source(u"xendit-acme"_s, u"xendit"_s, u"acme"_s, kXenditToken);
        source(u"crm"_s, u"generic"_s, u"acme"_s, kGenericSecret,
               {u"--dedup-field"_s, u"/event/id"_s});
        source(u"contacts"_s, u"standard"_s, u"acme"_s, kStandardSecret);
        source(u"unsigned"_s, u"generic"_s, u"acme"_s, {});
        source(u"stripe-closed"_s, u"stripe"_s, u"closed"_s, kStripeSecret);
        m_gw = std::make_unique<GatewayProcess>(m_dir->path());
        m_gw->environment().insert(u"GERBANG_SINK_URL"_s, m_sink->url());
        m_gw->environment().insert(u"GERBANG_SINK_SECRET"_s, QString::fromLatin1(kTestSinkSecret));
        m_gw->environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"127.0.0.1:0"_s);
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_gw && m_gw->isRunning()) {
            QString why;
            QVERIFY2(m_gw->stopCleanly(&why), qPrintable(why));
        }
    }

    void everyProviderPassesOnACorrectSetup_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name :
             {"whatsapp", "stripe-acme", "midtrans-acme", "xendit-acme", "crm", "contacts"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void everyProviderPassesOnACorrectSetup()
    {
        QFETCH(QString, name);
        const int delivered = m_sink->count();
        int exitCode = -1;
        const QJsonObject report = sourceTest({name}, &exitCode);
        QVERIFY2(exitCode == 0, QJsonDocument(report).toJson().constData());
        QVERIFY(report[u"passed"_s].toBool());
        for (const char *step : {"reached", "signature_verified", "routed", "stored", "delivered"})
            QCOMPARE(stateOf(report, QString::fromLatin1(step)), u"passed"_s);
        QVERIFY(detailOf(report, u"routed"_s).contains(u"'acme'"_s));
        // Marked as a test end to end: the audit row, and the event the core receives.
        const QString testId = report[u"test_id"_s].toString();
        QVERIFY(testId.startsWith(u"gtest_"_s));
        QCOMPARE(text(u"SELECT outcome FROM audit_log WHERE detail LIKE ?"_s,
                      {u"%\"test\":\"%1\"%"_s.arg(testId)}),
                 u"accepted"_s);
        QCOMPARE(m_sink->count(), delivered + 1);
        const QJsonObject envelope =
            QJsonDocument::fromJson(m_sink->requests().constLast().body).object();
        QCOMPARE(envelope[u"data"_s][u"event"_s][u"test"_s], QJsonValue(true));
        QCOMPARE(envelope[u"data"_s][u"event"_s][u"tenant"_s].toString(), u"acme"_s);
    }

    void sourceWithoutSecretFailsAtTheSignature()
    {
        int exitCode = -1;
        const QJsonObject report = sourceTest({u"unsigned"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"signature_verified"_s);
        QCOMPARE(stateOf(report, u"reached"_s), u"passed"_s);
        QVERIFY(detailOf(report, u"signature_verified"_s).contains(u"secret set unsigned"_s));
        QCOMPARE(stateOf(report, u"stored"_s), u"skipped"_s);
    }

    void disabledTenantFailsAtRouting()
    {
        int exitCode = -1;
        QJsonObject report = sourceTest({u"stripe-closed"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"routed"_s);
        QVERIFY(detailOf(report, u"routed"_s).contains(u"'closed' is disabled"_s));
        // WhatsApp routes by the body: a disabled tenant's WABA is answered 200 and dropped.
        report = sourceTest({u"whatsapp"_s, u"--tenant"_s, u"closed"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"routed"_s);
        QVERIFY(detailOf(report, u"routed"_s).contains(u"WABA 100000000000009"_s));
        QCOMPARE(stateOf(report, u"signature_verified"_s), u"passed"_s);
    }

    void sinkThatIsDownFailsAtDelivery()
    {
        m_sinkStatus = 503;
        int exitCode = -1;
        const QJsonObject report = sourceTest({u"stripe-acme"_s}, &exitCode);
        m_sinkStatus = 204;
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"delivered"_s);
        QCOMPARE(stateOf(report, u"stored"_s), u"passed"_s);
        QVERIFY2(detailOf(report, u"delivered"_s).contains(u"503"_s),
                 qPrintable(detailOf(report, u"delivered"_s)));
    }

    // Through the admin API the gateway signs and sends the test itself: the secret never
    // leaves it, and a viewer may follow a test but not send one.
    void throughTheAdminApiTheGatewaySendsItself()
    {
        QVERIFY(m_gw->adminPort() > 0);
        const auto token = [this](const QString &name, const QString &role) {
            const CommandResult r =
                runCtl(m_dir->path(),
                       {u"admin"_s, u"token"_s, u"create"_s, name, u"--role"_s, role}, {}, env());
            return QString::fromLatin1(r.out.trimmed());
        };
        const QString operatorToken = token(u"desk-operator"_s, u"operator"_s);
        const QString viewerToken = token(u"desk-viewer"_s, u"viewer"_s);
        m_viewerToken = viewerToken;
        QVERIFY(!operatorToken.isEmpty() && !viewerToken.isEmpty());
        QTest::qWait(1500); // the gateway reads new tokens with its configuration, every second
        const auto remote = [this](const QString &bearer, const QStringList &args, int *exitCode) {
            QProcessEnvironment e = env();
            e.insert(u"GERBANG_ADMIN_TOKEN"_s, bearer);
            const CommandResult r = runCtl(
                m_dir->path(),
                QStringList{u"--gateway"_s,
                            u"%1://127.0.0.1:%2"_s.arg(m_gw->adminScheme()).arg(m_gw->adminPort()),
                            u"source"_s, u"test"_s, u"--json"_s} +
                    args,
                {}, e);
            *exitCode = r.exitCode;
            if (r.exitCode != 0)
                qWarning("gerbangctl: %s", r.err.constData());
            return QJsonDocument::fromJson(r.out).object();
        };
        int exitCode = -1;
        QJsonObject report = remote(operatorToken, {u"xendit-acme"_s}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(report[u"passed"_s].toBool());
        QCOMPARE(stateOf(report, u"delivered"_s), u"passed"_s);
        QVERIFY(report[u"url"_s].toString().endsWith(u"/webhooks/xendit/acme"_s));
        report = remote(operatorToken, {u"whatsapp"_s, u"--tenant"_s, u"closed"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"routed"_s);
        // A viewer cannot send one.
        remote(viewerToken, {u"stripe-acme"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        // Hostile input: no token, a bad body, an unknown field, an oversized value, a test id
        // that is not one; each refused before anything is signed or sent.
        const auto api = [this](const QByteArray &method, const QByteArray &target,
                                const QByteArray &body, const QString &bearer) {
            QList<std::pair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
            if (!bearer.isEmpty())
                headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
            return httpRequest(m_gw->adminPort(), method, target, body, headers).status;
        };
        const QString before = text(u"SELECT count(*) FROM events"_s);
        QCOMPARE(api("POST", "/admin/v1/sources/stripe-acme/test", "{}", {}), 401);
        QCOMPARE(api("POST", "/admin/v1/sources/stripe-acme/test", "{\"tenant\":", operatorToken),
                 400);
        QCOMPARE(api("POST", "/admin/v1/sources/stripe-acme/test", R"({"tenants":"acme"})",
                     operatorToken),
                 400);
        QCOMPARE(api("POST", "/admin/v1/sources/whatsapp/test",
                     "{\"tenant\":\"" + QByteArray(5000, 'a') + "\"}", operatorToken),
                 400);
        QCOMPARE(api("POST", "/admin/v1/sources/no-such-source/test", {}, operatorToken), 404);
        QCOMPARE(api("GET", "/admin/v1/test-events/gtest_%27%20OR%201=1", {}, viewerToken), 404);
        QCOMPARE(api("GET", "/admin/v1/test-events/gtest_0123456789abcdef?since=yesterday", {},
                     viewerToken),
                 400);
        QCOMPARE(text(u"SELECT count(*) FROM events"_s), before);
        // Nothing the gateway answered or audited holds the secret it signed with.
        QCOMPARE(text(u"SELECT count(*) FROM audit_log WHERE detail LIKE ?"_s,
                      {QString(u"%"_s + QString::fromLatin1(kXenditToken) + u"%"_s)}),
                 u"0"_s);
        QVERIFY(!m_gw->output().contains(kXenditToken.toByteArray()));
    }

    // gerbangctl whatsapp check: each check fails on its own cause and passes once it is fixed.
    void whatsappCheckNamesWhatIsMissing()
    {
        const auto check = [this](const QStringList &args, int *exitCode,
                                  const QProcessEnvironment &e) {
            const CommandResult r = runCtl(
                m_dir->path(), QStringList{u"whatsapp"_s, u"check"_s, u"--json"_s} + args, {}, e);
            *exitCode = r.exitCode;
            return QJsonDocument::fromJson(r.out).object();
        };
        const auto stateOfCheck = [](const QJsonObject &report, const QString &name) -> QString {
            for (const QJsonValue &c : report[u"checks"_s].toArray()) {
                if (c[u"check"_s].toString() == name)
                    return c[u"state"_s].toString() + u": "_s + c[u"detail"_s].toString();
            }
            return QString();
        };
        int exitCode = -1;
        // No verify token yet: Meta could not verify the URL, and the route is not tried.
        QJsonObject report = check({}, &exitCode, env());
        QCOMPARE(exitCode, 1);
        QVERIFY(stateOfCheck(report, u"app_secret"_s).startsWith(u"passed"_s));
        QVERIFY(stateOfCheck(report, u"verify_token"_s).startsWith(u"failed"_s));
        QVERIFY(stateOfCheck(report, u"route_reachable"_s).startsWith(u"skipped"_s));
        // Plain HTTP on loopback: a warning (a TLS proxy may sit in front), not a failure.
        QVERIFY(stateOfCheck(report, u"tls"_s).startsWith(u"warning"_s));

        ctl({u"secret"_s, u"set"_s, u"whatsapp-verify-token"_s}, "desk-verify-token");
        // A WABA no tenant claims calls: answered 200 and dropped, which the check must name.
        const QByteArray body = readFixture(u"wa_second_waba_text.json"_s);
        const HttpResult r = httpRequest(
            m_gw->port(), "POST", "/whatsapp/webhook", body,
            {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", hubSignature(body)}});
        QCOMPARE(r.status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!text(u"SELECT id FROM audit_log WHERE outcome = "
                                       "'unknown_tenant' AND path = '/whatsapp/webhook'"_s)
                                      .isEmpty(),
                                 5000);
        // The gateway reads the verify token with its configuration, every second.
        QTRY_VERIFY_WITH_TIMEOUT(
            (report = check({}, &exitCode, env()),
             stateOfCheck(report, u"route_reachable"_s).startsWith(u"passed"_s)),
            10000);
        QCOMPARE(exitCode, 1);
        QVERIFY(stateOfCheck(report, u"verify_token"_s).startsWith(u"passed"_s));
        const QString wabas = stateOfCheck(report, u"waba_tenants"_s);
        QVERIFY2(wabas.startsWith(u"failed"_s) && wabas.contains(u"have no tenant"_s) &&
                     wabas.contains(u"100000000000002 (1)"_s),
                 qPrintable(wabas));

        // The same check run by the gateway on itself (the console's, GET
        // /admin/v1/whatsapp/check): the same verdicts, each with its pattern and arguments
        // for a reader in another language, and never the verify token it presented.
        QVERIFY(!m_viewerToken.isEmpty());
        const auto api = [this](const QByteArray &target, const QString &bearer) {
            QList<std::pair<QByteArray, QByteArray>> headers;
            if (!bearer.isEmpty())
                headers.append({"Authorization", "Bearer " + bearer.toLatin1()});
            return httpRequest(m_gw->adminPort(), "GET", target, {}, headers);
        };
        HttpResult fromApi = api("/admin/v1/whatsapp/check", m_viewerToken);
        QCOMPARE(fromApi.status, 200);
        QVERIFY(!fromApi.body.contains("desk-verify-token"));
        QJsonObject apiReport = QJsonDocument::fromJson(fromApi.body).object();
        QVERIFY(!apiReport[u"passed"_s].toBool());
        for (const QString &name : {u"app_secret"_s, u"verify_token"_s, u"waba_tenants"_s,
                                    u"route_reachable"_s, u"tls"_s})
            QCOMPARE(stateOfCheck(apiReport, name).section(u':', 0, 0),
                     stateOfCheck(report, name).section(u':', 0, 0));
        const std::optional<WhatsAppSetupReport> parsed = WhatsAppSetupReport::fromJson(apiReport);
        QVERIFY(parsed);
        const SetupCheckResult &tenants = parsed->checks[qsizetype(SetupCheck::WabaTenants)];
        QVERIFY(tenants.pattern.contains(u"%2"_s));
        QCOMPARE(tenants.args, (QStringList{u"7"_s, u"100000000000002 (1)"_s}));
        // Rendered again from its pattern, in another "language": the arguments fill it.
        WhatsAppSetupReport shouted = *parsed;
        shouted.localize([](const char *source) { return QString::fromUtf8(source).toUpper(); });
        QVERIFY2(shouted.checks[qsizetype(SetupCheck::WabaTenants)].detail.contains(
                     u"HAVE NO TENANT"_s) &&
                     shouted.checks[qsizetype(SetupCheck::WabaTenants)].detail.contains(
                         u"100000000000002 (1)"_s),
                 qPrintable(shouted.checks[qsizetype(SetupCheck::WabaTenants)].detail));
        // Hostile input: no token, a bad app name, days out of range, an unknown parameter.
        QCOMPARE(api("/admin/v1/whatsapp/check", {}).status, 401);
        QCOMPARE(api("/admin/v1/whatsapp/check?app=..%2Fetc", m_viewerToken).status, 400);
        QCOMPARE(api("/admin/v1/whatsapp/check?days=0", m_viewerToken).status, 400);
        QCOMPARE(api("/admin/v1/whatsapp/check?days=1e9", m_viewerToken).status, 400);
        QCOMPARE(api("/admin/v1/whatsapp/check?token=x", m_viewerToken).status, 400);

        ctl({u"tenant"_s, u"update"_s, u"acme"_s, u"--waba"_s, u"100000000000001"_s, u"--waba"_s,
             u"100000000000002"_s});
        report = check({}, &exitCode, env());
        QVERIFY2(exitCode == 0, QJsonDocument(report).toJson().constData());
        QVERIFY(report[u"passed"_s].toBool());
        fromApi = api("/admin/v1/whatsapp/check?days=3", m_viewerToken);
        QCOMPARE(fromApi.status, 200);
        apiReport = QJsonDocument::fromJson(fromApi.body).object();
        QVERIFY2(apiReport[u"passed"_s].toBool(), fromApi.body.constData());
        QVERIFY(!m_gw->output().contains("desk-verify-token"));

        // A verify token here that the running gateway does not hold; nothing listening.
        QProcessEnvironment other = env();
        other.insert(u"GERBANG_WHATSAPP_VERIFY_TOKEN"_s, u"not-the-gateways-token"_s);
        report = check({}, &exitCode, other);
        QCOMPARE(exitCode, 1);
        QVERIFY(stateOfCheck(report, u"route_reachable"_s).contains(u"403"_s));
        report = check({u"--url"_s, u"http://127.0.0.1:1"_s}, &exitCode, env());
        QCOMPARE(exitCode, 1);
        QVERIFY(stateOfCheck(report, u"route_reachable"_s).contains(u"Nothing answered"_s));
        // A public address without TLS fails the TLS check.
        report = check({u"--url"_s, u"http://0.0.0.0:1"_s}, &exitCode, env());
        QVERIFY(stateOfCheck(report, u"tls"_s).startsWith(u"failed"_s));
    }

    void gatewayNotRunningFailsAtReaching()
    {
        QCOMPARE(m_gw->terminate(), 0);
        // Test events never count as a source's traffic (the counts are written at the stop):
        // only the one real WhatsApp request (whatsappCheckNamesWhatIsMissing) does.
        QCOMPARE(text(u"SELECT source || ':' || SUM(requests) FROM source_activity GROUP BY "
                      "source"_s),
                 u"whatsapp:1"_s);
        QCOMPARE(text(u"SELECT count(DISTINCT source) FROM source_activity"_s), u"1"_s);
        int exitCode = -1;
        const QJsonObject report = sourceTest({u"stripe-acme"_s}, &exitCode);
        QCOMPARE(exitCode, 1);
        QCOMPARE(report[u"failed_step"_s].toString(), u"reached"_s);
        QVERIFY(detailOf(report, u"reached"_s).contains(u"gerbangd"_s));
        QCOMPARE(stateOf(report, u"signature_verified"_s), u"skipped"_s);
    }
};

QTEST_GUILESS_MAIN(TestSourceTest)
#include "tst_source_test.moc"
