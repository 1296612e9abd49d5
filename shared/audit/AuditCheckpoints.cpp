// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditCheckpoints.h"

#include "AuditSigningKey.h"
#include "crypto/Ed25519.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

AuditCheckpoint checkpointAt(const QSqlQuery &q)
{
    AuditCheckpoint c;
    c.id = q.value(0).toLongLong();
    c.chainId = q.value(1).toString();
    c.seq = q.value(2).toLongLong();
    c.headHash = q.value(3).toByteArray();
    c.signedAtMs = q.value(4).toLongLong();
    c.reason = q.value(5).toString();
    c.publicKey = AuditSigningKey::publicKeyFromText(q.value(6).toString()).value_or(QByteArray());
    c.signature = q.value(7).toByteArray();
    return c;
}

constexpr QStringView kColumns =
    u"id, chain_id, seq, head_hash, signed_at, reason, public_key, signature";

} // namespace

QByteArray AuditCheckpoint::message() const
{
    return "gerbang-audit-checkpoint-v1\n" + chainId.toUtf8() + '\n' + QByteArray::number(seq) +
           '\n' + headHash.toHex() + '\n' + QByteArray::number(signedAtMs) + '\n' +
           reason.toUtf8() + '\n';
}

bool AuditCheckpoint::signatureValid() const
{
    return crypto::ed25519Verify(publicKey, message(), signature);
}

QJsonObject AuditCheckpoint::toJson() const
{
    return {{u"chain"_s, chainId},
            {u"seq"_s, seq},
            {u"head_hash"_s, QString::fromLatin1(headHash.toHex())},
            {u"signed_at"_s, signedAtMs},
            {u"reason"_s, reason},
            {u"public_key"_s, AuditSigningKey::publicKeyText(publicKey)},
            {u"signature"_s, QString::fromLatin1(signature.toBase64())}};
}

std::optional<AuditCheckpoint> AuditCheckpoint::fromJson(const QJsonObject &o)
{
    AuditCheckpoint c;
    c.chainId = o.value(u"chain"_s).toString();
    c.seq = qint64(o.value(u"seq"_s).toDouble());
    c.headHash = QByteArray::fromHex(o.value(u"head_hash"_s).toString().toLatin1());
    c.signedAtMs = qint64(o.value(u"signed_at"_s).toDouble());
    c.reason = o.value(u"reason"_s).toString();
    const auto key = AuditSigningKey::publicKeyFromText(o.value(u"public_key"_s).toString());
    c.signature = QByteArray::fromBase64(o.value(u"signature"_s).toString().toLatin1());
    if (c.chainId.isEmpty() || c.headHash.size() != 32 || !key || c.signature.size() != 64)
        return std::nullopt;
    c.publicKey = *key;
    return c;
}

std::optional<AuditCheckpoint> AuditCheckpoints::sign(const QString &chainId,
                                                      const AuditSigningKey &key,
                                                      const QString &reason, qint64 nowMs,
                                                      bool *fresh, QString *error)
{
    *fresh = false;
    std::optional<AuditCheckpoint> out;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QSqlQuery head(m_db.db());
        head.prepare(u"SELECT head_seq, head_hash FROM audit_chains WHERE chain_id = ?"_s);
        head.addBindValue(chainId);
        if (!head.exec()) {
            *error = head.lastError().text();
            return false;
        }
        if (!head.next()) {
            *error = u"no audit chain %1"_s.arg(chainId);
            return false;
        }
        AuditCheckpoint c;
        c.chainId = chainId;
        c.seq = head.value(0).toLongLong();
        c.headHash = head.value(1).toByteArray();
        QSqlQuery last(m_db.db());
        last.prepare(u"SELECT %1 FROM audit_checkpoints WHERE chain_id = ? "
                     "ORDER BY seq DESC, id DESC LIMIT 1"_s.arg(kColumns));
        last.addBindValue(chainId);
        if (!last.exec()) {
            *error = last.lastError().text();
            return false;
        }
        if (last.next()) {
            AuditCheckpoint previous = checkpointAt(last);
            if (previous.seq == c.seq && previous.headHash == c.headHash &&
                previous.publicKey == key.publicKey()) {
                out = std::move(previous);
                return true;
            }
        }
        c.signedAtMs = nowMs;
        c.reason = reason;
        c.publicKey = key.publicKey();
        c.signature = key.sign(c.message());
        if (c.signature.isEmpty()) {
            *error = u"cannot sign the checkpoint (OpenSSL)"_s;
            return false;
        }
        QSqlQuery ins(m_db.db());
        ins.prepare(u"INSERT INTO audit_checkpoints (chain_id, seq, head_hash, signed_at, reason, "
                    "public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
        ins.addBindValue(c.chainId);
        ins.addBindValue(c.seq);
        ins.addBindValue(c.headHash);
        ins.addBindValue(c.signedAtMs);
        ins.addBindValue(c.reason);
        ins.addBindValue(AuditSigningKey::publicKeyText(c.publicKey));
        ins.addBindValue(c.signature);
        if (!ins.exec()) {
            *error = ins.lastError().text();
            return false;
        }
        *fresh = true;
        out = std::move(c);
        return true;
    });
    return ok ? out : std::nullopt;
}

QStringList AuditCheckpoints::unsignedChains(QString *error) const
{
    QSqlQuery q(m_db.db());
    if (!q.exec(u"SELECT c.chain_id FROM audit_chains c WHERE c.head_seq > 0 AND NOT EXISTS "
                "(SELECT 1 FROM audit_checkpoints k WHERE k.chain_id = c.chain_id AND "
                "k.seq = c.head_seq AND k.head_hash = c.head_hash) ORDER BY c.chain_id"_s)) {
        *error = q.lastError().text();
        return {};
    }
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QList<AuditCheckpoint> AuditCheckpoints::of(const QString &chainId, QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(
        u"SELECT %1 FROM audit_checkpoints WHERE chain_id = ? ORDER BY seq, id"_s.arg(kColumns));
    q.addBindValue(chainId);
    QList<AuditCheckpoint> out;
    if (!q.exec()) {
        *error = q.lastError().text();
        return out;
    }
    while (q.next())
        out << checkpointAt(q);
    return out;
}

} // namespace gerbang
