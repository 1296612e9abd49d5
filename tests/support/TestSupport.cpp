// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include "crypto/Crypto.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <csignal>

using namespace Qt::StringLiterals;

namespace gerbang::test {

namespace {

const char kDatabaseUrlVar[] = "GERBANG_DATABASE_URL";

QString serverUrl()
{
    return qEnvironmentVariable("GERBANG_TEST_DATABASE_URL");
}

// Test databases created by this process, by data directory.
QHash<QString, QString> &createdDatabases()
{
    static QHash<QString, QString> map;
    return map;
}

// A connection to the server's maintenance database, where databases are created and dropped.
std::unique_ptr<Database> openMaintenance(QString *error)
{
    auto target = DatabaseTarget::fromUrl(serverUrl(), error);
    if (!target)
        return nullptr;
    target->databaseName = u"postgres"_s;
    return Database::open({*target, 10000, false}, error);
}

void dropTestDatabases()
{
    if (createdDatabases().isEmpty())
        return;
    QString error;
    auto db = openMaintenance(&error);
    if (!db) {
        qWarning("cannot drop the test databases: %s", qPrintable(error));
        return;
    }
    for (const QString &url : std::as_const(createdDatabases())) {
        const QString name = QUrl(url).path().mid(1);
        QSqlQuery q(db->db());
        if (!q.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)))
            qWarning("cannot drop %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
    }
    createdDatabases().clear();
}

} // namespace

bool testingOnPostgres()
{
    return !serverUrl().isEmpty();
}

QString testDatabaseUrl(const QString &dataDir)
{
    if (!testingOnPostgres())
        return {};
    QHash<QString, QString> &map = createdDatabases();
    if (const auto it = map.constFind(dataDir); it != map.constEnd())
        return *it;
    QString error;
    auto db = openMaintenance(&error);
    if (!db)
        qFatal("GERBANG_TEST_DATABASE_URL: %s", qPrintable(error));
    const QString name = u"gerbang_t_"_s + QString::fromLatin1(crypto::randomBytes(8).toHex());
    QSqlQuery q(db->db());
    if (!q.exec(u"CREATE DATABASE %1"_s.arg(name)))
        qFatal("cannot create test database %s: %s", qPrintable(name),
               qPrintable(q.lastError().text()));
    if (map.isEmpty())
        qAddPostRoutine(dropTestDatabases);
    QUrl url(serverUrl());
    url.setPath(u'/' + name);
    map.insert(dataDir, url.toString());
    return map.value(dataDir);
}

std::unique_ptr<Database> openTestDatabase(const QString &dataDir, QString *error)
{
    const auto target = DatabaseTarget::resolve(testDatabaseUrl(dataDir), dataDir, error);
    if (!target)
        return nullptr;
    return Database::open({*target, 5000, false}, error);
}

QByteArray readFixture(const QString &name)
{
    QFile f(QStringLiteral(GERBANG_TEST_DATA_DIR) + u'/' + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", qPrintable(name));
    return f.readAll();
}

QByteArray hubSignature(QByteArrayView body, QByteArrayView secret)
{
    return "sha256=" + crypto::hmacSha256(secret, body).toHex();
}

CommandResult runCtl(const QString &dataDir, const QStringList &args, const QByteArray &input,
                     const QProcessEnvironment &env, const QString &program)
{
    QProcess p;
    QProcessEnvironment withDatabase = env;
    if (!withDatabase.contains(QString::fromLatin1(kDatabaseUrlVar)) && testingOnPostgres())
        withDatabase.insert(QString::fromLatin1(kDatabaseUrlVar), testDatabaseUrl(dataDir));
    p.setProcessEnvironment(withDatabase);
    p.start(program.isEmpty() ? QStringLiteral(GERBANGCTL_PATH) : program,
            QStringList{u"--data-dir"_s, dataDir} + args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

GatewayProcess::GatewayProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
    , m_env(QProcessEnvironment::systemEnvironment())
{
    // Tests must not pick up the developer's own configuration.
    m_env.insert(u"GERBANG_CONFIG"_s, m_dataDir + u"/gerbang.ini"_s);
    m_env.remove(u"GERBANG_MASTER_KEY"_s);
    m_env.remove(QString::fromLatin1(kDatabaseUrlVar));
    // Most tests send bursts from 127.0.0.1; the edge-defence tests set their own limits.
    m_env.insert(u"GERBANG_RATE_GLOBAL"_s, u"0"_s);
    m_env.insert(u"GERBANG_RATE_PER_IP"_s, u"0"_s);
    if (!QFile::exists(m_dataDir + u"/gerbang.ini"_s)) {
        QDir().mkpath(m_dataDir);
        QFile f(m_dataDir + u"/gerbang.ini"_s);
        if (f.open(QIODevice::WriteOnly))
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
}

GatewayProcess::~GatewayProcess()
{
    if (isRunning())
        kill();
}

bool GatewayProcess::start(QString *error)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // The test database of this data directory, unless the test chose one (several gateways
    // sharing a database).
    if (!m_env.contains(QString::fromLatin1(kDatabaseUrlVar)) && testingOnPostgres())
        m_env.insert(QString::fromLatin1(kDatabaseUrlVar), testDatabaseUrl(m_dataDir));
    m_process->setProcessEnvironment(m_env);
    m_output.clear();
    m_listening = false;
    m_stopRequested = false;
    m_process->start(m_program.isEmpty() ? QStringLiteral(GERBANGD_PATH) : m_program,
                     QStringList{u"--data-dir"_s, m_dataDir, u"--listen"_s, u"127.0.0.1:0"_s} +
                         m_args);
    if (!m_process->waitForStarted(10000)) {
        *error = u"gerbangd did not start: "_s + m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(u"listening on (https?)://127\\.0\\.0\\.1:(\\d+)"_s);
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        m_process->waitForReadyRead(100);
        m_output += m_process->readAll();
        const auto match = listening.match(QString::fromUtf8(m_output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(2).toUInt());
            m_baseUrl = u"%1://127.0.0.1:%2"_s.arg(match.captured(1)).arg(m_port);
            static const QRegularExpression admin(u"admin API on (https?)://[^ ]*:(\\d+) "_s);
            const auto adminMatch = admin.match(QString::fromUtf8(m_output));
            m_adminPort = adminMatch.hasMatch() ? quint16(adminMatch.captured(2).toUInt()) : 0;
            m_adminScheme = adminMatch.captured(1);
            m_listening = true;
            return true;
        }
        if (m_process->state() == QProcess::NotRunning) {
            *error = u"gerbangd exited: "_s + QString::fromUtf8(m_output);
            return false;
        }
    }
    *error = u"gerbangd did not report its address: "_s + QString::fromUtf8(m_output);
    return false;
}

int GatewayProcess::terminate(int timeoutMs)
{
    m_stopRequested = true;
    if (!isRunning())
        return m_process ? m_process->exitCode() : -1;
    ::kill(pid_t(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(timeoutMs))
        return -1;
    m_output += m_process->readAll();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void GatewayProcess::kill()
{
    if (!m_process)
        return;
    m_stopRequested = true;
    m_process->kill();
    m_process->waitForFinished(10000);
    m_output += m_process->readAll();
}

bool GatewayProcess::stopCleanly(QString *why)
{
    if (!m_listening)
        return true; // never served: a refused start is the test's own business
    if (!isRunning()) {
        if (m_stopRequested)
            return true;
        *why = u"gerbangd exited on its own (%1); it said:\n%2"_s.arg(
            m_process->exitStatus() == QProcess::CrashExit
                ? u"killed by a signal"_s
                : u"exit code %1"_s.arg(m_process->exitCode()),
            QString::fromUtf8(output().right(4000)));
        return false;
    }
    const int code = terminate();
    if (code == 0)
        return true;
    *why = u"gerbangd did not stop cleanly on SIGTERM (%1); it said:\n%2"_s.arg(
        code < 0 ? u"timeout or signal"_s : u"exit code %1"_s.arg(code),
        QString::fromUtf8(output().right(4000)));
    return false;
}

bool GatewayProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QByteArray GatewayProcess::output() const
{
    if (!m_process)
        return m_output;
    // Nothing reads the pipe while a test blocks outside the event loop: drain it now.
    while (m_process->state() == QProcess::Running && m_process->waitForReadyRead(0))
        m_output += m_process->readAll();
    m_output += m_process->readAll();
    return m_output;
}

qint64 GatewayProcess::pid() const
{
    return m_process ? m_process->processId() : -1;
}

qint64 GatewayProcess::rssKiB() const
{
    QFile f(u"/proc/%1/status"_s.arg(pid()));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString GatewayProcess::databasePath() const
{
    return m_dataDir + u"/gerbang.sqlite"_s;
}

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name)
            return v;
    }
    return {};
}

bool parseResponse(const QByteArray &raw, HttpResult *out, qsizetype *consumed)
{
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    HttpResult r;
    r.status = statusLine.value(1).toInt();
    qint64 length = 0;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        r.headers.append({name, value});
        if (name == "content-length")
            length = value.toLongLong();
        chunked = chunked || (name == "transfer-encoding" && value.toLower() == "chunked");
    }
    if (chunked) {
        // Complete only with the last, empty chunk: a cut-off body never parses.
        qsizetype at = headEnd + 4;
        for (;;) {
            const qsizetype lineEnd = raw.indexOf("\r\n", at);
            if (lineEnd < 0)
                return false;
            bool ok = false;
            const qint64 size = raw.mid(at, lineEnd - at).split(';').first().toLongLong(&ok, 16);
            if (!ok || raw.size() < lineEnd + 2 + size + 2)
                return false;
            if (size == 0) {
                *out = r;
                *consumed = lineEnd + 4;
                return true;
            }
            r.body += raw.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
    if (raw.size() < headEnd + 4 + length)
        return false;
    r.body = raw.mid(headEnd + 4, length);
    *out = r;
    *consumed = headEnd + 4 + length;
    return true;
}

HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QByteArray &body,
                       const QList<std::pair<QByteArray, QByteArray>> &headers, int timeoutMs,
                       const QHostAddress &from)
{
    QTcpSocket socket;
    HttpResult result;
    QElapsedTimer elapsed;
    elapsed.start();
    // 127.0.0.0/8 is all loopback: binding to 127.0.0.N gives a test many client addresses.
    if (!from.isNull() && !socket.bind(from)) {
        result.failure = u"cannot bind %1: %2"_s.arg(from.toString(), socket.errorString());
        return result;
    }
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(timeoutMs)) {
        result.failure = u"cannot connect to port %1: %2"_s.arg(port).arg(socket.errorString());
        return result;
    }
    QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isNull() || method == "POST")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n" + body;
    socket.write(request);
    QByteArray raw;
    QDeadlineTimer deadline(timeoutMs);
    qsizetype consumed = 0;
    while (!deadline.hasExpired()) {
        if (parseResponse(raw, &result, &consumed))
            return result;
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(50);
        raw += socket.readAll();
    }
    if (parseResponse(raw, &result, &consumed))
        return result;
    result.failure =
        u"%1 after %2 ms, with %3 bytes of a response"_s
            .arg(deadline.hasExpired() ? u"no complete response"_s
                                       : u"connection closed (%1)"_s.arg(socket.errorString()))
            .arg(elapsed.elapsed())
            .arg(raw.size());
    return result;
}

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

} // namespace gerbang::test
