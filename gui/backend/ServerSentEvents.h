// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace gerbang {

// Reads a text/event-stream as it arrives, in pieces of any size: "event:" and "data:" lines,
// an event ending at an empty line (the WHATWG rules the gateway's live channel follows;
// comments and "id:"/"retry:" lines are skipped). A line longer than the limit ends the
// stream: a gateway never sends one, something else is talking.
class ServerSentEvents
{
public:
    struct Event
    {
        QByteArray name = "message";
        QByteArray data;
    };
    static constexpr qsizetype kMaxLine = 4 << 20;

    // The events that `bytes` completed. False when the stream broke the limit.
    bool feed(const QByteArray &bytes, QList<Event> *complete);
    void reset();

private:
    QByteArray m_buffer;
    Event m_current;
    bool m_hasData = false;
};

} // namespace gerbang
