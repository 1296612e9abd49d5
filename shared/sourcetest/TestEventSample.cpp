// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestEventSample.h"

#include "crypto/Crypto.h"
#include "crypto/StandardWebhooksKey.h"
#include "domain/TestEvent.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString isoAt(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

// Meta's "messages" change with one text message (developers.facebook.com, Cloud API webhooks
// reference), from a number that cannot exist.
QJsonObject whatsApp(const SampleTarget &t, const QString &id, qint64 now)
{
    const QJsonObject message{{u"from"_s, u"0000000000"_s},
                              {u"id"_s, QString(u"wamid."_s + id)},
                              {u"timestamp"_s, QString::number(now)},
                              {u"type"_s, u"text"_s},
                              {u"text"_s, QJsonObject{{u"body"_s, u"Gerbang test event"_s}}}};
    const QJsonObject value{
        {u"messaging_product"_s, u"whatsapp"_s},
        {u"metadata"_s, QJsonObject{{u"display_phone_number"_s, u"0000000000"_s},
                                    {u"phone_number_id"_s, t.phoneNumberId}}},
        {u"contacts"_s,
         QJsonArray{QJsonObject{{u"profile"_s, QJsonObject{{u"name"_s, u"Gerbang test"_s}}},
                                {u"wa_id"_s, u"0000000000"_s}}}},
        {u"messages"_s, QJsonArray{message}}};
    const QJsonObject change{{u"value"_s, value}, {u"field"_s, u"messages"_s}};
    return {{u"object"_s, u"whatsapp_business_account"_s},
            {u"entry"_s,
             QJsonArray{QJsonObject{{u"id"_s, t.wabaId}, {u"changes"_s, QJsonArray{change}}}}}};
}

// Sets `value` at a JSON pointer made of object keys (RFC 6901), creating the objects on the
// way; false for a pointer that passes through an array or is not a pointer.
bool setAt(QJsonObject &root, const QString &pointer, const QJsonValue &value)
{
    if (!pointer.startsWith(u'/'))
        return false;
    QStringList keys = pointer.mid(1).split(u'/');
    for (QString &k : keys)
        k = k.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
    const std::function<void(QJsonObject &, qsizetype)> put = [&](QJsonObject &o, qsizetype i) {
        if (i == keys.size() - 1) {
            o.insert(keys[i], value);
            return;
        }
        QJsonObject inner = o.value(keys[i]).toObject();
        put(inner, i + 1);
        o.insert(keys[i], inner);
    };
    put(root, 0);
    return true;
}

} // namespace

std::optional<SignedRequest> signedTestEvent(const SampleTarget &target, const QByteArray &secret,
                                             const QString &testId, qint64 nowSecs, QString *error)
{
    SignedRequest r;
    r.path = target.route;
    const auto header = [&r](const QByteArray &name, const QByteArray &value) {
        r.headers.append({name, value});
    };
    header("Content-Type", "application/json");
    const QByteArray now = QByteArray::number(nowSecs);
    QJsonObject body;
    switch (target.provider) {
    case Provider::WhatsApp:
        body = whatsApp(target, testId, nowSecs);
        break;
    case Provider::Stripe:
        body = {{u"id"_s, QString(u"evt_"_s + testId)},
                {u"object"_s, u"event"_s},
                {u"created"_s, nowSecs},
                {u"livemode"_s, false},
                {u"type"_s, u"gerbang.test"_s},
                {u"data"_s, QJsonObject{{u"object"_s, QJsonObject{{u"id"_s, testId}}}}}};
        break;
    case Provider::Midtrans:
        // Midtrans' HTTP notification for a pending bank transfer (docs.midtrans.com,
        // "Handling notifications"); 201 is the code a pending status is signed with.
        body = {{u"transaction_time"_s, QDateTime::fromSecsSinceEpoch(nowSecs, QTimeZone(7 * 3600))
                                            .toString(u"yyyy-MM-dd HH:mm:ss"_s)},
                {u"transaction_status"_s, u"pending"_s},
                {u"transaction_id"_s, testId},
                {u"status_message"_s, u"Gerbang test event"_s},
                {u"status_code"_s, u"201"_s},
                {u"payment_type"_s, u"bank_transfer"_s},
                {u"order_id"_s, testId},
                {u"gross_amount"_s, u"1.00"_s},
                {u"currency"_s, u"IDR"_s}};
        body.insert(
            u"signature_key"_s,
            QString::fromLatin1(
                crypto::sha512(QByteArray(testId.toUtf8() + "201" + "1.00" + secret)).toHex()));
        break;
    case Provider::Xendit:
        body = {{u"id"_s, testId}, {u"external_id"_s, testId}, {u"status"_s, u"PENDING"_s},
                {u"amount"_s, 1},  {u"currency"_s, u"IDR"_s},  {u"updated"_s, isoAt(nowSecs)}};
        header("x-callback-token", secret);
        break;
    case Provider::Generic:
        body = {{u"id"_s, testId}, {u"type"_s, u"gerbang.test"_s}};
        if (!target.dedupField.isEmpty())
            setAt(body, target.dedupField, testId); // else the body's hash deduplicates
        break;
    case Provider::Standard:
        body = {{u"type"_s, u"gerbang.test"_s},
                {u"timestamp"_s, isoAt(nowSecs)},
                {u"data"_s, QJsonObject{{u"id"_s, testId}}}};
        break;
    }
    body.insert(testevent::kKey, testId);
    r.body = compact(body);
    switch (target.provider) {
    case Provider::WhatsApp:
        header("X-Hub-Signature-256", "sha256=" + crypto::hmacSha256(secret, r.body).toHex());
        break;
    case Provider::Stripe:
        header("Stripe-Signature",
               "t=" + now + ",v1=" + crypto::hmacSha256(secret, {now, ".", r.body}).toHex());
        break;
    case Provider::Generic:
        header("X-Webhook-Signature", "sha256=" + crypto::hmacSha256(secret, r.body).toHex());
        break;
    case Provider::Standard: {
        const QByteArray id = "msg_" + testId.toLatin1();
        const QByteArray signature = signStandardWebhooks(secret, id, now, r.body);
        if (signature.isNull()) {
            *error = u"the source's secret is not a Standard Webhooks secret (whsec_…)"_s;
            return std::nullopt;
        }
        header("webhook-id", id);
        header("webhook-timestamp", now);
        header("webhook-signature", signature);
        break;
    }
    case Provider::Midtrans:
    case Provider::Xendit:
        break; // signed above
    }
    return r;
}

} // namespace gerbang
