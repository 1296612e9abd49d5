// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"
#include "Routes.h"
#include "domain/Vocabulary.h"

#include <QJsonObject>
#include <memory>
#include <optional>

namespace gerbang {

namespace http {
struct HttpRequest;
}

// Who a webhook route belongs to, as the directory said when the request's head came in.
struct Sender
{
    Provider provider = Provider::WhatsApp;
    // The name allowlists, alerts and per-route mutual TLS know the sender by: "whatsapp",
    // "whatsapp:APP" or the provider source's name. Empty for an unknown source.
    QString scope;
    // A payment or generic source's tenant; empty for WhatsApp (each change routes itself).
    QString tenant;
    const SourceEntry *source = nullptr; // stripe, midtrans, xendit, generic, standard
    const WhatsAppApp *app = nullptr;    // whatsapp; the default app always exists
    bool known() const { return source || app; }
    // Answered on a failed signature (a source may choose it; Meta gets 401).
    int failureStatus() const { return source ? source->source.failureStatus : 401; }
    // How far a timestamped scheme's clock may be from ours.
    int toleranceSecs() const
    {
        return source && source->source.toleranceSecs > 0 ? source->source.toleranceSecs : 300;
    }
    // Current first, then the previous one during a rotation; empty when none is configured.
    const QList<SecretValue> &secrets() const;
};

// Everything about a request that follows from its head, worked out once at admission and
// carried with it (HttpRequest::handlerState) through the edge checks, the body limit, the
// endpoint and the audit row.
struct RequestContext
{
    Route route;
    // The snapshot every step reads: a reload between the head and the body cannot route one
    // request by two configurations. It also keeps `sender`'s pointers alive.
    std::shared_ptr<const Directory> directory;
    std::optional<Sender> sender; // webhook routes only
    qint64 bodyLimit = 0;
    // The audit row's detail, built up as a structure and serialized once, when the row is
    // handed to the store.
    QJsonObject detail;
    // A verified test event (domain/TestEvent.h): never counted as the source's traffic.
    bool test = false;

    struct BodyLimits
    {
        qint64 whatsapp = 0;
        qint64 other = 0;
    };
    static RequestContext resolve(const QByteArray &path,
                                  std::shared_ptr<const Directory> directory,
                                  const BodyLimits &limits);
    // The context admission left on `request`, or null (a request refused before it).
    static RequestContext *of(http::HttpRequest &request);
    static const RequestContext *of(const http::HttpRequest &request);
};

} // namespace gerbang
