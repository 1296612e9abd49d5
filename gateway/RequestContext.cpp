// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestContext.h"

#include "http/HttpRequest.h"

using namespace Qt::StringLiterals;

namespace gerbang {

const QList<SecretValue> &Sender::secrets() const
{
    static const QList<SecretValue> none;
    if (source)
        return source->secrets;
    return app ? app->appSecrets : none;
}

RequestContext RequestContext::resolve(const QByteArray &path,
                                       std::shared_ptr<const Directory> directory,
                                       const BodyLimits &limits)
{
    RequestContext c;
    c.route = Route::match(path);
    c.directory = std::move(directory);
    c.bodyLimit = limits.other;
    if (c.route.kind == Route::Kind::WhatsApp) {
        Sender s;
        s.provider = Provider::WhatsApp;
        s.scope = c.route.key.isEmpty() ? u"whatsapp"_s : u"whatsapp:"_s + c.route.key;
        // The default app exists even before it is configured: without a secret its
        // requests are refused with 503 (Meta retries), not 404.
        static const WhatsAppApp unconfigured;
        if (c.directory) {
            const auto it = c.directory->whatsappApps.constFind(c.route.key);
            if (it != c.directory->whatsappApps.constEnd())
                s.app = &*it;
        }
        if (!s.app && c.route.key.isEmpty())
            s.app = &unconfigured;
        c.sender = std::move(s);
        c.bodyLimit = limits.whatsapp;
    } else if (c.route.kind == Route::Kind::Provider) {
        Sender s;
        s.provider = fromWire<Provider>(c.route.provider).value_or(Provider::Standard);
        s.source = c.directory ? c.directory->findSource(c.route.provider, c.route.key) : nullptr;
        if (s.source) {
            s.scope = s.source->source.name;
            s.tenant = s.source->source.tenant;
            if (s.source->source.bodyLimit > 0)
                c.bodyLimit = s.source->source.bodyLimit;
        }
        c.sender = std::move(s);
    }
    return c;
}

RequestContext *RequestContext::of(http::HttpRequest &request)
{
    return std::any_cast<RequestContext>(&request.handlerState);
}

const RequestContext *RequestContext::of(const http::HttpRequest &request)
{
    return std::any_cast<RequestContext>(&request.handlerState);
}

} // namespace gerbang
