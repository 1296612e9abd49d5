// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProviderEventNormalizer.h"

#include "MoneyAmount.h"
#include "domain/Vocabulary.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace gerbang::normalize {
namespace {

struct Facts
{
    QJsonValue amount{QJsonValue::Null};
    QJsonValue amountMinor{QJsonValue::Null};
    QJsonValue currency{QJsonValue::Null};
    QJsonValue status{QJsonValue::Null};
    QJsonArray errors;
};

// Amount in major units as the provider wrote it, and its minor units by ISO 4217.
void majorUnits(Facts *f, const QJsonValue &amount)
{
    f->amount = decimalText(amount);
    if (f->amount.isString() && f->currency.isString())
        f->amountMinor = minorUnits(f->amount.toString(), currencyExponent(f->currency.toString()));
}

// Stripe states amounts as integers in the currency's smallest unit; the amount-bearing field
// depends on the object (PaymentIntent/Charge/Refund `amount`, Checkout Session
// `amount_total`, Invoice `amount_paid`).
Facts stripe(const QJsonObject &event)
{
    Facts f;
    const QJsonObject o = event.value(u"data"_s).toObject().value(u"object"_s).toObject();
    f.currency = currencyCode(o.value(u"currency"_s));
    f.status = stringOrNull(o.value(u"status"_s));
    for (const QString &key : {u"amount"_s, u"amount_total"_s, u"amount_paid"_s}) {
        const QJsonValue v = o.value(key);
        if (!v.isDouble())
            continue;
        const double d = v.toDouble();
        f.amount = decimalText(v);
        if (std::trunc(d) == d && std::fabs(d) <= double(kMaxExactJsonInteger))
            f.amountMinor = qint64(d);
        break;
    }
    return f;
}

// Midtrans: `gross_amount` is a decimal string in major units ("1500000.00"); the currency is
// IDR unless the notification names another.
Facts midtrans(const QJsonObject &n)
{
    Facts f;
    f.currency = currencyCode(n.value(u"currency"_s));
    if (f.currency.isNull())
        f.currency = u"IDR"_s;
    f.status = stringOrNull(n.value(u"transaction_status"_s));
    majorUnits(&f, n.value(u"gross_amount"_s));
    return f;
}

// Xendit: classic callbacks (invoice, virtual account, ...) carry the fields at the top;
// newer ones wrap them in `data` ({"event": "payment.succeeded", "data": {...}}).
Facts xendit(const QJsonObject &callback)
{
    QJsonObject o = callback;
    if (!o.contains(u"amount"_s) && o.value(u"data"_s).isObject())
        o = o.value(u"data"_s).toObject();
    Facts f;
    f.currency = currencyCode(o.value(u"currency"_s));
    f.status = stringOrNull(o.value(u"status"_s));
    majorUnits(&f, o.value(u"amount"_s));
    return f;
}

// A change object (/entry/i/changes/j) or, for account-level errors, its `value`.
Facts whatsAppChange(const QJsonObject &o)
{
    const QJsonObject value = o.value(u"value"_s).isObject() ? o.value(u"value"_s).toObject() : o;
    Facts f;
    // account_update, message_template_status_update, phone_number_quality_update, ... name
    // what happened in `event` (VERIFIED_ACCOUNT, APPROVED, FLAGGED, ...).
    f.status = stringOrNull(value.value(u"event"_s));
    f.errors = errorList(value.value(u"errors"_s));
    return f;
}

NormalizeResult build(const Input &in, const QString &provider, const Facts &f, qint64 atMs)
{
    QJsonObject out = envelope(in.event, kEventSchema);
    out.insert(u"provider"_s, provider);
    out.insert(u"type"_s, in.event.type);
    out.insert(u"provider_event_id"_s, stringOrNull(QJsonValue(in.event.providerEventId)));
    out.insert(u"occurred_at"_s, isoOrNull(atMs));
    out.insert(u"amount"_s, f.amount);
    out.insert(u"amount_minor"_s, f.amountMinor);
    out.insert(u"currency"_s, f.currency);
    out.insert(u"status"_s, f.status);
    out.insert(u"errors"_s, f.errors);
    NormalizeResult r;
    r.ok = true;
    r.normalized = std::move(out);
    r.original = in.original;
    return r;
}

} // namespace

NormalizeResult normalizeProviderEvent(const Input &in)
{
    const QString &provider = in.event.provider;
    const QJsonObject o = in.original.toObject();
    // Payment providers send objects of a known shape; generic and Standard Webhooks senders
    // their own, so nothing is assumed of them.
    Facts (*facts)(const QJsonObject &) = nullptr;
    switch (fromWire<Provider>(provider).value_or(Provider::Generic)) {
    case Provider::Stripe:
        facts = stripe;
        break;
    case Provider::Midtrans:
        facts = midtrans;
        break;
    case Provider::Xendit:
        facts = xendit;
        break;
    case Provider::WhatsApp:
    case Provider::Generic:
    case Provider::Standard:
        break;
    }
    if (facts && !in.original.isObject())
        return failure(u"the value at the locator is not an object"_s);
    return build(in, provider, facts ? facts(o) : Facts{}, in.event.occurredAtMs);
}

NormalizeResult normalizeWhatsAppChange(const Input &in, const WhatsAppPlace &place)
{
    if (!in.original.isObject())
        return failure(u"the value at the locator is not an object"_s);
    const qint64 atMs = in.event.occurredAtMs > 0 ? in.event.occurredAtMs : place.entryTimeS * 1000;
    return build(in, u"whatsapp"_s, whatsAppChange(in.original.toObject()), atMs);
}

} // namespace gerbang::normalize
