// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequest.h"
#include "HttpRequestParser.h"
#include "HttpResponse.h"
#include "config/Settings.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QSocketNotifier;
class QTcpSocket;

namespace gerbang::http {

class RequestHandler;

struct ConnectionLimits
{
    int headerLimit = Settings::defaultInt(u"server/header_limit_bytes");
    int readTimeoutMs = Settings::defaultInt(u"server/read_timeout_ms");
    int idleTimeoutMs = Settings::defaultInt(u"server/idle_timeout_ms");
    // A new connection must have sent the first byte of its first request by then (TLS:
    // counted from the accept, handshake included): a silent socket must not hold a slot for
    // the whole idle timeout.
    int firstByteTimeoutMs = Settings::defaultInt(u"server/first_byte_timeout_ms");
    // How long a refused client may go on sending (discarded) before the connection is reset.
    int lingerMs = 2000;
};

// One client connection: moves bytes between the socket and an HttpRequestParser, enforces
// the time limits, and hands complete requests to the handler one at a time. Reading pauses
// while a request waits for its reply (pipelined bytes stay in the kernel, so TCP pushes back
// on the client) and while more than a small bound of replies is unsent (a client that sends
// but never reads cannot make us buffer replies without end). This is the layer QHttpServer
// 6.4 lacks (see BRIEF §6).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // `ageMs`: how long ago the connection was accepted (its TLS handshake).
    HttpConnection(QTcpSocket *socket, RequestHandler *handler, const ConnectionLimits &limits,
                   QObject *parent, qint64 ageMs = 0);
    ~HttpConnection() override;

    // Called by the server's sweep timer: enforces read, idle and drain timeouts.
    void checkTimeouts();
    // Stop reading further requests; close once the pending reply (if any) is written.
    void shutdown();
    // The client certificate check (mutual TLS), copied into every request: the verified
    // certificate's subject, or why there is none.
    void setClientCertificate(const QString &subject, bool verified, const QString &problem)
    {
        m_clientSubject = subject;
        m_clientVerified = verified;
        m_clientProblem = problem;
    }
    // Reply bytes above which no further request is read until the client takes them.
    static constexpr qint64 kMaxUnsentReplyBytes = 64 * 1024;
    // Event stream bytes a client may leave untaken before the stream is dropped.
    static constexpr qint64 kMaxUnsentStreamBytes = 256 * 1024;

    // The streamed response (ResponseStream) this connection carries after its last request.
    bool isStreaming() const { return m_state == State::Streaming; }
    bool streamWrite(QByteArrayView bytes);
    // Ends the streamed response. A chunked one that is not `complete` is cut off (the
    // connection is reset), so that the client cannot take a truncated body for a whole one.
    void endStream(bool complete);
    qint64 unsentBytes() const;

Q_SIGNALS:
    void closed();
    // The client took bytes of a streamed response.
    void streamDrained();

private:
    friend class Responder;
    enum class State
    {
        Reading,   // a head or body is being read (or the connection is idle between requests)
        Waiting,   // a request is with the handler
        Streaming, // the reply is an open event stream: nothing more is read
        Closing
    };

    void onReadyRead();
    void onBytesWritten();
    void onReadableWhilePaused();
    void continueReading();
    void process();
    // Copies what the connection knows (peer, client certificate) into a request.
    void stamp(HttpRequest &request) const;
    bool admitHead();
    void dispatch();
    void reply(quint64 serial, const HttpResponse &response);
    bool startStream(quint64 serial, const HttpResponse &head, bool chunked);
    void fail(int status, QByteArrayView reason);
    void closeGracefully();
    void closeLingering();
    void closeNow();
    bool idle() const { return m_parser.atMessageStart() && m_buffer.isEmpty(); }
    void pauseReading();
    void resumeReading();
    void watchWhilePaused();
    void quietWatch();
    void stopWatching();

    QTcpSocket *m_socket;
    RequestHandler *m_handler;
    ConnectionLimits m_limits;
    HttpRequestParser m_parser;
    State m_state = State::Reading;
    QByteArray m_buffer;
    QString m_clientSubject;
    bool m_clientVerified = false;
    QString m_clientProblem;
    bool m_shuttingDown = false;
    bool m_headRequest = false;
    bool m_lingering = false;
    bool m_keepAlive = true;
    bool m_readPaused = false;
    bool m_placeholder = false;   // pauseReading() put a byte into Qt's buffer
    bool m_writeBlocked = false;  // over kMaxUnsentReplyBytes: reading waits for the client
    bool m_awaitingFlush = false; // the socket is read again once the replies are written
    quint64 m_serial = 0;
    qint64 m_stateSinceMs = 0;
    bool m_chunkedStream = false;       // the streamed response uses chunked encoding
    qint64 m_lastDrainMs = 0;           // when the client last took reply bytes
    QSocketNotifier *m_watch = nullptr; // watches the socket while reading is paused
    QElapsedTimer m_clock;
};

} // namespace gerbang::http
