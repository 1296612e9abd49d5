// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the HTTP/1.1 request parser (request line, headers, Content-Length and
// chunked bodies, chunk extensions, trailers), checked differentially:
//   - the same bytes framed the same way however they arrive (all at once, one byte at a
//     time, or in pieces of a size the input chooses), as a connection sees them;
//   - every request it accepts, written out again in plain form (Content-Length), parses back
//     to the same method, target, headers and body;
//   - no body over the limit, never both framings.
#include "ParseStream.h"

#include <cstdint>
#include <cstdlib>

using namespace gerbang;

namespace {

constexpr qint64 kBodyLimit = 4096;

void check(bool condition)
{
    if (!condition)
        abort();
}

bool sameRequests(const test::ParsedStream &a, const test::ParsedStream &b)
{
    if (a.failureStatus != b.failureStatus || a.requests.size() != b.requests.size())
        return false;
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        const http::HttpRequest &x = a.requests[i];
        const http::HttpRequest &y = b.requests[i];
        if (x.method != y.method || x.target != y.target || x.path != y.path ||
            x.headers != y.headers || x.body != y.body || x.versionMinor != y.versionMinor)
            return false;
    }
    return true;
}

QByteArray plainForm(const http::HttpRequest &r)
{
    QByteArray out = r.method + ' ' + r.target + (r.versionMinor == 1 ? " HTTP/1.1" : " HTTP/1.0");
    out += "\r\n";
    for (const auto &[name, value] : r.headers) {
        if (name == "transfer-encoding" || name == "content-length")
            continue;
        out += name + ": " + value + "\r\n";
    }
    out += "content-length: " + QByteArray::number(r.body.size()) + "\r\n\r\n" + r.body;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype step = qsizetype(data[0] % 16) + 1;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const test::ParsedStream whole = test::parseStream(bytes, 0, kBodyLimit);
    check(sameRequests(whole, test::parseStream(bytes, 1, kBodyLimit)));
    check(sameRequests(whole, test::parseStream(bytes, step, kBodyLimit)));

    for (const http::HttpRequest &r : whole.requests) {
        check(r.body.size() <= kBodyLimit);
        check(!(r.headerCount("content-length") > 0 && r.headerCount("transfer-encoding") > 0));
        check(!r.path.isEmpty() && r.path.front() == '/');
        // Room for what the plain form adds (a space after each colon, one Content-Length).
        const test::ParsedStream again =
            test::parseStream(plainForm(r), 0, kBodyLimit, http::ParserLimits{1 << 20, 1000});
        check(again.failureStatus == 0 && again.requests.size() == 1);
        const http::HttpRequest &back = again.requests.first();
        check(back.method == r.method && back.target == r.target && back.path == r.path &&
              back.body == r.body);
    }
    return 0;
}
