// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the WhatsApp Cloud API payload extractor
#include "FuzzRequest.h"
#include "whatsapp/WhatsAppExtractor.h"

using namespace gerbang;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fuzz::Input in = fuzz::parse(data, size);
    const QJsonDocument doc = QJsonDocument::fromJson(in.request.body);
    if (!doc.isObject())
        return 0;
    // Every WABA routes to a tenant except one, so both paths are exercised.
    const TenantResolver resolve = [](const QString &waba, const QString &, QString *routingKey) {
        if (waba == u"100000000000002")
            return QString();
        *routingKey = QStringLiteral("waba:") + waba;
        return QStringLiteral("tenant");
    };
    const WhatsAppExtraction x = extractWhatsApp(doc.object(), resolve);
    if (!x.ok && x.error.isEmpty())
        abort(); // a refusal always says why
    return 0;
}
