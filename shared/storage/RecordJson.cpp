// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecordJson.h"

#include "AdminTokenRepository.h"
#include "AlertRepository.h"
#include "EventRepository.h"
#include "GatewayRepository.h"
#include "OutboxRepository.h"
#include "Retention.h"
#include "SecretRepository.h"
#include "TenantRepository.h"
#include "domain/Ids.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

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
            {u"detail"_s, detailValue(a.detail)},
            {u"user_agent"_s, a.userAgent},
            {u"chain"_s, textOrNull(a.chainId)},
            {u"chain_seq"_s, a.chainSeq > 0 ? QJsonValue(a.chainSeq) : QJsonValue()},
            {u"row_hash"_s, a.rowHash.isEmpty()
                                ? QJsonValue()
                                : QJsonValue(QString::fromLatin1(a.rowHash.toHex()))}};
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

QJsonObject tenantJson(const Tenant &t)
{
    return {{u"id"_s, t.id},
            {u"name"_s, t.name},
            {u"enabled"_s, t.enabled},
            {u"waba_ids"_s, toJsonArray(t.wabaIds)},
            {u"phone_number_ids"_s, toJsonArray(t.phoneNumberIds)},
            {u"created_at"_s, isoOrNull(t.createdAtMs)},
            {u"updated_at"_s, isoOrNull(t.updatedAtMs)}};
}

QJsonObject tokenJson(const AdminToken &t, qint64 lastUsedAtMs)
{
    return {{u"name"_s, t.name},
            {u"role"_s, wire(t.role)},
            {u"created_at"_s, isoOrNull(t.createdAtMs)},
            {u"created_by"_s, t.createdBy},
            {u"last_used_at"_s, isoOrNull(std::max(t.lastUsedAtMs, lastUsedAtMs))},
            {u"expires_at"_s, isoOrNull(t.expiresAtMs)}};
}

QJsonObject retentionJson(const RetentionReport &r)
{
    return {{u"raw_payloads"_s, r.rawPayloads},
            {u"audit_rows"_s, r.auditRows},
            {u"dedup_keys"_s, r.dedupKeys},
            {u"delivered_events"_s, r.deliveredEvents},
            {u"dead_letters"_s, r.deadLetters}};
}

QJsonObject secretJson(const SecretInfo &s)
{
    return {{u"name"_s, s.name},
            {u"slot"_s, s.slot},
            {u"fingerprint"_s, s.fingerprint},
            {u"created_at"_s, isoOrNull(s.createdAtMs)},
            {u"retire_at"_s, isoOrNull(s.retireAtMs)}};
}

QJsonObject sourceJson(const Source &s)
{
    return {{u"name"_s, s.name},
            {u"provider"_s, s.provider},
            {u"tenant"_s, textOrNull(s.tenant)},
            {u"route"_s, s.route()},
            {u"tolerance_s"_s, s.toleranceSecs > 0 ? QJsonValue(s.toleranceSecs) : QJsonValue()},
            {u"dedup_field"_s, textOrNull(s.dedupField)},
            {u"failure_status"_s, s.failureStatus},
            {u"body_limit"_s, s.bodyLimit > 0 ? QJsonValue(s.bodyLimit) : QJsonValue()},
            {u"enabled"_s, s.enabled},
            {u"created_at"_s, isoOrNull(s.createdAtMs)}};
}

QJsonObject allowlistJson(const QString &scope, const QStringList &networks)
{
    return {{u"scope"_s, scope}, {u"networks"_s, toJsonArray(networks)}};
}

QJsonObject gatewayJson(const GatewayBeat &g, qint64 nowMs)
{
    return {{u"id"_s, g.id},
            {u"state"_s, wire(g.stateAt(nowMs))},
            {u"host"_s, g.host},
            {u"version"_s, g.version},
            {u"webhook_url"_s, g.webhookUrl},
            {u"admin_url"_s, textOrNull(g.adminUrl)},
            {u"started_at"_s, isoOrNull(g.startedAtMs)},
            {u"last_seen_at"_s, isoOrNull(g.lastSeenAtMs)},
            {u"stopped_at"_s, isoOrNull(g.stoppedAtMs)},
            {u"summary"_s, QJsonDocument::fromJson(g.summary.toUtf8()).object()}};
}

QList<Tenant> tenantsNewestFirst(Database &db, QString *error)
{
    QList<Tenant> tenants = TenantRepository(db).list(error);
    std::stable_sort(tenants.begin(), tenants.end(), [](const Tenant &a, const Tenant &b) {
        return a.createdAtMs > b.createdAtMs;
    });
    return tenants;
}

AuditRecord auditFromJson(const QJsonObject &o)
{
    AuditRecord a;
    a.id = o.value(u"id"_s).toInteger();
    a.receivedAtMs = msFromIso(o.value(u"received_at"_s));
    a.sourceIp = o.value(u"source_ip"_s).toString();
    a.method = o.value(u"method"_s).toString();
    a.path = o.value(u"path"_s).toString();
    a.provider = o.value(u"provider"_s).toString();
    a.tenant = o.value(u"tenant"_s).toString();
    a.outcome = o.value(u"outcome"_s).toString();
    a.signatureStatus = o.value(u"signature_status"_s).toString();
    a.httpStatus = o.value(u"http_status"_s).toInt();
    a.processingUs = o.value(u"processing_us"_s).toInteger();
    a.bodySize = o.value(u"body_size"_s).toInteger();
    a.rawRef = o.value(u"raw_ref"_s).toString();
    a.eventIds = fromJsonArray(o.value(u"event_ids"_s));
    a.eventTypes = fromJsonArray(o.value(u"event_types"_s));
    a.userAgent = o.value(u"user_agent"_s).toString();
    a.chainId = o.value(u"chain"_s).toString();
    a.chainSeq = o.value(u"chain_seq"_s).toInteger();
    a.rowHash = QByteArray::fromHex(o.value(u"row_hash"_s).toString().toLatin1());
    // Stored as text; published as the JSON it holds (detailValue), so written back compact.
    const QJsonValue detail = o.value(u"detail"_s);
    a.detail =
        detail.isObject()
            ? QString::fromUtf8(QJsonDocument(detail.toObject()).toJson(QJsonDocument::Compact))
        : detail.isArray()
            ? QString::fromUtf8(QJsonDocument(detail.toArray()).toJson(QJsonDocument::Compact))
            : detail.toString();
    return a;
}

Tenant tenantFromJson(const QJsonObject &o)
{
    Tenant t;
    t.id = o.value(u"id"_s).toString();
    t.name = o.value(u"name"_s).toString();
    t.enabled = o.value(u"enabled"_s).toBool(true);
    t.wabaIds = fromJsonArray(o.value(u"waba_ids"_s));
    t.phoneNumberIds = fromJsonArray(o.value(u"phone_number_ids"_s));
    t.createdAtMs = msFromIso(o.value(u"created_at"_s));
    t.updatedAtMs = msFromIso(o.value(u"updated_at"_s));
    return t;
}

Source sourceFromJson(const QJsonObject &o)
{
    Source s;
    s.name = o.value(u"name"_s).toString();
    s.provider = o.value(u"provider"_s).toString();
    s.tenant = o.value(u"tenant"_s).toString();
    s.toleranceSecs = o.value(u"tolerance_s"_s).toInt();
    s.dedupField = o.value(u"dedup_field"_s).toString();
    s.failureStatus = o.value(u"failure_status"_s).toInt(s.failureStatus);
    s.bodyLimit = o.value(u"body_limit"_s).toInteger();
    s.enabled = o.value(u"enabled"_s).toBool(true);
    s.createdAtMs = msFromIso(o.value(u"created_at"_s));
    return s;
}

SecretInfo secretFromJson(const QJsonObject &o)
{
    SecretInfo s;
    s.name = o.value(u"name"_s).toString();
    s.slot = o.value(u"slot"_s).toString();
    s.fingerprint = o.value(u"fingerprint"_s).toString();
    s.createdAtMs = msFromIso(o.value(u"created_at"_s));
    s.retireAtMs = msFromIso(o.value(u"retire_at"_s));
    return s;
}

GatewayBeat gatewayFromJson(const QJsonObject &o, GatewayState *state)
{
    GatewayBeat g;
    g.id = o.value(u"id"_s).toString();
    g.host = o.value(u"host"_s).toString();
    g.version = o.value(u"version"_s).toString();
    g.webhookUrl = o.value(u"webhook_url"_s).toString();
    g.adminUrl = o.value(u"admin_url"_s).toString();
    g.startedAtMs = msFromIso(o.value(u"started_at"_s));
    g.lastSeenAtMs = msFromIso(o.value(u"last_seen_at"_s));
    g.stoppedAtMs = msFromIso(o.value(u"stopped_at"_s));
    g.summary = QString::fromUtf8(
        QJsonDocument(o.value(u"summary"_s).toObject()).toJson(QJsonDocument::Compact));
    *state =
        fromWire<GatewayState>(o.value(u"state"_s).toString()).value_or(GatewayState::NotAnswering);
    return g;
}

StoredAlert storedAlertFromJson(const QJsonObject &o)
{
    StoredAlert a;
    a.id = o.value(u"id"_s).toInteger();
    a.raisedAtMs = msFromIso(o.value(u"raised_at"_s));
    a.kind = o.value(u"kind"_s).toString();
    a.source = o.value(u"source"_s).toString();
    a.count = o.value(u"count"_s).toInteger();
    a.windowSecs = o.value(u"window_s"_s).toInt();
    a.state = o.value(u"state"_s).toString(wire(AlertState::Raised));
    a.value = o.value(u"value"_s).toInteger();
    a.threshold = o.value(u"threshold"_s).toInteger();
    a.untilMs = msFromIso(o.value(u"until"_s));
    a.detail = o.value(u"detail"_s).toString();
    a.acknowledgedAtMs = msFromIso(o.value(u"acknowledged_at"_s));
    a.acknowledgedBy = o.value(u"acknowledged_by"_s).toString();
    return a;
}

OutboxItem deadLetterFromJson(const QJsonObject &o)
{
    OutboxItem item;
    WebhookEvent &e = item.event;
    e.id = o.value(u"id"_s).toString();
    e.tenant = o.value(u"tenant"_s).toString();
    e.provider = o.value(u"provider"_s).toString();
    e.type = o.value(u"type"_s).toString();
    e.providerEventId = o.value(u"provider_event_id"_s).toString();
    e.receivedAtMs = msFromIso(o.value(u"received_at"_s));
    e.deliveryState = wire(DeliveryState::Dead);
    item.state = e.deliveryState;
    item.attempts = o.value(u"attempts"_s).toInt();
    item.lastStatus = o.value(u"last_status"_s).toInt();
    item.lastError = o.value(u"last_error"_s).toString();
    item.finishedAtMs = msFromIso(o.value(u"dead_at"_s));
    return item;
}

WebhookEvent eventFromJson(const QJsonObject &o)
{
    WebhookEvent e;
    e.id = o.value(u"id"_s).toString();
    e.tenant = o.value(u"tenant"_s).toString();
    e.provider = o.value(u"provider"_s).toString();
    e.type = o.value(u"type"_s).toString();
    e.providerEventId = o.value(u"provider_event_id"_s).toString();
    e.dedupKey = o.value(u"dedup_key"_s).toString();
    e.rawRef = o.value(u"raw_ref"_s).toString();
    e.locator = o.value(u"locator"_s).toString();
    e.receivedAtMs = msFromIso(o.value(u"received_at"_s));
    e.occurredAtMs = msFromIso(o.value(u"occurred_at"_s));
    e.routingKey = o.value(u"routing_key"_s).toString();
    e.deliveryState = o.value(u"delivery_state"_s).toString();
    return e;
}

qint64 msFromIso(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QStringList fromJsonArray(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        out << item.toString();
    return out;
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

QJsonObject eventDetailJson(Database &db, const QString &id, QString *error)
{
    EventRepository repo(db);
    const std::optional<WebhookEvent> event = repo.find(id, error);
    if (!event)
        return {};
    const bool retained = repo.rawRetained(*event, error);
    if (!error->isEmpty())
        return {};
    QJsonObject object = eventJson(*event);
    object.insert(u"raw_retained"_s, retained);
    return object;
}

QJsonObject alertJson(const StoredAlert &a)
{
    return {{u"id"_s, a.id},
            {u"raised_at"_s, isoUtc(a.raisedAtMs)},
            {u"kind"_s, a.kind},
            {u"source"_s, a.source},
            {u"count"_s, a.count},
            {u"window_s"_s, a.windowSecs},
            {u"state"_s, a.state},
            {u"value"_s, a.value},
            {u"threshold"_s, a.threshold},
            {u"until"_s, isoOrNull(a.untilMs)},
            {u"detail"_s, textOrNull(a.detail)},
            {u"acknowledged_at"_s, isoOrNull(a.acknowledgedAtMs)},
            {u"acknowledged_by"_s, textOrNull(a.acknowledgedBy)}};
}

} // namespace gerbang
