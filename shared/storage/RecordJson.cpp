// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordJson.h"

#include "OutboxRepository.h"
#include "domain/Ids.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// The detail column holds diagnostic JSON written by the engine; show it as JSON when it is.
QJsonValue detailValue(const QString &detail)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(detail.toUtf8(), &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    if (error.error == QJsonParseError::NoError && doc.isArray())
        return doc.array();
    return detail;
}

} // namespace

QJsonObject auditJson(const AuditRecord &a)
{
    return {{u"id"_s, a.id},
            {u"received_at"_s, isoUtc(a.receivedAtMs)},
            {u"source_ip"_s, a.sourceIp},
            {u"method"_s, a.method},
            {u"path"_s, a.path},
            {u"provider"_s, a.provider},
            {u"tenant"_s, a.tenant},
            {u"outcome"_s, a.outcome},
            {u"signature_status"_s, a.signatureStatus},
            {u"http_status"_s, a.httpStatus},
            {u"processing_us"_s, a.processingUs},
            {u"body_size"_s, a.bodySize},
            {u"raw_ref"_s, textOrNull(a.rawRef)},
            {u"event_ids"_s, toJsonArray(a.eventIds)},
            {u"event_types"_s, toJsonArray(a.eventTypes)},
            {u"detail"_s, detailValue(a.detail)}};
}

QJsonObject eventJson(const WebhookEvent &e)
{
    return {{u"id"_s, e.id},
            {u"tenant"_s, e.tenant},
            {u"provider"_s, e.provider},
            {u"type"_s, e.type},
            {u"provider_event_id"_s, e.providerEventId},
            {u"dedup_key"_s, e.dedupKey},
            {u"raw_ref"_s, textOrNull(e.rawRef)},
            {u"locator"_s, e.locator},
            {u"received_at"_s, isoUtc(e.receivedAtMs)},
            {u"occurred_at"_s, isoOrNull(e.occurredAtMs)},
            {u"routing_key"_s, e.routingKey},
            {u"delivery_state"_s, e.deliveryState}};
}

QJsonObject deadLetterJson(const OutboxItem &item)
{
    const WebhookEvent &e = item.event;
    return {{u"id"_s, e.id},
            {u"tenant"_s, e.tenant},
            {u"provider"_s, e.provider},
            {u"type"_s, e.type},
            {u"provider_event_id"_s, e.providerEventId},
            {u"received_at"_s, isoUtc(e.receivedAtMs)},
            {u"attempts"_s, item.attempts},
            {u"last_status"_s, item.lastStatus > 0 ? QJsonValue(item.lastStatus) : QJsonValue()},
            {u"last_error"_s, item.lastError},
            {u"dead_at"_s, isoOrNull(item.finishedAtMs)}};
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoUtc(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace gerbang
