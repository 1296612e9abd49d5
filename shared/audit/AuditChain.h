// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <QByteArray>
#include <QSqlQuery>
#include <QString>
#include <optional>
#include <span>

namespace gerbang {

class Database;

// The audit log as a hash chain (README "The audit log as evidence"). Each writer (one per
// installation: the gateway id of its data directory) keeps its own chain, so gateways that
// share a PostgreSQL never wait on each other for it. Row n of a chain stores
//   row_hash(n) = SHA-256(row_hash(n-1) || canonical(row n))
// where row_hash(0) is the chain's genesis hash, and the chain's head (its last seq and hash)
// lives in audit_chains, moved in the same transaction as the rows: a row changed, removed,
// inserted or moved afterwards no longer links.
namespace auditchain {

// Version 1 of the canonical form, the byte encoding hashed for each row: the magic "GAR1",
// then every column in this order, text as a 4-byte big-endian length and its UTF-8 bytes,
// integers as 8-byte big-endian two's complement:
//   chain_id, chain_seq, received_at, source_ip, method, path, provider, tenant, outcome,
//   signature_status, http_status, processing_us, body_size, raw_ref (NULL as ''),
//   event_ids, event_types, detail, user_agent.
// Documented in docs/audit-chain.md; a change of it is a new version, never an edit.
inline constexpr char kCanonicalMagic[] = "GAR1";
QByteArray canonical(const AuditRecord &record);
// The first link of a chain: SHA-256("gerbang-audit-chain-v1" NUL chain_id).
QByteArray genesis(const QString &chainId);
// SHA-256(previous || canonical(record)).
QByteArray link(const QByteArray &previous, const AuditRecord &record);

// The chain of rows written before the chain existed (schema version 9 sealed them).
inline constexpr QStringView kLegacyChain = u"legacy";
// The chain of a connection that names no writer (tests that open a database by hand).
inline constexpr QStringView kUnnamedChain = u"unnamed";

// Inside the caller's write transaction: gives each record the next places on the
// connection's chain (created on first use), hashes them, and moves the chain's head. On
// PostgreSQL the head row is locked until the transaction ends, so two writers of one chain
// take turns. Texts are first brought to their stored form (storage/StorableText.h), so that
// what is read back is what was hashed. Keeps its statements prepared: one per connection
// (and per generation of it, see Database::generation()).
class Appender
{
public:
    explicit Appender(Database &db);
    bool append(std::span<AuditRecord> records, qint64 nowMs, QString *error);

private:
    Database &m_db;
    const QString m_chain;
    QSqlQuery m_head;
    QSqlQuery m_move;
    bool m_prepared = false;
    struct Head
    {
        qint64 seq = 0;
        QByteArray hash;
    };
    // The head this writer moved last; it may be stale (a rolled-back transaction, another
    // connection of the same chain), which the conditional move detects.
    std::optional<Head> m_known;
};

// The same, once (for the few rows written outside the store thread).
bool append(Database &db, std::span<AuditRecord> records, qint64 nowMs, QString *error);

// Schema version 9: the rows written before the chain existed, which the migration numbered
// on the chain kLegacyChain in id order, get their hashes, and the chain its head. Run inside
// the migration's transaction; the gateway signs this head at its next start (a checkpoint
// with reason "legacy"), which is all that can be proven of them: unchanged since then.
bool sealLegacy(Database &db, qint64 nowMs, QString *error);

} // namespace auditchain
} // namespace gerbang
