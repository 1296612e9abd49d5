// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QTcpSocket;

namespace gerbang::http {

class RequestHandler;

struct ConnectionLimits
{
    int headerLimit = 16 * 1024;
    int readTimeoutMs = 10'000;
    int idleTimeoutMs = 30'000;
    // How long a refused client may go on sending (discarded) before the connection is reset.
    int lingerMs = 2000;
};

// One client connection: frames requests strictly (request line, headers, Content-Length or
// chunked body), enforces the limits, and hands complete requests to the handler one at a
// time. While a request waits for its reply nothing more is read: pipelined bytes stay in the
// socket, whose read buffer is capped so TCP pushes back on the client. This is the layer
// QHttpServer 6.4 lacks (see BRIEF §6).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, RequestHandler *handler, const ConnectionLimits &limits,
                   QObject *parent);
    ~HttpConnection() override;

    // Called by the server's sweep timer: enforces read and idle timeouts.
    void checkTimeouts();
    // Stop reading further requests; close once the pending reply (if any) is written.
    void shutdown();
    bool isIdle() const { return m_state == State::Head && m_buffer.isEmpty(); }
    // The client certificate check (mutual TLS), copied into every request: the verified
    // certificate's subject, or why there is none.
    void setClientCertificate(const QString &subject, bool verified, const QString &problem)
    {
        m_clientSubject = subject;
        m_clientVerified = verified;
        m_clientProblem = problem;
    }

Q_SIGNALS:
    void closed();

private:
    friend class Responder;
    enum class State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkTrailer,
        Waiting,
        Closing
    };

    void onReadyRead();
    void process();
    bool parseHead(qsizetype headEnd);
    void dispatch();
    void reply(quint64 serial, const HttpResponse &response);
    void fail(int status, QByteArrayView reason);
    void closeGracefully();
    void closeLingering();
    void closeNow();

    QTcpSocket *m_socket;
    RequestHandler *m_handler;
    ConnectionLimits m_limits;
    State m_state = State::Head;
    QByteArray m_buffer;
    qsizetype m_scanFrom = 0;
    HttpRequest m_request;
    QString m_clientSubject;
    bool m_clientVerified = false;
    QString m_clientProblem;
    qint64 m_bodyLimit = 0;
    qint64 m_remaining = 0; // bytes left of the fixed body or of the current chunk
    bool m_keepAlive = true;
    bool m_shuttingDown = false;
    bool m_headRequest = false;
    bool m_lingering = false;
    quint64 m_serial = 0;
    qint64 m_stateSinceMs = 0;
    QElapsedTimer m_clock;
};

} // namespace gerbang::http
