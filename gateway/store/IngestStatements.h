// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <QByteArray>
#include <QString>
#include <memory>
#include <vector>

namespace gerbang {

class Database;
namespace auditchain {
class Appender;
}

struct DedupClaim
{
    QString tenant;
    QString key;
};

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

// What one group commit writes after its dedup claims, in this order (events refer to raw
// payloads; each event also enters the outbox, the hand-off to the core).
struct IngestRows
{
    std::vector<RawPayloadRow> raws;
    std::vector<EventRow> events;
    std::vector<AuditRecord> audits;
};

// The statements that acknowledge a batch of requests, run inside the store writer's
// transaction, one batch at a time. Two implementations: SQLite's own C API, row by row with
// persistent prepared statements (in process, so a row costs no round trip), and portable
// QtSql, one multi-row statement per table (on PostgreSQL every statement is a round trip).
class IngestStatements
{
public:
    explicit IngestStatements(Database &db);
    virtual ~IngestStatements();

    static std::unique_ptr<IngestStatements> create(Database &db, QString *error);

    // Records each (tenant, key) until `expiresAtMs`. (*fresh)[i] tells whether claims[i] was
    // new or its earlier claim had expired; a key claimed twice in one call is fresh at most
    // once, the first time (the second is a retry that arrived in the same batch).
    virtual bool claimDedupKeys(const std::vector<DedupClaim> &claims, qint64 nowMs,
                                qint64 expiresAtMs, std::vector<bool> *fresh, QString *error) = 0;
    // Inserts the rows; outbox rows are due at `nowMs`. The audit rows join the connection's
    // audit chain first (their chain columns are filled in).
    bool insert(IngestRows &rows, qint64 nowMs, QString *error);

protected:
    virtual bool insertRows(const IngestRows &rows, qint64 nowMs, QString *error) = 0;

private:
    std::unique_ptr<auditchain::Appender> m_chain;
};

// The statements and their column order, for both implementations. A binder has
// text(n, QString) for NOT NULL columns (a null string is stored as ''), textOrNull(n,
// QString) (empty: NULL), latin1(n, QByteArray), integer(n, qint64), integerOrNull(n,
// qint64) (0 or less: NULL) and blob(n, QByteArray); parameters are numbered from 1.
namespace ingest_sql {

struct Insert
{
    const char *head; // "INSERT INTO t (columns) VALUES "
    int columns;
    const char *tail; // after the VALUES list, may be empty
};

inline constexpr Insert kDedup{
    "INSERT INTO dedup_keys (tenant_id, key, seen_at, expires_at) VALUES ", 4,
    " ON CONFLICT (tenant_id, key) DO UPDATE SET seen_at = excluded.seen_at, "
    "expires_at = excluded.expires_at WHERE dedup_keys.expires_at < excluded.seen_at"};
inline constexpr Insert kRaw{
    "INSERT INTO raw_payloads (id, received_at, key_id, size, sha256, ciphertext) VALUES ", 6, ""};
inline constexpr Insert kEvent{
    "INSERT INTO events (id, tenant_id, provider, type, provider_event_id, dedup_key, raw_ref, "
    "locator, received_at, occurred_at, routing_key) VALUES ",
    11, ""};
inline constexpr Insert kOutbox{
    "INSERT INTO outbox (event_id, tenant_id, created_at, next_attempt_at) VALUES ", 4, ""};

// head + "(?, ?, …)" + tail: the one-row statement to prepare.
QString singleRow(const Insert &insert);

template <typename Binder>
void bindDedup(Binder &b, const DedupClaim &c, qint64 nowMs, qint64 expiresAtMs)
{
    b.text(1, c.tenant);
    b.text(2, c.key);
    b.integer(3, nowMs);
    b.integer(4, expiresAtMs);
}

template <typename Binder> void bindRaw(Binder &b, const RawPayloadRow &r)
{
    b.text(1, r.id);
    b.integer(2, r.receivedAtMs);
    b.text(3, r.keyIdHex);
    b.integer(4, r.size);
    b.latin1(5, r.sha256Hex);
    b.blob(6, r.sealed);
}

template <typename Binder> void bindEvent(Binder &b, const EventRow &e)
{
    b.text(1, e.id);
    b.text(2, e.tenant);
    b.text(3, e.provider);
    b.text(4, e.type);
    b.textOrNull(5, e.providerEventId);
    b.text(6, e.dedupKey);
    b.textOrNull(7, e.rawRef);
    b.textOrNull(8, e.locator);
    b.integer(9, e.receivedAtMs);
    b.integerOrNull(10, e.occurredAtMs);
    b.textOrNull(11, e.routingKey);
}

template <typename Binder> void bindOutbox(Binder &b, const EventRow &e, qint64 nowMs)
{
    b.text(1, e.id);
    b.text(2, e.tenant);
    b.integer(3, nowMs);
    b.integer(4, nowMs);
}

} // namespace ingest_sql

} // namespace gerbang
