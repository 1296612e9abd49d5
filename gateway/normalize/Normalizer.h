// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/WebhookEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gerbang {

// The provider-independent shapes the core receives (docs/NORMALIZATION.md, docs/schemas/).
// Normalized objects carry ids, hashes and references, never message content: the provider's
// own object travels beside them in `original`.

// Stable id the core deduplicates on: the same tenant + provider + dedupKey give the same id
// across retries, replays and gateways. "gev_" + the first 26 characters (130 bits) of the
// lower-case RFC 4648 base32 of SHA-256(tenant \x1f provider \x1f dedupKey), all UTF-8.
QString stableEventId(const QString &tenant, const QString &provider, const QString &dedupKey);

// HMAC-SHA256(senderKey, UTF-8 of waId exactly as Meta sends it) as lower-case hex:
// pseudonymous, stable per tenant, not reversible without the tenant's key.
QString senderHash(const QByteArray &senderKey, const QString &waId);

struct NormalizeResult
{
    bool ok = false;
    QString error; // why it failed; names fields, never quotes content
    QJsonObject normalized;
    QJsonValue original; // the provider's object at the event's locator
};

// `event` is the stored event row; `payload` the decrypted raw request body (the exact bytes);
// `senderKey` the tenant's 32-byte sender-hash key (required for WhatsApp events only).
// Resolves event.locator in the payload and returns the normalized shape and, in `original`,
// the provider's object at the locator. Never throws; a malformed payload or locator, or an
// object that is not the event's (another wamid), gives ok=false. Thread-safe; each thread
// keeps the last payload it parsed, so the events of one batch share one parse.
NormalizeResult normalizeEvent(const WebhookEvent &event, const QByteArray &payload,
                               const QByteArray &senderKey);

} // namespace gerbang
