// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerSentEvents.h"

namespace gerbang {

bool ServerSentEvents::feed(const QByteArray &bytes, QList<Event> *complete)
{
    m_buffer += bytes;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_buffer.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArray line = m_buffer.mid(start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            if (m_hasData)
                complete->append(m_current);
            m_current = Event{};
            m_hasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "event") {
            m_current.name = value;
        } else if (field == "data") {
            if (m_hasData)
                m_current.data += '\n';
            m_current.data += value;
            m_hasData = true;
        }
    }
    m_buffer.remove(0, start);
    return m_buffer.size() <= kMaxLine && m_current.data.size() <= kMaxLine;
}

void ServerSentEvents::reset()
{
    m_buffer.clear();
    m_current = Event{};
    m_hasData = false;
}

} // namespace gerbang
