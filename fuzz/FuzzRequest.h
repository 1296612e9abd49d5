// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>

// One fuzz input is a tiny HTTP message: "name: value" lines, an empty line, then the body
// (no empty line: everything is headers). Header names are lower-cased as HttpConnection
// does. Headers named x-fuzz-* steer the harness instead (clock, tolerance, JSON pointer), so
// the fuzzer can reach the timestamp and pointer paths too.
namespace gerbang::fuzz {

struct Input
{
    QByteArray raw;
    http::HttpRequest request;
    qint64 nowSecs = 1767226010;
    int toleranceSecs = 300;
    QByteArray pointer;
};

inline Input parse(const uint8_t *data, size_t size)
{
    Input in;
    in.raw = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray &raw = in.raw;
    qsizetype pos = 0;
    while (pos < raw.size()) {
        qsizetype eol = raw.indexOf('\n', pos);
        if (eol < 0)
            eol = raw.size();
        const QByteArray line = raw.mid(pos, eol - pos);
        pos = eol + 1;
        if (line.isEmpty()) {
            in.request.body = raw.mid(pos);
            break;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = (colon < 0 ? line : line.left(colon)).trimmed().toLower();
        const QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1).trimmed();
        if (name == "x-fuzz-now") // a real clock: 0 .. year 2100 and then some
            in.nowSecs = qBound(qint64(0), value.toLongLong(), qint64(1) << 40);
        else if (name == "x-fuzz-tolerance")
            in.toleranceSecs = value.toInt();
        else if (name == "x-fuzz-pointer")
            in.pointer = value;
        else
            in.request.headers.append({name, value});
    }
    return in;
}

// The invariants every verifier must keep whatever the input.
inline void checkResult(const Input &in, int matchedSecret, const QJsonObject &diagnostics,
                        const QList<QByteArray> &secrets, bool valid)
{
    if (valid != (matchedSecret >= 0))
        abort(); // a secret is named exactly when the request is accepted
    if (matchedSecret >= secrets.size() || (matchedSecret >= 0 && secrets[matchedSecret].isEmpty()))
        abort(); // an empty secret never matches
    const QByteArray text = QJsonDocument(diagnostics).toJson(QJsonDocument::Compact);
    for (const QByteArray &s : secrets) {
        // Diagnostics never carry a secret (unless the input itself did, e.g. as content type).
        if (s.size() >= 8 && text.contains(s) && !in.raw.contains(s))
            abort();
    }
}

} // namespace gerbang::fuzz
