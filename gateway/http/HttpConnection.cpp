// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpConnection.h"

#include "RequestHandler.h"
#include "domain/Clock.h"

#include <QDateTime>
#include <QSslSocket>
#include <QTcpSocket>
#include <algorithm>
#include <cctype>
#include <sys/socket.h>

namespace gerbang::http {
namespace {

// Caps what Qt buffers from the kernel for us. While a request is waiting for its reply we
// read nothing, so a client that keeps sending is pushed back by TCP flow control.
constexpr qint64 kSocketReadBuffer = 64 * 1024;
constexpr int kMaxHeaders = 100;
constexpr int kMaxChunkLine = 1024;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), isTokenChar);
}

bool hasControlChars(QByteArrayView v)
{
    return std::any_of(v.begin(), v.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

// Strict decimal parse of a Content-Length or similar: digits only, no sign, no overflow.
bool parseLength(QByteArrayView v, qint64 *out)
{
    if (v.isEmpty() || v.size() > 18)
        return false;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

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

// ---- HttpConnection --------------------------------------------------------------------

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler *handler,
                               const ConnectionLimits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_limits(limits)
{
    m_clock.start();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_stateSinceMs = m_clock.elapsed();
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::closeNow);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            closeNow();
    });
    // A TLS socket is handed over once encrypted(); the client may already have sent its
    // request along with the end of the handshake.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::onReadyRead()
{
    if (m_lingering) {
        // Discard what the client still sends after a refusal; skip() drops it without
        // allocating a buffer for bytes we never look at.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_state == State::Waiting || m_state == State::Closing)
        return; // hold back pipelined bytes until the current reply is out
    m_buffer.append(m_socket->readAll());
    process();
}

void HttpConnection::process()
{
    for (;;) {
        switch (m_state) {
        case State::Waiting:
        case State::Closing:
            return;
        case State::Head: {
            if (m_buffer.isEmpty())
                return;
            if (m_request.startedNs == 0) {
                m_request.startedNs = monotonicNs();
                m_stateSinceMs = m_clock.elapsed();
            }
            const qsizetype end =
                m_buffer.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanFrom - 3));
            if (end < 0) {
                if (m_buffer.size() > m_limits.headerLimit)
                    return fail(431, "header_too_large");
                m_scanFrom = m_buffer.size();
                return;
            }
            if (end + 4 > m_limits.headerLimit)
                return fail(431, "header_too_large");
            if (!parseHead(end))
                return;
            m_buffer.remove(0, end + 4);
            m_scanFrom = 0;
            break;
        }
        case State::Body: {
            const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
            m_request.body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return;
            dispatch();
            break;
        }
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > kMaxChunkLine)
                    return fail(400, "bad_chunk");
                return;
            }
            QByteArrayView line(m_buffer.constData(), eol);
            if (const qsizetype semi = line.indexOf(';'); semi >= 0)
                line = line.first(semi); // chunk extensions are ignored
            line = trimmed(line);
            // chunk-size = 1*HEXDIG: nothing else (no sign, no "0x"), so that we frame the
            // message exactly as any proxy in front of us does.
            const bool hexOnly = !line.isEmpty() && line.size() <= 15 &&
                                 std::all_of(line.begin(), line.end(), [](char c) {
                                     return std::isxdigit(static_cast<unsigned char>(c));
                                 });
            if (!hexOnly)
                return fail(400, "bad_chunk");
            const qint64 size = line.toByteArray().toLongLong(nullptr, 16);
            m_buffer.remove(0, eol + 2);
            if (size == 0) {
                m_state = State::ChunkTrailer;
                break;
            }
            if (m_request.body.size() + size > m_bodyLimit)
                return fail(413, "body_too_large");
            m_remaining = size;
            m_state = State::ChunkData;
            break;
        }
        case State::ChunkData: {
            if (m_remaining > 0) {
                const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
                m_request.body.append(m_buffer.constData(), take);
                m_buffer.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return;
            }
            if (m_buffer.size() < 2)
                return;
            if (!m_buffer.startsWith("\r\n"))
                return fail(400, "bad_chunk");
            m_buffer.remove(0, 2);
            m_state = State::ChunkSize;
            break;
        }
        case State::ChunkTrailer: {
            // Trailer fields are read and discarded; an empty line ends the message.
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > m_limits.headerLimit)
                    return fail(431, "header_too_large");
                return;
            }
            m_buffer.remove(0, eol + 2);
            if (eol == 0)
                dispatch();
            break;
        }
        }
    }
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    HttpRequest &r = m_request;
    r.peer = m_socket->peerAddress();
    r.peerPort = m_socket->peerPort();
    r.clientCertificateSubject = m_clientSubject;
    r.clientCertificateVerified = m_clientVerified;
    r.clientCertificateProblem = m_clientProblem;
    r.receivedAtMs = QDateTime::currentMSecsSinceEpoch();
    const QByteArrayView head(m_buffer.constData(), headEnd);
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);

    // request-line = method SP request-target SP HTTP-version
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, "bad_request_line");
        return false;
    }
    r.method = requestLine.first(sp1).toByteArray();
    r.target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(r.method) || r.method.size() > 16) {
        fail(400, "bad_method");
        return false;
    }
    if (r.target.isEmpty() || r.target.front() != '/' || hasControlChars(r.target) ||
        r.target.contains(' ')) {
        fail(400, "bad_target");
        return false;
    }
    if (version == "HTTP/1.1") {
        r.versionMinor = 1;
    } else if (version == "HTTP/1.0") {
        r.versionMinor = 0;
    } else {
        fail(505, "http_version_not_supported");
        return false;
    }
    const qsizetype q = r.target.indexOf('?');
    r.path = QByteArray::fromPercentEncoding(q < 0 ? r.target : r.target.left(q));
    r.query = q < 0 ? QByteArray() : r.target.mid(q + 1);
    if (r.path.contains('\0')) {
        fail(400, "bad_target");
        return false;
    }

    qsizetype pos = lineEnd < 0 ? head.size() : lineEnd + 2;
    while (pos < head.size()) {
        qsizetype eol = head.indexOf("\r\n", pos);
        if (eol < 0)
            eol = head.size();
        const QByteArrayView line = head.sliced(pos, eol - pos);
        pos = eol + 2;
        if (line.front() == ' ' || line.front() == '\t') {
            fail(400, "obsolete_line_folding"); // a classic smuggling vector: refuse
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, "bad_header");
            return false;
        }
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (hasControlChars(value)) {
            fail(400, "bad_header");
            return false;
        }
        if (r.headers.size() >= kMaxHeaders) {
            fail(431, "too_many_headers");
            return false;
        }
        r.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    }

    if (r.versionMinor == 1 && r.headerCount("host") != 1) {
        fail(400, "missing_host");
        return false;
    }
    const QByteArray connection = r.header("connection").toLower();
    m_keepAlive =
        r.versionMinor == 1 ? !connection.contains("close") : connection.contains("keep-alive");

    // Framing: exactly one of Content-Length or Transfer-Encoding: chunked, never both and
    // never conflicting duplicates (request smuggling).
    const int clCount = r.headerCount("content-length");
    const QByteArray te = r.header("transfer-encoding").toLower();
    qint64 length = 0;
    if (!te.isNull()) {
        if (clCount > 0 || r.headerCount("transfer-encoding") > 1 || te != "chunked") {
            fail(400, "bad_framing");
            return false;
        }
    } else if (clCount > 0) {
        QByteArray first;
        for (const auto &[name, value] : r.headers) {
            if (name != "content-length")
                continue;
            if (!first.isNull() && value != first) {
                fail(400, "bad_framing");
                return false;
            }
            first = value;
        }
        if (!parseLength(first, &length)) {
            fail(400, "bad_content_length");
            return false;
        }
    }

    if (const std::optional<HttpResponse> refusal = m_handler->admit(r)) {
        m_socket->write(refusal->serialize(false, r.method == "HEAD"));
        closeLingering();
        return false;
    }
    m_bodyLimit = m_handler->bodyLimit(r);
    if (length > m_bodyLimit) {
        fail(413, "body_too_large");
        return false;
    }
    const QByteArray expect = r.header("expect").toLower();
    if (!expect.isNull()) {
        if (expect != "100-continue") {
            fail(417, "expectation_failed");
            return false;
        }
        if (r.versionMinor == 1 && (length > 0 || !te.isNull()))
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (!te.isNull()) {
        m_state = State::ChunkSize;
    } else {
        m_remaining = length;
        r.body.reserve(length);
        m_state = State::Body;
    }
    m_stateSinceMs = m_clock.elapsed();
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Waiting;
    m_serial += 1;
    m_headRequest = m_request.method == "HEAD";
    HttpRequest request = std::exchange(m_request, HttpRequest());
    m_handler->handle(std::move(request), Responder(this, m_serial));
}

void HttpConnection::reply(quint64 serial, const HttpResponse &response)
{
    if (serial != m_serial || m_state != State::Waiting)
        return; // not the request this connection is waiting on: never answer out of turn
    const bool keepAlive = m_keepAlive && !m_shuttingDown && !response.closeConnection;
    m_socket->write(response.serialize(keepAlive, m_headRequest));
    if (!keepAlive) {
        closeGracefully();
        return;
    }
    m_state = State::Head;
    m_stateSinceMs = m_clock.elapsed();
    // Continue with anything already buffered (pipelining), then with what the socket holds,
    // from the event loop: a handler that answers at once must not be re-entered with the
    // next pipelined request (unbounded recursion with a long pipeline).
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Head)
                return;
            m_buffer.append(m_socket->readAll());
            process();
        },
        Qt::QueuedConnection);
}

void HttpConnection::fail(int status, QByteArrayView reason)
{
    m_request.clientCertificateSubject = m_clientSubject;
    m_request.clientCertificateVerified = m_clientVerified;
    m_request.clientCertificateProblem = m_clientProblem;
    m_handler->rejected(m_request, status, reason);
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
    if (m_state == State::Closing && m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_state = State::Closing;
    Q_EMIT closed();
}

void HttpConnection::checkTimeouts()
{
    const qint64 inState = m_clock.elapsed() - m_stateSinceMs;
    switch (m_state) {
    case State::Head:
        if (m_buffer.isEmpty() && m_request.startedNs == 0) {
            if (inState > m_limits.idleTimeoutMs || m_shuttingDown)
                closeGracefully();
        } else if (inState > m_limits.readTimeoutMs) {
            fail(408, "request_timeout");
        }
        break;
    case State::Body:
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkTrailer:
        if (inState > m_limits.readTimeoutMs)
            fail(408, "request_timeout");
        break;
    case State::Waiting:
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
    if (isIdle() && m_request.startedNs == 0)
        closeGracefully();
}

} // namespace gerbang::http
