// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpConnection.h"

#include <QHostAddress>
#include <QSet>
#include <QTcpServer>
#include <QTimer>

namespace gerbang::http {

class RequestHandler;

// Accepts connections (with a cap), owns them, and sweeps their timeouts. Lives on one
// thread; create it there.
class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    HttpServer(RequestHandler *handler, ConnectionLimits limits, int maxConnections,
               QObject *parent = nullptr);
    ~HttpServer() override;

    bool start(const QHostAddress &address, quint16 port, QString *error);
    // Stops accepting; idle connections close now, busy ones after their reply.
    void stopAccepting();
    int openConnections() const { return int(m_connections.size()); }

Q_SIGNALS:
    void connectionCountChanged(int count);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    RequestHandler *m_handler;
    ConnectionLimits m_limits;
    int m_maxConnections;
    QSet<HttpConnection *> m_connections;
    QTimer m_sweep;
};

} // namespace gerbang::http
