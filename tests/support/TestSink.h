// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>
#include <functional>

class QTcpServer;

namespace gerbang::test {

// A real HTTP endpoint on 127.0.0.1 standing in for the Lawyers-Hub core: it records every
// request and answers as the test's policy says (a status, no answer at all, or a dropped
// connection). It runs on its own thread, so tests may block (QTRY_*, blocking clients).
class TestSink
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray body;
        QByteArray header(QByteArrayView name) const;
    };
    enum class Action
    {
        Respond,
        Hang, // read the request, never answer (the client times out)
        Drop  // close the connection without answering
    };
    struct Reply
    {
        Action action = Action::Respond;
        int status = 200;
        QByteArray extraHeaders; // "Name: value\r\n" lines
    };
    // Called for each request with its 0-based index, on the sink's thread.
    using Policy = std::function<Reply(const Request &request, int index)>;

    TestSink();
    ~TestSink();

    // Listens on `port` (0: any free one). False when the port is taken.
    bool listen(quint16 port = 0);
    // Stops listening and drops every connection: the core is down.
    void close();
    quint16 port() const { return m_port; }
    QString url(const QString &path = QStringLiteral("/events")) const;
    void setPolicy(Policy policy);
    QList<Request> requests() const;
    int count() const;

private:
    void serve();
    QThread m_thread;
    QTcpServer *m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    Policy m_policy;
    QList<Request> m_requests;
};

} // namespace gerbang::test
