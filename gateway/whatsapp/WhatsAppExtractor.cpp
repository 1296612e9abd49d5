// SPDX-License-Identifier: GPL-3.0-or-later
#include "WhatsAppExtractor.h"

#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

qint64 timestampMs(const QJsonValue &v)
{
    return whatsAppTimestampSecs(v) * 1000;
}

QString digestKey(const QJsonObject &change, const QString &wabaId)
{
    // QJsonDocument serialises keys in sorted order, so equal changes give equal digests.
    const QByteArray canonical =
        wabaId.toUtf8() + '\n' + QJsonDocument(change).toJson(QJsonDocument::Compact);
    return u"change:"_s + QString::fromLatin1(crypto::sha256(canonical).toHex());
}

} // namespace

WhatsAppExtraction extractWhatsApp(const QJsonObject &root, const TenantResolver &resolve)
{
    WhatsAppExtraction out;
    const QJsonValue object = root.value(u"object"_s);
    if (!object.isString()) {
        out.error = u"missing 'object'"_s;
        return out;
    }
    const QJsonValue entries = root.value(u"entry"_s);
    if (!entries.isArray()) {
        out.error = u"'entry' is not an array"_s;
        return out;
    }
    const QJsonArray entryArray = entries.toArray();
    for (qsizetype i = 0; i < entryArray.size(); ++i) {
        if (!entryArray[i].isObject()) {
            out.error = u"entry[%1] is not an object"_s.arg(i);
            return out;
        }
        const QJsonObject entry = entryArray[i].toObject();
        const QString wabaId = entry.value(u"id"_s).toString();
        const QJsonValue changes = entry.value(u"changes"_s);
        if (!changes.isArray()) {
            out.error = u"entry[%1].changes is not an array"_s.arg(i);
            return out;
        }
        const QJsonArray changeArray = changes.toArray();
        for (qsizetype j = 0; j < changeArray.size(); ++j) {
            if (!changeArray[j].isObject()) {
                out.error = u"entry[%1].changes[%2] is not an object"_s.arg(i).arg(j);
                return out;
            }
            const QJsonObject change = changeArray[j].toObject();
            const QString field = change.value(u"field"_s).toString();
            const QJsonObject value = change.value(u"value"_s).toObject();
            const QString phoneNumberId =
                value.value(u"metadata"_s).toObject().value(u"phone_number_id"_s).toString();
            QString routingKey;
            const QString tenant = resolve(wabaId, phoneNumberId, &routingKey);
            if (tenant.isEmpty()) {
                out.unrouted << UnroutedChange{wabaId, phoneNumberId, field};
                continue;
            }
            const QString base = u"/entry/%1/changes/%2"_s.arg(i).arg(j);
            auto add = [&](QString type, QString providerId, QString key, QString locator,
                           qint64 at) {
                out.events << ExtractedEvent{
                    tenant,         std::move(type),    std::move(providerId),
                    std::move(key), std::move(locator), at,
                    routingKey};
            };
            bool produced = false;
            if (field == u"messages"_s) {
                const QJsonArray messages = value.value(u"messages"_s).toArray();
                for (qsizetype k = 0; k < messages.size(); ++k) {
                    const QJsonObject m = messages[k].toObject();
                    const QString wamid = m.value(u"id"_s).toString();
                    QString type = m.value(u"type"_s).toString();
                    if (type.isEmpty())
                        type = u"unknown"_s;
                    const QString locator = base + u"/value/messages/%1"_s.arg(k);
                    add(u"message."_s + type, wamid,
                        wamid.isEmpty() ? digestKey(m, wabaId) : u"wamid:"_s + wamid, locator,
                        timestampMs(m.value(u"timestamp"_s)));
                    produced = true;
                }
                const QJsonArray statuses = value.value(u"statuses"_s).toArray();
                for (qsizetype k = 0; k < statuses.size(); ++k) {
                    const QJsonObject s = statuses[k].toObject();
                    const QString wamid = s.value(u"id"_s).toString();
                    QString status = s.value(u"status"_s).toString();
                    if (status.isEmpty())
                        status = u"unknown"_s;
                    const QString locator = base + u"/value/statuses/%1"_s.arg(k);
                    add(u"status."_s + status, wamid,
                        wamid.isEmpty() ? digestKey(s, wabaId)
                                        : u"status:"_s + wamid + u':' + status,
                        locator, timestampMs(s.value(u"timestamp"_s)));
                    produced = true;
                }
                if (value.contains(u"errors"_s)) {
                    add(u"errors"_s, QString(), digestKey(change, wabaId), base + u"/value"_s, 0);
                    produced = true;
                }
            }
            if (!produced) {
                // Template, account, quality and other updates: stored and routed too.
                add(field.isEmpty() ? u"unknown_change"_s : field, QString(),
                    digestKey(change, wabaId), base, 0);
            }
        }
    }
    out.ok = true;
    return out;
}

qint64 whatsAppTimestampSecs(const QJsonValue &v)
{
    // Unix seconds up to year 5138; anything else (negative, absurd, overflowing) is "no time".
    constexpr qint64 kMaxSeconds = 100'000'000'000;
    bool ok = false;
    qint64 s = 0;
    if (v.isString()) {
        s = v.toString().toLongLong(&ok);
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        ok = d >= 0 && d < double(kMaxSeconds);
        s = ok ? qint64(d) : 0;
    }
    return ok && s > 0 && s < kMaxSeconds ? s : 0;
}

} // namespace gerbang
