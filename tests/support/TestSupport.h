// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace gerbang {
class Database;
}

namespace gerbang::test {

// The store under test. When GERBANG_TEST_DATABASE_URL names a PostgreSQL server (see
// tests/support/pg-cluster.sh), every data directory a test uses gets its own fresh database
// there (created on first use, dropped when the test process ends), and gerbangd and
// gerbangctl started through this file use it; otherwise the SQLite file in the data directory.
bool testingOnPostgres();
// The GERBANG_DATABASE_URL for `dataDir`'s database; empty when testing on SQLite.
QString testDatabaseUrl(const QString &dataDir);
// A connection to the database gerbangd would use for `dataDir` (not migrated); null with
// `error` set on failure. Tests that look inside the store go through this, with SQL that
// runs on both dialects.
std::unique_ptr<Database> openTestDatabase(const QString &dataDir, QString *error);

// The WhatsApp app secret the fixtures in tests/data are signed with.
inline constexpr QByteArrayView kFixtureAppSecret = "test-app-secret-0123456789abcdef";
// The wamid of wa_text.json: tests replace it to make distinct messages.
inline constexpr QByteArrayView kFixtureTextWamid =
    "wamid.RkFLRS1XQU1JRC0wMDAwMDEtNjI4MTMwMDAwMDEwMQ==";
// The Standard Webhooks test vector's secret, used to sign deliveries to test sinks.
inline constexpr QByteArrayView kTestSinkSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

QByteArray readFixture(const QString &name);
// "sha256=<hex>" as Meta sends it.
QByteArray hubSignature(QByteArrayView body, QByteArrayView secret = kFixtureAppSecret);

struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs gerbangctl with `--data-dir dataDir` prepended; `input` goes to standard input. Unless
// `env` names a database, the test database of `dataDir` (see testDatabaseUrl()). `program`:
// another gerbangctl binary than the one built with the tests (e.g. an older release's).
CommandResult runCtl(const QString &dataDir, const QStringList &args, const QByteArray &input = {},
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                     const QString &program = {});

// A real gerbangd process on 127.0.0.1 and a free port, with its own data directory.
class GatewayProcess
{
public:
    explicit GatewayProcess(QString dataDir);
    ~GatewayProcess();

    // Extra environment for the process (e.g. GERBANG_WHATSAPP_APP_SECRET).
    QProcessEnvironment &environment() { return m_env; }
    QStringList &extraArguments() { return m_args; }
    // Another gerbangd binary than the one built with the tests (e.g. an older release's).
    void setProgram(const QString &path) { m_program = path; }

    // Starts and waits until it prints its listen address. False with a reason on failure.
    bool start(QString *error);
    // SIGTERM and wait; returns the exit code (or -1 on timeout).
    int terminate(int timeoutMs = 15000);
    void kill();
    // For a test's cleanup: false, with why, if the gateway exited without being asked to
    // (a crash would otherwise pass unseen) or does not stop cleanly on SIGTERM now.
    bool stopCleanly(QString *why);
    bool isRunning() const;

    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
    // The admin API's port and scheme ("http" or "https"), 0 / empty when it is off.
    quint16 adminPort() const { return m_adminPort; }
    QString adminScheme() const { return m_adminScheme; }
    QString dataDir() const { return m_dataDir; }
    QByteArray output() const; // everything printed so far (stdout + stderr)
    QString databasePath() const;
    qint64 pid() const;
    // Resident set size of the process in KiB (from /proc), or -1.
    qint64 rssKiB() const;

private:
    QString m_dataDir;
    QProcessEnvironment m_env;
    QStringList m_args;
    QString m_program;
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    quint16 m_port = 0;
    quint16 m_adminPort = 0;
    QString m_adminScheme;
    bool m_listening = false;     // start() succeeded
    bool m_stopRequested = false; // terminate() or kill() was called
    mutable QByteArray m_output;
};

// Minimal blocking HTTP/1.1 client over a fresh loopback connection, so tests see exactly
// what went over the wire.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    // Why there is no status (connect failed, closed early, timed out), for failure messages.
    QString failure;
    QByteArray header(QByteArrayView name) const;
};
HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QByteArray &body = {},
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 10000, const QHostAddress &from = {});
// RFC 4180 reader (quoted fields, doubled quotes, CRLF records), independent of the CSV
// writers under test.
QList<QStringList> parseCsv(const QString &text);
// Parses one HTTP response from raw bytes (status, headers, Content-Length body).
bool parseResponse(const QByteArray &raw, HttpResult *out, qsizetype *consumed);

} // namespace gerbang::test
