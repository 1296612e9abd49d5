// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the normalizers, fed the events the WhatsApp extractor finds in the input
// (so locators are realistic) and the whole body as a payment provider's event.
#include "FuzzRequest.h"
#include "normalize/Normalizer.h"
#include "whatsapp/WhatsAppExtractor.h"

using namespace gerbang;

namespace {

void check(const WebhookEvent &event, const QByteArray &body, const QByteArray &key)
{
    const NormalizeResult r = normalizeEvent(event, body, key);
    if (r.ok && !r.normalized.value(QStringLiteral("id")).toString().startsWith(u"gev_"))
        abort(); // every normalized object carries its stable id
    if (!r.ok && r.error.isEmpty())
        abort(); // a refusal always says why
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Input in = fuzz::parse(data, size);
    const QByteArray &body = in.request.body;
    const QByteArray key(32, '\x2a');
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const TenantResolver resolve = [](const QString &, const QString &, QString *routingKey) {
            *routingKey = QStringLiteral("waba:1");
            return QStringLiteral("tenant");
        };
        const WhatsAppExtraction x = extractWhatsApp(doc.object(), resolve);
        for (const ExtractedEvent &e : x.events) {
            WebhookEvent event;
            event.id = QStringLiteral("ev_fuzz");
            event.tenant = e.tenant;
            event.provider = QStringLiteral("whatsapp");
            event.type = e.type;
            event.providerEventId = e.providerEventId;
            event.dedupKey = e.dedupKey;
            event.rawRef = QStringLiteral("raw_fuzz");
            event.locator = e.locator;
            event.receivedAtMs = 1'767'225'601'000;
            check(event, body, key);
        }
    }
    for (const char *provider : {"stripe", "midtrans", "xendit", "generic", "standard"}) {
        WebhookEvent event;
        event.id = QStringLiteral("ev_fuzz");
        event.tenant = QStringLiteral("tenant");
        event.provider = QString::fromLatin1(provider);
        event.type = QStringLiteral("payment");
        event.providerEventId = QStringLiteral("evt_1");
        event.dedupKey = QStringLiteral("evt_1");
        event.rawRef = QStringLiteral("raw_fuzz");
        event.receivedAtMs = 1'767'225'601'000;
        check(event, body, key);
    }
    return 0;
}
