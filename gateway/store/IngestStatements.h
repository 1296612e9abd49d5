// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace gerbang {

class Database;

struct RawPayloadRow
{
    QString id;
    qint64 receivedAtMs = 0;
    QString keyIdHex;
    qint64 size = 0;
    QByteArray sha256Hex;
    QByteArray sealed;
};

struct EventRow
{
    QString id;
    QString tenant;
    QString provider;
    QString type;
    QString providerEventId; // empty: NULL
    QString dedupKey;
    QString rawRef;
    QString locator;
    qint64 receivedAtMs = 0;
    qint64 occurredAtMs = 0; // 0: NULL
    QString routingKey;
};

// The statements that acknowledge a request, prepared once per connection and run inside the
// store writer's transaction. Two implementations: portable QtSql (PostgreSQL) and SQLite's
// own C API, which skips QtSql's QVariant and UTF-16 round trips on the hottest path.
class IngestStatements
{
public:
    virtual ~IngestStatements() = default;

    static std::unique_ptr<IngestStatements> create(Database &db, QString *error);

    // Records (tenant, key) until `expiresAtMs`. *fresh is false when the key is already
    // known and has not expired (a duplicate).
    virtual bool claimDedupKey(const QString &tenant, const QString &key, qint64 nowMs,
                               qint64 expiresAtMs, bool *fresh, QString *error) = 0;
    virtual bool insertRawPayload(const RawPayloadRow &row, QString *error) = 0;
    virtual bool insertEvent(const EventRow &row, QString *error) = 0;
    virtual bool insertOutbox(const QString &eventId, const QString &tenant, qint64 nowMs,
                              QString *error) = 0;
    virtual bool insertAudit(const AuditRecord &record, QString *error) = 0;
};

namespace ingest_sql {
inline constexpr char kDedup[] =
    "INSERT INTO dedup_keys (tenant_id, key, seen_at, expires_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (tenant_id, key) DO UPDATE SET seen_at = excluded.seen_at, "
    "expires_at = excluded.expires_at WHERE dedup_keys.expires_at < excluded.seen_at";
inline constexpr char kRaw[] =
    "INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) "
    "VALUES (?, ?, ?, ?, ?, ?)";
inline constexpr char kEvent[] =
    "INSERT INTO events (id, tenant_id, provider, type, provider_event_id, dedup_key, "
    "raw_ref, locator, received_at, occurred_at, routing_key) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
inline constexpr char kOutbox[] =
    "INSERT INTO outbox (event_id, tenant_id, created_at, next_attempt_at) VALUES (?, ?, ?, ?)";
} // namespace ingest_sql

} // namespace gerbang
