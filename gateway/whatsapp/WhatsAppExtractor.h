// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ExtractedEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace gerbang {

struct UnroutedChange
{
    QString wabaId;
    QString phoneNumberId;
    QString field;
};

struct WhatsAppExtraction
{
    bool ok = false;
    QString error; // why the payload is malformed (safe to show: no content)
    QList<ExtractedEvent> events;
    QList<UnroutedChange> unrouted;
};

// Maps (WABA ID, phone number ID) to a tenant id, or an empty string when unknown.
using TenantResolver = std::function<QString(const QString &wabaId, const QString &phoneNumberId,
                                             QString *routingKey)>;

// Walks `entry[].changes[]`: one event per message, one per status (keyed by wamid and status
// value, so sent/delivered/read are three events), one for account-level `errors`, and one
// per change of any other field (keyed by a digest of the change).
WhatsAppExtraction extractWhatsApp(const QJsonObject &root, const TenantResolver &resolve);

// A Meta `timestamp` (Unix seconds, sent as a string; numbers accepted too) in seconds, or 0
// when it is missing or absurd (negative, past the year 5138, not a number).
qint64 whatsAppTimestampSecs(const QJsonValue &v);

} // namespace gerbang
