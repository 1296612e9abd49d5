// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventStream.h"

#include "HttpConnection.h"

namespace gerbang::http {

EventStream::EventStream(HttpConnection *connection)
    : m_connection(connection)
{
}

EventStream::~EventStream()
{
    if (m_connection)
        m_connection->endStream();
}

bool EventStream::isOpen() const
{
    return m_connection && m_connection->isStreaming();
}

bool EventStream::send(QByteArrayView name, QByteArrayView data)
{
    Q_ASSERT(!name.contains('\n') && !data.contains('\n'));
    QByteArray bytes;
    bytes.reserve(name.size() + data.size() + 16);
    bytes.append("event: ").append(name).append("\ndata: ").append(data).append("\n\n");
    return write(bytes);
}

bool EventStream::keepAlive()
{
    return write(QByteArrayLiteral(": keep-alive\n\n"));
}

bool EventStream::write(const QByteArray &bytes)
{
    return m_connection && m_connection->streamWrite(bytes);
}

} // namespace gerbang::http
