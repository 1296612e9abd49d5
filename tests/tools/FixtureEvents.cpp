// SPDX-License-Identifier: GPL-3.0-or-later
#include "FixtureEvents.h"

#include "crypto/Crypto.h"
#include "http/HttpRequest.h"
#include "providers/ProviderExtractors.h"
#include "whatsapp/WhatsAppExtractor.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gerbang::test {
namespace {

constexpr qint64 kReceivedAtMs = 1767229200000; // 2026-01-01T01:00:00Z

// Headers of the Standard Webhooks sample (FIXTURES.md).
constexpr QByteArrayView kStandardWebhookId = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
constexpr QByteArrayView kStandardWebhookTimestamp = "1674087231";

QList<ExtractedEvent> extract(const QString &provider, const QByteArray &payload, QString *error)
{
    http::HttpRequest request;
    request.method = "POST";
    request.body = payload;
    ProviderExtraction p;
    if (provider == u"whatsapp"_s) {
        const QJsonObject root = QJsonDocument::fromJson(payload).object();
        const auto resolve = [](const QString &waba, const QString &, QString *routingKey) {
            *routingKey = u"waba:"_s + waba;
            if (waba == u"100000000000001"_s)
                return kFixtureTenantA.toString();
            if (waba == u"100000000000002"_s)
                return kFixtureTenantB.toString();
            return QString();
        };
        const WhatsAppExtraction w = extractWhatsApp(root, resolve);
        p.ok = w.ok && w.unrouted.isEmpty();
        p.error = w.unrouted.isEmpty() ? w.error : u"a change has no tenant"_s;
        p.events = w.events;
    } else if (provider == u"stripe"_s) {
        p = extractStripe(request);
    } else if (provider == u"midtrans"_s) {
        p = extractMidtrans(request);
    } else if (provider == u"xendit"_s) {
        p = extractXendit(request);
    } else if (provider == u"generic"_s) {
        p = extractGeneric(request, u"/id"_s);
    } else if (provider == u"standard"_s) {
        request.headers = {{"webhook-id", kStandardWebhookId.toByteArray()},
                           {"webhook-timestamp", kStandardWebhookTimestamp.toByteArray()}};
        p = extractStandardWebhooks(request);
    } else {
        p.error = u"no provider for this file name"_s;
    }
    if (!p.ok)
        *error = p.error;
    return p.ok ? p.events : QList<ExtractedEvent>();
}

} // namespace

QByteArray fixtureSenderKey(const QString &tenant)
{
    return crypto::sha256(QByteArray("gerbang-test-sender-key:" + tenant.toUtf8()));
}

QString fixtureProvider(const QString &fileName)
{
    static const QList<std::pair<QString, QString>> prefixes{
        {u"wa_"_s, u"whatsapp"_s},       {u"stripe_"_s, u"stripe"_s},
        {u"midtrans_"_s, u"midtrans"_s}, {u"xendit_"_s, u"xendit"_s},
        {u"generic_"_s, u"generic"_s},   {u"standard_webhooks_"_s, u"standard"_s},
    };
    for (const auto &[prefix, provider] : prefixes) {
        if (fileName.startsWith(prefix))
            return provider;
    }
    return {};
}

FixtureEvents fixtureEvents(const QString &fileName, const QByteArray &payload)
{
    FixtureEvents out;
    const QString provider = fixtureProvider(QFileInfo(fileName).fileName());
    const QList<ExtractedEvent> extracted = extract(provider, payload, &out.error);
    if (!out.error.isEmpty())
        return out;
    const QString base = QFileInfo(fileName).completeBaseName();
    for (qsizetype i = 0; i < extracted.size(); ++i) {
        const ExtractedEvent &e = extracted[i];
        WebhookEvent row;
        row.id = u"ev_%1_%2"_s.arg(base).arg(i);
        // Payment and generic routes carry the tenant; the extractor leaves it to the endpoint.
        row.tenant = e.tenant.isEmpty() ? kFixtureTenantA.toString() : e.tenant;
        row.provider = provider;
        row.type = e.type;
        row.providerEventId = e.providerEventId;
        row.dedupKey = e.dedupKey;
        row.rawRef = u"raw_"_s + base;
        row.locator = e.locator;
        row.receivedAtMs = kReceivedAtMs;
        row.occurredAtMs = e.occurredAtMs;
        row.routingKey = e.routingKey;
        out.events << row;
    }
    out.ok = true;
    return out;
}

QStringList fixtureFiles(const QString &dataDir)
{
    QStringList files = QDir(dataDir).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    const QStringList handWritten =
        QDir(dataDir + u"/normalizer"_s).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : handWritten)
        files << u"normalizer/"_s + name;
    return files;
}

} // namespace gerbang::test
