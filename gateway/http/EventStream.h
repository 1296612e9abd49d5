// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QPointer>

namespace gerbang::http {

class HttpConnection;

// The write end of a server-sent event stream (text/event-stream) that a handler opened with
// Responder::openStream(). The connection belongs to the server: when the client goes away the
// stream simply stops being open. Destroying the stream ends the response (the connection
// closes once the written bytes have left). Server thread only.
class EventStream
{
public:
    EventStream(HttpConnection *connection);
    EventStream(const EventStream &) = delete;
    EventStream &operator=(const EventStream &) = delete;
    ~EventStream();

    bool isOpen() const;
    // One event: "event: NAME" and one "data:" line (`data` must not contain a line break;
    // compact JSON never does). False, and the connection is dropped, when the client has not
    // taken what was sent before (more than HttpConnection::kMaxUnsentStreamBytes waiting): a
    // reader that stopped reading cannot make the server buffer events without end.
    bool send(QByteArrayView name, QByteArrayView data);
    // A comment line, which clients ignore: keeps proxies from closing a quiet stream.
    bool keepAlive();

private:
    bool write(const QByteArray &bytes);
    QPointer<HttpConnection> m_connection;
};

} // namespace gerbang::http
