// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "RequestHandler.h"

#include <QNetworkProxy>
#include <QTcpSocket>

namespace gerbang::http {

HttpServer::HttpServer(RequestHandler *handler, ConnectionLimits limits, int maxConnections,
                       QObject *parent)
    : QTcpServer(parent)
    , m_handler(handler)
    , m_limits(limits)
    , m_maxConnections(maxConnections)
{
    // A listening socket must never pick up an application-wide proxy.
    setProxy(QNetworkProxy::NoProxy);
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, [this] {
        const auto snapshot = m_connections; // a check may close and remove a connection
        for (HttpConnection *c : snapshot)
            c->checkTimeouts(0);
    });
}

HttpServer::~HttpServer()
{
    close();
    const auto snapshot = m_connections;
    m_connections.clear();
    qDeleteAll(snapshot);
}

bool HttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    if (!listen(address, port)) {
        *error = errorString();
        return false;
    }
    m_sweep.start();
    return true;
}

void HttpServer::stopAccepting()
{
    close();
    const auto snapshot = m_connections;
    for (HttpConnection *c : snapshot)
        c->shutdown();
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (int(m_connections.size()) >= m_maxConnections) {
        // Over the cap: a short, honest answer rather than a silent reset.
        socket->write(HttpResponse::error(503, "too_many_connections").serialize(false));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    auto *connection = new HttpConnection(socket, m_handler, m_limits, this);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::closed, this, [this, connection] {
        if (m_connections.remove(connection)) {
            connection->deleteLater();
            Q_EMIT connectionCountChanged(int(m_connections.size()));
        }
    });
    Q_EMIT connectionCountChanged(int(m_connections.size()));
}

} // namespace gerbang::http
