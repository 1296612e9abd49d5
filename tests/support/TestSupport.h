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

namespace gerbang::test {

// The WhatsApp app secret the fixtures in tests/data are signed with.
inline constexpr QByteArrayView kFixtureAppSecret = "test-app-secret-0123456789abcdef";

QByteArray readFixture(const QString &name);
// "sha256=<hex>" as Meta sends it.
QByteArray hubSignature(QByteArrayView body, QByteArrayView secret = kFixtureAppSecret);

struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs gerbangctl with `--data-dir dataDir` prepended; `input` goes to standard input.
CommandResult runCtl(const QString &dataDir, const QStringList &args, const QByteArray &input = {},
                     const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// A real gerbangd process on 127.0.0.1 and a free port, with its own data directory.
class GatewayProcess
{
public:
    explicit GatewayProcess(QString dataDir);
    ~GatewayProcess();

    // Extra environment for the process (e.g. GERBANG_WHATSAPP_APP_SECRET).
    QProcessEnvironment &environment() { return m_env; }
    QStringList &extraArguments() { return m_args; }

    // Starts and waits until it prints its listen address. False with a reason on failure.
    bool start(QString *error);
    // SIGTERM and wait; returns the exit code (or -1 on timeout).
    int terminate(int timeoutMs = 15000);
    void kill();
    bool isRunning() const;

    QString baseUrl() const { return m_baseUrl; }
    quint16 port() const { return m_port; }
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
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    quint16 m_port = 0;
    mutable QByteArray m_output;
};

// Minimal blocking HTTP/1.1 client over a fresh loopback connection, so tests see exactly
// what went over the wire.
struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray header(QByteArrayView name) const;
};
HttpResult httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const QByteArray &body = {},
                       const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 10000, const QHostAddress &from = {});
// Parses one HTTP response from raw bytes (status, headers, Content-Length body).
bool parseResponse(const QByteArray &raw, HttpResult *out, qsizetype *consumed);

} // namespace gerbang::test
