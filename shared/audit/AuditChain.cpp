// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"

#include "crypto/Crypto.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/StorableText.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace gerbang::auditchain {
namespace {

void putInteger(QByteArray &out, qint64 v)
{
    char bytes[8];
    qToBigEndian(v, bytes);
    out.append(bytes, 8);
}

void putText(QByteArray &out, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    char length[4];
    qToBigEndian(quint32(utf8.size()), length);
    out.append(length, 4);
    out.append(utf8);
}

} // namespace

QByteArray canonical(const AuditRecord &a)
{
    QByteArray out;
    out.reserve(256 + a.detail.size() + a.path.size());
    out.append(kCanonicalMagic, 4);
    putText(out, a.chainId);
    putInteger(out, a.chainSeq);
    putInteger(out, a.receivedAtMs);
    putText(out, a.sourceIp);
    putText(out, a.method);
    putText(out, a.path);
    putText(out, a.provider);
    putText(out, a.tenant);
    putText(out, a.outcome);
    putText(out, a.signatureStatus);
    putInteger(out, a.httpStatus);
    putInteger(out, a.processingUs);
    putInteger(out, a.bodySize);
    putText(out, a.rawRef);
    putText(out, a.eventIds.join(u','));
    putText(out, a.eventTypes.join(u','));
    putText(out, a.detail);
    putText(out, a.userAgent);
    return out;
}

QByteArray genesis(const QString &chainId)
{
    QByteArray text("gerbang-audit-chain-v1");
    text.append('\0').append(chainId.toUtf8());
    return crypto::sha256(text);
}

QByteArray link(const QByteArray &previous, const AuditRecord &record)
{
    QByteArray bytes = previous;
    bytes.append(canonical(record));
    return crypto::sha256(bytes);
}

Appender::Appender(Database &db)
    : m_db(db)
    , m_chain(db.auditChain())
    , m_head(db.db())
    , m_move(db.db())
{
}

bool Appender::append(std::span<AuditRecord> records, qint64 nowMs, QString *error)
{
    if (records.empty())
        return true;
    const auto failed = [error](const QSqlQuery &q) {
        *error = u"audit chain: "_s + q.lastError().text();
        return false;
    };
    if (!m_prepared) {
        if (!m_head.prepare(m_db.isPostgres() ? u"SELECT head_seq, head_hash FROM audit_chains "
                                                "WHERE chain_id = ? FOR UPDATE"_s
                                              : u"SELECT head_seq, head_hash FROM audit_chains "
                                                "WHERE chain_id = ?"_s))
            return failed(m_head);
        // Moves the head only from where this writer believes it is: a head moved by another
        // connection of the chain, or by a batch whose transaction was rolled back, matches
        // no row, and the head is read again.
        if (!m_move.prepare(u"UPDATE audit_chains SET head_seq = ?, head_hash = ? "
                            "WHERE chain_id = ? AND head_seq = ? AND head_hash = ?"_s))
            return failed(m_move);
        m_prepared = true;
    }
    for (AuditRecord &r : records) {
        // Hashed as it will be stored and read back.
        for (QString *text : {&r.sourceIp, &r.method, &r.path, &r.provider, &r.tenant, &r.outcome,
                              &r.signatureStatus, &r.rawRef, &r.detail, &r.userAgent})
            *text = storableText(*text);
        for (QStringList *list : {&r.eventIds, &r.eventTypes}) {
            for (QString &item : *list)
                item = storableText(item);
        }
        r.chainId = m_chain;
    }
    // Usually the head this writer moved last (no read per batch, issue 17's 5 %); read
    // (and on PostgreSQL locked) when that is unknown or no longer true.
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::optional<Head> from = std::exchange(m_known, std::nullopt);
        if (!from) {
            m_head.addBindValue(m_chain);
            if (!m_head.exec())
                return failed(m_head);
            if (m_head.next()) {
                from = Head{m_head.value(0).toLongLong(), m_head.value(1).toByteArray()};
                m_head.finish();
            } else {
                m_head.finish();
                from = Head{0, genesis(m_chain)};
                QSqlQuery create(m_db.db());
                create.prepare(
                    u"INSERT INTO audit_chains (chain_id, created_at, anchor_seq, anchor_hash, "
                    "head_seq, head_hash) VALUES (?, ?, 0, ?, 0, ?)"_s);
                create.addBindValue(m_chain);
                create.addBindValue(nowMs);
                create.addBindValue(from->hash);
                create.addBindValue(from->hash);
                if (!create.exec())
                    return failed(create);
            }
        }
        Head head = *from;
        for (AuditRecord &r : records) {
            r.chainSeq = ++head.seq;
            r.rowHash = link(head.hash, r);
            head.hash = r.rowHash;
        }
        m_move.addBindValue(head.seq);
        m_move.addBindValue(head.hash);
        m_move.addBindValue(m_chain);
        m_move.addBindValue(from->seq);
        m_move.addBindValue(from->hash);
        if (!m_move.exec())
            return failed(m_move);
        if (m_move.numRowsAffected() == 1) {
            m_known = std::move(head);
            return true;
        }
    }
    *error = u"audit chain: the head of chain '%1' moved while it was read"_s.arg(m_chain);
    return false;
}

bool append(Database &db, std::span<AuditRecord> records, qint64 nowMs, QString *error)
{
    return Appender(db).append(records, nowMs, error);
}

bool sealLegacy(Database &db, qint64 nowMs, QString *error)
{
    const QString chain = kLegacyChain.toString();
    QByteArray hash = genesis(chain);
    qint64 seq = 0;
    QSqlQuery update(db.db());
    update.prepare(u"UPDATE audit_log SET row_hash = ? WHERE id = ?"_s);
    // A page at a time, collected before it is updated: SQLite gives no promise about rows
    // changed under an open SELECT of the same table.
    for (;;) {
        QSqlQuery page(db.db());
        page.setForwardOnly(true);
        page.prepare(u"SELECT "_s + AuditRepository::selectColumns() +
                     u" FROM audit_log WHERE chain_id = ? AND chain_seq > ? "
                     "ORDER BY chain_seq LIMIT 2000"_s);
        page.addBindValue(chain);
        page.addBindValue(seq);
        if (!page.exec()) {
            *error = page.lastError().text();
            return false;
        }
        QList<std::pair<qint64, QByteArray>> hashes;
        while (page.next()) {
            const AuditRecord r = AuditRepository::recordAt(page, 0, true);
            hash = link(hash, r);
            seq = r.chainSeq;
            hashes.append({r.id, hash});
        }
        for (const auto &[id, h] : std::as_const(hashes)) {
            update.addBindValue(h);
            update.addBindValue(id);
            if (!update.exec()) {
                *error = update.lastError().text();
                return false;
            }
        }
        if (hashes.size() < 2000)
            break;
    }
    if (seq == 0)
        return true; // nothing was written before: no legacy chain
    QSqlQuery create(db.db());
    create.prepare(u"INSERT INTO audit_chains (chain_id, created_at, anchor_seq, anchor_hash, "
                   "head_seq, head_hash) VALUES (?, ?, 0, ?, ?, ?)"_s);
    create.addBindValue(chain);
    create.addBindValue(nowMs);
    create.addBindValue(genesis(chain));
    create.addBindValue(seq);
    create.addBindValue(hash);
    if (!create.exec()) {
        *error = create.lastError().text();
        return false;
    }
    return true;
}

} // namespace gerbang::auditchain
