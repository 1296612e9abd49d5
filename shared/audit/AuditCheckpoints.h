// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

class AuditSigningKey;
class Database;

// A chain's head (seq and hash) signed with an installation's Ed25519 key. What a checkpoint
// proves: the chain up to `seq` was exactly this when it was signed; a copy kept outside the
// database (the alert URL, a report) proves it even against someone who can rewrite the rows.
struct AuditCheckpoint
{
    qint64 id = 0;
    QString chainId;
    qint64 seq = 0;
    QByteArray headHash; // 32 bytes
    qint64 signedAtMs = 0;
    QString reason; // interval, shutdown, legacy, on_demand
    QByteArray publicKey;
    QByteArray signature;

    // The signed bytes, version 1: "gerbang-audit-checkpoint-v1\n" then chain id, seq, head
    // hash (hex), signed_at (ms) and reason, each followed by '\n'.
    QByteArray message() const;
    bool signatureValid() const;
    QJsonObject toJson() const;
    static std::optional<AuditCheckpoint> fromJson(const QJsonObject &o);
};

class AuditCheckpoints
{
public:
    explicit AuditCheckpoints(Database &db)
        : m_db(db)
    {
    }

    // Signs the head of `chainId` as it is now and stores the checkpoint, unless the chain's
    // last checkpoint already covers that head (then returns that one; `*fresh` false).
    std::optional<AuditCheckpoint> sign(const QString &chainId, const AuditSigningKey &key,
                                        const QString &reason, qint64 nowMs, bool *fresh,
                                        QString *error);
    // Every chain with rows whose head no checkpoint covers yet.
    QStringList unsignedChains(QString *error) const;
    // The chain's checkpoints, oldest first.
    QList<AuditCheckpoint> of(const QString &chainId, QString *error) const;

private:
    Database &m_db;
};

} // namespace gerbang
