// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPointer>
#include <functional>

namespace gerbang::http {

class HttpConnection;

// The write end of a response whose body is written piece by piece (server-sent events, a
// long CSV export) that a handler opened with Responder::openStream(). The body has neither a
// length nor chunks: it ends when the connection closes (RFC 9112 §6.3). The connection
// belongs to the server: when the client goes away the stream simply stops being open.
// Destroying the stream ends the response (the connection closes once the written bytes have
// left). Server thread only.
//
// A client that stops reading cannot make the server buffer without end: a write while more
// than HttpConnection::kMaxUnsentStreamBytes wait unsent drops the connection, and so does a
// read timeout without the client taking anything. A producer with more to say than fits
// (an export) writes only when unsentBytes() is low and resumes on whenDrained().
class ResponseStream
{
public:
    ResponseStream(HttpConnection *connection);
    ResponseStream(const ResponseStream &) = delete;
    ResponseStream &operator=(const ResponseStream &) = delete;
    // Without finish(), a chunked body is cut off (the connection reset): the client sees an
    // incomplete body, never a short one that looks whole.
    ~ResponseStream();

    bool isOpen() const;
    // The whole body was written: ends a chunked one properly, then closes.
    void finish();
    // One server-sent event: "event: NAME" and one "data:" line (`data` must not contain a
    // line break; compact JSON never does). False when the connection was dropped.
    bool sendEvent(QByteArrayView name, QByteArrayView data);
    // A comment line, which event clients ignore: keeps proxies from closing a quiet stream.
    bool keepAlive();
    // Body bytes as they are. False when the connection was dropped.
    bool write(QByteArrayView bytes);

    // What the client has not taken yet.
    qint64 unsentBytes() const;
    // Written bytes at or below which a producer may write its next piece.
    static constexpr qint64 kLowWaterBytes = 64 * 1024;
    // Calls `resume` (on `context`'s thread, while `context` lives) each time the client took
    // bytes and at most kLowWaterBytes remain unsent.
    void whenDrained(QObject *context, std::function<void()> resume);
    // Calls `gone` once the connection is closed, whatever closed it.
    void whenClosed(QObject *context, std::function<void()> gone);

private:
    QPointer<HttpConnection> m_connection;
};

} // namespace gerbang::http
