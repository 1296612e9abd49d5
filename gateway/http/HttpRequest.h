// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <any>
#include <utility>

namespace gerbang::http {

// One fully framed HTTP/1.1 request. Header names are lower-cased; the body holds the exact
// bytes received (after de-chunking), which is what signatures are computed over.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: path plus optional query
    QByteArray path;   // percent-decoded path, no query
    QByteArray query;  // raw query string, without '?'
    int versionMinor = 1;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    quint16 peerPort = 0;
    // The client the request comes from (peer, or X-Forwarded-For behind a trusted proxy), set
    // by the handler's admission check; null until then.
    QHostAddress client;
    // Subject of the client's verified TLS certificate ("CN=…,O=…") on a mutual-TLS
    // connection; empty otherwise. Goes into the audit row.
    QString clientCertificateSubject;
    // The connection presented a client certificate that chains to the configured CA (and has
    // the configured CN). Per-route mutual TLS: routes that require one check this.
    bool clientCertificateVerified = false;
    // Why it is not verified ("no client certificate", the CA or CN refusal with the presented
    // subject); empty when verified or when mutual TLS is off.
    QString clientCertificateProblem;
    qint64 receivedAtMs = 0; // wall clock, UTC, when the request head was complete
    qint64 startedNs = 0;    // monotonic clock, for processing time
    // What the handler worked out from the head at admission (route, sender, limits), carried
    // with the request to handle() so that nothing is looked up twice. The transport only
    // carries it.
    std::any handlerState;

    // First value of a header (name in lower case), or a null array.
    QByteArray header(QByteArrayView lowerName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerName)
                return value;
        }
        return {};
    }
    // Every line of a list-valued header, joined with ", " in the order received: RFC 9110
    // §5.3 makes several lines of one field the same as one comma-separated line.
    QByteArray headerList(QByteArrayView lowerName) const
    {
        QByteArray joined;
        for (const auto &[name, value] : headers) {
            if (name != lowerName)
                continue;
            if (!joined.isNull())
                joined += ", ";
            joined += value;
        }
        return joined;
    }
    int headerCount(QByteArrayView lowerName) const
    {
        int n = 0;
        for (const auto &h : headers)
            n += h.first == lowerName ? 1 : 0;
        return n;
    }
};

} // namespace gerbang::http
