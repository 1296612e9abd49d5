// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include "RequestHandler.h"
#include "ResponseStream.h"
#include "domain/Clock.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <cerrno>
#include <sys/socket.h>

namespace gerbang::http {
namespace {

// Caps what Qt buffers from the kernel for us; beyond it TCP flow control pushes back.
constexpr qint64 kSocketReadBuffer = 64 * 1024;

} // namespace

// ---- Responder -------------------------------------------------------------------------

Responder::Responder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{
}

Responder::Responder(Responder &&other) noexcept
    : m_connection(std::move(other.m_connection))
    , m_serial(std::exchange(other.m_serial, 0))
{
}

Responder &Responder::operator=(Responder &&other) noexcept
{
    if (this != &other) {
        if (isPending())
            send(HttpResponse::error(500, "internal_error"));
        m_connection = std::move(other.m_connection);
        m_serial = std::exchange(other.m_serial, 0);
    }
    return *this;
}

Responder::~Responder()
{
    // A request must never hang: a handler that dropped its responder answers 500.
    if (isPending())
        send(HttpResponse::error(500, "internal_error"));
}

void Responder::send(HttpResponse response)
{
    const quint64 serial = std::exchange(m_serial, 0);
    if (serial != 0 && m_connection)
        m_connection->reply(serial, response);
}

std::unique_ptr<ResponseStream> Responder::openStream(HttpResponse head, bool chunked)
{
    const quint64 serial = std::exchange(m_serial, 0);
    if (serial == 0 || !m_connection || !m_connection->startStream(serial, head, chunked))
        return nullptr;
    return std::make_unique<ResponseStream>(m_connection.data());
}

// ---- HttpConnection --------------------------------------------------------------------

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler,
                               const ConnectionLimits &limits, QObject *parent, qint64 ageMs)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
    , m_parser(ParserLimits{limits.headerLimit})
{
    m_clock.start();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_stateSinceMs = -ageMs;
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::closeNow);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            closeNow();
    });
    // On TLS, bytesWritten() means "encrypted"; only encryptedBytesWritten() says the client
    // took bytes.
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    else
        connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    // A TLS socket is handed over once encrypted(); the client may already have sent its
    // request along with the end of the handshake.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

qint64 HttpConnection::unsentBytes() const
{
    const auto *tls = qobject_cast<const QSslSocket *>(m_socket);
    return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

void HttpConnection::onReadyRead()
{
    if (m_lingering || m_state == State::Streaming) {
        // Discard what the client still sends after a refusal or on an event stream; skip()
        // drops it without allocating a buffer for bytes we never look at.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_state != State::Reading || m_writeBlocked)
        return; // hold back pipelined bytes until the current reply is out and taken
    m_buffer.append(m_socket->readAll());
    process();
}

void HttpConnection::onBytesWritten()
{
    m_lastDrainMs = m_clock.elapsed();
    if (m_state == State::Streaming) {
        Q_EMIT streamDrained();
        return;
    }
    const qint64 unsent = unsentBytes();
    const bool go =
        (m_writeBlocked && unsent <= kMaxUnsentReplyBytes) || (m_awaitingFlush && unsent == 0);
    if (!go)
        return;
    m_writeBlocked = false;
    m_awaitingFlush = false;
    QMetaObject::invokeMethod(this, &HttpConnection::continueReading, Qt::QueuedConnection);
}

void HttpConnection::continueReading()
{
    if (m_state != State::Reading || m_writeBlocked)
        return;
    process(); // pipelined requests already read
    if (m_state != State::Reading || m_writeBlocked)
        return;
    if (m_readPaused) {
        // The socket is read again only once our replies have left Qt's buffer: at an
        // end-of-stream Qt closes the descriptor at once, and what it had not written is lost.
        if (unsentBytes() > 0) {
            m_awaitingFlush = true;
            return;
        }
        resumeReading();
    }
    m_buffer.append(m_socket->readAll());
    process();
}

void HttpConnection::stamp(HttpRequest &r) const
{
    r.peer = m_socket->peerAddress();
    r.peerPort = m_socket->peerPort();
    r.clientCertificateSubject = m_clientSubject;
    r.clientCertificateVerified = m_clientVerified;
    r.clientCertificateProblem = m_clientProblem;
}

void HttpConnection::process()
{
    while (m_state == State::Reading && !m_writeBlocked && !idle()) {
        HttpRequest &r = m_parser.request();
        if (r.startedNs == 0) {
            r.startedNs = monotonicNs();
            stamp(r);
            m_stateSinceMs = m_clock.elapsed();
        }
        switch (m_parser.advance(m_buffer)) {
        case HttpRequestParser::Step::NeedMore:
            return;
        case HttpRequestParser::Step::Failed:
            return fail(m_parser.failureStatus(), m_parser.failureReason());
        case HttpRequestParser::Step::HeadReady:
            if (!admitHead())
                return;
            break;
        case HttpRequestParser::Step::MessageReady:
            dispatch();
            break;
        }
    }
}

bool HttpConnection::admitHead()
{
    HttpRequest &r = m_parser.request();
    r.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (const std::optional<HttpResponse> refusal = m_handler->admit(r)) {
        m_socket->write(refusal->serialize(false, r.method == "HEAD"));
        closeLingering();
        return false;
    }
    if (m_parser.startBody(m_handler->bodyLimit(r)) == HttpRequestParser::Step::Failed) {
        fail(m_parser.failureStatus(), m_parser.failureReason());
        return false;
    }
    if (m_parser.wantsContinue())
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_stateSinceMs = m_clock.elapsed();
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Waiting;
    m_serial += 1;
    m_keepAlive = m_parser.keepAlive();
    HttpRequest request = m_parser.takeRequest();
    m_headRequest = request.method == "HEAD";
    const quint64 serial = m_serial;
    m_handler->handle(std::move(request), Responder(this, serial));
    // A reply still to come (a commit): hold the socket, so that a client's end-of-stream (a
    // half-close) cannot close it first, and watch for a reset meanwhile. Most refusals and
    // health checks were answered inside handle(), and Qt reads nothing before we return.
    if (m_state == State::Waiting && m_serial == serial) {
        pauseReading();
        watchWhilePaused();
    }
}

void HttpConnection::reply(quint64 serial, const HttpResponse &response)
{
    if (serial != m_serial || m_state != State::Waiting)
        return;   // not the request this connection is waiting on: never answer out of turn
    quietWatch(); // a reset now shows as a failed write
    const bool keepAlive = m_keepAlive && !m_shuttingDown && !response.closeConnection;
    m_socket->write(response.serialize(keepAlive, m_headRequest));
    if (!keepAlive) {
        closeGracefully();
        return;
    }
    m_socket->flush(); // to the kernel now, as far as it takes it
    if (m_state == State::Closing)
        return; // the write failed: the client is gone (closeNow ran)
    m_state = State::Reading;
    m_stateSinceMs = m_clock.elapsed();
    m_lastDrainMs = m_stateSinceMs;
    // Hold the socket while replies are unsent or pipelined requests wait in our buffer: at an
    // end-of-stream Qt closes the descriptor, losing what it had not written and leaving the
    // buffered requests unanswered.
    const qint64 unsent = unsentBytes();
    if (unsent > 0 || !m_buffer.isEmpty())
        pauseReading();
    // Backpressure: a client that pipelines requests but does not read the replies would
    // otherwise make Qt's unbounded write buffer grow with every request we answer.
    if (unsent > kMaxUnsentReplyBytes) {
        m_writeBlocked = true;
        return;
    }
    // Continue with anything already buffered (pipelining), then with what the socket holds,
    // from the event loop: a handler that answers at once must not be re-entered with the
    // next pipelined request (unbounded recursion with a long pipeline).
    QMetaObject::invokeMethod(this, &HttpConnection::continueReading, Qt::QueuedConnection);
}

bool HttpConnection::startStream(quint64 serial, const HttpResponse &head, bool chunked)
{
    if (serial != m_serial || m_state != State::Waiting || m_headRequest)
        return false;
    quietWatch();
    resumeReading(); // the client's bytes are discarded now, and its close must be seen
    m_state = State::Streaming;
    m_stateSinceMs = m_clock.elapsed();
    m_lastDrainMs = m_stateSinceMs;
    m_buffer.clear();
    QByteArray bytes;
    bytes.append("HTTP/1.1 ")
        .append(QByteArray::number(head.status))
        .append(' ')
        .append(reasonPhrase(head.status))
        .append("\r\nContent-Type: ")
        .append(head.contentType)
        .append("\r\n");
    for (const auto &[name, value] : head.headers)
        bytes.append(name).append(": ").append(value).append("\r\n");
    // Without chunks the body ends when the connection does (RFC 9112 §6.3): enough for
    // events, each whole in itself. A body that must be known complete (an export) is chunked:
    // only its last, empty chunk says it is all there.
    if (chunked)
        bytes.append("Transfer-Encoding: chunked\r\n");
    bytes.append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
                 "Connection: close\r\n\r\n");
    m_chunkedStream = false; // the head is not a chunk
    const bool written = streamWrite(bytes);
    m_chunkedStream = chunked;
    return written;
}

bool HttpConnection::streamWrite(QByteArrayView bytes)
{
    if (m_state != State::Streaming)
        return false;
    if (unsentBytes() > kMaxUnsentStreamBytes) {
        // The client stopped reading: drop it rather than buffer its events without end.
        m_state = State::Closing;
        m_socket->abort();
        closeNow();
        return false;
    }
    if (m_chunkedStream) {
        if (bytes.isEmpty())
            return true; // an empty chunk would end the body
        m_socket->write(QByteArray::number(bytes.size(), 16).append("\r\n"));
    }
    m_socket->write(bytes.data(), bytes.size());
    if (m_chunkedStream)
        m_socket->write("\r\n", 2);
    m_socket->flush();
    return m_state == State::Streaming; // a failed write closed the connection
}

void HttpConnection::endStream(bool complete)
{
    if (m_state != State::Streaming)
        return;
    if (m_chunkedStream && !complete) {
        m_state = State::Closing;
        m_socket->abort();
        closeNow();
        return;
    }
    if (m_chunkedStream)
        m_socket->write("0\r\n\r\n", 5);
    closeGracefully();
}

void HttpConnection::pauseReading()
{
    // Qt reads from the kernel while its buffer has room, and at end-of-stream it closes the
    // socket at once, although the client may only have half-closed (shutdown(SHUT_WR)) and
    // still wait for our reply. A full buffer stops Qt reading: cap it at what it holds (one
    // placeholder byte when it holds none). While a reply is to come, our own notifier tells a
    // reset (client gone: close) from an end-of-stream or further bytes (both wait for the
    // reply; watchWhilePaused). Not on TLS, where the decrypting socket reads on its own; a TLS
    // client ends with close_notify.
    if (m_readPaused || qobject_cast<QSslSocket *>(m_socket) || m_socket->socketDescriptor() < 0)
        return;
    const qint64 held = m_socket->bytesAvailable();
    m_placeholder = held == 0;
    if (m_placeholder)
        m_socket->ungetChar('\0');
    m_socket->setReadBufferSize(std::max<qint64>(held, 1));
    m_readPaused = true;
}

void HttpConnection::watchWhilePaused()
{
    if (!m_readPaused)
        return;
    if (!m_watch) {
        m_watch = new QSocketNotifier(m_socket->socketDescriptor(), QSocketNotifier::Read, this);
        connect(m_watch, &QSocketNotifier::activated, this, &HttpConnection::onReadableWhilePaused);
    }
    m_watch->setEnabled(true);
}

void HttpConnection::onReadableWhilePaused()
{
    char c;
    const ssize_t n = ::recv(int(m_socket->socketDescriptor()), &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    // The descriptor stays readable (bytes or end-of-stream wait in the kernel): stop watching.
    quietWatch();
    if (n < 0) {
        m_state = State::Closing;
        m_socket->abort(); // reset by the client: nobody is left to read the reply
        closeNow();
    }
}

void HttpConnection::quietWatch()
{
    // Off before Qt's own notifier comes back on this socket; kept for the next request.
    if (m_watch)
        m_watch->setEnabled(false);
}

void HttpConnection::stopWatching()
{
    // Deleted once the connection closes: Qt closes the socket, and its number may be reused.
    // From the event loop, as this may run inside the notifier's own signal.
    if (QSocketNotifier *watch = std::exchange(m_watch, nullptr)) {
        watch->setEnabled(false);
        watch->deleteLater();
    }
}

void HttpConnection::resumeReading()
{
    if (!m_readPaused)
        return;
    m_readPaused = false;
    quietWatch(); // before Qt's own notifier is back on this socket
    m_socket->setReadBufferSize(kSocketReadBuffer);
    if (std::exchange(m_placeholder, false)) {
        char placeholder;
        m_socket->getChar(&placeholder);
    }
}

void HttpConnection::fail(int status, QByteArrayView reason)
{
    HttpRequest &partial = m_parser.request();
    stamp(partial);
    m_handler->rejected(partial, status, reason);
    HttpResponse r = HttpResponse::error(status, reason);
    m_socket->write(r.serialize(false));
    closeLingering();
}

void HttpConnection::closeGracefully()
{
    // The reply may still sit in the socket's buffer: Qt closes once it has left. The clock
    // restarts here, so that the sweep measures the client's time to take the reply, not how
    // long the reply took (a commit waiting for a lock): measured from the request, a slow
    // reply was reset by the next sweep before its bytes were out.
    m_state = State::Closing;
    m_stateSinceMs = m_clock.elapsed();
    stopWatching();
    m_socket->disconnectFromHost();
}

void HttpConnection::closeLingering()
{
    // The client may still be sending the body we refused. Closing now would make the kernel
    // answer its bytes with a reset, which can destroy our response before the client reads
    // it. So: send the response, shut down our direction only, and discard input until the
    // client closes or the linger time is up (checkTimeouts).
    m_state = State::Closing;
    m_lingering = true;
    m_stateSinceMs = m_clock.elapsed();
    m_buffer.clear();
    // On TLS, bytesWritten() means "encrypted"; the ciphertext still has to leave.
    auto *tls = qobject_cast<QSslSocket *>(m_socket);
    auto halfClose = [this, tls] {
        if (m_socket->bytesToWrite() == 0 && (!tls || tls->encryptedBytesToWrite() == 0) &&
            m_socket->socketDescriptor() >= 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    m_socket->flush();
    if (!tls) {
        connect(m_socket, &QTcpSocket::bytesWritten, this, halfClose);
        halfClose();
        return;
    }
    // Not bytesWritten on TLS: QSslSocket emits it once the plaintext went into SSL_write,
    // before the ciphertext has left OpenSSL's buffer, and a shutdown then loses the response
    // (seen with refusals answered inside the socket's own readyRead). The first check is
    // queued for the same reason.
    connect(tls, &QSslSocket::encryptedBytesWritten, this, halfClose);
    QMetaObject::invokeMethod(this, halfClose, Qt::QueuedConnection);
}

void HttpConnection::closeNow()
{
    stopWatching();
    if (m_state == State::Closing && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_state = State::Closing;
    Q_EMIT closed();
}

void HttpConnection::checkTimeouts()
{
    const qint64 now = m_clock.elapsed();
    const qint64 inState = now - m_stateSinceMs;
    switch (m_state) {
    case State::Reading:
        if (m_writeBlocked || m_awaitingFlush) {
            // Replies pile up unread: a client that takes nothing for a read timeout is gone
            // or hostile.
            if (now - m_lastDrainMs > m_limits.readTimeoutMs) {
                m_state = State::Closing;
                m_socket->abort();
                closeNow();
            }
        } else if (idle()) {
            // Until its first request a connection gets the short first-byte deadline.
            const int limit = m_serial == 0
                                  ? std::min(m_limits.firstByteTimeoutMs, m_limits.idleTimeoutMs)
                                  : m_limits.idleTimeoutMs;
            if (inState > limit || m_shuttingDown)
                closeGracefully();
        } else if (inState > m_limits.readTimeoutMs) {
            fail(408, "request_timeout");
        }
        break;
    case State::Waiting:
        break;
    case State::Streaming:
        // Events wait unread for a read timeout: the client is gone or hostile.
        if (m_shuttingDown)
            closeGracefully();
        else if (unsentBytes() > 0 && now - m_lastDrainMs > m_limits.readTimeoutMs) {
            m_state = State::Closing;
            m_socket->abort();
            closeNow();
        }
        break;
    case State::Closing:
        if (inState > (m_lingering ? m_limits.lingerMs : m_limits.readTimeoutMs) &&
            m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
        break;
    }
}

void HttpConnection::shutdown()
{
    m_shuttingDown = true;
    if ((m_state == State::Reading && idle() && !m_writeBlocked) || m_state == State::Streaming)
        closeGracefully();
}

} // namespace gerbang::http
