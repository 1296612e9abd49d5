// SPDX-License-Identifier: GPL-3.0-or-later
#include "Normalizer.h"

#include "NormalizeSupport.h"
#include "ProviderEventNormalizer.h"
#include "WhatsAppMessageNormalizer.h"
#include "WhatsAppStatusNormalizer.h"
#include "crypto/Crypto.h"
#include "domain/Source.h"
#include "domain/TestEvent.h"
#include "domain/Vocabulary.h"
#include "providers/JsonPointer.h"

#include <QJsonDocument>
#include <QSet>
#include <exception>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr qsizetype kSenderKeySize = 32;
constexpr qsizetype kIdChars = 26;

// RFC 4648 base32, lower case, no padding.
QString base32(QByteArrayView bytes)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    out.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (char c : bytes) {
        buffer = (buffer << 8) | quint8(c);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

const QSet<QString> &paymentAndGenericProviders()
{
    static const QSet<QString> names(Source::providers().cbegin(), Source::providers().cend());
    return names;
}

NormalizeResult normalizeWhatsApp(const normalize::Input &in)
{
    if (in.senderKey.size() != kSenderKeySize)
        return normalize::failure(u"the tenant's sender-hash key must be 32 bytes"_s);
    normalize::WhatsAppPlace place;
    if (!normalize::whatsAppPlace(in.root, in.event.locator, &place))
        return normalize::failure(u"the locator does not point into entry[].changes[]"_s);
    if (in.event.type.startsWith(u"message."_s))
        return normalize::normalizeWhatsAppMessage(in, place);
    if (in.event.type.startsWith(u"status."_s))
        return normalize::normalizeWhatsAppStatus(in, place);
    return normalize::normalizeWhatsAppChange(in, place);
}

struct ParsedPayload
{
    bool valid = false;
    QByteArray bytes;
    QJsonValue root;
    QString error;
};

// One WhatsApp POST batches up to 1,000 updates in up to 3 MB, and the delivery worker
// normalizes its events one after the other. Parsing the payload once per thread instead of
// once per event keeps a batch linear instead of quadratic. Comparing the bytes (a memcmp)
// costs far less than parsing them.
const ParsedPayload &parsed(const QByteArray &payload)
{
    thread_local ParsedPayload last;
    if (last.valid && last.bytes == payload)
        return last;
    last = ParsedPayload{true, payload, QJsonValue(), QString()};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &err);
    if (err.error != QJsonParseError::NoError)
        last.error =
            u"payload is not valid JSON (%1 at offset %2)"_s.arg(err.errorString()).arg(err.offset);
    else
        last.root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    return last;
}

NormalizeResult normalizeParsed(const WebhookEvent &event, const QByteArray &payload,
                                const QByteArray &senderKey)
{
    const bool whatsapp = event.provider == u"whatsapp"_s;
    if (!whatsapp && !paymentAndGenericProviders().contains(event.provider))
        return normalize::failure(u"unknown provider"_s);
    const ParsedPayload &doc = parsed(payload);
    if (!doc.error.isEmpty())
        return normalize::failure(doc.error);
    QJsonValue original;
    if (!resolveJsonPointer(doc.root, event.locator, &original))
        return normalize::failure(u"the locator names nothing in the payload"_s);
    const normalize::Input in{event, original, doc.root, senderKey};
    NormalizeResult result =
        whatsapp ? normalizeWhatsApp(in) : normalize::normalizeProviderEvent(in);
    // The core must be able to tell a test (gerbangctl source test) from a client's event.
    if (result.ok && !testevent::idOf(doc.root.toObject()).isEmpty())
        result.normalized.insert(u"test"_s, true);
    return result;
}

} // namespace

QString stableEventId(const QString &tenant, const QString &provider, const QString &dedupKey)
{
    const QByteArray material =
        tenant.toUtf8() + '\x1f' + provider.toUtf8() + '\x1f' + dedupKey.toUtf8();
    const QByteArray digest = crypto::sha256(material);
    return u"gev_"_s + base32(digest).left(kIdChars);
}

QString senderHash(const QByteArray &senderKey, const QString &waId)
{
    return QString::fromLatin1(crypto::hmacSha256(senderKey, waId.toUtf8()).toHex());
}

NormalizeResult normalizeEvent(const WebhookEvent &event, const QByteArray &payload,
                               const QByteArray &senderKey)
{
    try {
        return normalizeParsed(event, payload, senderKey);
    } catch (const std::exception &) {
        // Only an OpenSSL failure throws (crypto wrappers); the event stays undelivered.
        return normalize::failure(u"internal error while normalizing"_s);
    }
}

} // namespace gerbang
