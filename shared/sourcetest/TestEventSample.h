// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace gerbang {

// A webhook request as a provider would send it: what `gerbangctl source test` and the
// console post to the gateway's public address.
struct SignedRequest
{
    QString path; // e.g. /webhooks/stripe/acme
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// Where a sample event goes and what it must carry to be routed there.
struct SampleTarget
{
    Provider provider = Provider::WhatsApp;
    QString route;         // the path the provider posts to
    QString wabaId;        // WhatsApp: the account and number the sample comes to
    QString phoneNumberId; //
    QString dedupField;    // generic: the JSON pointer the source reads its event id from
};

// What a test of a source needs besides the database.
struct TestEventOptions
{
    QString tenant; // WhatsApp: test this tenant's WABA (else the first tenant that has one)
    QByteArray appSecretSetting; // whatsapp/app_secret: outranks the stored "whatsapp" secret
    bool sinkConfigured = false; // sink/url is set
    qint64 nowMs = 0;
};

// A small, realistic event of the target's provider, marked with `testId` (domain/TestEvent.h)
// and signed with `secret` by the provider's own scheme at `nowSecs`: the X-Hub-Signature-256
// HMAC, Stripe-Signature with its timestamp, Midtrans' signature_key inside the body, Xendit's
// callback token, the generic X-Webhook-Signature, Standard Webhooks' three headers. Its ids
// are the test id, so a second test is never a duplicate of the first. Null, with the reason,
// for a secret the scheme cannot use.
std::optional<SignedRequest> signedTestEvent(const SampleTarget &target, const QByteArray &secret,
                                             const QString &testId, qint64 nowSecs, QString *error);

} // namespace gerbang
