// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpRequest.h"
#include "config/Settings.h"

#include <QByteArray>

namespace gerbang::http {

struct ParserLimits
{
    // The request head, and separately the trailer section.
    int headerLimit = Settings::defaultInt(u"server/header_limit_bytes");
    int maxHeaders = 100;    // header lines, and separately trailer lines
    int maxChunkLine = 1024; // one chunk-size line with its extensions
};

// Frames HTTP/1.1 requests out of a byte stream, strictly by RFC 9112: request line, header
// fields, Content-Length or chunked body (chunk extensions and trailers checked against the
// grammar, never skipped). It owns no socket: HttpConnection feeds it what the client sent;
// the unit tests and the fuzz target feed it strings. Anything a proxy in front of us could
// frame differently is refused, never guessed at.
class HttpRequestParser
{
public:
    enum class Step
    {
        NeedMore,     // everything usable was consumed; feed more bytes
        HeadReady,    // the head is in: decide on it, then call startBody()
        MessageReady, // the whole request is in: takeRequest()
        Failed        // refuse with failureStatus() / failureReason(), and close
    };

    explicit HttpRequestParser(ParserLimits limits = {});

    // Consumes what it can from the front of `input` and stops at the next step.
    Step advance(QByteArray &input);
    // After HeadReady: accept at most `bodyLimit` body bytes. Fails with 413 (a declared
    // length over the limit) or 417 (an expectation other than 100-continue).
    Step startBody(qint64 bodyLimit);

    // The request being framed. Its head fields are valid from HeadReady on.
    HttpRequest &request() { return m_request; }
    // After MessageReady: the request; the parser then waits for the next head.
    HttpRequest takeRequest();

    // No byte of a request has been consumed (between requests).
    bool atMessageStart() const { return m_state == State::Head && m_scanFrom == 0; }
    bool keepAlive() const { return m_keepAlive; }
    // The client waits for "100 Continue" before it sends the body.
    bool wantsContinue() const { return m_wantsContinue; }
    int failureStatus() const { return m_failureStatus; }
    const QByteArray &failureReason() const { return m_failureReason; }

private:
    enum class State
    {
        Head,
        AwaitBody,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailer,
        Complete,
        Failed
    };

    Step fail(int status, QByteArrayView reason);
    Step parseHead(QByteArrayView head);
    Step readHead(QByteArray &input);
    Step readChunkSize(QByteArray &input);
    Step readTrailer(QByteArray &input);
    // Moves up to m_remaining bytes into the body; true once the fixed body or chunk is in.
    bool takeBodyBytes(QByteArray &input);
    enum class LineStatus
    {
        Complete,
        Incomplete,
        TooLong,
        Malformed // a bare LF or CR
    };
    // Takes the next CRLF-terminated line (at most `maxLength` bytes, without its CRLF) from
    // the front of `input`.
    static LineStatus takeLine(QByteArray &input, qsizetype maxLength, QByteArray *line);

    ParserLimits m_limits;
    State m_state = State::Head;
    HttpRequest m_request;
    qsizetype m_scanFrom = 0;
    bool m_chunked = false;
    qint64 m_contentLength = 0;
    qint64 m_bodyLimit = 0;
    qint64 m_remaining = 0; // bytes left of the fixed body or of the current chunk
    qint64 m_trailerBytes = 0;
    int m_trailerLines = 0;
    bool m_keepAlive = true;
    bool m_wantsContinue = false;
    int m_failureStatus = 0;
    QByteArray m_failureReason;
};

// RFC 9112 §7.1.1: chunk-size [ chunk-ext ], without the CRLF. Exposed for the tests.
bool parseChunkSizeLine(QByteArrayView line, qint64 *size);
// RFC 9110 §5.1/§5.5: field-name ":" OWS field-value OWS, with no obs-fold. `name` comes back
// in lower case, `value` trimmed.
bool parseFieldLine(QByteArrayView line, QByteArray *name, QByteArray *value);

} // namespace gerbang::http
