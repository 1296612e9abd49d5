// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"
#include "domain/Source.h"
#include "domain/Tenant.h"
#include "domain/Vocabulary.h"
#include "domain/WebhookEvent.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace gerbang {

struct GatewayBeat;
struct StoredAlert;
struct OutboxItem;
struct SecretInfo;
struct RetentionReport;
struct AdminToken;

// Stored records as JSON, with the keys `gerbangctl --json` prints and the admin API answers
// (a published interface: one definition for both, so a remote listing equals a local one).
// Times are ISO 8601 UTC with milliseconds.
QJsonObject auditJson(const AuditRecord &a);
// An event's metadata: ids and references only, never payload content.
QJsonObject eventJson(const WebhookEvent &e);
QJsonObject deadLetterJson(const OutboxItem &item);
QJsonObject tenantJson(const Tenant &t);
// A source's settings; never its secret (the vault holds it under the source's name).
QJsonObject sourceJson(const Source &s);
// An admin token's public side (never the token or its digest); `lastUsedAtMs` may be newer
// than the stored one (a gateway writes it at most once a minute).
QJsonObject tokenJson(const AdminToken &t, qint64 lastUsedAtMs);
// What a retention run removed (gerbangctl purge --json, the admin API).
QJsonObject retentionJson(const RetentionReport &r);
// A secret's public side: name, slot, fingerprint, created, retired; never its value.
QJsonObject secretJson(const SecretInfo &s);
QJsonObject allowlistJson(const QString &scope, const QStringList &networks);
// A gateway of the fleet, with its state at `nowMs`.
QJsonObject gatewayJson(const GatewayBeat &g, qint64 nowMs);
QJsonObject alertJson(const StoredAlert &a);

// The reverse, for a console attached to a gateway over the admin API: the record the JSON
// above describes. Keys that are absent read as the record's defaults.
AuditRecord auditFromJson(const QJsonObject &o);
Tenant tenantFromJson(const QJsonObject &o);
Source sourceFromJson(const QJsonObject &o);
SecretInfo secretFromJson(const QJsonObject &o);
StoredAlert storedAlertFromJson(const QJsonObject &o);
OutboxItem deadLetterFromJson(const QJsonObject &o);
WebhookEvent eventFromJson(const QJsonObject &o);
// The heartbeat row; `state` gets the state the gateway judged by its own clock.
GatewayBeat gatewayFromJson(const QJsonObject &o, GatewayState *state);
// Epoch ms of an ISO 8601 time as isoOrNull() writes it; 0 for null or unreadable.
qint64 msFromIso(const QJsonValue &v);
QStringList fromJsonArray(const QJsonValue &v);

class Database;
// Every tenant, newest first like every listing.
QList<Tenant> tenantsNewestFirst(Database &db, QString *error);
// One event's metadata and whether its raw payload is still stored (raw_retained): an empty
// object when there is no such event (and `error` empty) or reading failed.
QJsonObject eventDetailJson(Database &db, const QString &id, QString *error);

// ISO 8601 UTC with milliseconds, or null for 0 (absent).
QJsonValue isoOrNull(qint64 ms);
// The text, or null when it is empty (absent references).
QJsonValue textOrNull(const QString &text);
QJsonArray toJsonArray(const QStringList &list);

} // namespace gerbang
