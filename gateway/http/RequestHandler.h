// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"

#include <QPointer>
#include <memory>
#include <optional>

namespace gerbang::http {

class ResponseStream;
class HttpConnection;

// The one way to answer a request. It may outlive the connection (the client went away
// while its event was being committed): then send() does nothing. It may be moved into a
// callback, but it lives and is used on the server's thread only.
class Responder
{
public:
    Responder() = default;
    Responder(HttpConnection *connection, quint64 serial);
    Responder(Responder &&other) noexcept;
    Responder &operator=(Responder &&other) noexcept;
    Responder(const Responder &) = delete;
    Responder &operator=(const Responder &) = delete;
    ~Responder();

    void send(HttpResponse response);
    // Answers with `head` (its status, content type and headers; the body is ignored) and
    // keeps the connection for a body written piece by piece (ResponseStream): `chunked`, or
    // delimited by the close of the connection. Null when the client is already gone, or for
    // HEAD.
    std::unique_ptr<ResponseStream> openStream(HttpResponse head, bool chunked = false);
    bool isPending() const { return m_serial != 0; }
    bool connectionAlive() const { return !m_connection.isNull(); }

private:
    QPointer<HttpConnection> m_connection;
    quint64 m_serial = 0;
};

// Transport-independent request logic. The server asks for the body limit as soon as the
// head is in, so that an oversize body is refused before it is read.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual qint64 bodyLimit(const HttpRequest &head) const = 0;
    // Called as soon as the head is in, before any body byte is read: the cheap refusals
    // (allowlist, rate limits) come first. A response ends the request and the connection
    // (its body was never read). The handler audits what it refuses here itself.
    virtual std::optional<HttpResponse> admit(HttpRequest &head)
    {
        Q_UNUSED(head);
        return std::nullopt;
    }
    virtual void handle(HttpRequest &&request, Responder responder) = 0;
    // A request the transport refused before a handler saw it (413, 431, 408, 400, ...).
    virtual void rejected(const HttpRequest &partial, int status, QByteArrayView reason) = 0;
};

} // namespace gerbang::http
