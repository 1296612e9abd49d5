// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResponseStream.h"

#include "HttpConnection.h"

namespace gerbang::http {

ResponseStream::ResponseStream(HttpConnection *connection)
    : m_connection(connection)
{
}

ResponseStream::~ResponseStream()
{
    if (m_connection)
        m_connection->endStream(false);
}

void ResponseStream::finish()
{
    if (m_connection)
        m_connection->endStream(true);
}

bool ResponseStream::isOpen() const
{
    return m_connection && m_connection->isStreaming();
}

bool ResponseStream::sendEvent(QByteArrayView name, QByteArrayView data)
{
    Q_ASSERT(!name.contains('\n') && !data.contains('\n'));
    QByteArray bytes;
    bytes.reserve(name.size() + data.size() + 16);
    bytes.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    return write(bytes);
}

bool ResponseStream::keepAlive()
{
    return write(": keep-alive\n\n");
}

bool ResponseStream::write(QByteArrayView bytes)
{
    return m_connection && m_connection->streamWrite(bytes);
}

qint64 ResponseStream::unsentBytes() const
{
    return m_connection ? m_connection->unsentBytes() : 0;
}

void ResponseStream::whenDrained(QObject *context, std::function<void()> resume)
{
    if (!m_connection)
        return;
    QObject::connect(m_connection.data(), &HttpConnection::streamDrained, context,
                     [connection = m_connection, resume = std::move(resume)] {
                         if (connection && connection->unsentBytes() <= kLowWaterBytes)
                             resume();
                     });
}

void ResponseStream::whenClosed(QObject *context, std::function<void()> gone)
{
    if (!m_connection) {
        QMetaObject::invokeMethod(context, std::move(gone), Qt::QueuedConnection);
        return;
    }
    QObject::connect(m_connection.data(), &HttpConnection::closed, context, std::move(gone));
}

} // namespace gerbang::http
