// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTPS listener of a real gerbangd over loopback: round trips, plaintext refused on the
// TLS port, certificate reload (SIGHUP and gerbangctl), a refused bad reload, mutual TLS with
// its CN check (listener-wide and per route), and the key-file permission check. Certificates are
// made at test time with the openssl command line.
#include "TestSupport.h"
#include "crypto/Crypto.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace gerbang::test;

namespace {

// What one TLS client saw: the handshake, the server's certificate and the HTTP answer.
struct TlsResult
{
    bool encrypted = false;
    QSslCertificate peer;
    QSsl::SslProtocol protocol = QSsl::UnknownProtocol;
    HttpResult http;
    bool answered = false;
    QString error;
};

bool readResponse(QTcpSocket &socket, HttpResult *out, int timeoutMs)
{
    QByteArray raw;
    qsizetype consumed = 0;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        raw += socket.readAll();
        if (parseResponse(raw, out, &consumed))
            return true;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            return false;
        socket.waitForReadyRead(50);
    }
    return false;
}

QByteArray requestBytes(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                        const QList<std::pair<QByteArray, QByteArray>> &headers, bool close)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        r += name + ": " + value + "\r\n";
    if (method == "POST")
        r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        r += "Connection: close\r\n";
    return r + "\r\n" + body;
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_certs;
    QString m_openssl;
    QSslCertificate m_ca;
    QSslCertificate m_server1;
    QSslCertificate m_server2;

    QString cert(const QString &name) const { return m_certs.filePath(name); }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_certs.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(m_openssl, args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            qWarning("openssl %s failed: %s", qPrintable(args.join(u' ')), p.readAll().constData());
            return false;
        }
        return true;
    }

    // A key (RSA or P-256) and a certificate for `cn` issued by `ca` ("ca" or "other-ca").
    bool issue(const QString &name, const QString &cn, const QString &ca, const QString &ext,
               bool rsa)
    {
        QFile extFile(cert(name + u".ext"_s));
        if (!extFile.open(QIODevice::WriteOnly))
            return false;
        extFile.write(ext.toUtf8());
        extFile.close();
        const QStringList key = rsa ? QStringList{u"-newkey"_s, u"rsa:2048"_s}
                                    : QStringList{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                                  u"ec_paramgen_curve:prime256v1"_s};
        return openssl(QStringList{u"req"_s, u"-new"_s, u"-nodes"_s} + key +
                       QStringList{u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".csr"_s,
                                   u"-subj"_s, u"/CN="_s + cn}) &&
               openssl({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, ca + u".pem"_s,
                        u"-CAkey"_s, ca + u".key"_s, u"-set_serial"_s,
                        QString::number(QRandomGenerator::global()->bounded(1, 1 << 30)),
                        u"-days"_s, u"2"_s, u"-extfile"_s, name + u".ext"_s, u"-out"_s,
                        name + u".pem"_s});
    }

    // Runs tests/tools/standard-webhooks/verify.mjs (Node.js, npm standardwebhooks) on `post`;
    // `out` gets what it printed.
    static bool verifiedByStandardWebhooks(const QByteArray &secret, const HttpResult &post,
                                           QString *out)
    {
        const QString dir = QStringLiteral(GERBANG_SOURCE_DIR "/tests/tools/standard-webhooks");
        if (!QFileInfo::exists(dir + u"/node_modules/standardwebhooks"_s)) {
            *out = u"the Standard Webhooks library is not installed: npm ci --prefix "_s + dir;
            return false;
        }
        QProcess node;
        node.start(u"node"_s, {dir + u"/verify.mjs"_s});
        QJsonObject headers;
        for (const char *name : {"webhook-id", "webhook-timestamp", "webhook-signature"})
            headers.insert(QString::fromLatin1(name), QString::fromLatin1(post.header(name)));
        node.write(QJsonDocument(QJsonObject{{u"secret"_s, QString::fromLatin1(secret)},
                                             {u"headers"_s, headers},
                                             {u"body"_s, QString::fromUtf8(post.body)}})
                       .toJson());
        node.closeWriteChannel();
        if (!node.waitForFinished(30000)) {
            *out = u"node: "_s + node.errorString();
            return false;
        }
        *out =
            QString::fromUtf8(node.readAllStandardOutput() + node.readAllStandardError()).trimmed();
        return node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0;
    }

    static void ownerOnly(const QString &path)
    {
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    // A gateway with TLS from tls-dir/{cert,key}.pem (copies, so a test may replace them).
    std::unique_ptr<GatewayProcess> gateway(QTemporaryDir &dir, const QString &serverName,
                                            const QList<std::pair<QString, QString>> &env = {})
    {
        auto gw = std::make_unique<GatewayProcess>(dir.path());
        install(dir, serverName, serverName);
        gw->environment().insert(u"GERBANG_TLS_CERT"_s, dir.filePath(u"tls/cert.pem"_s));
        gw->environment().insert(u"GERBANG_TLS_KEY"_s, dir.filePath(u"tls/key.pem"_s));
        gw->environment().insert(u"GERBANG_WHATSAPP_APP_SECRET"_s,
                                 QString::fromLatin1(kFixtureAppSecret));
        for (const auto &[k, v] : env)
            gw->environment().insert(k, v);
        return gw;
    }

    // Puts `certName`'s certificate and `keyName`'s key where the gateway reads them.
    void install(QTemporaryDir &dir, const QString &certName, const QString &keyName)
    {
        QDir().mkpath(dir.filePath(u"tls"_s));
        for (const auto &[from, to] : {std::pair{cert(certName + u".pem"_s), u"tls/cert.pem"_s},
                                       std::pair{cert(keyName + u".key"_s), u"tls/key.pem"_s}}) {
            QFile in(from);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(dir.filePath(to));
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(in.readAll());
        }
        ownerOnly(dir.filePath(u"tls/key.pem"_s));
    }

    QSslConfiguration clientConfig(const QString &clientName = {}) const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setCaCertificates({m_ca});
        c.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!clientName.isEmpty()) {
            c.setLocalCertificate(QSslCertificate::fromPath(cert(clientName + u".pem"_s)).value(0));
            QFile k(cert(clientName + u".key"_s));
            if (k.open(QIODevice::ReadOnly))
                c.setPrivateKey(QSslKey(k.readAll(), QSsl::Ec));
        }
        return c;
    }

    TlsResult tlsRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                         const QSslConfiguration &config, const QByteArray &body = {},
                         const QList<std::pair<QByteArray, QByteArray>> &headers = {})
    {
        TlsResult r;
        QSslSocket socket;
        socket.setSslConfiguration(config);
        socket.setPeerVerifyName(u"127.0.0.1"_s);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
        r.encrypted = socket.waitForEncrypted(10000);
        if (!r.encrypted) {
            r.error = socket.errorString();
            return r;
        }
        r.peer = socket.peerCertificate();
        r.protocol = socket.sessionProtocol();
        socket.write(requestBytes(method, target, body, headers, true));
        r.answered = readResponse(socket, &r.http, 10000);
        if (!r.answered)
            r.error = socket.errorString();
        return r;
    }

    static QJsonArray auditList(GatewayProcess &gw)
    {
        const CommandResult c =
            runCtl(gw.dataDir(), {u"audit"_s, u"list"_s, u"--json"_s}, {}, gw.environment());
        return QJsonDocument::fromJson(c.out).array();
    }

    static bool hasAudit(GatewayProcess &gw, const QString &outcome, const QString &detailKey,
                         const QString &detailValue)
    {
        const QJsonArray rows = auditList(gw);
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            if (row.value(u"outcome"_s).toString() == outcome &&
                row.value(u"detail"_s).toObject().value(detailKey).toString().contains(detailValue))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_openssl = QStandardPaths::findExecutable(u"openssl"_s);
        QVERIFY2(!m_openssl.isEmpty(), "the openssl command is needed (apt-get install openssl)");
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(m_certs.isValid());
        for (const QString &name : {u"ca"_s, u"other-ca"_s}) {
            QVERIFY(openssl({u"req"_s, u"-x509"_s, u"-new"_s, u"-nodes"_s, u"-newkey"_s, u"ec"_s,
                             u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-keyout"_s,
                             name + u".key"_s, u"-out"_s, name + u".pem"_s, u"-days"_s, u"2"_s,
                             u"-subj"_s, u"/CN=Gerbang test "_s + name}));
        }
        const QString server =
            u"subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n"_s;
        const QString client = u"extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n"_s;
        QVERIFY(issue(u"server1"_s, u"127.0.0.1"_s, u"ca"_s, server, true));
        QVERIFY(issue(u"server2"_s, u"127.0.0.1"_s, u"ca"_s, server, false));
        QVERIFY(issue(u"client"_s, u"gerbang-client"_s, u"ca"_s, client, false));
        QVERIFY(issue(u"client-other-cn"_s, u"someone-else"_s, u"ca"_s, client, false));
        QVERIFY(issue(u"client-foreign"_s, u"gerbang-client"_s, u"other-ca"_s, client, false));
        m_ca = QSslCertificate::fromPath(cert(u"ca.pem"_s)).value(0);
        m_server1 = QSslCertificate::fromPath(cert(u"server1.pem"_s)).value(0);
        m_server2 = QSslCertificate::fromPath(cert(u"server2.pem"_s)).value(0);
        QVERIFY(!m_ca.isNull() && !m_server1.isNull() && !m_server2.isNull());
        QVERIFY(m_server1 != m_server2);
    }

    void httpsRoundTrip()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        QCOMPARE(runCtl(dir.path(),
                        {u"tenant"_s, u"add"_s, u"tls-firm"_s, u"--name"_s, u"TLS Firm"_s,
                         u"--waba"_s, u"100000000000077"_s},
                        {}, gw->environment())
                     .exitCode,
                 0);
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        QVERIFY(gw->baseUrl().startsWith(u"https://"_s));
        QVERIFY(gw->output().contains("listening on https://127.0.0.1:"));

        const TlsResult health = tlsRequest(gw->port(), "GET", "/health", clientConfig());
        QVERIFY2(health.encrypted, qPrintable(health.error));
        QCOMPARE(health.peer, m_server1);
        QVERIFY(health.protocol == QSsl::TlsV1_2 || health.protocol == QSsl::TlsV1_3);
        QVERIFY2(health.answered, qPrintable(health.error));
        QCOMPARE(health.http.status, 200);
        QCOMPARE(health.http.body, QByteArray(R"({"status":"ok"})"));

        // A signed WhatsApp POST (no tenant mapped: 200, nothing forwarded) and a forged one.
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const TlsResult signedPost = tlsRequest(
            gw->port(), "POST", "/whatsapp/webhook", clientConfig(), body,
            {{"Content-Type", "application/json"}, {"X-Hub-Signature-256", hubSignature(body)}});
        QVERIFY2(signedPost.answered, qPrintable(signedPost.error));
        QCOMPARE(signedPost.http.status, 200);
        const TlsResult forged = tlsRequest(
            gw->port(), "POST", "/whatsapp/webhook", clientConfig(), body,
            {{"Content-Type", "application/json"},
             {"X-Hub-Signature-256", hubSignature(body, "not-the-app-secret-0123456789")}});
        QVERIFY2(forged.answered, qPrintable(forged.error));
        QCOMPARE(forged.http.status, 401);

        // A client that does not trust our CA refuses us; the server lives on.
        QSslConfiguration untrusting = QSslConfiguration::defaultConfiguration();
        untrusting.setCaCertificates({});
        const TlsResult refused = tlsRequest(gw->port(), "GET", "/health", untrusting);
        QVERIFY(!refused.encrypted);
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).http.status, 200);

        // gerbangctl source test over HTTPS trusts the gateway's own certificate (from its
        // configuration, whatever name it carries), and no other.
        CommandResult test = runCtl(
            dir.path(),
            {u"source"_s, u"test"_s, u"whatsapp"_s, u"--tenant"_s, u"tls-firm"_s, u"--json"_s}, {},
            gw->environment());
        QVERIFY2(test.exitCode == 0, test.out.constData());
        QVERIFY(QJsonDocument::fromJson(test.out)[u"url"_s].toString().startsWith(u"https://"_s));
        QProcessEnvironment otherCertificate = gw->environment();
        otherCertificate.insert(u"GERBANG_TLS_CERT"_s, cert(u"server2.pem"_s));
        test = runCtl(dir.path(), {u"source"_s, u"test"_s, u"whatsapp"_s, u"--json"_s}, {},
                      otherCertificate);
        QCOMPARE(test.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(test.out)[u"failed_step"_s].toString(), u"reached"_s);
        QCOMPARE(gw->terminate(), 0);
    }

    void plainHttpOnTlsPortIsRefused()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));

        QTcpSocket plain;
        plain.connectToHost(u"127.0.0.1"_s, gw->port());
        QVERIFY(plain.waitForConnected(5000));
        plain.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                received += plain.readAll();
                return plain.state() == QAbstractSocket::UnconnectedState;
            }(),
            5000);
        received += plain.readAll();
        QVERIFY2(!received.contains("HTTP/"), received.constData()); // no plaintext answer
        QVERIFY(!received.contains("status"));

        // Logged and audited without secrets; the listener still serves TLS clients.
        QTRY_VERIFY(gw->output().contains("TLS connection from 127.0.0.1 refused"));
        QTRY_VERIFY_WITH_TIMEOUT(hasAudit(*gw, u"tls_refused"_s, u"reason"_s, u"SSL"_s), 10000);
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).http.status, 200);

        QCOMPARE(gw->terminate(), 0);
    }

    void silentClientTimesOutInHandshake()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        QFile ini(dir.filePath(u"gerbang.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write("[server]\nread_timeout_ms = 300\n");
        ini.close();
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        QTcpSocket silent;
        silent.connectToHost(u"127.0.0.1"_s, gw->port());
        QVERIFY(silent.waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                silent.readAll();
                return silent.state() == QAbstractSocket::UnconnectedState;
            }(),
            5000);
        QTRY_VERIFY(gw->output().contains("TLS handshake timed out"));
        QCOMPARE(gw->terminate(), 0);
    }

    void reload_data()
    {
        QTest::addColumn<bool>("viaCtl");
        QTest::newRow("SIGHUP") << false;
        QTest::newRow("gerbangctl tls reload") << true;
    }

    void reload()
    {
        QFETCH(bool, viaCtl);
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).peer, m_server1);

        // A keep-alive connection opened before the reload keeps working afterwards.
        QSslSocket early;
        early.setSslConfiguration(clientConfig());
        early.setPeerVerifyName(u"127.0.0.1"_s);
        early.connectToHostEncrypted(u"127.0.0.1"_s, gw->port());
        QVERIFY2(early.waitForEncrypted(10000), qPrintable(early.errorString()));

        install(dir, u"server2"_s, u"server2"_s);
        if (viaCtl) {
            const CommandResult c =
                runCtl(gw->dataDir(), {u"tls"_s, u"reload"_s}, {}, gw->environment());
            QVERIFY2(c.exitCode == 0, c.err.constData());
            QVERIFY(c.out.contains(QByteArray::number(gw->pid())));
        } else {
            QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        }
        QTRY_VERIFY(gw->output().contains("TLS certificate reloaded"));
        const TlsResult after = tlsRequest(gw->port(), "GET", "/health", clientConfig());
        QCOMPARE(after.peer, m_server2);
        QCOMPARE(after.http.status, 200);

        early.write(requestBytes("GET", "/health", {}, {}, false));
        HttpResult onEarly;
        QVERIFY(readResponse(early, &onEarly, 10000));
        QCOMPARE(onEarly.status, 200);
        QCOMPARE(early.peerCertificate(), m_server1);
        QVERIFY(gw->isRunning());
        QCOMPARE(gw->terminate(), 0);

        if (viaCtl) {
            // No gerbangd: a clear error, and no signal sent to whatever has its old pid.
            const CommandResult c =
                runCtl(gw->dataDir(), {u"tls"_s, u"reload"_s}, {}, gw->environment());
            QCOMPARE(c.exitCode, 1);
            QVERIFY2(c.err.contains("no gerbangd is running"), c.err.constData());
        }
    }

    void badReloadKeepsTheCurrentCertificate()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));

        install(dir, u"server1"_s, u"server2"_s); // a key that does not match
        QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        QTRY_VERIFY(gw->output().contains("TLS reload refused"));
        QVERIFY(gw->output().contains("does not belong to the certificate"));
        QVERIFY(!gw->output().contains("BEGIN")); // no key material in the log
        TlsResult r = tlsRequest(gw->port(), "GET", "/health", clientConfig());
        QCOMPARE(r.peer, m_server1);
        QCOMPARE(r.http.status, 200);

        // A key readable by others is refused on reload too.
        install(dir, u"server2"_s, u"server2"_s);
        QFile::setPermissions(dir.filePath(u"tls/key.pem"_s),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        QTRY_VERIFY(gw->output().contains("chmod 600"));
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).peer, m_server1);

        // Fixed: the next reload takes it.
        ownerOnly(dir.filePath(u"tls/key.pem"_s));
        QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        QTRY_VERIFY(gw->output().contains("TLS certificate reloaded"));
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).peer, m_server2);
        QCOMPARE(gw->terminate(), 0);
    }

    // Issue 19: a certificate close to its expiry and a refused reload are alerts, on every
    // channel (log line, audit row / gerbangctl alerts, signed POST), and a good reload
    // resolves the reload alert. The test certificates are valid for two days.
    void certificateAlertsReachEveryChannel()
    {
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost, 0));
        QList<QByteArray> posts;
        connect(&receiver, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *c = receiver.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            connect(c, &QTcpSocket::readyRead, c, [c, buffer, &posts] {
                *buffer += c->readAll();
                if (buffer->contains("\r\n\r\n") && buffer->endsWith("}")) {
                    posts << *buffer;
                    c->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    c->disconnectFromHost();
                }
            });
        });
        const QByteArray secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        QTemporaryDir dir;
        auto gw = gateway(
            dir, u"server1"_s,
            {{u"GERBANG_ALERT_URL"_s, u"http://127.0.0.1:%1/alerts"_s.arg(receiver.serverPort())},
             {u"GERBANG_ALERT_SECRET"_s, QString::fromLatin1(secret)}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        const QString certificate = dir.filePath(u"tls/cert.pem"_s);
        const auto alerts = [&] {
            const CommandResult c =
                runCtl(gw->dataDir(), {u"alerts"_s, u"list"_s, u"--json"_s}, {}, gw->environment());
            return QJsonDocument::fromJson(c.out).array();
        };
        const auto has = [&](const QString &kind, const QString &state) {
            for (const QJsonValue &a : alerts()) {
                if (a[u"kind"_s].toString() == kind && a[u"state"_s].toString() == state)
                    return true;
            }
            return false;
        };

        // Checked at start: the certificate expires within three days.
        QTRY_VERIFY_WITH_TIMEOUT(has(u"certificate_expiring"_s, u"raised"_s), 10000);
        QVERIFY(gw->output().contains("ALERT certificate_expiring"));
        QVERIFY(gw->output().contains("gerbangctl tls reload")); // what to do next
        QTRY_VERIFY_WITH_TIMEOUT(!posts.isEmpty(), 5000);
        HttpResult post;
        qsizetype used = 0;
        const QByteArray raw = posts.first();
        QVERIFY(raw.startsWith("POST /alerts "));
        QVERIFY(
            parseResponse("HTTP/1.1 200 X\r\n" + raw.mid(raw.indexOf("\r\n") + 2), &post, &used));
        const QByteArray key = QByteArray::fromBase64(secret.mid(6));
        QCOMPARE(post.header("webhook-signature"),
                 "v1," + gerbang::crypto::hmacSha256(key, {post.header("webhook-id"), ".",
                                                           post.header("webhook-timestamp"), ".",
                                                           post.body})
                             .toBase64());
        // And as a receiver would, with the Standard Webhooks reference library.
        QString verified;
        QVERIFY2(verifiedByStandardWebhooks(secret, post, &verified), qPrintable(verified));
        QCOMPARE(verified, u"verified gerbang.alert.certificate_expiring"_s);
        HttpResult tampered = post;
        tampered.body.replace("raised", "RAISED");
        QVERIFY(!verifiedByStandardWebhooks(secret, tampered, &verified));
        QVERIFY2(verified.contains(u"not verified"_s), qPrintable(verified));
        const QJsonObject event = QJsonDocument::fromJson(post.body).object();
        QCOMPARE(event[u"type"_s].toString(), u"gerbang.alert.certificate_expiring"_s);
        const QJsonObject data = event[u"data"_s].toObject();
        QCOMPARE(data[u"state"_s].toString(), u"raised"_s);
        QCOMPARE(data[u"source"_s].toString(), certificate);
        QVERIFY(data[u"value"_s].toInteger() <= 2 * 86400);
        QCOMPARE(data[u"threshold"_s].toInteger(), 14 * 86400);
        QVERIFY(data[u"message"_s].toString().contains(certificate));
        QVERIFY(data[u"next_step"_s].toString().contains(u"gerbangctl tls reload"_s));

        // A reload with a key that does not match: raised, and said why.
        install(dir, u"server1"_s, u"server2"_s);
        QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(has(u"certificate_reload_failed"_s, u"raised"_s), 10000);
        QVERIFY(gw->output().contains("ALERT certificate_reload_failed"));
        QVERIFY(!gw->output().contains("BEGIN")); // no key material
        // Fixed: resolved.
        install(dir, u"server2"_s, u"server2"_s);
        QCOMPARE(::kill(pid_t(gw->pid()), SIGHUP), 0);
        QTRY_VERIFY_WITH_TIMEOUT(has(u"certificate_reload_failed"_s, u"resolved"_s), 10000);
        QVERIFY(gw->output().contains("RESOLVED certificate_reload_failed"));
        QTRY_VERIFY_WITH_TIMEOUT(posts.size() >= 3, 5000);
        QCOMPARE(gw->terminate(), 0);
    }

    void mutualTls()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s, {{u"GERBANG_TLS_CLIENT_CA"_s, cert(u"ca.pem"_s)}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));

        const TlsResult good =
            tlsRequest(gw->port(), "GET", "/no-such-route", clientConfig(u"client"_s));
        QVERIFY2(good.answered, qPrintable(good.error));
        QCOMPARE(good.http.status, 404);
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const TlsResult post =
            tlsRequest(gw->port(), "POST", "/whatsapp/webhook", clientConfig(u"client"_s), body,
                       {{"X-Hub-Signature-256", hubSignature(body)}});
        QCOMPARE(post.http.status, 200);
        // The audit rows carry the client certificate's subject.
        QTRY_VERIFY_WITH_TIMEOUT(
            hasAudit(*gw, u"not_found"_s, u"client_certificate"_s, u"CN=gerbang-client"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : auditList(*gw)) {
                    const QJsonObject row = v.toObject();
                    if (row.value(u"path"_s).toString() == u"/whatsapp/webhook"_s &&
                        row.value(u"detail"_s)
                                .toObject()
                                .value(u"client_certificate"_s)
                                .toString() == u"CN=gerbang-client"_s)
                        return true;
                }
                return false;
            }(),
            10000);

        // No client certificate, or one from another CA: no HTTP at all.
        for (const QString &client : {QString(), u"client-foreign"_s}) {
            const TlsResult r = tlsRequest(gw->port(), "GET", "/health", clientConfig(client));
            QVERIFY2(!r.answered,
                     qPrintable(u"client '%1' got %2"_s.arg(client).arg(r.http.status)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(hasAudit(*gw, u"tls_refused"_s, u"reason"_s, u""_s), 10000);
        QVERIFY(tlsRequest(gw->port(), "GET", "/health", clientConfig(u"client"_s)).answered);
        QCOMPARE(gw->terminate(), 0);
    }

    void adminListenerWithItsOwnCertificateAndClientCertificates()
    {
        // Issue #15: the admin API with a configured certificate and mutual TLS, while the
        // webhook listener of the same gateway asks providers for no client certificate.
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s,
                          {{u"GERBANG_ADMIN_LISTEN"_s, u"127.0.0.1:0"_s},
                           {u"GERBANG_ADMIN_TLS_CERT"_s, dir.filePath(u"tls/cert.pem"_s)},
                           {u"GERBANG_ADMIN_TLS_KEY"_s, dir.filePath(u"tls/key.pem"_s)},
                           {u"GERBANG_ADMIN_TLS_CLIENT_CA"_s, cert(u"ca.pem"_s)}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        QCOMPARE(gw->adminScheme(), u"https"_s);
        QVERIFY(!QFile::exists(dir.filePath(u"admin-tls/certificate.pem"_s))); // none made

        // No client certificate, or one from another CA: no HTTP at all.
        for (const QString &client : {QString(), u"client-foreign"_s}) {
            const TlsResult r =
                tlsRequest(gw->adminPort(), "GET", "/admin/v1/stats", clientConfig(client));
            QVERIFY2(!r.answered,
                     qPrintable(u"client '%1' got %2"_s.arg(client).arg(r.http.status)));
        }
        // A certificate from the CA gets as far as the token check, and with a token, in.
        const TlsResult noToken =
            tlsRequest(gw->adminPort(), "GET", "/admin/v1/stats", clientConfig(u"client"_s));
        QVERIFY2(noToken.answered, qPrintable(noToken.error));
        QCOMPARE(noToken.peer, m_server1);
        QCOMPARE(noToken.http.status, 401);
        const CommandResult made = runCtl(
            dir.path(), {u"admin"_s, u"token"_s, u"create"_s, u"desk"_s, u"--role"_s, u"viewer"_s});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QByteArray token = made.out.trimmed();
        int status = 0;
        QDeadlineTimer deadline(5000); // the gateway loads the new token within a second or two
        while (status != 200 && !deadline.hasExpired()) {
            QTest::qWait(500); // below the failed-authentication limit
            status =
                tlsRequest(gw->adminPort(), "GET", "/admin/v1/whoami", clientConfig(u"client"_s),
                           {}, {{"Authorization", "Bearer " + token}})
                    .http.status;
        }
        QCOMPARE(status, 200);
        // The webhook port asks for no client certificate.
        QCOMPARE(tlsRequest(gw->port(), "GET", "/health", clientConfig()).http.status, 200);

        QCOMPARE(gw->terminate(), 0);
    }

    void clientSubjectCn()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s,
                          {{u"GERBANG_TLS_CLIENT_CA"_s, cert(u"ca.pem"_s)},
                           {u"GERBANG_TLS_CLIENT_CN"_s, u"gerbang-client"_s}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));

        const TlsResult good = tlsRequest(gw->port(), "GET", "/health", clientConfig(u"client"_s));
        QVERIFY2(good.answered, qPrintable(good.error));
        QCOMPARE(good.http.status, 200);
        const TlsResult wrongCn =
            tlsRequest(gw->port(), "GET", "/health", clientConfig(u"client-other-cn"_s));
        QVERIFY(!wrongCn.answered);
        QTRY_VERIFY(gw->output().contains("client certificate CN not allowed"));
        QTRY_VERIFY_WITH_TIMEOUT(
            hasAudit(*gw, u"tls_refused"_s, u"client_certificate"_s, u"CN=someone-else"_s), 10000);
        QCOMPARE(gw->terminate(), 0);
    }

    void mutualTlsPerRoute()
    {
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s,
                          {{u"GERBANG_TLS_CLIENT_CA"_s, cert(u"ca.pem"_s)},
                           {u"GERBANG_TLS_CLIENT_CN"_s, u"gerbang-client"_s},
                           {u"GERBANG_TLS_CLIENT_CERT_ROUTES"_s, u"whatsapp"_s}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));

        // Routes outside the list: no certificate needed, and a bad one is not refused.
        for (const QString &client : {QString(), u"client-foreign"_s, u"client"_s}) {
            const TlsResult r = tlsRequest(gw->port(), "GET", "/health", clientConfig(client));
            QVERIFY2(r.answered, qPrintable(u"client '%1': %2"_s.arg(client, r.error)));
            QCOMPARE(r.http.status, 200);
        }

        // The WhatsApp route: only a certificate from our CA with the configured CN passes.
        const QByteArray body = readFixture(u"wa_text.json"_s);
        const QList<std::pair<QByteArray, QByteArray>> headers = {
            {"Content-Type", "application/json"}, {"X-Hub-Signature-256", hubSignature(body)}};
        for (const QString &client : {QString(), u"client-foreign"_s, u"client-other-cn"_s}) {
            const TlsResult r = tlsRequest(gw->port(), "POST", "/whatsapp/webhook",
                                           clientConfig(client), body, headers);
            QVERIFY2(r.answered, qPrintable(u"client '%1': %2"_s.arg(client, r.error)));
            QCOMPARE(r.http.status, 403);
            QCOMPARE(r.http.body, QByteArray(R"({"error":"client_certificate_required"})"));
        }
        const TlsResult good = tlsRequest(gw->port(), "POST", "/whatsapp/webhook",
                                          clientConfig(u"client"_s), body, headers);
        QVERIFY2(good.answered, qPrintable(good.error));
        QCOMPARE(good.http.status, 200); // past the gate and the signature check
        const TlsResult forged = tlsRequest(
            gw->port(), "POST", "/whatsapp/webhook", clientConfig(u"client"_s), body,
            {{"X-Hub-Signature-256", hubSignature(body, "not-the-app-secret-0123456789")}});
        QCOMPARE(forged.http.status, 401);

        // Refusals are audited with the reason and the presented certificate's subject; the
        // accepted request's row carries the verified subject.
        QTRY_VERIFY_WITH_TIMEOUT(hasAudit(*gw, u"client_certificate_required"_s, u"reason"_s,
                                          u"no client certificate"_s),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : auditList(*gw)) {
                    const QJsonObject row = v.toObject();
                    if (row.value(u"path"_s).toString() == u"/whatsapp/webhook"_s &&
                        row.value(u"http_status"_s).toInt() == 200 &&
                        row.value(u"detail"_s)
                                .toObject()
                                .value(u"client_certificate"_s)
                                .toString() == u"CN=gerbang-client"_s)
                        return true;
                }
                return false;
            }(),
            10000);
        QVERIFY(!gw->output().contains("TLS connection from 127.0.0.1 refused"));
        QCOMPARE(gw->terminate(), 0);
    }

    void mutualTlsPerRouteRefusedPerConnection()
    {
        // Separate clients from separate addresses, so each refusal gets its own audit row.
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s,
                          {{u"GERBANG_TLS_CLIENT_CA"_s, cert(u"ca.pem"_s)},
                           {u"GERBANG_TLS_CLIENT_CERT_ROUTES"_s, u"whatsapp:other, whatsapp"_s}});
        QString error;
        QVERIFY2(gw->start(&error), qPrintable(error));
        const TlsResult foreign =
            tlsRequest(gw->port(), "GET", "/whatsapp/webhook", clientConfig(u"client-foreign"_s));
        QCOMPARE(foreign.http.status, 403);
        QTRY_VERIFY_WITH_TIMEOUT(hasAudit(*gw, u"client_certificate_required"_s, u"reason"_s,
                                          u"CN=gerbang-client refused"_s),
                                 10000);
        // Without a CN setting any certificate of our CA passes; the GET reaches the
        // verification handshake (403 without hub parameters, but not ours).
        const TlsResult otherCn = tlsRequest(gw->port(), "GET", "/whatsapp/webhook/other",
                                             clientConfig(u"client-other-cn"_s));
        QVERIFY2(otherCn.answered, qPrintable(otherCn.error));
        QVERIFY(otherCn.http.body != QByteArray(R"({"error":"client_certificate_required"})"));
        QCOMPARE(gw->terminate(), 0);
    }

    void startRefusesBadConfiguration_data()
    {
        QTest::addColumn<QString>("keyName");
        QTest::addColumn<bool>("othersMayRead");
        QTest::addColumn<bool>("symlink");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("key readable by others")
            << u"server1"_s << true << false << true << QByteArray("chmod 600");
        // The link's target is a proper 0600 key: the link itself is what is refused, as the
        // file checked must be the file read.
        QTest::newRow("key is a symbolic link")
            << u"server1"_s << false << true << true
            << QByteArray("is a symbolic link, which is not followed");
        QTest::newRow("key of another certificate")
            << u"server2"_s << false << false << true
            << QByteArray("does not belong to the certificate");
        QTest::newRow("certificate without key")
            << u"server1"_s << false << false << false << QByteArray("must be set together");
    }

    void startRefusesBadConfiguration()
    {
        QFETCH(QString, keyName);
        QFETCH(bool, othersMayRead);
        QFETCH(bool, symlink);
        QFETCH(bool, withKey);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        auto gw = gateway(dir, u"server1"_s);
        install(dir, u"server1"_s, keyName);
        const QString keyPath = dir.filePath(u"tls/key.pem"_s);
        if (othersMayRead)
            QFile::setPermissions(keyPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                               QFile::ReadOther);
        if (symlink) {
            QVERIFY(QFile::rename(keyPath, dir.filePath(u"tls/real-key.pem"_s)));
            QVERIFY(QFile::link(u"real-key.pem"_s, keyPath));
        }
        if (!withKey)
            gw->environment().remove(u"GERBANG_TLS_KEY"_s);
        QString error;
        QVERIFY(!gw->start(&error));
        QTRY_VERIFY(!gw->isRunning());
        QVERIFY2(gw->output().contains(message), gw->output().constData());
        QVERIFY(!gw->output().contains("BEGIN")); // no key material in the log
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
