// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSink.h"

#include "TestSupport.h"

#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace gerbang::test {

QByteArray TestSink::Request::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (n == name)
            return v;
    }
    return {};
}

TestSink::TestSink()
{
    m_thread.setObjectName(u"test-sink"_s);
    m_thread.start();
}

TestSink::~TestSink()
{
    close();
    m_thread.quit();
    m_thread.wait();
}

bool TestSink::listen(quint16 port)
{
    bool ok = false;
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context,
        [&] {
            m_server = new QTcpServer;
            ok = m_server->listen(QHostAddress::LocalHost, port);
            if (!ok) {
                delete m_server;
                m_server = nullptr;
                return;
            }
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] { serve(); });
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

void TestSink::close()
{
    if (!m_thread.isRunning())
        return;
    QObject context;
    context.moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        &context,
        [this] {
            delete m_server; // its sockets are its children
            m_server = nullptr;
        },
        Qt::BlockingQueuedConnection);
}

QString TestSink::url(const QString &path) const
{
    return u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path);
}

void TestSink::setPolicy(Policy policy)
{
    QMutexLocker lock(&m_mutex);
    m_policy = std::move(policy);
}

QList<TestSink::Request> TestSink::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int TestSink::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

void TestSink::serve()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(m_server);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            HttpResult parsed;
            qsizetype consumed = 0;
            while (parseResponse(*buffer, &parsed, &consumed)) {
                const QList<QByteArray> first =
                    buffer->left(buffer->indexOf("\r\n")).trimmed().split(' ');
                Request request{first.value(0), first.value(1), parsed.headers, parsed.body};
                buffer->remove(0, consumed);
                Reply reply;
                {
                    QMutexLocker lock(&m_mutex);
                    const int index = int(m_requests.size());
                    m_requests << request;
                    if (m_policy)
                        reply = m_policy(request, index);
                }
                if (reply.action == Action::Hang)
                    return;
                if (reply.action == Action::Drop) {
                    socket->abort();
                    return;
                }
                socket->write("HTTP/1.1 " + QByteArray::number(reply.status) + " Sink\r\n" +
                              reply.extraHeaders + "Content-Length: 0\r\n\r\n");
            }
        });
    }
}

} // namespace gerbang::test
