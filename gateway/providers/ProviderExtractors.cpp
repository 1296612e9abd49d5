// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderExtractors.h"

#include "JsonPointer.h"
#include "crypto/Crypto.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
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

// Midtrans signs only order_id, status_code and gross_amount: SHA512(order_id + status_code +
// gross_amount + server key) (docs.midtrans.com/reference/handle-notifications). The type and
// dedup key come from transaction_status and transaction_id, which are not signed, so a
// captured notification re-sent with another status would be a new, valid event. The unsigned
// status must therefore agree with the signed status_code. Midtrans documents:
// - 200 for card authorize, capture, settlement, cancel, and "Transaction is successful /
//   settlement" for other methods (docs.midtrans.com/reference/status-code,
//   .../reference/status-codes); refund notifications carry 200
//   (.../reference/refund-transaction);
// - 201 for pending, and "on some rare occasion, Challenge" (a card capture whose
//   fraud_status is challenge, held for the merchant's review);
// - 202 for denied cards and in its expire notification sample, 407 ("Expired transaction")
//   in the expire API's answer (.../reference/expire-transaction, .../reference/status-code-4xx).
// The status cycle (.../docs/transaction-status-cycle) lists authorize, capture, settlement,
// pending, deny, cancel, expire, refund, partial_refund, chargeback, partial_chargeback and
// failure. Where the docs leave a code open we accept every code of the same class rather than
// refuse real traffic: deny (settlement may turn into deny) and failure pass with any
// failure-class code, chargebacks with 200 like refunds. What is refused is a change of class,
// above all a success claimed under a pending or failure code.
const QHash<QString, QStringList> &midtransCodes()
{
    static const QStringList success{u"200"_s};
    static const QStringList failed{u"200"_s, u"202"_s, u"407"_s};
    static const QHash<QString, QStringList> codes{
        {u"authorize"_s, success},
        {u"capture"_s, success},
        {u"settlement"_s, success},
        {u"refund"_s, success},
        {u"partial_refund"_s, success},
        {u"chargeback"_s, success},
        {u"partial_chargeback"_s, success},
        {u"pending"_s, {u"201"_s}},
        {u"deny"_s, failed},
        {u"cancel"_s, failed},
        {u"expire"_s, {u"202"_s, u"407"_s}},
        {u"failure"_s, failed},
    };
    return codes;
}

bool isLowerWord(const QString &s)
{
    return !s.isEmpty() && s.size() <= 64 && std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || c == u'_';
    });
}

bool isThreeDigits(const QString &s)
{
    return s.size() == 3 &&
           std::all_of(s.cbegin(), s.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// Why `status` cannot come with the signed `code`, or an empty string when it can. A status
// Midtrans adds later passes with any code (forward compatibility): it is not one a consumer
// reads as paid. The reason names the status from the table above, never payload text.
QString midtransStatusDisagreement(const QString &status, const QString &code, const QString &fraud)
{
    // Exact lower-case words only, so that "Settlement" (or a look-alike with a trailing
    // invisible character) cannot pass as an unknown status and be read as one downstream.
    if (!isLowerWord(status))
        return u"'transaction_status' is not a lower-case word"_s;
    if (!isThreeDigits(code))
        return u"'status_code' is not a three-digit code"_s;
    const auto known = midtransCodes().constFind(status);
    if (known == midtransCodes().cend())
        return {};
    QStringList allowed = *known;
    // A challenged capture is not paid (201); one denied by fraud detection is a failure.
    if (status == u"capture"_s && fraud == u"challenge"_s)
        allowed << u"201"_s;
    if (status == u"capture"_s && fraud == u"deny"_s)
        allowed << u"202"_s;
    if (allowed.contains(code))
        return {};
    return u"transaction_status '%1' does not agree with the signed status_code '%2'"_s.arg(
        known.key(), code);
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
    const QString fraud = root.value(u"fraud_status"_s).toString();
    const QString disagreement = midtransStatusDisagreement(status, code, fraud);
    if (!disagreement.isEmpty())
        return failure(disagreement);
    ExtractedEvent e;
    e.type = u"transaction."_s + status;
    e.providerEventId = id;
    e.dedupKey = u"midtrans:"_s + id + u':' + status + u':' + code;
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
