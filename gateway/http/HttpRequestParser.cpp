// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpRequestParser.h"

#include <algorithm>

namespace gerbang::http {
namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), isTokenChar);
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

bool hasControlChars(QByteArrayView v)
{
    return std::any_of(v.begin(), v.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

// Strict decimal parse of a Content-Length: digits only, no sign, no overflow.
bool parseLength(QByteArrayView v, qint64 *out)
{
    if (v.isEmpty() || v.size() > 18)
        return false;
    qint64 n = 0;
    for (char c : v) {
        if (c < '0' || c > '9')
            return false;
        n = n * 10 + (c - '0');
    }
    *out = n;
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isWhitespace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isWhitespace(v.back()))
        v.chop(1);
    return v;
}

qsizetype skipWhitespace(QByteArrayView v, qsizetype i)
{
    while (i < v.size() && isWhitespace(v[i]))
        ++i;
    return i;
}

qsizetype skipToken(QByteArrayView v, qsizetype i)
{
    while (i < v.size() && isTokenChar(v[i]))
        ++i;
    return i;
}

// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 §5.6.4). Returns the index
// after the closing quote, or -1.
qsizetype skipQuotedString(QByteArrayView v, qsizetype i)
{
    if (i >= v.size() || v[i] != '"')
        return -1;
    for (++i; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (c == '"')
            return i + 1;
        if (c == '\\') {
            if (++i >= v.size())
                return -1;
            const auto escaped = static_cast<unsigned char>(v[i]);
            if (escaped != '\t' && (escaped < 0x20 || escaped == 0x7f))
                return -1;
        } else if (c != '\t' && (c < 0x20 || c == 0x7f)) {
            return -1;
        }
    }
    return -1;
}

// The path a request is routed on. Percent-encoded '/' and unreserved characters are refused
// (RFC 3986 §2.3 says they mean the same as the plain character, so an encoding can only serve
// to get past a proxy rule that matches the plain path); the rest is decoded.
bool decodePath(QByteArrayView raw, QByteArray *path)
{
    path->clear();
    path->reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            path->append(raw[i]);
            continue;
        }
        if (i + 2 >= raw.size() || !isHexDigit(raw[i + 1]) || !isHexDigit(raw[i + 2]))
            return false;
        const char c = char(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || QByteArrayView("-._~").contains(c);
        if (unreserved || c == '/' || c == '\\' || c == '\0')
            return false;
        path->append(c);
        i += 2;
    }
    return true;
}

} // namespace

bool parseChunkSizeLine(QByteArrayView line, qint64 *size)
{
    // chunk-size = 1*HEXDIG; at most 15 digits, so that the size fits and means the same to
    // every parser (no sign, no "0x", no leading whitespace).
    const qsizetype digits = std::find_if_not(line.begin(), line.end(), isHexDigit) - line.begin();
    if (digits == 0 || digits > 15)
        return false;
    qint64 n = 0;
    for (qsizetype i = 0; i < digits; ++i)
        n = n * 16 + hexValue(line[i]);
    // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ), where
    // chunk-ext-val = token / quoted-string. Whitespace is allowed only around ';' and '='.
    qsizetype i = digits;
    while (i < line.size()) {
        i = skipWhitespace(line, i);
        if (i >= line.size() || line[i] != ';')
            return false;
        i = skipWhitespace(line, i + 1);
        const qsizetype nameEnd = skipToken(line, i);
        if (nameEnd == i)
            return false;
        i = nameEnd;
        const qsizetype eq = skipWhitespace(line, i);
        if (eq < line.size() && line[eq] == '=') {
            const qsizetype value = skipWhitespace(line, eq + 1);
            const qsizetype valueEnd = value < line.size() && line[value] == '"'
                                           ? skipQuotedString(line, value)
                                           : skipToken(line, value);
            if (valueEnd <= value)
                return false;
            i = valueEnd;
        }
    }
    *size = n;
    return true;
}

bool parseFieldLine(QByteArrayView line, QByteArray *name, QByteArray *value)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return false; // also a line that starts with whitespace: obs-fold, refused
    const QByteArrayView v = trimmed(line.sliced(colon + 1));
    if (hasControlChars(v))
        return false;
    *name = line.first(colon).toByteArray().toLower();
    *value = v.toByteArray();
    return true;
}

HttpRequestParser::HttpRequestParser(ParserLimits limits)
    : m_limits(limits)
{
}

HttpRequestParser::Step HttpRequestParser::fail(int status, QByteArrayView reason)
{
    m_state = State::Failed;
    m_failureStatus = status;
    m_failureReason = reason.toByteArray();
    return Step::Failed;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest r = std::exchange(m_request, HttpRequest());
    m_state = State::Head;
    m_scanFrom = 0;
    m_chunked = false;
    m_contentLength = 0;
    m_remaining = 0;
    m_trailerBytes = 0;
    m_trailerLines = 0;
    m_wantsContinue = false;
    return r;
}

HttpRequestParser::LineStatus HttpRequestParser::takeLine(QByteArray &input, qsizetype maxLength,
                                                          QByteArray *line)
{
    const qsizetype lf = input.indexOf('\n');
    if (lf < 0)
        return input.size() > maxLength ? LineStatus::TooLong : LineStatus::Incomplete;
    if (lf - 1 > maxLength)
        return LineStatus::TooLong;
    // A bare LF or CR ends a line for some parsers and not for others: a smuggling vector.
    if (lf == 0 || input[lf - 1] != '\r' || QByteArrayView(input).first(lf - 1).contains('\r'))
        return LineStatus::Malformed;
    *line = input.first(lf - 1);
    input.remove(0, lf + 1);
    return LineStatus::Complete;
}

bool HttpRequestParser::takeBodyBytes(QByteArray &input)
{
    const qint64 take = std::min<qint64>(m_remaining, input.size());
    m_request.body.append(input.constData(), take);
    input.remove(0, take);
    m_remaining -= take;
    return m_remaining == 0;
}

HttpRequestParser::Step HttpRequestParser::advance(QByteArray &input)
{
    for (;;) {
        switch (m_state) {
        case State::Head: {
            const Step s = readHead(input);
            if (s != Step::NeedMore || m_state == State::Head)
                return s;
            break;
        }
        case State::AwaitBody:
            return Step::HeadReady;
        case State::Body:
            if (!takeBodyBytes(input))
                return Step::NeedMore;
            m_state = State::Complete;
            break;
        case State::ChunkSize: {
            const Step s = readChunkSize(input);
            if (s != Step::NeedMore || m_state == State::ChunkSize)
                return s;
            break;
        }
        case State::ChunkData:
            if (!takeBodyBytes(input))
                return Step::NeedMore;
            m_state = State::ChunkDataEnd;
            break;
        case State::ChunkDataEnd:
            if (input.size() < 2)
                return input.isEmpty() || input[0] == '\r' ? Step::NeedMore
                                                           : fail(400, "bad_chunk");
            if (!input.startsWith("\r\n"))
                return fail(400, "bad_chunk");
            input.remove(0, 2);
            m_state = State::ChunkSize;
            break;
        case State::Trailer: {
            const Step s = readTrailer(input);
            if (s != Step::NeedMore || m_state == State::Trailer)
                return s;
            break;
        }
        case State::Complete:
            return Step::MessageReady;
        case State::Failed:
            return Step::Failed;
        }
    }
}

HttpRequestParser::Step HttpRequestParser::readHead(QByteArray &input)
{
    const qsizetype end = input.indexOf("\r\n\r\n", std::max<qsizetype>(0, m_scanFrom - 3));
    if (end < 0) {
        if (input.size() > m_limits.headerLimit)
            return fail(431, "header_too_large");
        m_scanFrom = input.size();
        return Step::NeedMore;
    }
    if (end + 4 > m_limits.headerLimit)
        return fail(431, "header_too_large");
    const Step s = parseHead(QByteArrayView(input.constData(), end));
    if (s == Step::Failed)
        return s;
    input.remove(0, end + 4);
    m_scanFrom = 0;
    m_state = State::AwaitBody;
    return Step::HeadReady;
}

HttpRequestParser::Step HttpRequestParser::parseHead(QByteArrayView head)
{
    HttpRequest &r = m_request;
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);

    // request-line = method SP request-target SP HTTP-version
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, "bad_request_line");
    r.method = requestLine.first(sp1).toByteArray();
    r.target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(r.method) || r.method.size() > 16)
        return fail(400, "bad_method");
    if (r.target.isEmpty() || r.target.front() != '/' || hasControlChars(r.target) ||
        r.target.contains(' '))
        return fail(400, "bad_target");
    if (version == "HTTP/1.1")
        r.versionMinor = 1;
    else if (version == "HTTP/1.0")
        r.versionMinor = 0;
    else
        return fail(505, "http_version_not_supported");
    const qsizetype q = r.target.indexOf('?');
    if (!decodePath(QByteArrayView(r.target).first(q < 0 ? r.target.size() : q), &r.path))
        return fail(400, "bad_target");
    r.query = q < 0 ? QByteArray() : r.target.mid(q + 1);

    qsizetype pos = lineEnd < 0 ? head.size() : lineEnd + 2;
    while (pos < head.size()) {
        qsizetype eol = head.indexOf("\r\n", pos);
        if (eol < 0)
            eol = head.size();
        const QByteArrayView line = head.sliced(pos, eol - pos);
        pos = eol + 2;
        if (!line.isEmpty() && isWhitespace(line.front()))
            return fail(400, "obsolete_line_folding"); // a classic smuggling vector: refuse
        QByteArray name;
        QByteArray value;
        if (!parseFieldLine(line, &name, &value))
            return fail(400, "bad_header");
        if (r.headers.size() >= m_limits.maxHeaders)
            return fail(431, "too_many_headers");
        r.headers.append({std::move(name), std::move(value)});
    }

    if (r.versionMinor == 1 && r.headerCount("host") != 1)
        return fail(400, "missing_host");
    const QByteArray connection = r.header("connection").toLower();
    m_keepAlive =
        r.versionMinor == 1 ? !connection.contains("close") : connection.contains("keep-alive");

    // Framing: exactly one of Content-Length or Transfer-Encoding: chunked, never both and
    // never conflicting duplicates (request smuggling). HTTP/1.0 has no chunked coding: a
    // Transfer-Encoding there means the framing is faulty (RFC 9112 §6.1).
    const int clCount = r.headerCount("content-length");
    const QByteArray te = r.header("transfer-encoding").toLower();
    m_chunked = !te.isNull();
    m_contentLength = 0;
    if (m_chunked) {
        if (clCount > 0 || r.headerCount("transfer-encoding") > 1 || te != "chunked" ||
            r.versionMinor == 0)
            return fail(400, "bad_framing");
    } else if (clCount > 0) {
        QByteArray first;
        for (const auto &[name, value] : r.headers) {
            if (name != "content-length")
                continue;
            if (!first.isNull() && value != first)
                return fail(400, "bad_framing");
            first = value;
        }
        if (!parseLength(first, &m_contentLength))
            return fail(400, "bad_content_length");
    }
    return Step::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::startBody(qint64 bodyLimit)
{
    Q_ASSERT(m_state == State::AwaitBody);
    m_bodyLimit = bodyLimit;
    if (m_contentLength > m_bodyLimit)
        return fail(413, "body_too_large");
    const QByteArray expect = m_request.header("expect").toLower();
    if (!expect.isNull() && expect != "100-continue")
        return fail(417, "expectation_failed");
    m_wantsContinue =
        !expect.isNull() && m_request.versionMinor == 1 && (m_contentLength > 0 || m_chunked);
    if (m_chunked) {
        m_state = State::ChunkSize;
    } else {
        m_remaining = m_contentLength;
        m_request.body.reserve(m_contentLength);
        m_state = m_contentLength > 0 ? State::Body : State::Complete;
    }
    return Step::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::readChunkSize(QByteArray &input)
{
    QByteArray line;
    switch (takeLine(input, m_limits.maxChunkLine, &line)) {
    case LineStatus::Incomplete:
        return Step::NeedMore;
    case LineStatus::TooLong:
    case LineStatus::Malformed:
        return fail(400, "bad_chunk");
    case LineStatus::Complete:
        break;
    }
    qint64 size = 0;
    if (!parseChunkSizeLine(line, &size))
        return fail(400, "bad_chunk");
    if (size == 0) {
        m_state = State::Trailer;
        return Step::NeedMore;
    }
    if (m_request.body.size() + size > m_bodyLimit)
        return fail(413, "body_too_large");
    m_remaining = size;
    m_state = State::ChunkData;
    return Step::NeedMore;
}

HttpRequestParser::Step HttpRequestParser::readTrailer(QByteArray &input)
{
    // trailer-section = *( field-line CRLF ), then the empty line. Trailer fields are checked
    // like header fields and then dropped: nothing downstream may depend on them.
    for (;;) {
        QByteArray line;
        switch (takeLine(input, m_limits.headerLimit - m_trailerBytes, &line)) {
        case LineStatus::Incomplete:
            return Step::NeedMore;
        case LineStatus::TooLong:
            return fail(431, "header_too_large");
        case LineStatus::Malformed:
            return fail(400, "bad_trailer");
        case LineStatus::Complete:
            break;
        }
        if (line.isEmpty()) {
            m_state = State::Complete;
            return Step::NeedMore;
        }
        m_trailerBytes += line.size() + 2;
        if (++m_trailerLines > m_limits.maxHeaders)
            return fail(431, "too_many_headers");
        QByteArray name;
        QByteArray value;
        if (!parseFieldLine(line, &name, &value))
            return fail(400, "bad_trailer");
    }
}

} // namespace gerbang::http
