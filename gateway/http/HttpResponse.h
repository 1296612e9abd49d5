// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <utility>

namespace gerbang::http {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeConnection = false;

    // Short JSON error body, e.g. {"error":"invalid_signature"}. `code` is a fixed token and
    // never carries request data or secrets.
    static HttpResponse error(int status, QByteArrayView code)
    {
        HttpResponse r;
        r.status = status;
        r.body = QByteArray("{\"error\":\"") + code + "\"}";
        return r;
    }
    static HttpResponse json(int status, QByteArray body)
    {
        HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        return r;
    }
    static HttpResponse text(int status, QByteArray body)
    {
        HttpResponse r;
        r.status = status;
        r.contentType = "text/plain; charset=utf-8";
        r.body = std::move(body);
        return r;
    }

    // `headOnly`: the answer to a HEAD request: same headers, no body.
    QByteArray serialize(bool keepAlive, bool headOnly = false) const;
};

QByteArrayView reasonPhrase(int status);

} // namespace gerbang::http
