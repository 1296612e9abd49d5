// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gerbang {

struct WebhookEvent;

// The body and Standard Webhooks headers of one POST to the core:
//   {"type": "<provider>.<event type>", "timestamp": ISO-8601,
//    "data": {"event": <normalized>, "content": <provider object>}}   ("content" only in full mode)
// `webhook-id` is the normalized event's stable id, so the core deduplicates redeliveries.
struct DeliveryEnvelope
{
    QByteArray id;
    QByteArray timestamp; // Unix seconds
    QByteArray body;
    QByteArray signature; // webhook-signature value; null when the secret is unusable

    static DeliveryEnvelope build(const WebhookEvent &event, const QJsonObject &normalized,
                                  const QJsonValue &content, const QByteArray &secret,
                                  qint64 nowMs);
};

} // namespace gerbang
