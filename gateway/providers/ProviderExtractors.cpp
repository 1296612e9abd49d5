// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderExtractors.h"

#include "JsonPointer.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

ProviderExtraction failure(QString reason)
{
    ProviderExtraction out;
    out.error = std::move(reason);
    return out;
}

ProviderExtraction single(ExtractedEvent e)
{
    ProviderExtraction out;
    out.ok = true;
    out.events << std::move(e);
    return out;
}

bool parseObject(const QByteArray &body, QJsonObject *root, QString *error)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError) {
        // The parser's message and offset describe the syntax, not the content.
        *error =
            u"body is not valid JSON (%1 at offset %2)"_s.arg(err.errorString()).arg(err.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = u"body is not a JSON object"_s;
        return false;
    }
    *root = doc.object();
    return true;
}

// A JSON string, or an integral number written without exponent or fraction.
QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Integral values up to 2^53 are exact in a double; others are printed round-trip.
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740992.0)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    return {};
}

qint64 isoMs(const QJsonValue &v)
{
    if (!v.isString())
        return 0;
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

} // namespace

ProviderExtraction extractStripe(const http::HttpRequest &request)
{
    QJsonObject root;
    QString error;
    if (!parseObject(request.body, &root, &error))
        return failure(error);
    const QString id = root.value(u"id"_s).toString();
    const QString type = root.value(u"type"_s).toString();
    if (id.isEmpty())
        return failure(u"missing event 'id'"_s);
    if (type.isEmpty())
        return failure(u"missing event 'type'"_s);
    ExtractedEvent e;
    e.type = type;
    e.providerEventId = id;
    e.dedupKey = u"evt:"_s + id;
    const QJsonValue created = root.value(u"created"_s);
    if (created.isDouble() && created.toDouble() > 0 && created.toDouble() < 1e12)
        e.occurredAtMs = qint64(created.toDouble()) * 1000;
    return single(std::move(e));
}

ProviderExtraction extractMidtrans(const http::HttpRequest &request)
{
    QJsonObject root;
    QString error;
    if (!parseObject(request.body, &root, &error))
        return failure(error);
    QString id = root.value(u"transaction_id"_s).toString();
    if (id.isEmpty())
        id = root.value(u"order_id"_s).toString();
    const QString status = root.value(u"transaction_status"_s).toString();
    const QString code = scalarText(root.value(u"status_code"_s));
    if (id.isEmpty())
        return failure(u"missing 'transaction_id' and 'order_id'"_s);
    if (status.isEmpty())
        return failure(u"missing 'transaction_status'"_s);
    if (code.isEmpty())
        return failure(u"missing 'status_code'"_s);
    ExtractedEvent e;
    e.type = u"transaction."_s + status;
    e.providerEventId = id;
    e.dedupKey = u"midtrans:"_s + id + u':' + status + u':' + code;
    const QString fraud = root.value(u"fraud_status"_s).toString();
    if (!fraud.isEmpty())
        e.dedupKey += u':' + fraud;
    const QString time = root.value(u"transaction_time"_s).toString();
    if (time.size() == 19) {
        const QDate date = QDate::fromString(time.left(10), u"yyyy-MM-dd"_s);
        const QTime clock = QTime::fromString(time.mid(11), u"HH:mm:ss"_s);
        // Midtrans reports Jakarta wall-clock time; Indonesia has no daylight saving time.
        const QDateTime at(date, clock, Qt::OffsetFromUTC, 7 * 3600);
        if (time[10] == u' ' && at.isValid())
            e.occurredAtMs = at.toMSecsSinceEpoch();
    }
    return single(std::move(e));
}

ProviderExtraction extractXendit(const http::HttpRequest &request)
{
    QJsonObject root;
    QString error;
    if (!parseObject(request.body, &root, &error))
        return failure(error);
    const QString id = scalarText(root.value(u"id"_s));
    const QString delivery = QString::fromUtf8(request.header("webhook-id").trimmed());
    const QString status = root.value(u"status"_s).toString();
    const QString updated = root.value(u"updated"_s).toString();
    if (delivery.isEmpty() && id.isEmpty())
        return failure(u"missing 'id' and no delivery id header"_s);
    ExtractedEvent e;
    e.type = status.isEmpty() ? u"xendit.callback"_s : u"invoice."_s + status.toLower();
    e.providerEventId = id;
    e.dedupKey = delivery.isEmpty() ? QString(u"xendit:"_s + id + u':' + status + u':' + updated)
                                    : QString(u"xendit:delivery:"_s + delivery);
    e.occurredAtMs = isoMs(root.value(u"updated"_s));
    return single(std::move(e));
}

ProviderExtraction extractGeneric(const http::HttpRequest &request, const QString &dedupPointer)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError)
        return failure(
            u"body is not valid JSON (%1 at offset %2)"_s.arg(err.errorString()).arg(err.offset));
    if (!doc.isObject() && !doc.isArray())
        return failure(u"body is not a JSON object or array"_s);
    const QJsonValue root = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    ExtractedEvent e;
    QJsonValue field;
    QString value;
    if (!dedupPointer.isEmpty() && resolveJsonPointer(root, dedupPointer, &field))
        value = scalarText(field);
    if (!value.isEmpty()) {
        e.providerEventId = value;
        e.dedupKey = u"field:"_s + value;
    } else {
        e.dedupKey = u"sha256:"_s + QString::fromLatin1(crypto::sha256(request.body).toHex());
    }
    const QJsonObject o = doc.object();
    e.type = o.value(u"type"_s).toString();
    if (e.type.isEmpty())
        e.type = o.value(u"event"_s).toString();
    if (e.type.isEmpty())
        e.type = u"generic"_s;
    return single(std::move(e));
}

ProviderExtraction extractStandardWebhooks(const http::HttpRequest &request)
{
    const QString id = QString::fromUtf8(request.header("webhook-id").trimmed());
    if (id.isEmpty())
        return failure(u"missing 'webhook-id' header"_s);
    QJsonObject root;
    QString error;
    if (!parseObject(request.body, &root, &error))
        return failure(error);
    ExtractedEvent e;
    e.providerEventId = id;
    e.dedupKey = u"webhook-id:"_s + id;
    e.type = root.value(u"type"_s).toString();
    if (e.type.isEmpty())
        e.type = u"standard_webhooks"_s;
    e.occurredAtMs = isoMs(root.value(u"timestamp"_s));
    if (e.occurredAtMs == 0) {
        bool ok = false;
        const qint64 secs = request.header("webhook-timestamp").trimmed().toLongLong(&ok);
        if (ok && secs > 0 && secs < 100000000000)
            e.occurredAtMs = secs * 1000;
    }
    return single(std::move(e));
}

} // namespace gerbang
