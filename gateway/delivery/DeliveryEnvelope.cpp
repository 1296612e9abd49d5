// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeliveryEnvelope.h"

#include "domain/WebhookEvent.h"
#include "verify/StandardWebhooksSignature.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gerbang {

DeliveryEnvelope DeliveryEnvelope::build(const WebhookEvent &event, const QJsonObject &normalized,
                                         const QJsonValue &content, const QByteArray &secret,
                                         qint64 nowMs)
{
    QJsonObject data;
    data[u"event"_s] = normalized;
    if (!content.isUndefined())
        data[u"content"_s] = content;
    QJsonObject root;
    root[u"type"_s] = QString(event.provider + u'.' + event.type);
    root[u"timestamp"_s] =
        QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).toString(Qt::ISODateWithMs);
    root[u"data"_s] = data;

    DeliveryEnvelope e;
    e.id = normalized.value(u"id"_s).toString().toLatin1();
    e.timestamp = QByteArray::number(nowMs / 1000);
    e.body = QJsonDocument(root).toJson(QJsonDocument::Compact);
    e.signature = signStandardWebhooks(secret, e.id, e.timestamp, e.body);
    return e;
}

} // namespace gerbang
