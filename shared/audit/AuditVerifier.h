// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditCheckpoints.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

class Database;

// One place where the stored audit log is not what its writers wrote.
struct ChainBreak
{
    enum class Kind
    {
        Changed,   // a row's columns (or its stored hash) are not what was hashed
        Removed,   // rows of the chain are missing (in the middle, or its tail)
        Inserted,  // a row that no writer chained: unchained, a duplicate place, after the head
        Reordered, // rows stored out of their chain's order
        Checkpoint // a checkpoint whose signature or head does not hold
    };
    Kind kind = Kind::Changed;
    qint64 rowId = 0; // the row where it shows (0: none, e.g. a removed tail)
    qint64 seq = 0;   // its place on the chain
    QString detail;   // what differs, in English (the console and CLI word it)
};
// The published words of ChainBreak::Kind ("changed", "removed", ...).
QString wire(ChainBreak::Kind kind);

struct ChainVerification
{
    QString chainId;
    bool legacy = false; // the rows written before the chain existed (schema version 9)
    qint64 createdAtMs = 0;
    qint64 anchorSeq = 0; // verification starts after it (retention deleted up to here)
    qint64 headSeq = 0;
    qint64 firstSeq = 0; // the range checked (0, 0: no rows)
    qint64 lastSeq = 0;
    qint64 rows = 0;
    qint64 fromMs = 0; // received_at of the rows checked
    qint64 toMs = 0;
    QByteArray lastHash; // the hash of the last row checked
    // The newest checkpoint whose signature holds and whose head is a row checked.
    std::optional<AuditCheckpoint> checkpoint;
    bool checkpointKeyTrusted = false; // signed by a key the caller trusts
    QList<ChainBreak> breaks;
    bool ok() const { return breaks.isEmpty(); }
};

struct AuditVerification
{
    qint64 checkedAtMs = 0;
    std::optional<qint64> fromMs;
    std::optional<qint64> toMs;
    QList<ChainVerification> chains;
    QList<ChainBreak> unchained; // rows that belong to no chain
    bool ok() const;
    // The published shape of `gerbangctl audit verify --json` and GET /admin/v1/audit/verify.
    QJsonObject toJson() const;
    static AuditVerification fromJson(const QJsonObject &o);
};

// Walks the audit log and checks every chain: each row links to the one before it, the places
// run without gaps from the anchor to the head, the rows are stored in chain order, and each
// checkpoint's signature and head hold. With a time range only the rows received in it are
// checked, from the stored hash of the row before the first one (README "The audit log as
// evidence" says what that proves).
class AuditVerifier
{
public:
    explicit AuditVerifier(Database &db)
        : m_db(db)
    {
    }
    struct Options
    {
        std::optional<qint64> fromMs;
        std::optional<qint64> toMs;
        QList<QByteArray> trustedKeys; // raw Ed25519 public keys
    };
    std::optional<AuditVerification> verify(const Options &options, qint64 nowMs,
                                            QString *error) const;

private:
    bool verifyChain(ChainVerification &chain, const Options &options,
                     std::optional<std::pair<qint64, qint64>> ids, QString *error) const;
    Database &m_db;
};

} // namespace gerbang
