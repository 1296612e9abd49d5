// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/HttpRequestParser.h"

#include <QList>
#include <algorithm>

// Drives an HttpRequestParser over a whole byte stream as HttpConnection does, for the unit
// tests and the fuzz target: every head is accepted with `bodyLimit`.
namespace gerbang::test {

struct ParsedStream
{
    QList<http::HttpRequest> requests;
    int failureStatus = 0; // 0: no failure
    QByteArray failureReason;
    qsizetype unconsumed = 0; // bytes left over (an incomplete request)
};

// Feeds `bytes` in pieces of `step` bytes (0: all at once).
inline ParsedStream parseStream(const QByteArray &bytes, qsizetype step, qint64 bodyLimit = 1024,
                                http::ParserLimits limits = {})
{
    http::HttpRequestParser parser(limits);
    ParsedStream out;
    QByteArray buffer;
    const qsizetype piece = step <= 0 ? std::max<qsizetype>(1, bytes.size()) : step;
    for (qsizetype fed = 0; fed < bytes.size() || fed == 0;) {
        buffer.append(bytes.mid(fed, piece));
        fed += piece;
        for (bool more = true; more;) {
            switch (parser.advance(buffer)) {
            case http::HttpRequestParser::Step::NeedMore:
                more = false;
                break;
            case http::HttpRequestParser::Step::HeadReady:
                if (parser.startBody(bodyLimit) == http::HttpRequestParser::Step::Failed) {
                    out.failureStatus = parser.failureStatus();
                    out.failureReason = parser.failureReason();
                    return out;
                }
                break;
            case http::HttpRequestParser::Step::MessageReady:
                out.requests << parser.takeRequest();
                break;
            case http::HttpRequestParser::Step::Failed:
                out.failureStatus = parser.failureStatus();
                out.failureReason = parser.failureReason();
                return out;
            }
        }
        if (bytes.isEmpty())
            break;
    }
    out.unconsumed = buffer.size();
    return out;
}

} // namespace gerbang::test
