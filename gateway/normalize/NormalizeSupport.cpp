// SPDX-License-Identifier: GPL-3.0-or-later
#include "NormalizeSupport.h"

#include "domain/Ids.h"
#include "providers/JsonPointer.h"
#include "whatsapp/WhatsAppExtractor.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace gerbang::normalize {

NormalizeResult failure(QString reason)
{
    NormalizeResult r;
    r.error = std::move(reason);
    return r;
}

QJsonObject envelope(const WebhookEvent &event, QLatin1StringView schema)
{
    return QJsonObject{
        {u"schema"_s, QString(schema)},
        {u"id"_s, stableEventId(event.tenant, event.provider, event.dedupKey)},
        {u"tenant"_s, event.tenant},
        {u"gateway_event_id"_s, event.id},
        {u"received_at"_s, isoOrNull(event.receivedAtMs)},
        {u"content_ref"_s, QString(u"raw:"_s + event.rawRef + u'#' + event.locator)},
    };
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QJsonValue &v)
{
    return v.isString() && !v.toString().isEmpty() ? v : QJsonValue(QJsonValue::Null);
}

QJsonValue boolOrNull(const QJsonValue &v)
{
    return v.isBool() ? v : QJsonValue(QJsonValue::Null);
}

qint64 unixSeconds(const QJsonValue &v)
{
    // The same reading of Meta's timestamps as the extractor's.
    return whatsAppTimestampSecs(v);
}

QJsonValue secondsOrNull(const QJsonValue &v)
{
    const qint64 s = unixSeconds(v);
    return s > 0 ? QJsonValue(s) : QJsonValue(QJsonValue::Null);
}

QJsonValue hashOrNull(QByteArrayView key, const QJsonValue &waId)
{
    if (!waId.isString() || waId.toString().isEmpty())
        return QJsonValue(QJsonValue::Null);
    return senderHash(key.toByteArray(), waId.toString());
}

QJsonArray errorList(const QJsonValue &errors)
{
    QJsonArray out;
    const QJsonArray in = errors.toArray();
    for (const QJsonValue &e : in) {
        const QJsonObject o = e.toObject();
        const QJsonValue code = o.value(u"code"_s);
        // Meta's codes are integers; keep one only when it is one.
        const bool integral = code.isDouble() && code.toDouble() == double(code.toInteger());
        out.append(QJsonObject{
            {u"code"_s, integral ? QJsonValue(code.toInteger()) : QJsonValue(QJsonValue::Null)},
            {u"title"_s, stringOrNull(o.value(u"title"_s))},
        });
    }
    return out;
}

bool whatsAppPlace(const QJsonValue &root, const QString &locator, WhatsAppPlace *place)
{
    QStringList tokens;
    if (!parseJsonPointer(locator, &tokens) || tokens.size() < 4 || tokens[0] != u"entry"_s ||
        tokens[2] != u"changes"_s)
        return false;
    QJsonValue entry;
    QJsonValue change;
    // Re-escape the index token (RFC 6901) so an odd locator cannot name another member.
    auto escaped = [](QString t) { return t.replace(u'~', u"~0"_s).replace(u'/', u"~1"_s); };
    const QString entryPointer = u"/entry/"_s + escaped(tokens[1]);
    const QString changePointer = entryPointer + u"/changes/"_s + escaped(tokens[3]);
    if (!resolveJsonPointer(root, entryPointer, &entry) ||
        !resolveJsonPointer(root, changePointer, &change) || !entry.isObject() ||
        !change.isObject())
        return false;
    const QJsonObject e = entry.toObject();
    place->wabaId = e.value(u"id"_s).toString();
    place->entryTimeS = unixSeconds(e.value(u"time"_s));
    place->phoneNumberId = change.toObject()
                               .value(u"value"_s)
                               .toObject()
                               .value(u"metadata"_s)
                               .toObject()
                               .value(u"phone_number_id"_s)
                               .toString();
    return true;
}

} // namespace gerbang::normalize
