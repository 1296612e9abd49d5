// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppMessageNormalizer.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace gerbang::normalize {
namespace {

// The message types of the Cloud API webhook reference (BRIEF §7), legacy `unknown` included.
const QSet<QString> &knownTypes()
{
    static const QSet<QString> types{
        u"text"_s,     u"image"_s,    u"audio"_s,    u"video"_s,       u"document"_s,
        u"sticker"_s,  u"location"_s, u"contacts"_s, u"interactive"_s, u"button"_s,
        u"reaction"_s, u"order"_s,    u"system"_s,   u"unsupported"_s, u"unknown"_s,
    };
    return types;
}

bool isMedia(const QString &type)
{
    return type == u"image"_s || type == u"audio"_s || type == u"video"_s ||
           type == u"document"_s || type == u"sticker"_s;
}

QJsonValue context(const QJsonObject &m, QByteArrayView key)
{
    if (!m.value(u"context"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject c = m.value(u"context"_s).toObject();
    return QJsonObject{
        {u"id"_s, stringOrNull(c.value(u"id"_s))},
        // The replied-to message's sender: a phone number, so only its hash.
        {u"from_hash"_s, hashOrNull(key, c.value(u"from"_s))},
        {u"forwarded"_s, c.value(u"forwarded"_s).toBool(false)},
        {u"frequently_forwarded"_s, c.value(u"frequently_forwarded"_s).toBool(false)},
    };
}

QJsonValue media(const QString &type, const QJsonObject &m)
{
    if (!isMedia(type) || !m.value(type).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject o = m.value(type).toObject();
    // No caption and no download URL: the caption is content, the URL a bearer link.
    return QJsonObject{
        {u"id"_s, stringOrNull(o.value(u"id"_s))},
        {u"mime_type"_s, stringOrNull(o.value(u"mime_type"_s))},
        {u"sha256"_s, stringOrNull(o.value(u"sha256"_s))},
        {u"filename"_s, stringOrNull(o.value(u"filename"_s))},
        {u"voice"_s, boolOrNull(o.value(u"voice"_s))},
        {u"animated"_s, boolOrNull(o.value(u"animated"_s))},
    };
}

QJsonValue interactive(const QJsonObject &m)
{
    if (!m.value(u"interactive"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject o = m.value(u"interactive"_s).toObject();
    const QString kind = o.value(u"type"_s).toString();
    const bool known =
        kind == u"button_reply"_s || kind == u"list_reply"_s || kind == u"nfm_reply"_s;
    // Button and list replies carry the business's own reply id; a Flow reply (nfm_reply) has
    // none, its answers are content (response_json) and stay in the original.
    const QJsonValue replyId = known && kind != u"nfm_reply"_s
                                   ? stringOrNull(o.value(kind).toObject().value(u"id"_s))
                                   : QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {u"kind"_s, known ? kind : u"unknown"_s},
        {u"original_kind"_s, known ? QJsonValue(QJsonValue::Null) : stringOrNull(kind)},
        {u"reply_id"_s, replyId},
    };
}

QJsonValue button(const QJsonObject &m)
{
    if (!m.value(u"button"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    // The payload is the id the business gave the template's quick-reply button; the
    // button's text is what the user saw and stays in the original.
    return QJsonObject{{u"payload"_s, stringOrNull(m.value(u"button"_s)[u"payload"_s])}};
}

QJsonValue reaction(const QJsonObject &m)
{
    if (!m.value(u"reaction"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject o = m.value(u"reaction"_s).toObject();
    // Meta removes a reaction by sending it again without `emoji` (or with an empty one).
    const bool removed = o.value(u"emoji"_s).toString().isEmpty();
    return QJsonObject{
        {u"message_id"_s, stringOrNull(o.value(u"message_id"_s))},
        {u"removed"_s, removed},
    };
}

QJsonValue order(const QJsonObject &m)
{
    if (!m.value(u"order"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject o = m.value(u"order"_s).toObject();
    const QJsonValue items = o.value(u"product_items"_s);
    return QJsonObject{
        {u"catalog_id"_s, stringOrNull(o.value(u"catalog_id"_s))},
        {u"item_count"_s,
         items.isArray() ? QJsonValue(items.toArray().size()) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonValue system(const QJsonObject &m, QByteArrayView key)
{
    if (!m.value(u"system"_s).isObject())
        return QJsonValue(QJsonValue::Null);
    const QJsonObject o = m.value(u"system"_s).toObject();
    // A changed number arrives as `wa_id` (older payloads) or `new_wa_id`; its hash lets the
    // core move the conversation to the new pseudonym without seeing either number.
    QJsonValue newId = o.value(u"new_wa_id"_s);
    if (!newId.isString())
        newId = o.value(u"wa_id"_s);
    return QJsonObject{
        {u"kind"_s, stringOrNull(o.value(u"type"_s))},
        {u"new_sender_hash"_s, hashOrNull(key, newId)},
    };
}

QJsonValue originalType(const QString &type, const QString &sent, const QJsonObject &m)
{
    if (type == u"unknown"_s)
        return sent.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(sent);
    if (type == u"unsupported"_s) // Meta names what it could not pass on, e.g. "poll_creation"
        return stringOrNull(m.value(u"unsupported"_s).toObject().value(u"type"_s));
    return QJsonValue(QJsonValue::Null);
}

} // namespace

NormalizeResult normalizeWhatsAppMessage(const Input &in, const WhatsAppPlace &place)
{
    if (!in.original.isObject())
        return failure(u"the value at the locator is not a message object"_s);
    const QJsonObject m = in.original.toObject();
    const QString sent = m.value(u"type"_s).toString();
    const QString expectedType = u"message."_s + (sent.isEmpty() ? u"unknown"_s : sent);
    if (!in.event.providerEventId.isEmpty() &&
        m.value(u"id"_s).toString() != in.event.providerEventId)
        return failure(u"the message at the locator has another id than the event"_s);
    if (in.event.type != expectedType)
        return failure(u"the message at the locator has another type than the event"_s);

    const QString type = knownTypes().contains(sent) ? sent : u"unknown"_s;
    const qint64 seconds = unixSeconds(m.value(u"timestamp"_s));
    QJsonObject out = envelope(in.event, kMessageSchema);
    out.insert(u"channel"_s, u"whatsapp"_s);
    out.insert(u"type"_s, type);
    out.insert(u"original_type"_s, originalType(type, sent, m));
    out.insert(u"sender_hash"_s, hashOrNull(in.senderKey, m.value(u"from"_s)));
    out.insert(u"wamid"_s, stringOrNull(m.value(u"id"_s)));
    out.insert(u"phone_number_id"_s, stringOrNull(QJsonValue(place.phoneNumberId)));
    out.insert(u"waba_id"_s, stringOrNull(QJsonValue(place.wabaId)));
    out.insert(u"timestamp"_s, seconds > 0 ? QJsonValue(seconds) : QJsonValue(QJsonValue::Null));
    out.insert(u"occurred_at"_s, isoOrNull(seconds > 0 ? seconds * 1000 : in.event.occurredAtMs));
    out.insert(u"context"_s, context(m, in.senderKey));
    out.insert(u"media"_s, media(type, m));
    out.insert(u"interactive"_s,
               type == u"interactive"_s ? interactive(m) : QJsonValue(QJsonValue::Null));
    out.insert(u"button"_s, type == u"button"_s ? button(m) : QJsonValue(QJsonValue::Null));
    out.insert(u"reaction"_s, type == u"reaction"_s ? reaction(m) : QJsonValue(QJsonValue::Null));
    out.insert(u"order"_s, type == u"order"_s ? order(m) : QJsonValue(QJsonValue::Null));
    out.insert(u"system"_s,
               type == u"system"_s ? system(m, in.senderKey) : QJsonValue(QJsonValue::Null));
    out.insert(u"errors"_s, errorList(m.value(u"errors"_s)));

    NormalizeResult r;
    r.ok = true;
    r.normalized = std::move(out);
    r.original = in.original;
    return r;
}

} // namespace gerbang::normalize
