// SPDX-License-Identifier: GPL-3.0-or-later
// The admin API over real loopback, against real gerbangd processes: tokens and roles, refusals,
// the failed-authentication limit, bad input, the OpenAPI document, TLS with a pinned
// self-signed certificate, and that no token ever reaches a log line or an audit row.
#include "TestSupport.h"
#include "admin/AdminApi.h"
#include "audit/AuditSigningKey.h"
#include "audit/ReportSignature.h"
#include "config/Settings.h"
#include "crypto/Crypto.h"
#include "report/AuditCsv.h"
#include "storage/Database.h"
#include "storage/GatewayRepository.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <map>
#include <tuple>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace gerbang;
using namespace gerbang::test;

namespace {

QHostAddress loopback(int n)
{
    return QHostAddress(u"127.0.2.%1"_s.arg(n));
}

QJsonObject jsonOf(const HttpResult &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

// A client of GET /admin/v1/live on a raw socket: the stream never ends, so the ordinary
// request helper (which reads to the end of the response) cannot take it.
class LiveClient
{
public:
    struct Event
    {
        QByteArray name;
        QJsonObject data;
    };

    // Connects, asks, and reads the head; the status (0: no answer).
    int open(quint16 port, const QByteArray &token, int timeoutMs = 5000)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(timeoutMs))
            return 0;
        m_socket.write("GET /admin/v1/live HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                       token + "\r\nAccept: text/event-stream\r\n\r\n");
        QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired()) {
            if (m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
            else if (m_socket.state() != QAbstractSocket::ConnectedState)
                break;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return 0;
        m_head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        const QList<QByteArray> status = m_head.left(m_head.indexOf("\r\n")).split(' ');
        return status.size() >= 2 ? status[1].toInt() : 0;
    }
    QByteArray head() const { return m_head.toLower(); }

    // The next event (comments skipped), or nullopt when none came in time or the stream ended.
    std::optional<Event> next(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\n\n");
            if (end >= 0) {
                const QByteArray block = m_buffer.left(end);
                m_buffer.remove(0, end + 2);
                Event e;
                for (const QByteArray &line : block.split('\n')) {
                    if (line.startsWith("event: "))
                        e.name = line.mid(7);
                    else if (line.startsWith("data: "))
                        e.data = QJsonDocument::fromJson(line.mid(6)).object();
                }
                if (!e.name.isEmpty())
                    return e;
                continue;
            }
            if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState)
                return std::nullopt;
            if (m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
        }
    }
    // The next event named `name`, skipping others.
    std::optional<Event> next(QByteArrayView name, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            std::optional<Event> e = next(int(std::max<qint64>(1, deadline.remainingTime())));
            if (!e || e->name == name)
                return e;
        }
        return std::nullopt;
    }
    // True once the server has closed the stream (within `timeoutMs`).
    bool closedByServer(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            if (m_socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
        }
        return m_socket.state() != QAbstractSocket::ConnectedState;
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_head;
};

} // namespace

class TestAdminApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<GatewayProcess> m_gw;
    std::map<AdminRole, QByteArray> m_tokens;
    QByteArrayList m_allTokens; // every token made, for the leak scan
    QJsonArray m_observed;      // responses for the OpenAPI check
    QJsonArray m_events;        // live channel events, for the same check

    std::optional<LiveClient::Event> observe(std::optional<LiveClient::Event> e)
    {
        if (e)
            m_events.append(
                QJsonObject{{u"event"_s, QString::fromLatin1(e->name)}, {u"data"_s, e->data}});
        return e;
    }

    // Runs gerbangctl and waits until the gateway has loaded the configuration it changed
    // (it polls the revision every second).
    static CommandResult changeConfiguration(GatewayProcess &gw, const QStringList &args,
                                             const QByteArray &input = {})
    {
        const auto loads = [&gw] { return gw.output().count("configuration revision"); };
        const qsizetype before = loads();
        const CommandResult r = runCtl(gw.dataDir(), args, input);
        QDeadlineTimer deadline(3000);
        while (r.exitCode == 0 && loads() == before && !deadline.hasExpired())
            QTest::qWait(20);
        return r;
    }

    QByteArray createToken(const QString &name, const QString &role, const QStringList &extra = {})
    {
        const CommandResult r = changeConfiguration(
            *m_gw,
            QStringList{u"admin"_s, u"token"_s, u"create"_s, name, u"--role"_s, role} + extra);
        if (r.exitCode != 0)
            qWarning("gerbangctl: %s", r.err.constData());
        const QByteArray token = r.out.trimmed();
        if (!token.isEmpty())
            m_allTokens << token;
        return token;
    }

    // The route template a request matched ("/admin/v1/tenants/{id}"), or its path when none.
    static QString routeOf(const QByteArray &method, const QByteArray &path)
    {
        const QList<QByteArray> have = path.split('/');
        for (const AdminApi::Route &r : AdminApi::routes()) {
            const QList<QByteArray> want = r.path.toByteArray().split('/');
            bool same = r.method == QByteArrayView(method) && want.size() == have.size();
            for (qsizetype i = 0; same && i < want.size(); ++i)
                same = want[i].startsWith('{') ? !have[i].isEmpty() : want[i] == have[i];
            if (same)
                return QString::fromLatin1(r.path.toByteArray());
        }
        return QString::fromLatin1(path);
    }

    // A path of `route` with each "{…}" filled in with `value`.
    static QByteArray pathOf(QByteArrayView route, const QByteArray &value)
    {
        QList<QByteArray> parts = route.toByteArray().split('/');
        for (QByteArray &part : parts) {
            if (part.startsWith('{'))
                part = value;
        }
        return parts.join('/');
    }

    // An audit row as the changes and disclosures tests read it.
    struct AuditedRow
    {
        QString method;
        QString tenant;
        QJsonObject detail;
        // "API token-name" or "CLI os": how it was made, and by whom (without the OS user).
        QString by() const
        {
            return method + u' ' + detail[u"actor"_s].toString().section(u':', 0, 0);
        }
    };
    // The audit rows of `dataDir`'s database that `where` selects, oldest first.
    static QList<AuditedRow> auditedRows(const QString &dataDir, const QString &where)
    {
        QString error;
        auto db = openTestDatabase(dataDir, &error);
        if (!db)
            qFatal("%s", qPrintable(error));
        QSqlQuery q(db->db());
        if (!q.exec(
                u"SELECT method, tenant, detail FROM audit_log WHERE %1 ORDER BY id"_s.arg(where)))
            qFatal("%s", qPrintable(q.lastError().text()));
        QList<AuditedRow> rows;
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(),
                         QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
        return rows;
    }

    // Waits until the gateway has loaded a configuration change made since `before` loads.
    void waitForReload(qsizetype before)
    {
        QDeadlineTimer deadline(3000);
        while (m_gw->output().count("configuration revision") == before && !deadline.hasExpired())
            QTest::qWait(20);
    }

    HttpResult call(const QByteArray &method, const QByteArray &path, const QByteArray &token,
                    const QHostAddress &from = {}, const QByteArray &body = {},
                    int timeoutMs = 10000)
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!token.isNull())
            headers.append({"Authorization", "Bearer " + token});
        const HttpResult r =
            httpRequest(m_gw->adminPort(), method, path, body, headers, timeoutMs, from);
        record(method, path, r);
        return r;
    }

    // Keeps a reply for theOpenApiDocumentDescribesTheApi(), which validates every one.
    void record(const QByteArray &method, const QByteArray &path, const HttpResult &r)
    {
        m_observed.append(
            QJsonObject{{u"method"_s, QString::fromLatin1(method)},
                        {u"path"_s, routeOf(method, path.split('?').constFirst())},
                        {u"status"_s, r.status},
                        {u"content_type"_s, QString::fromLatin1(r.header("content-type"))},
                        {u"body"_s, QJsonDocument::fromJson(r.body).object()}});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_gw = std::make_unique<GatewayProcess>(m_dir.path());
        m_gw->environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"127.0.0.1:0"_s);
        // For the alert the live channel must carry: bad signatures need a configured secret.
        m_gw->environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                   QString::fromLatin1(kFixtureAppSecret.toByteArray()));
        QString error;
        QVERIFY2(m_gw->start(&error), qPrintable(error));
        QVERIFY2(m_gw->adminPort() != 0, m_gw->output().constData());
        QCOMPARE(m_gw->adminScheme(), u"http"_s); // loopback: plain HTTP is allowed
        for (AdminRole role : {AdminRole::Viewer, AdminRole::Operator, AdminRole::Admin}) {
            m_tokens[role] = createToken(u"t-"_s + wire(role), wire(role));
            QVERIFY(!m_tokens[role].isEmpty());
        }
    }

    void cleanupTestCase()
    {
        QString why;
        if (m_gw)
            QVERIFY2(m_gw->stopCleanly(&why), qPrintable(why));
    }

    void tokenIsPrintedOnceAloneAndOnlyItsDigestStored()
    {
        const CommandResult r = changeConfiguration(*m_gw, {u"admin"_s, u"token"_s, u"create"_s,
                                                            u"ci-json"_s, u"--role"_s, u"viewer"_s,
                                                            u"--expires"_s, u"90d"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(QStringList(o.keys()),
                 (QStringList{u"expires_at"_s, u"name"_s, u"role"_s, u"token"_s}));
        QCOMPARE(o[u"role"_s].toString(), u"viewer"_s);
        QVERIFY(!o[u"expires_at"_s].isNull());
        const QByteArray token = o[u"token"_s].toString().toLatin1();
        m_allTokens << token;
        QVERIFY2(QRegularExpression(u"^gbt_[A-Za-z0-9_-]{43}$"_s)
                     .match(QString::fromLatin1(token))
                     .hasMatch(),
                 token.constData());
        // Plain output: the token alone on standard output.
        const QByteArray plain = m_tokens[AdminRole::Viewer];
        QVERIFY(QRegularExpression(u"^gbt_[A-Za-z0-9_-]{43}$"_s)
                    .match(QString::fromLatin1(plain))
                    .hasMatch());

        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT token_sha256 FROM admin_tokens WHERE name = 'ci-json'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString().toLatin1(), crypto::sha256(token).toHex());
    }

    void everyRouteForEveryRole()
    {
        for (const AdminApi::Route &route : AdminApi::routes()) {
            if (route.path == "/admin/v1/live")
                continue; // a stream that never ends: liveChannel...() below
            // Changes get no body here (400) or name nothing that exists (404): the matrix
            // checks who may call what, and changes nothing.
            const bool read = route.method == "GET";
            const bool takesBody = !read && route.method != "DELETE" &&
                                   !route.path.endsWith("/retire") &&
                                   !route.path.endsWith("/run") &&
                                   !route.path.endsWith("/test"); // its body is optional
            const bool named = route.path.contains('{');
            const int allowedStatus = read        ? (named ? 404 : 200)
                                      : takesBody ? 400
                                      : named     ? 404
                                                  : 200;
            for (AdminRole role : {AdminRole::Viewer, AdminRole::Operator, AdminRole::Admin}) {
                const HttpResult r = call(route.method.toByteArray(),
                                          pathOf(route.path, "no-such-thing"), m_tokens[role]);
                const bool allowed = int(role) >= int(route.least);
                QVERIFY2(
                    r.status == (allowed ? allowedStatus : 403),
                    qPrintable(u"%1 %2 as %3: %4 %5"_s
                                   .arg(QString::fromLatin1(route.path.toByteArray()), wire(role))
                                   .arg(r.status)
                                   .arg(QString::fromUtf8(r.body))));
                if (!allowed)
                    QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"forbidden"_s);
            }
        }
        const QJsonObject me =
            jsonOf(call("GET", "/admin/v1/whoami", m_tokens[AdminRole::Operator]));
        QCOMPARE(me[u"name"_s].toString(), u"t-operator"_s);
        QCOMPARE(me[u"role"_s].toString(), u"operator"_s);
        const QJsonObject tokens =
            jsonOf(call("GET", "/admin/v1/tokens", m_tokens[AdminRole::Admin]));
        QVERIFY(tokens[u"tokens"_s].toArray().size() >= 3);
        QVERIFY(!QJsonDocument(tokens).toJson().contains("sha256"));
    }

    void lastUseOfATokenIsRecorded()
    {
        // t-operator was used above; its first use is written at once (later ones once a minute).
        QDeadlineTimer deadline(5000);
        QJsonValue lastUsed;
        while (!deadline.hasExpired()) {
            const CommandResult r =
                runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"list"_s, u"--json"_s});
            QCOMPARE(r.exitCode, 0);
            for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
                if (v[u"name"_s].toString() == u"t-operator"_s)
                    lastUsed = v[u"last_used_at"_s];
            if (lastUsed.isString())
                break;
            QTest::qWait(200);
        }
        QVERIFY2(lastUsed.isString(), "last_used_at stayed empty");
        // A token never used says so.
        const QByteArray unused = createToken(u"never-used"_s, u"viewer"_s);
        QVERIFY(!unused.isEmpty());
        const QJsonObject tokens =
            jsonOf(call("GET", "/admin/v1/tokens", m_tokens[AdminRole::Admin]));
        for (const QJsonValue &v : tokens[u"tokens"_s].toArray()) {
            if (v[u"name"_s].toString() == u"never-used"_s)
                QVERIFY(v[u"last_used_at"_s].isNull());
            if (v[u"name"_s].toString() == u"t-admin"_s)
                QVERIFY(v[u"last_used_at"_s].isString());
        }
    }

    void statsReflectTheWebhookTraffic()
    {
        // A webhook request on the other port shows up in the snapshot.
        const HttpResult hook = httpRequest(m_gw->port(), "GET", "/nowhere");
        QCOMPARE(hook.status, 404);
        const QJsonObject s = jsonOf(call("GET", "/admin/v1/stats", m_tokens[AdminRole::Viewer]));
        QVERIFY(s[u"requests"_s].toInteger() >= 1);
        QVERIFY(s[u"by_outcome"_s].toObject()[u"not_found"_s].toInteger() >= 1);
        // The history the gateway samples every second shows it as a rate, so that a console
        // attaching now draws the last minutes rather than an empty chart.
        double peak = 0;
        QJsonObject history;
        QDeadlineTimer deadline(4000);
        while (peak <= 0 && !deadline.hasExpired()) {
            QTest::qWait(250);
            history = jsonOf(call("GET", "/admin/v1/stats/history", m_tokens[AdminRole::Viewer]));
            for (const QJsonValue &point :
                 history[u"requests_per_s"_s].toObject()[u"not_found"_s].toArray())
                peak = std::max(peak, point.toArray().at(1).toDouble());
        }
        QVERIFY2(peak > 0, QJsonDocument(history).toJson().constData());
        QVERIFY(!history[u"latency_p99_ms"_s].toArray().isEmpty());
        QCOMPARE(history[u"rate_window_s"_s].toInt(), 300);
        // The admin API is not on the webhook port.
        QCOMPARE(httpRequest(m_gw->port(), "GET", "/admin/v1/stats", {},
                             {{"Authorization", "Bearer " + m_tokens[AdminRole::Admin]}})
                     .status,
                 404);
    }

    void missingWrongAndExpiredTokensAre401()
    {
        HttpResult r = call("GET", "/admin/v1/stats", QByteArray());
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("www-authenticate").startsWith("Bearer"));
        QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"unauthorized"_s);
        QVERIFY(!jsonOf(r)[u"message"_s].toString().isEmpty());
        QCOMPARE(call("GET", "/admin/v1/stats", "gbt_not-a-token").status, 401);
        // A near miss: a real token with its last character changed.
        QByteArray near = m_tokens[AdminRole::Admin];
        near.back() = near.back() == 'A' ? 'B' : 'A';
        QCOMPARE(call("GET", "/admin/v1/stats", near).status, 401);
        QCOMPARE(call("GET", "/admin/v1/stats", "Basic " + m_tokens[AdminRole::Admin]).status, 401);

        const QByteArray shortLived =
            createToken(u"short"_s, u"admin"_s, {u"--expires"_s, u"2s"_s});
        QCOMPARE(call("GET", "/admin/v1/stats", shortLived).status, 200);
        QTest::qWait(2300);
        QCOMPARE(call("GET", "/admin/v1/stats", shortLived).status, 401);
    }

    void routesAreHiddenUntilAuthenticated()
    {
        QCOMPARE(call("GET", "/admin/v1/nope", QByteArray()).status, 401);
        QCOMPARE(call("GET", "/anything", QByteArray()).status, 401);
        const HttpResult unknown = call("GET", "/admin/v1/nope", m_tokens[AdminRole::Admin]);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(jsonOf(unknown)[u"error"_s].toString(), u"not_found"_s);
        const HttpResult wrongMethod = call("POST", "/admin/v1/stats", m_tokens[AdminRole::Admin]);
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(jsonOf(wrongMethod)[u"error"_s].toString(), u"method_not_allowed"_s);
    }

    void revokedTokenIsRefusedWithinTwoSeconds()
    {
        const QByteArray token = createToken(u"to-revoke"_s, u"viewer"_s);
        QCOMPARE(call("GET", "/admin/v1/stats", token).status, 200);
        const CommandResult r =
            runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"revoke"_s, u"to-revoke"_s});
        QCOMPARE(r.exitCode, 0);
        QDeadlineTimer deadline(2000);
        int status = 0;
        while (!deadline.hasExpired()) {
            status = call("GET", "/admin/v1/stats", token).status;
            if (status == 401)
                break;
            QTest::qWait(100);
        }
        QCOMPARE(status, 401);
        // Revoking what does not exist says so and fails.
        QCOMPARE(
            runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"revoke"_s, u"to-revoke"_s}).exitCode,
            1);
    }

    void failedAuthenticationFloodIsLimitedPerClient()
    {
        const QHostAddress guesser = loopback(7);
        int unauthorized = 0;
        HttpResult last;
        for (int i = 0; i < 14; ++i) {
            last = call("GET", "/admin/v1/stats", "gbt_guess-" + QByteArray::number(i), guesser);
            unauthorized += last.status == 401 ? 1 : 0;
        }
        QCOMPARE(unauthorized, 10);
        QCOMPARE(last.status, 429);
        QVERIFY(last.header("retry-after").toInt() > 0);
        // A valid token from the same network (an office behind one NAT) still gets in;
        // bad ones stay refused until the window has passed.
        QCOMPARE(call("GET", "/admin/v1/stats", m_tokens[AdminRole::Viewer], guesser).status, 200);
        QCOMPARE(call("GET", "/admin/v1/stats", "gbt_guess-again", guesser).status, 429);
        // Everyone else is unaffected.
        QCOMPARE(call("GET", "/admin/v1/stats", m_tokens[AdminRole::Viewer], loopback(8)).status,
                 200);
        QCOMPARE(call("GET", "/admin/v1/stats", "gbt_wrong", loopback(9)).status, 401);
    }

    void liveChannelPushesTheSnapshotEverySecond()
    {
        LiveClient live;
        QCOMPARE(live.open(m_gw->adminPort(), m_tokens[AdminRole::Viewer]), 200);
        QVERIFY2(live.head().contains("content-type: text/event-stream"), live.head().constData());
        QVERIFY(!live.head().contains("content-length"));
        QElapsedTimer clock;
        clock.start();
        const auto first = observe(live.next(800)); // at once, not after a tick
        QVERIFY(first);
        QCOMPARE(first->name, QByteArray("stats"));
        const qint64 before = first->data[u"requests"_s].toInteger();
        QCOMPARE(httpRequest(m_gw->port(), "GET", "/nowhere").status, 404);
        // Then once a second, and the counters move.
        qint64 latest = before;
        int ticks = 0;
        while (ticks < 3) {
            const auto e = observe(live.next("stats", 1600));
            QVERIFY2(e, "no snapshot within 1.6 s");
            latest = e->data[u"requests"_s].toInteger();
            ++ticks;
        }
        QVERIFY(latest > before);
        QVERIFY2(clock.elapsed() >= 1800 && clock.elapsed() < 4500,
                 qPrintable(QString::number(clock.elapsed())));
    }

    void liveChannelPushesAnAlertWithinASecondOfIt()
    {
        LiveClient live;
        QCOMPARE(live.open(m_gw->adminPort(), m_tokens[AdminRole::Viewer]), 200);
        QVERIFY(live.next("stats", 1000));
        const QByteArray body = R"({"object":"whatsapp_business_account","entry":[]})";
        HttpResult last;
        for (int i = 0; i < 12; ++i)
            last = httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                               {{"Content-Type", "application/json"},
                                {"X-Hub-Signature-256", "sha256=" + QByteArray(64, '0')}},
                               10000, loopback(20 + i));
        QCOMPARE(last.status, 401);
        QElapsedTimer clock;
        clock.start();
        const auto alert = observe(live.next("alert", 1500));
        QVERIFY2(alert, "no alert event");
        QVERIFY2(clock.elapsed() <= 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(alert->data[u"kind"_s].toString(), u"signature_failures"_s);
        QVERIFY(alert->data[u"count"_s].toInteger() >= 10);
    }

    void liveChannelAnnouncesChangesAndClosesForARevokedToken()
    {
        const QByteArray token = createToken(u"live-revoke"_s, u"viewer"_s);
        LiveClient live;
        QCOMPARE(live.open(m_gw->adminPort(), token), 200);
        QVERIFY(live.next("stats", 1000));
        QCOMPARE(
            runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"revoke"_s, u"live-revoke"_s}).exitCode,
            0);
        // The revocation is a configuration change: announced, and then the stream ends.
        const auto change = observe(live.next("configuration", 2500));
        QVERIFY(change);
        QVERIFY(change->data[u"revision"_s].toInteger() > 0);
        QVERIFY2(live.closedByServer(2500), "the stream of a revoked token stayed open");
    }

    void liveChannelHasABoundedNumberOfSubscribers()
    {
        // Eight per token, so that one token cannot take every place; 32 in all.
        const QByteArray fourth = createToken(u"live-fourth"_s, u"viewer"_s);
        const QByteArray fifth = createToken(u"live-fifth"_s, u"viewer"_s);
        std::vector<std::unique_ptr<LiveClient>> clients;
        for (const QByteArray &token : {m_tokens[AdminRole::Viewer], m_tokens[AdminRole::Operator],
                                        m_tokens[AdminRole::Admin], fourth}) {
            for (int i = 0; i < 8; ++i) {
                clients.push_back(std::make_unique<LiveClient>());
                QCOMPARE(clients.back()->open(m_gw->adminPort(), token), 200);
            }
            if (clients.size() == 32)
                break; // full: the last token meets the limit of all
            const HttpResult mine = call("GET", "/admin/v1/live", token);
            QCOMPARE(mine.status, 503);
            QVERIFY2(jsonOf(mine)[u"message"_s].toString().contains(u"this token"_s),
                     mine.body.constData());
        }
        const HttpResult refused = call("GET", "/admin/v1/live", fifth);
        QCOMPARE(refused.status, 503);
        QCOMPARE(jsonOf(refused)[u"error"_s].toString(), u"too_many_streams"_s);
        // Clients that leave free their places at once.
        clients.pop_back();
        QTest::qWait(200);
        LiveClient again;
        QCOMPARE(again.open(m_gw->adminPort(), fifth), 200);
    }

    void readRoutesAnswerWhatGerbangctlPrints()
    {
        // One stored event, so that the events route has something to show.
        QCOMPARE(changeConfiguration(*m_gw, {u"tenant"_s, u"add"_s, u"acme"_s, u"--name"_s,
                                             u"Acme"_s, u"--waba"_s, u"100000000000001"_s})
                     .exitCode,
                 0);
        const QByteArray body = readFixture(u"wa_text.json"_s);
        QCOMPARE(httpRequest(m_gw->port(), "POST", "/whatsapp/webhook", body,
                             {{"Content-Type", "application/json"},
                              {"X-Hub-Signature-256", hubSignature(body)}})
                     .status,
                 200);
        QTest::qWait(300); // the audit rows of the requests above are written after their reply

        // Two pages of the audit log, chained by the cursor, are the local listing's rows.
        const HttpResult first =
            call("GET", "/admin/v1/audit?limit=5", m_tokens[AdminRole::Viewer]);
        QCOMPARE(first.status, 200);
        const QString next = jsonOf(first)[u"next"_s].toString();
        QVERIFY(!next.isEmpty());
        const HttpResult second = call("GET", "/admin/v1/audit?limit=5&after=" + next.toLatin1(),
                                       m_tokens[AdminRole::Viewer]);
        QCOMPARE(second.status, 200);
        QJsonArray remote = jsonOf(first)[u"rows"_s].toArray();
        for (const QJsonValue &v : jsonOf(second)[u"rows"_s].toArray())
            remote.append(v);
        const CommandResult local =
            runCtl(m_dir.path(), {u"audit"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"10"_s});
        QCOMPARE(local.exitCode, 0);
        QCOMPARE(remote, QJsonDocument::fromJson(local.out).array());

        const HttpResult events = call("GET", "/admin/v1/events", m_tokens[AdminRole::Viewer]);
        QCOMPARE(events.status, 200);
        const CommandResult localEvents =
            runCtl(m_dir.path(), {u"events"_s, u"list"_s, u"--json"_s});
        QCOMPARE(jsonOf(events)[u"events"_s].toArray(),
                 QJsonDocument::fromJson(localEvents.out).array());
        QCOMPARE(jsonOf(events)[u"events"_s].toArray().size(), 1);
        QVERIFY(!events.body.contains("Hello")); // metadata only, never the message

        // The configuration, as gerbangctl lists it.
        QCOMPARE(changeConfiguration(*m_gw, {u"source"_s, u"add"_s, u"billing"_s, u"--provider"_s,
                                             u"stripe"_s, u"--tenant"_s, u"acme"_s})
                     .exitCode,
                 0);
        QCOMPARE(changeConfiguration(
                     *m_gw, {u"allowlist"_s, u"set"_s, u"-"_s, u"--source"_s, u"billing"_s},
                     "10.0.0.0/8\n")
                     .exitCode,
                 0);
        for (const auto &[route, key, command] :
             {std::tuple{QByteArray("/admin/v1/tenants"), u"tenants"_s, u"tenant"_s},
              std::tuple{QByteArray("/admin/v1/sources"), u"sources"_s, u"source"_s},
              std::tuple{QByteArray("/admin/v1/allowlists"), u"allowlists"_s, u"allowlist"_s}}) {
            const HttpResult r = call("GET", route, m_tokens[AdminRole::Viewer]);
            QCOMPARE(r.status, 200);
            const CommandResult listed = runCtl(m_dir.path(), {command, u"list"_s, u"--json"_s});
            const QJsonArray rows = jsonOf(r)[key].toArray();
            QVERIFY2(!rows.isEmpty(), route.constData());
            QCOMPARE(rows, QJsonDocument::fromJson(listed.out).array());
            QCOMPARE(call("GET", route + "?x=1", m_tokens[AdminRole::Viewer]).status, 400);
        }

        const HttpResult dead = call("GET", "/admin/v1/dead-letters", m_tokens[AdminRole::Viewer]);
        QCOMPARE(dead.status, 200);
        const CommandResult localDead = runCtl(m_dir.path(), {u"dlq"_s, u"list"_s, u"--json"_s});
        QCOMPARE(jsonOf(dead)[u"dead_letters"_s].toArray(),
                 QJsonDocument::fromJson(localDead.out).array());
    }

    void eventContentIsServedToOperatorsOnlyAndEveryReadIsAudited()
    {
        const QByteArray fixture = readFixture(u"wa_text.json"_s);
        const QJsonArray events =
            jsonOf(call("GET", "/admin/v1/events", m_tokens[AdminRole::Viewer]))[u"events"_s]
                .toArray();
        QVERIFY(!events.isEmpty());
        const QString id = events.first()[u"id"_s].toString();
        const QByteArray path = "/admin/v1/events/" + id.toLatin1();

        // Metadata, as gerbangctl shows it, for a viewer.
        const HttpResult meta = call("GET", path, m_tokens[AdminRole::Viewer]);
        QCOMPARE(meta.status, 200);
        QCOMPARE(jsonOf(meta)[u"raw_retained"_s].toBool(), true);
        const CommandResult shown = runCtl(m_dir.path(), {u"events"_s, u"show"_s, id});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(jsonOf(meta), QJsonDocument::fromJson(shown.out).object());
        QVERIFY(!meta.body.contains("Hello"));
        QCOMPARE(call("GET", "/admin/v1/events/ev_nothing", m_tokens[AdminRole::Viewer]).status,
                 404);

        // Content: not for a viewer; for an operator byte for byte, and audited with its name.
        QCOMPARE(call("GET", path + "/payload", m_tokens[AdminRole::Viewer]).status, 403);
        const HttpResult content = call("GET", path + "/payload", m_tokens[AdminRole::Operator]);
        QCOMPARE(content.status, 200);
        const QJsonObject o = jsonOf(content);
        QCOMPARE(o[u"action"_s].toString(), u"event_payload_read"_s);
        QCOMPARE(o[u"target"_s].toString(), id);
        QCOMPARE(o[u"event_id"_s].toString(), id);
        QCOMPARE(o[u"tenant"_s].toString(), u"acme"_s);
        QCOMPARE(QByteArray::fromBase64(o[u"payload_base64"_s].toString().toLatin1()), fixture);
        const HttpResult missing =
            call("GET", "/admin/v1/events/ev_nothing/payload", m_tokens[AdminRole::Operator]);
        QCOMPARE(missing.status, 404);
        QCOMPARE(jsonOf(missing)[u"error"_s].toString(), u"not_found"_s);
        QCOMPARE(call("GET", path + "/payload?x=1", m_tokens[AdminRole::Operator]).status, 400);

        // gerbangctl reads it too (the master key of the data directory), to standard output
        // or to a private file, and is audited as the operating-system user.
        const CommandResult local = runCtl(m_dir.path(), {u"events"_s, u"payload"_s, id});
        QCOMPARE(local.exitCode, 0);
        QCOMPARE(local.out, fixture);
        const QString file = m_dir.filePath(u"payload.json"_s);
        QCOMPARE(
            runCtl(m_dir.path(), {u"events"_s, u"payload"_s, id, u"--output"_s, file}).exitCode, 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), fixture);
        QCOMPARE(written.permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());

        QStringList readers;
        for (const AuditedRow &row : auditedRows(
                 m_dir.path(), u"outcome = 'exported' AND detail LIKE '%event_payload_read%'"_s)) {
            QCOMPARE(row.detail[u"action"_s].toString(), u"event_payload_read"_s);
            QCOMPARE(row.detail[u"target"_s].toString(), id);
            QCOMPARE(row.detail[u"bytes"_s].toInteger(), fixture.size());
            QCOMPARE(row.tenant, u"acme"_s);
            readers << row.by();
        }
        QCOMPARE(readers, (QStringList{u"API t-operator"_s, u"CLI os"_s, u"CLI os"_s}));
        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE outcome = 'not_found' AND "
                       "path = '/admin/v1/events/ev_nothing/payload' AND "
                       "detail LIKE '%\"actor\":\"t-operator\"%'"_s));
        QVERIFY(q.next() && q.value(0).toInt() == 1);
    }

    void alertsAreListedAndAcknowledgedOnce()
    {
        // liveChannelPushesAnAlertWithinASecondOfIt() raised one; its audit row is the alert.
        QJsonArray alerts;
        QDeadlineTimer deadline(3000);
        while (alerts.isEmpty() && !deadline.hasExpired()) {
            alerts =
                jsonOf(call("GET", "/admin/v1/alerts", m_tokens[AdminRole::Viewer]))[u"alerts"_s]
                    .toArray();
            QTest::qWait(alerts.isEmpty() ? 100 : 0);
        }
        QVERIFY(!alerts.isEmpty());
        const QJsonObject alert = alerts.first().toObject();
        QCOMPARE(alert[u"kind"_s].toString(), u"signature_failures"_s);
        QCOMPARE(alert[u"source"_s].toString(), u"whatsapp"_s);
        QVERIFY(alert[u"count"_s].toInteger() >= 10);
        QVERIFY(alert[u"acknowledged_at"_s].isNull());
        const qint64 id = alert[u"id"_s].toInteger();
        const CommandResult listed = runCtl(m_dir.path(), {u"alerts"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(listed.out).array(), alerts);

        const auto ack = [this](AdminRole role, const QByteArray &body) {
            return call("POST", "/admin/v1/alerts/acknowledge", m_tokens[role], {}, body);
        };
        const QByteArray one = "{\"ids\":[" + QByteArray::number(id) + "]}";
        QCOMPARE(ack(AdminRole::Viewer, one).status, 403);
        // Refused whole: an id that is no alert (a request's row, or none), or a bad body.
        for (const QByteArray &bad :
             {QByteArray("{\"ids\":[1]}"), QByteArray("{\"ids\":[999999999]}"),
              QByteArray("{\"ids\":[" + QByteArray::number(id) + ",999999999]}")}) {
            const HttpResult r = ack(AdminRole::Operator, bad);
            QVERIFY2(r.status == 404, r.body.constData());
            QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"not_found"_s);
        }
        for (const QByteArray &bad :
             {QByteArray("{}"), QByteArray("{\"ids\":\"1\"}"), QByteArray("{\"ids\":[1.5]}"),
              QByteArray("{\"ids\":[0]}"), QByteArray("{\"all\":true,\"ids\":[1]}"),
              QByteArray("{\"all\":false}"), QByteArray("{\"id\":1}"), QByteArray("[1]")}) {
            const HttpResult r = ack(AdminRole::Operator, bad);
            QVERIFY2(r.status == 400, bad.constData());
        }
        QVERIFY(jsonOf(call("GET", "/admin/v1/alerts", m_tokens[AdminRole::Viewer]))[u"alerts"_s]
                    .toArray()
                    .first()[u"acknowledged_at"_s]
                    .isNull());

        HttpResult r = ack(AdminRole::Operator, one);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"action"_s].toString(), u"alerts_acknowledged"_s);
        QCOMPARE(jsonOf(r)[u"acknowledged"_s].toArray(), QJsonArray{id});
        // Twice: the first acknowledgement stays, and nothing is left to do.
        r = ack(AdminRole::Admin, one);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"acknowledged"_s].toArray(), QJsonArray());
        const QJsonObject seen =
            jsonOf(call("GET", "/admin/v1/alerts", m_tokens[AdminRole::Viewer]))[u"alerts"_s]
                .toArray()
                .first()
                .toObject();
        QCOMPARE(seen[u"acknowledged_by"_s].toString(), u"t-operator"_s);
        QVERIFY(!seen[u"acknowledged_at"_s].isNull());
        const QJsonArray open = jsonOf(call("GET", "/admin/v1/alerts?unacknowledged=true",
                                            m_tokens[AdminRole::Viewer]))[u"alerts"_s]
                                    .toArray();
        for (const QJsonValue &a : open)
            QVERIFY(a[u"id"_s].toInteger() != id);
        QCOMPARE(
            call("GET", "/admin/v1/alerts?unacknowledged=yes", m_tokens[AdminRole::Viewer]).status,
            400);

        // --all takes the rest; gerbangctl says how many.
        const CommandResult all = runCtl(m_dir.path(), {u"alerts"_s, u"ack"_s, u"--all"_s});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.out.contains(
                     QByteArray(QByteArray::number(open.size()) + " alert(s) acknowledged")),
                 all.out.constData());
        QCOMPARE(jsonOf(call("GET", "/admin/v1/alerts?unacknowledged=true",
                             m_tokens[AdminRole::Viewer]))[u"alerts"_s]
                     .toArray(),
                 QJsonArray());

        QStringList who;
        for (const AuditedRow &row : auditedRows(
                 m_dir.path(), u"outcome = 'changed' AND detail LIKE '%alerts_acknowledged%'"_s))
            who << row.method + u' ' + row.detail[u"target"_s].toString();
        QCOMPARE(who, (QStringList{u"API "_s + QString::number(id), u"API "_s + QString::number(id),
                                   u"CLI *"_s}));
    }

    void auditExportIsStreamedAsFastAsTheClientReadsAndAudited()
    {
        // Enough rows that the CSV (about 8 MB) outgrows every socket buffer on the way, so
        // that a writer without flow control would have to drop a slow reader or hold it all.
        constexpr int kRows = 50'000;
        {
            QString error;
            auto db = openTestDatabase(m_dir.path(), &error);
            QVERIFY2(db, qPrintable(error));
            QSqlQuery q(db->db());
            QVERIFY2(
                q.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < %1) INSERT INTO audit_log (received_at, source_ip, method, "
                       "path, provider, tenant, outcome, signature_status, http_status, "
                       "processing_us, body_size) SELECT 1577836800000 + i, "
                       "'192.0.2.' || (i % 200), 'POST', '/webhooks/stripe/bulk-export', "
                       "'stripe', 'bulk-export', 'accepted', 'valid', 200, 100, 10 FROM n"_s.arg(
                           kRows)),
                qPrintable(q.lastError().text()));
        }
        const QByteArray path = "/admin/v1/audit/export?tenant=bulk-export";
        QElapsedTimer took;
        took.start();
        // Generous: a sanitizer build is ten times slower.
        const HttpResult r = call("GET", path, m_tokens[AdminRole::Viewer], {}, {}, 120'000);
        qInfo("%d rows exported in %lld ms", kRows, took.elapsed());
        QVERIFY2(r.status == 200, qPrintable(r.failure));
        QCOMPARE(r.header("content-type"), QByteArray("text/csv; charset=utf-8"));
        QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
        QVERIFY(r.header("content-disposition").contains("gerbang-audit.csv"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(r.body));
        // The header, the rows, and last the export's own audit row (it names the tenant too).
        QCOMPARE(rows.size(), kRows + 2);
        QCOMPARE(rows.last()[auditCsvHeader().indexOf(u"outcome"_s)], u"exported"_s);
        QCOMPARE(rows.first(), auditCsvHeader());
        const qsizetype at = auditCsvHeader().indexOf(u"received_at"_s);
        QVERIFY(rows[1][at] < rows[kRows][at]); // oldest first, like a report
        QSet<QString> ids;
        for (const QStringList &row : rows)
            ids.insert(row.first());
        QCOMPARE(ids.size(), rows.size()); // each row once
        // The same bytes gerbangctl writes for the same rows (then its own export row).
        const CommandResult local =
            runCtl(m_dir.path(),
                   {u"audit"_s, u"export"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s,
                    u"2999-12-31"_s, u"--tenant"_s, u"bulk-export"_s, u"--output"_s, u"-"_s});
        QCOMPARE(local.exitCode, 0);
        QVERIFY(local.out.startsWith(r.body));
        QCOMPARE(parseCsv(QString::fromUtf8(local.out)).size(), rows.size() + 1);
        QCOMPARE(call("GET", path + "&limit=5", m_tokens[AdminRole::Viewer]).status, 400);
        QCOMPARE(
            call("GET", "/admin/v1/audit/export?outcome=nope", m_tokens[AdminRole::Viewer]).status,
            400);

        // A client that reads slowly through a small buffer still gets every byte, and the
        // body's last chunk (Qt reports a cut-off chunked body as an error).
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(
            QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_gw->adminPort()).arg(QString::fromLatin1(path))));
        request.setRawHeader("Authorization", "Bearer " + m_tokens[AdminRole::Viewer]);
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        reply->setReadBufferSize(64 * 1024);
        QByteArray slow;
        QDeadlineTimer deadline(120'000);
        while (!reply->isFinished() && !deadline.hasExpired()) {
            QTest::qWait(5);
            slow += reply->read(64 * 1024);
        }
        slow += reply->readAll();
        QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
        QVERIFY(slow.startsWith(local.out));
        QCOMPARE(parseCsv(QString::fromUtf8(slow)).size(), rows.size() + 2);

        // Each export is audited with its token and filter before a row leaves.
        QStringList who;
        for (const AuditedRow &row :
             auditedRows(m_dir.path(), u"outcome = 'exported' AND tenant = 'bulk-export'"_s)) {
            QCOMPARE(row.detail[u"action"_s].toString(), u"audit_exported"_s);
            QCOMPARE(row.detail[u"format"_s].toString(), u"csv"_s);
            who << row.by();
        }
        QCOMPARE(who, (QStringList{u"API t-viewer"_s, u"CLI os"_s, u"API t-viewer"_s}));
    }

    // The audit log as evidence through the API: the gateway verifies its chains, and signs a
    // report made elsewhere that another machine checks with the public key alone.
    void auditVerificationAndReportSignatures()
    {
        const QByteArray viewer = m_tokens[AdminRole::Viewer];
        HttpResult r = call("GET", "/admin/v1/audit/verify", viewer);
        QCOMPARE(r.status, 200);
        QJsonObject v = jsonOf(r);
        // Its own chain holds; the rows other cases wrote into the table by hand are named as
        // rows no writer chained.
        QCOMPARE(v[u"chains"_s].toArray().size(), 1);
        const QJsonObject own = v[u"chains"_s].toArray().first().toObject();
        QVERIFY2(own[u"ok"_s].toBool(), r.body.constData());
        QVERIFY(own[u"rows"_s].toInt() > 0);
        QCOMPARE(own[u"last_seq"_s].toInt(), own[u"head_seq"_s].toInt());
        for (const QJsonValue &b : v[u"unchained"_s].toArray())
            QCOMPARE(b[u"kind"_s].toString(), u"inserted"_s);
        QCOMPARE(v[u"ok"_s].toBool(), v[u"unchained"_s].toArray().isEmpty());
        QCOMPARE(call("GET", "/admin/v1/audit/verify?from=yesterday", viewer).status, 400);
        QCOMPARE(call("GET", "/admin/v1/audit/verify?limit=3", viewer).status, 400);
        // Refusals from an address of their own: failed logins are rate-limited per address.
        const QHostAddress stranger(u"127.0.0.91"_s);
        QCOMPARE(call("GET", "/admin/v1/audit/verify", {}, stranger).status, 401);

        const QByteArray report = "the console's PDF, say";
        QJsonObject ask{{u"sha256"_s, QString::fromLatin1(crypto::sha256(report).toHex())},
                        {u"size"_s, report.size()},
                        {u"file"_s, u"report.pdf"_s},
                        {u"report_format"_s, u"pdf"_s},
                        {u"from"_s, u"2000-01-01"_s},
                        {u"to"_s, u"2100-01-01"_s},
                        {u"desktop_user"_s, u"siti"_s}};
        const auto body = [](const QJsonObject &o) { return QJsonDocument(o).toJson(); };
        r = call("POST", "/admin/v1/audit/report-signature", viewer, {}, body(ask));
        QCOMPARE(r.status, 200);
        QString error;
        const auto signature = ReportSignature::fromJson(jsonOf(r), &error);
        QVERIFY2(signature, qPrintable(error));
        QVERIFY2(signature->generatedBy.contains(u"siti"_s), qPrintable(signature->generatedBy));
        QCOMPARE(signature->verification.chains.size(), 1);
        QVERIFY(signature->verification.chains.first().ok());
        const CommandResult key = runCtl(m_dir.path(), {u"audit"_s, u"public-key"_s});
        QCOMPARE(key.exitCode, 0);
        const auto publicKey =
            AuditSigningKey::publicKeyFromText(QString::fromLatin1(key.out).trimmed());
        QVERIFY(publicKey);
        QCOMPARE(signature->check(report, *publicKey), ReportSignature::Check::Valid);
        QCOMPARE(signature->check(report + ' ', *publicKey), ReportSignature::Check::FileChanged);

        QJsonObject bad = ask;
        bad.insert(u"sha256"_s, u"not-hex"_s);
        QCOMPARE(call("POST", "/admin/v1/audit/report-signature", viewer, {}, body(bad)).status,
                 400);
        bad = ask;
        bad.insert(u"signature"_s, u"mine"_s);
        QCOMPARE(call("POST", "/admin/v1/audit/report-signature", viewer, {}, body(bad)).status,
                 400);
        QCOMPARE(call("POST", "/admin/v1/audit/report-signature", viewer, {}, "{").status, 400);
        QCOMPARE(call("POST", "/admin/v1/audit/report-signature", {}, stranger, body(ask)).status,
                 401);
    }

    void auditExportsAreBoundedAndEndWithTheirClients()
    {
        // Clients that ask and never read hold an export each (paused: nothing is read for
        // them while their bytes wait), up to a bound; one more is refused, and when they
        // go away their exports end and the room is free again.
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < 4; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->setReadBufferSize(1);
            s->connectToHost(u"127.0.0.1"_s, m_gw->adminPort());
            QVERIFY(s->waitForConnected(5000));
            s->write("GET /admin/v1/audit/export?tenant=bulk-export HTTP/1.1\r\nHost: x\r\n"
                     "Authorization: Bearer " +
                     m_tokens[AdminRole::Viewer] + "\r\n\r\n");
            QVERIFY(s->waitForBytesWritten(5000));
            stalled.push_back(std::move(s));
        }
        HttpResult refused;
        QDeadlineTimer deadline(5000);
        do {
            QTest::qWait(100);
            refused =
                call("GET", "/admin/v1/audit/export?tenant=nobody", m_tokens[AdminRole::Viewer]);
        } while (refused.status == 200 && !deadline.hasExpired());
        QCOMPARE(refused.status, 503);
        QCOMPARE(jsonOf(refused)[u"error"_s].toString(), u"too_many_streams"_s);
        for (auto &s : stalled)
            s->abort();
        stalled.clear();
        deadline.setRemainingTime(5000);
        HttpResult again;
        do {
            QTest::qWait(100);
            again =
                call("GET", "/admin/v1/audit/export?tenant=nobody", m_tokens[AdminRole::Viewer]);
        } while (again.status != 200 && !deadline.hasExpired());
        QCOMPARE(again.status, 200);
        // The header, then exports' own audit rows (tenant "nobody", as their filter): this
        // one's, and those of the calls above that came before the limit was reached.
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(again.body));
        QVERIFY(rows.size() >= 2);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QCOMPARE(rows[i][auditCsvHeader().indexOf(u"outcome"_s)], u"exported"_s);
    }

    void theFleetListsThisGatewayUp()
    {
        const HttpResult r = call("GET", "/admin/v1/gateways", m_tokens[AdminRole::Viewer]);
        QCOMPARE(r.status, 200);
        const QJsonArray fleet = jsonOf(r)[u"gateways"_s].toArray();
        QCOMPARE(fleet.size(), 1); // SQLite: one gateway
        const QJsonObject me = fleet.first().toObject();
        QFile idFile(m_dir.filePath(u"gateway-id"_s));
        QVERIFY(idFile.open(QIODevice::ReadOnly));
        QCOMPARE(me[u"id"_s].toString(), QString::fromLatin1(idFile.readAll()).trimmed());
        QCOMPARE(QFileInfo(idFile).permissions() & (QFile::ReadGroup | QFile::ReadOther), 0);
        QCOMPARE(me[u"state"_s].toString(), u"up"_s);
        QCOMPARE(me[u"webhook_url"_s].toString(), u"http://127.0.0.1:%1"_s.arg(m_gw->port()));
        QCOMPARE(me[u"admin_url"_s].toString(), u"http://127.0.0.1:%1"_s.arg(m_gw->adminPort()));
        QVERIFY(me[u"stopped_at"_s].isNull());
        QVERIFY(me[u"summary"_s].toObject().contains(u"requests_per_s"_s));

        // gerbangctl lists the same fleet from the same rows.
        const CommandResult listed = runCtl(m_dir.path(), {u"gateways"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray local = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(local.size(), 1);
        QCOMPARE(local.first()[u"id"_s].toString(), me[u"id"_s].toString());
        QCOMPARE(local.first()[u"state"_s].toString(), u"up"_s);
        QCOMPARE(QStringList(local.first().toObject().keys()), QStringList(me.keys()));

        // A gateway silent for longer than 15 s without a goodbye stopped answering.
        GatewayBeat beat;
        beat.lastSeenAtMs = 1'000'000;
        QCOMPARE(beat.stateAt(beat.lastSeenAtMs + GatewayBeat::kSilentAfterMs), GatewayState::Up);
        QCOMPARE(beat.stateAt(beat.lastSeenAtMs + GatewayBeat::kSilentAfterMs + 1),
                 GatewayState::NotAnswering);
        beat.stoppedAtMs = beat.lastSeenAtMs;
        QCOMPARE(beat.stateAt(beat.lastSeenAtMs), GatewayState::Stopped);
    }

    void readRoutesFilterAndRefuseWhatTheyDoNotKnow()
    {
        const HttpResult only = call("GET", "/admin/v1/audit?outcome=unauthorized&limit=50",
                                     m_tokens[AdminRole::Viewer]);
        QCOMPARE(only.status, 200);
        const QJsonArray rows = jsonOf(only)[u"rows"_s].toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &v : rows)
            QCOMPARE(v[u"outcome"_s].toString(), u"unauthorized"_s);
        const HttpResult byProvider = call("GET", "/admin/v1/events?provider=whatsapp&tenant=acme",
                                           m_tokens[AdminRole::Viewer]);
        QCOMPARE(jsonOf(byProvider)[u"events"_s].toArray().size(), 1);
        QCOMPARE(jsonOf(call("GET", "/admin/v1/events?provider=stripe",
                             m_tokens[AdminRole::Viewer]))[u"events"_s]
                     .toArray()
                     .size(),
                 0);
        for (const QByteArray &bad :
             {QByteArray("/admin/v1/audit?outcome=expired"), QByteArray("/admin/v1/audit?limit=0"),
              QByteArray("/admin/v1/audit?limit=5000"), QByteArray("/admin/v1/audit?after=1;2"),
              QByteArray("/admin/v1/audit?from=yesterday"),
              QByteArray("/admin/v1/audit?colour=red"),
              QByteArray("/admin/v1/audit?tenant=a&tenant=b"),
              QByteArray("/admin/v1/events?provider=paypal"),
              QByteArray("/admin/v1/dead-letters?limit=x")}) {
            const HttpResult r = call("GET", bad, m_tokens[AdminRole::Viewer]);
            QVERIFY2(r.status == 400, bad.constData());
            QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"invalid_parameter"_s);
            QVERIFY(!jsonOf(r)[u"message"_s].toString().isEmpty());
        }
    }

    void badInputGetsAClearRefusal()
    {
        const HttpResult big = call("POST", "/admin/v1/stats", m_tokens[AdminRole::Admin], {},
                                    QByteArray(128 * 1024, 'x'));
        QCOMPARE(big.status, 413);
        const HttpResult garbage =
            httpRequest(m_gw->adminPort(), "GET", "/admin/v1/stats HTTP/1.1\r\nX: \x01", {});
        QVERIFY2(garbage.status == 400, qPrintable(garbage.failure));
    }

    // Counts rows of a query on the gateway's database.
    int count(const QString &sql)
    {
        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        if (!db)
            return -1;
        QSqlQuery q(db->db());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }

    void changesThroughTheApiAreMadeAndAuditedWithTheToken()
    {
        const QByteArray admin = m_tokens[AdminRole::Admin];
        const int changedBefore =
            count(u"SELECT count(*) FROM audit_log WHERE outcome = 'changed' AND method = 'API'"_s);
        qsizetype loads = m_gw->output().count("configuration revision");

        HttpResult r =
            call("POST", "/admin/v1/tenants", admin, {},
                 R"({"id":"api-firm","name":"API Firm","waba_ids":["123456789012345"]})");
        QCOMPARE(r.status, 201);
        QCOMPARE(jsonOf(r)[u"action"_s].toString(), u"tenant_added"_s);
        QCOMPARE(jsonOf(r)[u"target"_s].toString(), u"api-firm"_s);
        r = call("POST", "/admin/v1/tenants", admin, {}, R"({"id":"api-firm","name":"Again"})");
        QCOMPARE(r.status, 409);
        QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"conflict"_s);
        r = call("PATCH", "/admin/v1/tenants/api-firm", admin, {},
                 R"({"name":"Renamed Firm","enabled":false})");
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"changed"_s].toArray(), (QJsonArray{u"name"_s, u"enabled"_s}));
        QVERIFY(call("GET", "/admin/v1/tenants", admin).body.contains("Renamed Firm"));
        r = call("PATCH", "/admin/v1/tenants/api-firm", admin, {}, R"({"enabled":true})");
        QCOMPARE(r.status, 200);

        // A source and its secret: the secret goes in and never comes out.
        const QByteArray first =
            "api-secret-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        const QByteArray second =
            "api-rotated-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        r = call("POST", "/admin/v1/sources", admin, {},
                 R"({"name":"api-crm","provider":"generic","tenant":"api-firm"})");
        QCOMPARE(r.status, 201);
        QCOMPARE(jsonOf(r)[u"route"_s].toString(), u"/webhooks/generic/api-crm"_s);
        r = call("PUT", "/admin/v1/secrets/api-crm", admin, {}, R"({"value":")" + first + R"("})");
        QCOMPARE(r.status, 200);
        QVERIFY(!jsonOf(r)[u"fingerprint"_s].toString().isEmpty());
        QVERIFY(!r.body.contains(first));
        r = call("POST", "/admin/v1/secrets/api-crm/rotate", admin, {},
                 R"({"value":")" + second + R"(","retire_after":"1h"})");
        QCOMPARE(r.status, 200);
        QVERIFY(jsonOf(r)[u"previous_retires_at"_s].isString());
        r = call("GET", "/admin/v1/secrets", admin);
        QCOMPARE(r.status, 200);
        QVERIFY(!r.body.contains(first) && !r.body.contains(second));
        int slots = 0;
        for (const QJsonValue &v : jsonOf(r)[u"secrets"_s].toArray())
            slots += v[u"name"_s].toString() == u"api-crm"_s;
        QCOMPARE(slots, 2);

        // The change is live: a webhook signed with the new value is accepted.
        waitForReload(loads);
        const QByteArray body = R"({"id":"api-1","type":"contact.updated"})";
        const QByteArray signature = "sha256=" + crypto::hmacSha256(second, body).toHex();
        QDeadlineTimer deadline(4000);
        int status = 0;
        while (status != 200 && !deadline.hasExpired()) {
            status = httpRequest(
                         m_gw->port(), "POST", "/webhooks/generic/api-crm", body,
                         {{"Content-Type", "application/json"}, {"X-Webhook-Signature", signature}})
                         .status;
            if (status != 200)
                QTest::qWait(250);
        }
        QCOMPARE(status, 200);

        QCOMPARE(call("POST", "/admin/v1/secrets/api-crm/retire", admin).status, 200);
        r = call("POST", "/admin/v1/secrets/api-crm/retire", admin);
        QCOMPARE(r.status, 409); // nothing left to retire
        r = call("PUT", "/admin/v1/allowlists/api-crm", admin, {},
                 R"({"networks":["10.0.0.0/8"]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"networks"_s].toArray(), QJsonArray{u"10.0.0.0/8"_s});
        r = call("PUT", "/admin/v1/allowlists/api-crm", admin, {}, R"({"networks":[]})");
        QCOMPARE(r.status, 200);
        QCOMPARE(call("DELETE", "/admin/v1/sources/api-crm", admin).status, 200);
        QCOMPARE(call("DELETE", "/admin/v1/secrets/api-crm", admin).status, 200);
        QCOMPARE(call("DELETE", "/admin/v1/tenants/api-firm", admin).status, 200);
        r = call("DELETE", "/admin/v1/tenants/api-firm", admin);
        QCOMPARE(r.status, 404);
        QCOMPARE(jsonOf(r)[u"error"_s].toString(), u"not_found"_s);

        // One audit row per change made, naming the token, in the change's own transaction.
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE outcome = 'changed' AND "
                       "method = 'API'"_s) -
                     changedBefore,
                 12);
        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        QVERIFY2(db, qPrintable(error));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT detail, path, http_status FROM audit_log WHERE outcome = "
                       "'changed' AND method = 'API' AND detail NOT LIKE '%retention_run%' AND "
                       "detail NOT LIKE '%alerts_acknowledged%'"_s));
        QStringList actions;
        while (q.next()) {
            const QJsonObject detail =
                QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            QCOMPARE(detail[u"actor"_s].toString(), u"t-admin"_s);
            QVERIFY(q.value(1).toString().startsWith(u"/admin/v1/"_s));
            QVERIFY(q.value(2).toInt() == 200 || q.value(2).toInt() == 201);
            actions << detail[u"action"_s].toString();
        }
        for (const char *action : {"tenant_added", "tenant_updated", "source_added", "secret_set",
                                   "secret_rotated", "secret_retired", "allowlist_set",
                                   "source_removed", "secret_removed", "tenant_removed"})
            QVERIFY2(actions.contains(QLatin1StringView(action)), action);
        // Neither value reached the audit log or the gateway's log.
        QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE detail LIKE '%api-secret-%' OR "
                       "detail LIKE '%api-rotated-%'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(!m_gw->output().contains(first) && !m_gw->output().contains(second));
    }

    void tokensAreCreatedAndRevokedThroughTheApi()
    {
        const QByteArray admin = m_tokens[AdminRole::Admin];
        qsizetype loads = m_gw->output().count("configuration revision");
        HttpResult r = call("POST", "/admin/v1/tokens", admin, {},
                            R"({"name":"api-made","role":"operator","expires_in":"1h"})");
        QCOMPARE(r.status, 201);
        const QByteArray token = jsonOf(r)[u"token"_s].toString().toLatin1();
        m_allTokens << token;
        QVERIFY(QRegularExpression(u"^gbt_[A-Za-z0-9_-]{43}$"_s)
                    .match(QString::fromLatin1(token))
                    .hasMatch());
        QCOMPARE(jsonOf(r)[u"role"_s].toString(), u"operator"_s);
        QVERIFY(jsonOf(r)[u"expires_at"_s].isString());
        QCOMPARE(
            call("POST", "/admin/v1/tokens", admin, {}, R"({"name":"api-made","role":"viewer"})")
                .status,
            409);
        waitForReload(loads);
        r = call("GET", "/admin/v1/whoami", token);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"name"_s].toString(), u"api-made"_s);
        // An operator may replay but not make tokens.
        QCOMPARE(call("POST", "/admin/v1/dead-letters/replay", token, {}, R"({"all":true})").status,
                 200);
        QCOMPARE(
            call("POST", "/admin/v1/tokens", token, {}, R"({"name":"x","role":"admin"})").status,
            403);
        loads = m_gw->output().count("configuration revision");
        QCOMPARE(call("DELETE", "/admin/v1/tokens/api-made", admin).status, 200);
        waitForReload(loads);
        QCOMPARE(call("GET", "/admin/v1/whoami", token).status, 401);
        // Who created it is the token that did.
        const CommandResult list =
            runCtl(m_dir.path(), {u"admin"_s, u"token"_s, u"list"_s, u"--json"_s});
        QVERIFY(!list.out.contains("api-made")); // revoked tokens are gone
    }

    void badChangesAreRefusedAndChangeNothing()
    {
        const QByteArray admin = m_tokens[AdminRole::Admin];
        const QString state =
            u"SELECT (SELECT count(*) FROM tenants) || '/' || (SELECT count(*) FROM sources) || "
            "'/' || (SELECT count(*) FROM admin_tokens) || '/' || (SELECT count(*) FROM "
            "audit_log WHERE outcome IN ('changed', 'replay'))"_s;
        const auto snapshot = [&] {
            QString error;
            auto db = openTestDatabase(m_dir.path(), &error);
            QSqlQuery q(db->db());
            return q.exec(state) && q.next() ? q.value(0).toString() : QString();
        };
        const QString before = snapshot();
        QVERIFY(!before.isEmpty());
        const struct
        {
            QByteArray method, path, body, code;
            int status;
        } cases[] = {
            {"POST", "/admin/v1/tenants", "not json", "invalid_json", 400},
            {"POST", "/admin/v1/tenants", "[1, 2]", "invalid_json", 400},
            {"POST", "/admin/v1/tenants", R"({"id":"x","name":"y","enabeld":true})",
             "unknown_field", 400},
            {"POST", "/admin/v1/tenants", R"({"id":5,"name":"y"})", "invalid_value", 400},
            {"POST", "/admin/v1/tenants", R"({"id":"Bad Id!","name":"y"})", "invalid_value", 400},
            {"POST", "/admin/v1/tenants", R"({"id":"ok-id","name":"y","waba_ids":["abc"]})",
             "invalid_value", 400},
            {"PATCH", "/admin/v1/tenants/no-such", R"({"name":"x"})", "not_found", 404},
            {"POST", "/admin/v1/sources", R"({"name":"s1","provider":"paypal"})", "invalid_value",
             400},
            {"POST", "/admin/v1/sources",
             R"({"name":"s1","provider":"generic","failure_status":200})", "invalid_value", 400},
            {"PUT", "/admin/v1/secrets/Bad%20Name", R"({"value":"v"})", "invalid_value", 400},
            {"PUT", "/admin/v1/secrets/crm", R"({"value":""})", "invalid_value", 400},
            {"POST", "/admin/v1/secrets/crm/rotate", R"({"value":"v","retire_after":"soon"})",
             "invalid_value", 400},
            {"PUT", "/admin/v1/allowlists/*", R"({"networks":["999.1.1.1"]})", "invalid_value",
             400},
            {"PUT", "/admin/v1/allowlists/*", R"({})", "invalid_value", 400},
            {"POST", "/admin/v1/tokens", R"({"name":"n","role":"root"})", "invalid_value", 400},
            {"POST", "/admin/v1/tokens", R"({"name":"n","role":"viewer","expires_in":"-1d"})",
             "invalid_value", 400},
            {"DELETE", "/admin/v1/tokens/t-viewer", R"({"really":true})", "unknown_field", 400},
            {"POST", "/admin/v1/events/replay", R"({"ids":["ev_nope"]})", "not_found", 404},
            {"POST", "/admin/v1/events/replay", R"({"ids":[]})", "invalid_value", 400},
            {"POST", "/admin/v1/dead-letters/replay", R"({})", "invalid_value", 400},
            {"POST", "/admin/v1/dead-letters/replay", R"({"all":true,"ids":["a"]})",
             "invalid_value", 400},
            {"POST", "/admin/v1/dead-letters/replay", R"({"ids":["ev_nope"]})", "conflict", 409},
            {"POST", "/admin/v1/dead-letters/replay", R"({"ids":["a"],"skip_not_dead":"yes"})",
             "invalid_value", 400},
        };
        for (const auto &c : cases) {
            const HttpResult r = call(c.method, c.path, admin, {}, c.body);
            QVERIFY2(r.status == c.status && jsonOf(r)[u"error"_s].toString().toLatin1() == c.code,
                     qPrintable(u"%1 %2 %3: %4 %5"_s
                                    .arg(QString::fromLatin1(c.method), QString::fromLatin1(c.path),
                                         QString::fromLatin1(c.body))
                                    .arg(r.status)
                                    .arg(QString::fromUtf8(r.body))));
            QVERIFY(!jsonOf(r)[u"message"_s].toString().isEmpty());
        }
        const HttpResult big = call("POST", "/admin/v1/tenants", admin, {},
                                    "{\"name\":\"" + QByteArray(70 * 1024, 'x') + "\"}");
        QCOMPARE(big.status, 413);
        QCOMPARE(snapshot(), before);
        // The refusals are audited with the token's name.
        const QString refusals =
            u"SELECT count(*) FROM audit_log WHERE outcome IN ('bad_request', 'not_found') AND "
            "path LIKE '/admin/v1/%' AND detail LIKE '%\"actor\":\"t-admin\"%'"_s;
        QDeadlineTimer deadline(3000);
        while (count(refusals) < int(std::size(cases)) && !deadline.hasExpired())
            QTest::qWait(50);
        QVERIFY(count(refusals) >= int(std::size(cases)));
        // The console's "replay selected": those still dead, the others reported, no refusal.
        const HttpResult partial = call("POST", "/admin/v1/dead-letters/replay", admin, {},
                                        R"({"ids":["ev_nope"],"skip_not_dead":true})");
        QCOMPARE(partial.status, 200);
        QCOMPARE(jsonOf(partial)[u"queued_ids"_s].toArray().size(), 0);
        QCOMPARE(jsonOf(partial)[u"not_dead"_s].toArray().first().toString(), u"ev_nope"_s);
    }

    void settingsSayWhereEachValueComesFrom()
    {
        const HttpResult r = call("GET", "/admin/v1/settings", m_tokens[AdminRole::Viewer]);
        QCOMPARE(r.status, 200);
        QHash<QString, QJsonObject> byKey;
        for (const QJsonValue &v : jsonOf(r)[u"settings"_s].toArray())
            byKey.insert(v[u"key"_s].toString(), v.toObject());
        QVERIFY(byKey.size() > 30);
        QCOMPARE(byKey[u"admin/listen"_s][u"source"_s].toString(), u"environment"_s);
        QCOMPARE(byKey[u"admin/listen"_s][u"value"_s].toString(), u"127.0.0.1:0"_s);
        QCOMPARE(byKey[u"storage/data_dir"_s][u"source"_s].toString(), u"flag"_s);
        QCOMPARE(byKey[u"retention/raw_days"_s][u"source"_s].toString(), u"default"_s);
        QCOMPARE(byKey[u"retention/raw_days"_s][u"applies"_s].toString(), u"reload"_s);
        QCOMPARE(byKey[u"server/listen"_s][u"applies"_s].toString(), u"restart"_s);
        // A secret is never shown, even when set (the WhatsApp app secret is, by environment).
        const QJsonObject secret = byKey[u"whatsapp/app_secret"_s];
        QVERIFY(secret[u"secret"_s].toBool());
        QVERIFY(secret[u"value"_s].isNull());
        QVERIFY(secret[u"is_set"_s].toBool());
        QVERIFY(!r.body.contains(kFixtureAppSecret.toByteArray()));
        // gerbangctl prints the gateway's view with --gateway.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromLatin1(m_tokens[AdminRole::Viewer]));
        const CommandResult c =
            runCtl(m_dir.path(),
                   {u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(m_gw->adminPort()), u"settings"_s,
                    u"list"_s, u"--json"_s},
                   {}, env);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(QJsonDocument::fromJson(c.out).array(), jsonOf(r)[u"settings"_s].toArray());
    }

    void settingsAreChangedInTheFileCheckedAndAudited()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ini = dir.filePath(u"gerbang.ini"_s);
        {
            QFile f(ini);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("; the firm's own note, kept\n[retention]\nraw_days = 7\n");
        }
        QFile::setPermissions(ini, QFile::ReadOwner | QFile::WriteOwner);
        GatewayProcess gw(dir.path());
        gw.extraArguments() << u"--config"_s << ini;
        QString error;
        QVERIFY2(gw.start(&error), qPrintable(error));
        const auto token = [&](const QString &name, const QString &role) {
            const QByteArray t =
                runCtl(dir.path(), {u"admin"_s, u"token"_s, u"create"_s, name, u"--role"_s, role})
                    .out.trimmed();
            m_allTokens << t;
            return t;
        };
        const QByteArray admin = token(u"cfg-admin"_s, u"admin"_s);
        const QByteArray viewer = token(u"cfg-viewer"_s, u"viewer"_s);
        QDeadlineTimer loaded(3000);
        while (gw.output().count("configuration revision") < 2 && !loaded.hasExpired())
            QTest::qWait(20);
        // This gateway's replies are validated against the document too.
        const auto patch = [&](const QByteArray &bearer, const QByteArray &body) {
            const HttpResult r = httpRequest(
                gw.adminPort(), "PATCH", "/admin/v1/settings", body,
                {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}});
            record("PATCH", "/admin/v1/settings", r);
            return r;
        };
        const auto get = [&](const QByteArray &path, const QByteArray &bearer) {
            const HttpResult r = httpRequest(gw.adminPort(), "GET", path, {},
                                             {{"Authorization", "Bearer " + bearer}});
            record("GET", path, r);
            return r;
        };
        const auto fileBytes = [&] {
            QFile f(ini);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };

        QCOMPARE(patch(viewer, R"({"settings":{"retention/raw_days":3}})").status, 403);
        // Refused whole, and the file is left as it was.
        const QByteArray before = fileBytes();
        for (const auto &[body, status, code] :
             {std::tuple{QByteArray(R"({"settings":{"retention/raw_days":0}})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"settings":{"retention/raw_days":3,"no/such":"1"}})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"settings":{"retention/raw_days":"3\n[x]"}})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"settings":{"retention/raw_days":2.5}})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"settings":"retention/raw_days=3"})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"settings":{}})"), 400, "invalid_value"},
              // A rule between settings, as the gateway would apply at its next start.
              std::tuple{QByteArray(R"({"settings":{"tls/certificate":"/etc/ssl/x.pem"}})"), 400,
                         "invalid_value"},
              std::tuple{QByteArray(R"({"raw_days":3})"), 400, "unknown_field"},
              // The environment outranks the file: such a change would do nothing.
              std::tuple{QByteArray(R"({"settings":{"limits/rate_global":"100"}})"), 409,
                         "conflict"}}) {
            const HttpResult r = patch(admin, body);
            QVERIFY2(r.status == status, body.constData());
            QCOMPARE(jsonOf(r)[u"error"_s].toString(), QString::fromLatin1(code));
        }
        QCOMPARE(fileBytes(), before);

        // Made: one setting applies at once, the other at the next restart, as the reply says.
        HttpResult r =
            patch(admin, R"({"settings":{"retention/raw_days":3,"server/max_connections":900}})");
        QVERIFY2(r.status == 200, r.body.constData());
        QJsonObject o = jsonOf(r);
        QCOMPARE(o[u"action"_s].toString(), u"settings_changed"_s);
        QCOMPARE(o[u"target"_s].toString(), ini);
        QCOMPARE(o[u"reloadable"_s].toArray(), QJsonArray{u"retention/raw_days"_s});
        QCOMPARE(o[u"restart_required"_s].toArray(), QJsonArray{u"server/max_connections"_s});
        const QByteArray after = fileBytes();
        QVERIFY(after.startsWith("; the firm's own note, kept\n"));
        Settings saved;
        QVERIFY2(saved.load(ini, true, QProcessEnvironment(), &error), qPrintable(error));
        QCOMPARE(saved.value(u"retention/raw_days"_s), u"3"_s);
        QCOMPARE(saved.value(u"server/max_connections"_s), u"900"_s);
        const QJsonObject retention = jsonOf(get("/admin/v1/retention", viewer));
        QCOMPARE(retention[u"policy"_s].toObject()[u"raw_days"_s].toInt(), 3);
        QHash<QString, QJsonObject> byKey;
        for (const QJsonValue &v :
             jsonOf(get("/admin/v1/settings", viewer))[u"settings"_s].toArray())
            byKey.insert(v[u"key"_s].toString(), v.toObject());
        QCOMPARE(byKey[u"retention/raw_days"_s][u"value"_s].toString(), u"3"_s);
        QCOMPARE(byKey[u"retention/raw_days"_s][u"restart_pending"_s].toBool(), false);
        QCOMPARE(byKey[u"server/max_connections"_s][u"source"_s].toString(), u"file"_s);
        QCOMPARE(byKey[u"server/max_connections"_s][u"restart_pending"_s].toBool(), true);

        // gerbangctl, remotely and on the file itself; a secret never on a command line.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromLatin1(admin));
        CommandResult c = runCtl(dir.path(),
                                 {u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(gw.adminPort()),
                                  u"settings"_s, u"set"_s, u"retention/audit_days=60"_s},
                                 {}, env);
        QVERIFY2(c.exitCode == 0 && c.out.contains("applied by the gateway now"),
                 c.err.constData());
        c = runCtl(dir.path(),
                   {u"--config"_s, ini, u"settings"_s, u"set"_s, u"delivery/max_attempts=5"_s});
        QVERIFY2(c.exitCode == 0 && c.out.contains("restarts"), c.err.constData());
        c = runCtl(dir.path(),
                   {u"--config"_s, ini, u"settings"_s, u"set"_s, u"sink/secret=hunter2"_s});
        QCOMPARE(c.exitCode, 2);
        QVERIFY(c.err.contains("secret"));
        // gerbangctl checks the rules between settings too, as the gateway would at its start.
        c = runCtl(dir.path(), {u"--config"_s, ini, u"settings"_s, u"set"_s,
                                u"tls/certificate=/etc/ssl/gateway.pem"_s});
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains("tls/private_key"), c.err.constData());
        QVERIFY2(saved.load(ini, true, QProcessEnvironment(), &error), qPrintable(error));
        QCOMPARE(saved.value(u"retention/audit_days"_s), u"60"_s);
        QCOMPARE(saved.value(u"delivery/max_attempts"_s), u"5"_s);

        // Each change is audited, naming who and what.
        {
            QStringList seen;
            for (const AuditedRow &row : auditedRows(
                     dir.path(), u"outcome = 'changed' AND detail LIKE '%settings_changed%'"_s))
                seen << row.by() + u' ' + row.detail[u"settings"_s].toObject().keys().join(u',');
            QCOMPARE(seen,
                     (QStringList{u"API cfg-admin retention/raw_days,server/max_connections"_s,
                                  u"API cfg-admin retention/audit_days"_s,
                                  u"CLI os delivery/max_attempts"_s}));
        }

        // A file the gateway's user may not write (the package's, root's) is said so.
        if (::geteuid() != 0) {
            QFile::setPermissions(ini, QFile::ReadOwner);
            r = patch(admin, R"({"settings":{"retention/raw_days":4}})");
            QCOMPARE(r.status, 409);
            QVERIFY2(jsonOf(r)[u"message"_s].toString().contains(u"may not be written"_s),
                     r.body.constData());
            QFile::setPermissions(ini, QFile::ReadOwner | QFile::WriteOwner);
        }
        QVERIFY2(gw.stopCleanly(&error), qPrintable(error));
    }

    void retentionRunsOnDemandAndSaysWhen()
    {
        HttpResult r = call("POST", "/admin/v1/retention/run", m_tokens[AdminRole::Operator]);
        QCOMPARE(r.status, 200);
        QCOMPARE(jsonOf(r)[u"action"_s].toString(), u"retention_run"_s);
        QVERIFY(jsonOf(r)[u"raw_payloads"_s].isDouble());
        r = call("GET", "/admin/v1/retention", m_tokens[AdminRole::Viewer]);
        QCOMPARE(r.status, 200);
        QVERIFY(jsonOf(r)[u"last_run_at"_s].isString());
        QVERIFY(jsonOf(r)[u"next_run_at"_s].isString());
        QCOMPARE(jsonOf(r)[u"policy"_s][u"raw_days"_s].toInt(), 7);
        QVERIFY(count(u"SELECT count(*) FROM audit_log WHERE outcome = 'changed' AND detail LIKE "
                      "'%\"action\":\"retention_run\"%' AND detail LIKE "
                      "'%\"actor\":\"t-operator\"%'"_s) >= 1);
        // gerbangctl purge, from elsewhere, prints what the local one would.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromLatin1(m_tokens[AdminRole::Operator]));
        const CommandResult c =
            runCtl(m_dir.path(),
                   {u"--gateway"_s, u"http://127.0.0.1:%1"_s.arg(m_gw->adminPort()), u"purge"_s,
                    u"--json"_s},
                   {}, env);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(QStringList(QJsonDocument::fromJson(c.out).object().keys()),
                 (QStringList{u"audit_rows"_s, u"dead_letters"_s, u"dedup_keys"_s,
                              u"delivered_events"_s, u"raw_payloads"_s}));
    }

    void theOpenApiDocumentDescribesTheApi()
    {
        QJsonArray routes;
        for (const AdminApi::Route &r : AdminApi::routes())
            routes.append(QJsonArray{QString::fromLatin1(r.method.toByteArray()),
                                     QString::fromLatin1(r.path.toByteArray()), wire(r.least)});
        QJsonArray documented; // answers of documented routes, and error bodies of the rest
        QJsonArray errors;
        for (const QJsonValue &v : std::as_const(m_observed)) {
            const QJsonObject o = v.toObject();
            const bool known = std::any_of(
                AdminApi::routes().cbegin(), AdminApi::routes().cend(),
                [&](const AdminApi::Route &r) {
                    return QString::fromLatin1(r.path.toByteArray()) == o[u"path"_s].toString() &&
                           QString::fromLatin1(r.method.toByteArray()) == o[u"method"_s].toString();
                });
            if (o[u"status"_s].toInt() == 0)
                continue;
            (known ? documented : errors).append(o);
        }
        QVERIFY(documented.size() > 10);
        QVERIFY(m_events.size() >= 5); // stats, alert and configuration events
        // The document spells these words out; they must stay the vocabulary's.
        const QJsonObject vocabulary{
            {u"Provider"_s, QJsonArray::fromStringList(wireNames<Provider>())},
            {u"Role"_s, QJsonArray::fromStringList(wireNames<AdminRole>())},
            {u"GatewayState"_s, QJsonArray::fromStringList(wireNames<GatewayState>())},
            {u"Change"_s, QJsonArray::fromStringList(wireNames<Change>())},
            {u"SettingSource"_s, QJsonArray::fromStringList(wireNames<SettingSource>())},
            {u"Disclosure"_s, QJsonArray::fromStringList(wireNames<Disclosure>())}};
        QFile observed(m_dir.filePath(u"observed.json"_s));
        QVERIFY(observed.open(QIODevice::WriteOnly));
        observed.write(QJsonDocument(QJsonObject{{u"routes"_s, routes},
                                                 {u"responses"_s, documented},
                                                 {u"errors"_s, errors},
                                                 {u"events"_s, m_events},
                                                 {u"vocabulary"_s, vocabulary},
                                                 {u"error_codes"_s, QJsonArray::fromStringList(
                                                                        wireNames<ApiError>())}})
                           .toJson());
        observed.close();
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral(GERBANG_SCHEMA_PYTHON),
                     {QStringLiteral(GERBANG_SOURCE_DIR "/tests/tools/validate_admin_api.py"),
                      u"--spec"_s, QStringLiteral(GERBANG_SOURCE_DIR "/docs/admin-api.yaml"),
                      u"--observed"_s, observed.fileName()});
        QVERIFY(python.waitForFinished(60000));
        const QByteArray out = python.readAll();
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 out.constData());
        qInfo("%s", out.trimmed().constData()); // how much of the document real replies covered
    }

    void failuresAreAuditedAndNoTokenIsEverWritten()
    {
        QString error;
        auto db = openTestDatabase(m_dir.path(), &error);
        QVERIFY2(db, qPrintable(error));
        QDeadlineTimer deadline(5000);
        int audited = 0;
        while (!deadline.hasExpired()) {
            QSqlQuery q(db->db());
            QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE outcome = 'unauthorized' AND "
                           "path LIKE '/admin/%'"_s));
            audited = q.next() ? q.value(0).toInt() : 0;
            if (audited >= 10)
                break;
            QTest::qWait(100);
        }
        QVERIFY2(audited >= 10, qPrintable(QString::number(audited)));
        QSqlQuery q(db->db());
        QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE outcome = 'forbidden' AND "
                       "detail LIKE '%\"actor\":\"t-viewer\"%'"_s));
        QVERIFY(q.next() && q.value(0).toInt() >= 1);

        // Every column of every audit row, and everything gerbangd printed.
        QByteArray everything = m_gw->output();
        QVERIFY(q.exec(u"SELECT * FROM audit_log"_s));
        while (q.next()) {
            for (int i = 0; i < q.record().count(); ++i)
                everything += q.value(i).toString().toUtf8() + '\n';
        }
        QVERIFY(!m_allTokens.isEmpty());
        for (const QByteArray &token : std::as_const(m_allTokens)) {
            QVERIFY2(!everything.contains(token), token.constData());
            // Not even the secret part alone.
            QVERIFY(!everything.contains(token.mid(4, 20)));
        }
    }

    void nonLoopbackListenerSpeaksTlsWithAPinnedSelfSignedCertificate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        GatewayProcess gw(dir.path());
        gw.environment().insert(u"GERBANG_ADMIN_LISTEN"_s, u"0.0.0.0:0"_s);
        QString error;
        QVERIFY2(gw.start(&error), qPrintable(error));
        QCOMPARE(gw.adminScheme(), u"https"_s);
        const QString certPath = dir.filePath(u"admin-tls/certificate.pem"_s);
        const QString keyPath = dir.filePath(u"admin-tls/private-key.pem"_s);
        QVERIFY(QFileInfo::exists(certPath));
        QCOMPARE(QFileInfo(keyPath).permissions() &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());

        const CommandResult fp = runCtl(dir.path(), {u"admin"_s, u"fingerprint"_s});
        QCOMPARE(fp.exitCode, 0);
        const QByteArray printed = fp.out.trimmed();
        QVERIFY2(printed.startsWith("SHA256:"), printed.constData());
        const QByteArray fingerprint = printed.mid(7);
        QVERIFY2(gw.output().contains(fingerprint), gw.output().constData());

        const QByteArray token = changeConfiguration(gw, {u"admin"_s, u"token"_s, u"create"_s,
                                                          u"tls"_s, u"--role"_s, u"viewer"_s})
                                     .out.trimmed();
        m_allTokens << token;
        QSslSocket socket;
        // Trust on first use: the certificate is accepted because its digest is the pinned
        // one, and for no other reason.
        QObject::connect(&socket, &QSslSocket::sslErrors, &socket, [&](const QList<QSslError> &) {
            const QByteArray seen =
                socket.peerCertificate().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
            if (seen == fingerprint)
                socket.ignoreSslErrors();
        });
        socket.connectToHostEncrypted(u"127.0.0.1"_s, gw.adminPort());
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        socket.write("GET /admin/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                     "Authorization: Bearer " +
                     token + "\r\n\r\n");
        QByteArray answer;
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(200);
            answer += socket.readAll();
        }
        answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());

        // gerbangctl --gateway: the same commands over the API, the certificate pinned.
        const QByteArray adminToken =
            changeConfiguration(
                gw, {u"admin"_s, u"token"_s, u"create"_s, u"tls-admin"_s, u"--role"_s, u"admin"_s})
                .out.trimmed();
        m_allTokens << adminToken;
        QTemporaryDir elsewhere; // the admin's desk: no database, no key
        QVERIFY(elsewhere.isValid());
        const QString known = elsewhere.filePath(u"known_gateways"_s);
        const QString url = u"https://127.0.0.1:%1"_s.arg(gw.adminPort());
        const auto remote = [&](const QStringList &args, const QByteArray &bearer,
                                const QByteArray &input = {}) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"GERBANG_ADMIN_TOKEN"_s, QString::fromLatin1(bearer));
            env.insert(u"GERBANG_KNOWN_GATEWAYS"_s, known);
            return runCtl(elsewhere.path(), QStringList{u"--gateway"_s, url} + args, input, env);
        };
        // Not pinned yet: refused, with the fingerprint to compare.
        CommandResult c = remote({u"tenant"_s, u"list"_s, u"--json"_s}, adminToken);
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains("not pinned") && c.err.contains(fingerprint), c.err.constData());
        // Pinned by --fingerprint, then remembered.
        c = remote({u"--fingerprint"_s, QString::fromLatin1(printed), u"tenant"_s, u"add"_s,
                    u"desk-firm"_s, u"--name"_s, u"Desk Firm"_s},
                   adminToken);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(QFile(known).exists());
        c = remote({u"tenant"_s, u"list"_s, u"--json"_s}, adminToken);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QCOMPARE(QJsonDocument::fromJson(c.out).array().first()[u"id"_s].toString(),
                 u"desk-firm"_s);
        // The same JSON as gerbangctl on the gateway's own database.
        const CommandResult local = runCtl(dir.path(), {u"tenant"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(c.out), QJsonDocument::fromJson(local.out));
        c = remote({u"secret"_s, u"set"_s, u"desk-secret"_s}, adminToken, "desk-value\n");
        QVERIFY2(c.exitCode == 0 && c.out.contains("fingerprint"), c.err.constData());
        QVERIFY(!QFile::exists(elsewhere.filePath(u"gerbang.db"_s)));
        // The change was made by the token, and audited so.
        {
            auto db = openTestDatabase(dir.path(), &error);
            QVERIFY2(db, qPrintable(error));
            QSqlQuery q(db->db());
            QVERIFY(q.exec(u"SELECT count(*) FROM audit_log WHERE outcome = 'changed' AND "
                           "method = 'API' AND detail LIKE '%\"actor\":\"tls-admin\"%'"_s));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        // A viewer may not change; a local-only command says so; a wrong token is refused.
        c = remote({u"tenant"_s, u"remove"_s, u"desk-firm"_s}, token);
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains("403") && c.err.contains("forbidden"), c.err.constData());
        // An export over TLS, streamed into the file; the rows are the gateway's, a viewer's
        // token may take them, and the gateway audits it under that token's name.
        const QString exported = elsewhere.filePath(u"remote-audit.csv"_s);
        c = remote({u"audit"_s, u"export"_s, u"--from"_s, u"2000-01-01"_s, u"--to"_s,
                    u"2999-12-31"_s, u"--output"_s, exported},
                   token);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        {
            QFile f(exported);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QList<QStringList> rows = parseCsv(QString::fromUtf8(f.readAll()));
            QCOMPARE(rows.first(), auditCsvHeader());
            QVERIFY2(
                c.out.contains(QByteArray(QByteArray::number(rows.size() - 1) + " rows written")),
                c.out.constData());
            QCOMPARE(rows.last()[auditCsvHeader().indexOf(u"outcome"_s)], u"exported"_s);
            QVERIFY(rows.last()[auditCsvHeader().indexOf(u"detail"_s)].contains(
                u"\"actor\":\"tls\""_s));
        }
        c = remote({u"key"_s, u"rotate"_s}, adminToken);
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains("local database only"), c.err.constData());
        // A certificate that is not the pinned one is refused, naming both fingerprints.
        QFile pins(known);
        QVERIFY(pins.open(QIODevice::WriteOnly));
        pins.write(
            u"127.0.0.1:%1 SHA256:%2\n"_s.arg(gw.adminPort())
                .arg(QString(32, u'A').replace(QRegularExpression(u"(..)(?!$)"_s), u"\\1:"_s))
                .toLatin1());
        pins.close();
        c = remote({u"tenant"_s, u"list"_s}, adminToken);
        QCOMPARE(c.exitCode, 1);
        QVERIFY2(c.err.contains("REFUSED") && c.err.contains(fingerprint), c.err.constData());
        c = remote({u"--fingerprint"_s, QString::fromLatin1(printed), u"tenant"_s, u"list"_s},
                   adminToken);
        QCOMPARE(c.exitCode, 1); // the given pin disagrees with the remembered one
        QVERIFY(!c.err.contains(adminToken));

        // Plain HTTP to the TLS listener gets nothing useful.
        const HttpResult plain = httpRequest(gw.adminPort(), "GET", "/admin/v1/stats", {},
                                             {{"Authorization", "Bearer " + token}}, 3000);
        QVERIFY(plain.status != 200);
        QString why;
        QVERIFY2(gw.stopCleanly(&why), qPrintable(why));
        QVERIFY(!gw.output().contains(token));
    }
};

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
