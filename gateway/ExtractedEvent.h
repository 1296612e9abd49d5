// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// One provider event found in a request body, routed to its tenant. Carries ids and a
// locator only, never content.
struct ExtractedEvent
{
    QString tenant;
    QString type;            // message.text, status.read, errors, account_update, ...
    QString providerEventId; // the wamid for messages and statuses
    QString dedupKey;
    QString locator; // JSON pointer into the raw payload
    qint64 occurredAtMs = 0;
    QString routingKey; // "waba:<id>" or "phone_number_id:<id>"
};

} // namespace gerbang
