// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppStatusNormalizer.h"

using namespace Qt::StringLiterals;

namespace gerbang::normalize {
namespace {

bool knownStatus(const QString &s)
{
    return s == u"sent"_s || s == u"delivered"_s || s == u"read"_s || s == u"failed"_s ||
           s == u"played"_s;
}

QJsonValue pricing(const QJsonObject &s)
{
    if (!s.value(u"pricing"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject p = s.value(u"pricing"_s).toObject();
    return QJsonObject{
        {u"billable"_s, boolOrNull(p.value(u"billable"_s))},
        {u"category"_s, stringOrNull(p.value(u"category"_s))},
        {u"pricing_model"_s, stringOrNull(p.value(u"pricing_model"_s))},
        // "regular", "free_customer_service", "free_entry_point" (per-message pricing).
        {u"type"_s, stringOrNull(p.value(u"type"_s))},
    };
}

QJsonValue conversation(const QJsonObject &s)
{
    if (!s.value(u"conversation"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject c = s.value(u"conversation"_s).toObject();
    return QJsonObject{
        {u"id"_s, stringOrNull(c.value(u"id"_s))},
        {u"origin_type"_s, stringOrNull(c.value(u"origin"_s).toObject().value(u"type"_s))},
        {u"expiration_timestamp"_s, secondsOrNull(c.value(u"expiration_timestamp"_s))},
    };
}

} // namespace

NormalizeResult normalizeWhatsAppStatus(const Input &in, const WhatsAppPlace &place)
{
    if (!in.original.isObject())
        return failure(u"the value at the locator is not a status object"_s);
    const QJsonObject s = in.original.toObject();
    const QString sent = s.value(u"status"_s).toString();
    if (!in.event.providerEventId.isEmpty() &&
        s.value(u"id"_s).toString() != in.event.providerEventId)
        return failure(u"the status at the locator has another id than the event"_s);
    if (in.event.type != u"status."_s + (sent.isEmpty() ? u"unknown"_s : sent))
        return failure(u"the status at the locator has another status than the event"_s);

    const bool known = knownStatus(sent);
    const qint64 seconds = unixSeconds(s.value(u"timestamp"_s));
    QJsonObject out = envelope(in.event, kStatusSchema);
    out.insert(u"channel"_s, u"whatsapp"_s);
    out.insert(u"status"_s, known ? sent : u"unknown"_s);
    out.insert(u"original_status"_s, known ? QJsonValue(QJsonValue::Null) : stringOrNull(sent));
    out.insert(u"wamid"_s, stringOrNull(s.value(u"id"_s)));
    out.insert(u"recipient_hash"_s, hashOrNull(in.senderKey, s.value(u"recipient_id"_s)));
    out.insert(u"phone_number_id"_s, stringOrNull(QJsonValue(place.phoneNumberId)));
    out.insert(u"waba_id"_s, stringOrNull(QJsonValue(place.wabaId)));
    out.insert(u"timestamp"_s, seconds > 0 ? QJsonValue(seconds) : QJsonValue(QJsonValue::Null));
    out.insert(u"occurred_at"_s, isoOrNull(seconds > 0 ? seconds * 1000 : in.event.occurredAtMs));
    out.insert(u"errors"_s, errorList(s.value(u"errors"_s)));
    out.insert(u"pricing"_s, pricing(s));
    out.insert(u"conversation"_s, conversation(s));

    NormalizeResult r;
    r.ok = true;
    r.normalized = std::move(out);
    r.original = in.original;
    return r;
}

} // namespace gerbang::normalize
