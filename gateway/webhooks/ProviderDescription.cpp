// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderDescription.h"

#include "providers/ProviderExtractors.h"
#include "verify/GenericSignature.h"
#include "verify/MidtransSignature.h"
#include "verify/StandardWebhooksSignature.h"
#include "verify/StripeSignature.h"
#include "verify/XenditToken.h"
#include "whatsapp/HubSignature.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

Extraction fromWhatsApp(const Sender &, const Directory &directory,
                        const http::HttpRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    Extraction out;
    if (!doc.isObject()) {
        out.error = parseError.error != QJsonParseError::NoError
                        ? u"invalid JSON at offset %1: %2"_s.arg(parseError.offset)
                              .arg(parseError.errorString())
                        : u"top level is not an object"_s;
        return out;
    }
    WhatsAppExtraction x = extractWhatsApp(
        doc.object(), [&directory](const QString &waba, const QString &phone, QString *key) {
            return directory.resolve(waba, phone, key);
        });
    out.ok = x.ok;
    out.error = std::move(x.error);
    out.events = std::move(x.events);
    out.unrouted = std::move(x.unrouted);
    return out;
}

// A payment or generic source: every event belongs to the source's tenant.
Extraction ofSource(ProviderExtraction x, const Sender &sender)
{
    Extraction out{x.ok, std::move(x.error), std::move(x.events), {}};
    const Source &source = sender.source->source;
    for (ExtractedEvent &e : out.events) {
        e.tenant = source.tenant;
        e.routingKey = u"source:"_s + source.name;
        // A source without a tenant deduplicates in a scope of its own.
        if (source.tenant.isEmpty())
            e.dedupKey = u"source:"_s + source.name + u':' + e.dedupKey;
    }
    return out;
}

Extraction fromStripe(const Sender &s, const Directory &, const http::HttpRequest &r)
{
    return ofSource(extractStripe(r), s);
}

Extraction fromMidtrans(const Sender &s, const Directory &, const http::HttpRequest &r)
{
    return ofSource(extractMidtrans(r), s);
}

Extraction fromXendit(const Sender &s, const Directory &, const http::HttpRequest &r)
{
    return ofSource(extractXendit(r), s);
}

Extraction fromGeneric(const Sender &s, const Directory &, const http::HttpRequest &r)
{
    return ofSource(extractGeneric(r, s.source->source.dedupField), s);
}

Extraction fromStandard(const Sender &s, const Directory &, const http::HttpRequest &r)
{
    return ofSource(extractStandardWebhooks(r), s);
}

constexpr QLatin1StringView kNoSecret = "no secret"_L1;

const ProviderDescription kDescriptions[] = {
    {Provider::WhatsApp, verifyWhatsAppSignature, fromWhatsApp, Outcome::NotFound, "unknown_app",
     false, "no WhatsApp app secret configured"_L1},
    {Provider::Stripe, verifyStripe, fromStripe, Outcome::UnknownSource, "unknown_source", true,
     kNoSecret},
    {Provider::Midtrans, verifyMidtrans, fromMidtrans, Outcome::UnknownSource, "unknown_source",
     true, kNoSecret},
    {Provider::Xendit, verifyXendit, fromXendit, Outcome::UnknownSource, "unknown_source", true,
     kNoSecret},
    {Provider::Generic, verifyGeneric, fromGeneric, Outcome::UnknownSource, "unknown_source", true,
     kNoSecret},
    {Provider::Standard, verifyStandardWebhooks, fromStandard, Outcome::UnknownSource,
     "unknown_source", true, kNoSecret},
};

} // namespace

const ProviderDescription &describe(Provider provider)
{
    for (const ProviderDescription &d : kDescriptions) {
        if (d.provider == provider)
            return d;
    }
    Q_UNREACHABLE();
    return kDescriptions[0];
}

} // namespace gerbang
