// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// One provider event, as stored: ids and routing, never content. `locator` is a JSON pointer
// to the event's object inside the (encrypted) raw payload `rawRef`.
struct WebhookEvent
{
    QString id;
    QString tenant;
    QString provider;        // whatsapp|stripe|midtrans|xendit|generic|standard
    QString type;            // message.text, status.delivered, account_update, ...
    QString providerEventId; // wamid, evt_…, …
    QString dedupKey;
    QString rawRef;
    QString locator;
    qint64 receivedAtMs = 0;
    qint64 occurredAtMs = 0; // 0 when the provider gives no time
    QString routingKey;      // e.g. the WABA ID or phone number ID that routed it
    QString deliveryState = QStringLiteral("pending");
};

} // namespace gerbang
