// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Normalizer.h"

#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

// Building blocks shared by the normalizers. Internal to gateway/normalize.
namespace gerbang::normalize {

inline constexpr QLatin1StringView kMessageSchema{"gerbang.normalized_message/1"};
inline constexpr QLatin1StringView kStatusSchema{"gerbang.normalized_status/1"};
inline constexpr QLatin1StringView kEventSchema{"gerbang.normalized_event/1"};

// What every normalizer works from: the stored row, the parsed payload, and the object the
// row's locator names inside it.
struct Input
{
    const WebhookEvent &event;
    QJsonValue original;
    QJsonValue root;
    QByteArrayView senderKey;
};

NormalizeResult failure(QString reason);

// The keys every shape starts with: schema, id, tenant, gateway_event_id, received_at and
// content_ref (a reference into the raw store, never content).
QJsonObject envelope(const WebhookEvent &event, QLatin1StringView schema);

// ISO 8601 UTC with milliseconds, or null for 0 ("the provider gave no time").
QJsonValue isoOrNull(qint64 ms);

// A non-empty JSON string as is, else null.
QJsonValue stringOrNull(const QJsonValue &v);

// A JSON boolean as is, else null.
QJsonValue boolOrNull(const QJsonValue &v);

// Unix seconds from Meta's decimal strings (numbers accepted too); 0 when absent or absurd.
qint64 unixSeconds(const QJsonValue &v);
QJsonValue secondsOrNull(const QJsonValue &v);

// HMAC of a wa_id-like string with the tenant's key, or null when there is none.
QJsonValue hashOrNull(QByteArrayView key, const QJsonValue &waId);

// Meta's `errors[]` reduced to [{code, title}]; always an array (empty when there are none).
QJsonArray errorList(const QJsonValue &errors);

// Where a WhatsApp locator points: the entry (WABA) and change around the object.
struct WhatsAppPlace
{
    QString wabaId;
    QString phoneNumberId;
    qint64 entryTimeS = 0; // entry[].time, which some non-message fields carry
};

// Reads the WABA ID and phone number ID around a locator of the form
// /entry/{i}/changes/{j}[/...]. False when the locator is not of that form.
bool whatsAppPlace(const QJsonValue &root, const QString &locator, WhatsAppPlace *place);

} // namespace gerbang::normalize
