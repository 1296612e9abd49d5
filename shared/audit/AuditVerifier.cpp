// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditVerifier.h"

#include "AuditChain.h"
#include "AuditSigningKey.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QMultiHash>
#include <QSqlError>
#include <QSqlQuery>
#include <limits>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// A log torn apart everywhere says so in its first breaks; thousands more would bury them.
constexpr qsizetype kMaxBreaks = 200;

constexpr std::pair<ChainBreak::Kind, QStringView> kKindWords[] = {
    {ChainBreak::Kind::Changed, u"changed"},       {ChainBreak::Kind::Removed, u"removed"},
    {ChainBreak::Kind::Inserted, u"inserted"},     {ChainBreak::Kind::Reordered, u"reordered"},
    {ChainBreak::Kind::Checkpoint, u"checkpoint"},
};

ChainBreak::Kind kindOf(const QString &word)
{
    for (const auto &[kind, text] : kKindWords) {
        if (text == word)
            return kind;
    }
    return ChainBreak::Kind::Changed;
}

void add(QList<ChainBreak> &breaks, ChainBreak b)
{
    if (breaks.size() < kMaxBreaks)
        breaks.append(std::move(b));
}

QJsonObject breakJson(const ChainBreak &b)
{
    return {{u"kind"_s, wire(b.kind)},
            {u"row_id"_s, b.rowId},
            {u"seq"_s, b.seq},
            {u"detail"_s, b.detail}};
}

ChainBreak breakFrom(const QJsonObject &o)
{
    return {kindOf(o.value(u"kind"_s).toString()), qint64(o.value(u"row_id"_s).toDouble()),
            qint64(o.value(u"seq"_s).toDouble()), o.value(u"detail"_s).toString()};
}

// A consistent snapshot for the whole walk: rows written meanwhile (the gateway keeps
// running) neither appear half nor move a head under it.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database &db)
        : m_db(db)
    {
        QSqlQuery q(m_db.db());
        m_open = q.exec(db.isPostgres() ? u"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"_s
                                        : u"BEGIN"_s);
        m_error = q.lastError().text();
    }
    ~ReadSnapshot()
    {
        if (m_open)
            QSqlQuery(m_db.db()).exec(u"COMMIT"_s);
    }
    bool open(QString *error) const
    {
        if (!m_open)
            *error = m_error;
        return m_open;
    }

private:
    Database &m_db;
    bool m_open = false;
    QString m_error;
};

QString hex(const QByteArray &hash)
{
    return QString::fromLatin1(hash.toHex().left(16));
}

} // namespace

QString wire(ChainBreak::Kind kind)
{
    for (const auto &[k, text] : kKindWords) {
        if (k == kind)
            return text.toString();
    }
    return {};
}

bool AuditVerification::ok() const
{
    return unchained.isEmpty() && std::all_of(chains.cbegin(), chains.cend(),
                                              [](const ChainVerification &c) { return c.ok(); });
}

QJsonObject AuditVerification::toJson() const
{
    QJsonArray list;
    for (const ChainVerification &c : chains) {
        QJsonArray breaks;
        for (const ChainBreak &b : c.breaks)
            breaks.append(breakJson(b));
        list.append(QJsonObject{
            {u"chain"_s, c.chainId},
            {u"kind"_s, c.legacy ? u"legacy"_s : u"writer"_s},
            {u"created_at"_s, c.createdAtMs},
            {u"anchor_seq"_s, c.anchorSeq},
            {u"head_seq"_s, c.headSeq},
            {u"first_seq"_s, c.firstSeq},
            {u"last_seq"_s, c.lastSeq},
            {u"rows"_s, c.rows},
            {u"from"_s, c.fromMs},
            {u"to"_s, c.toMs},
            {u"last_hash"_s, QString::fromLatin1(c.lastHash.toHex())},
            {u"checkpoint"_s, c.checkpoint ? QJsonValue(c.checkpoint->toJson()) : QJsonValue()},
            {u"checkpoint_key_trusted"_s, c.checkpointKeyTrusted},
            {u"ok"_s, c.ok()},
            {u"breaks"_s, breaks},
        });
    }
    QJsonArray unchainedRows;
    for (const ChainBreak &b : unchained)
        unchainedRows.append(breakJson(b));
    return {{u"ok"_s, ok()},
            {u"checked_at"_s, checkedAtMs},
            {u"from"_s, fromMs ? QJsonValue(*fromMs) : QJsonValue()},
            {u"to"_s, toMs ? QJsonValue(*toMs) : QJsonValue()},
            {u"chains"_s, list},
            {u"unchained"_s, unchainedRows}};
}

AuditVerification AuditVerification::fromJson(const QJsonObject &o)
{
    AuditVerification v;
    v.checkedAtMs = qint64(o.value(u"checked_at"_s).toDouble());
    if (o.value(u"from"_s).isDouble())
        v.fromMs = qint64(o.value(u"from"_s).toDouble());
    if (o.value(u"to"_s).isDouble())
        v.toMs = qint64(o.value(u"to"_s).toDouble());
    const auto number = [](const QJsonObject &j, const QString &key) {
        return qint64(j.value(key).toDouble());
    };
    for (const QJsonValue &value : o.value(u"chains"_s).toArray()) {
        const QJsonObject j = value.toObject();
        ChainVerification c;
        c.chainId = j.value(u"chain"_s).toString();
        c.legacy = j.value(u"kind"_s).toString() == u"legacy"_s;
        c.createdAtMs = number(j, u"created_at"_s);
        c.anchorSeq = number(j, u"anchor_seq"_s);
        c.headSeq = number(j, u"head_seq"_s);
        c.firstSeq = number(j, u"first_seq"_s);
        c.lastSeq = number(j, u"last_seq"_s);
        c.rows = number(j, u"rows"_s);
        c.fromMs = number(j, u"from"_s);
        c.toMs = number(j, u"to"_s);
        c.lastHash = QByteArray::fromHex(j.value(u"last_hash"_s).toString().toLatin1());
        if (j.value(u"checkpoint"_s).isObject())
            c.checkpoint = AuditCheckpoint::fromJson(j.value(u"checkpoint"_s).toObject());
        c.checkpointKeyTrusted = j.value(u"checkpoint_key_trusted"_s).toBool();
        for (const QJsonValue &b : j.value(u"breaks"_s).toArray())
            c.breaks.append(breakFrom(b.toObject()));
        v.chains.append(c);
    }
    for (const QJsonValue &b : o.value(u"unchained"_s).toArray())
        v.unchained.append(breakFrom(b.toObject()));
    return v;
}

std::optional<AuditVerification> AuditVerifier::verify(const Options &options, qint64 nowMs,
                                                       QString *error) const
{
    ReadSnapshot snapshot(m_db);
    if (!snapshot.open(error))
        return std::nullopt;
    AuditVerification out;
    out.checkedAtMs = nowMs;
    out.fromMs = options.fromMs;
    out.toMs = options.toMs;

    // A time range becomes the id range of the rows received in it: rows are walked in
    // stored order, and a row received a millisecond out of order is no hole.
    std::optional<std::pair<qint64, qint64>> ids;
    if (options.fromMs || options.toMs) {
        QSqlQuery q(m_db.db());
        q.prepare(u"SELECT MIN(id), MAX(id) FROM audit_log WHERE received_at >= ? AND "
                  "received_at <= ?"_s);
        q.addBindValue(options.fromMs.value_or(std::numeric_limits<qint64>::min()));
        q.addBindValue(options.toMs.value_or(std::numeric_limits<qint64>::max()));
        if (!q.exec() || !q.next()) {
            *error = q.lastError().text();
            return std::nullopt;
        }
        ids = q.value(0).isNull() ? std::pair<qint64, qint64>{1, 0}
                                  : std::pair{q.value(0).toLongLong(), q.value(1).toLongLong()};
    }
    const QString idRange =
        ids ? u" AND id BETWEEN %1 AND %2"_s.arg(ids->first).arg(ids->second) : QString();

    QSqlQuery chains(m_db.db());
    if (!chains.exec(u"SELECT chain_id, created_at, anchor_seq, head_seq FROM audit_chains "
                     "ORDER BY chain_id"_s)) {
        *error = chains.lastError().text();
        return std::nullopt;
    }
    QHash<QString, qsizetype> index;
    while (chains.next()) {
        ChainVerification c;
        c.chainId = chains.value(0).toString();
        c.legacy = c.chainId == auditchain::kLegacyChain;
        c.createdAtMs = chains.value(1).toLongLong();
        c.anchorSeq = chains.value(2).toLongLong();
        c.headSeq = chains.value(3).toLongLong();
        index.insert(c.chainId, out.chains.size());
        out.chains.append(c);
    }

    // Stored order: each chain's places must grow with the row ids; rows of no chain are
    // inserted ones.
    QSqlQuery order(m_db.db());
    order.setForwardOnly(true);
    if (!order.exec(u"SELECT id, chain_id, chain_seq FROM audit_log WHERE 1 = 1"_s + idRange +
                    u" ORDER BY id"_s)) {
        *error = order.lastError().text();
        return std::nullopt;
    }
    QHash<QString, qint64> lastSeq;
    while (order.next()) {
        const qint64 id = order.value(0).toLongLong();
        const QString chain = order.value(1).toString();
        const qint64 seq = order.value(2).toLongLong();
        if (order.value(1).isNull()) {
            add(out.unchained, {ChainBreak::Kind::Inserted, id, 0,
                                u"a row that belongs to no chain: no writer wrote it"_s});
            continue;
        }
        if (!index.contains(chain)) {
            add(out.unchained, {ChainBreak::Kind::Inserted, id, seq,
                                u"a row of chain %1, which no writer keeps"_s.arg(chain.left(80))});
            continue;
        }
        const qint64 previous = lastSeq.value(chain, std::numeric_limits<qint64>::min());
        if (seq <= previous)
            add(out.chains[index.value(chain)].breaks,
                {ChainBreak::Kind::Reordered, id, seq,
                 u"stored after the row at seq %1 of its chain, which comes later"_s.arg(
                     previous)});
        lastSeq.insert(chain, std::max(previous, seq));
    }

    for (ChainVerification &c : out.chains) {
        if (!verifyChain(c, options, ids, error))
            return std::nullopt;
    }
    return out;
}

bool AuditVerifier::verifyChain(ChainVerification &c, const Options &options,
                                std::optional<std::pair<qint64, qint64>> ids, QString *error) const
{
    QSqlQuery anchor(m_db.db());
    anchor.prepare(u"SELECT anchor_hash, head_hash FROM audit_chains WHERE chain_id = ?"_s);
    anchor.addBindValue(c.chainId);
    if (!anchor.exec() || !anchor.next()) {
        *error = anchor.lastError().text();
        return false;
    }
    const QByteArray anchorHash = anchor.value(0).toByteArray();
    const QByteArray headHash = anchor.value(1).toByteArray();

    QString checkpointError;
    const QList<AuditCheckpoint> checkpoints =
        AuditCheckpoints(m_db).of(c.chainId, &checkpointError);
    if (!checkpointError.isEmpty()) {
        *error = checkpointError;
        return false;
    }
    QMultiHash<qint64, AuditCheckpoint> checkpointAt;
    for (const AuditCheckpoint &k : checkpoints) {
        if (!k.signatureValid()) {
            add(c.breaks, {ChainBreak::Kind::Checkpoint, 0, k.seq,
                           u"the checkpoint signed at %1 does not verify: its signature or "
                           "what it signs was changed"_s.arg(k.signedAtMs)});
            continue;
        }
        if (k.seq == c.anchorSeq && k.headHash != anchorHash)
            add(c.breaks, {ChainBreak::Kind::Checkpoint, 0, k.seq,
                           u"the checkpoint signed at %1 does not match the chain's anchor"_s.arg(
                               k.signedAtMs)});
        if (k.seq > c.anchorSeq)
            checkpointAt.insert(k.seq, k);
    }
    const auto useCheckpoint = [&](const AuditCheckpoint &k) {
        if (!c.checkpoint || k.seq >= c.checkpoint->seq) {
            c.checkpoint = k;
            c.checkpointKeyTrusted = options.trustedKeys.contains(k.publicKey);
        }
    };
    for (const AuditCheckpoint &k : checkpoints) {
        if (k.seq == c.anchorSeq && k.headHash == anchorHash && k.signatureValid() && !ids)
            useCheckpoint(k);
    }

    // With a range: the stored hash of the row before its first one, looked up before the
    // walk (PostgreSQL streams a forward-only result: no other query while it is open).
    std::optional<QByteArray> beforeRange;
    qint64 firstInRange = 0;
    if (ids) {
        QSqlQuery first(m_db.db());
        first.prepare(u"SELECT MIN(chain_seq) FROM audit_log WHERE chain_id = ? AND id BETWEEN "
                      "? AND ?"_s);
        first.addBindValue(c.chainId);
        first.addBindValue(ids->first);
        first.addBindValue(ids->second);
        if (!first.exec() || !first.next()) {
            *error = first.lastError().text();
            return false;
        }
        firstInRange = first.value(0).toLongLong();
        if (firstInRange - 1 == c.anchorSeq) {
            beforeRange = anchorHash;
        } else if (firstInRange > 0) {
            QSqlQuery before(m_db.db());
            before.prepare(u"SELECT row_hash FROM audit_log WHERE chain_id = ? AND "
                           "chain_seq = ? ORDER BY id LIMIT 1"_s);
            before.addBindValue(c.chainId);
            before.addBindValue(firstInRange - 1);
            if (!before.exec()) {
                *error = before.lastError().text();
                return false;
            }
            if (before.next())
                beforeRange = before.value(0).toByteArray();
        }
    }

    QSqlQuery rows(m_db.db());
    rows.setForwardOnly(true);
    rows.prepare(
        u"SELECT "_s + AuditRepository::selectColumns() + u" FROM audit_log WHERE chain_id = ?"_s +
        (ids ? u" AND id BETWEEN %1 AND %2"_s.arg(ids->first).arg(ids->second) : QString()) +
        u" ORDER BY chain_seq, id"_s);
    rows.addBindValue(c.chainId);
    if (!rows.exec()) {
        *error = rows.lastError().text();
        return false;
    }

    qint64 expected = c.anchorSeq + 1;
    QByteArray prevStored = anchorHash; // what the next row links to, as stored
    QByteArray prevComputed;            // what it should link to when the last row's hash broke
    bool linked = true;                 // false: the next row cannot be checked (after a gap)
    bool first = true;
    AuditRecord last;
    QByteArray prevBeforeLast;
    bool lastFailed = false;
    while (rows.next()) {
        const AuditRecord r = AuditRepository::recordAt(rows, 0, true);
        if (first && ids) {
            // Checked from the stored hash of the row before the range.
            first = false;
            expected = r.chainSeq;
            if (beforeRange) {
                prevStored = *beforeRange;
            } else {
                add(c.breaks,
                    {ChainBreak::Kind::Removed, r.id, r.chainSeq - 1,
                     u"the row before the range (seq %1) is missing"_s.arg(r.chainSeq - 1)});
                linked = false;
            }
        }
        first = false;
        if (c.rows == 0 || r.receivedAtMs < c.fromMs)
            c.fromMs = r.receivedAtMs;
        c.toMs = std::max(c.toMs, r.receivedAtMs);
        if (c.rows == 0)
            c.firstSeq = r.chainSeq;
        ++c.rows;

        if (r.chainSeq < expected) {
            add(c.breaks, {ChainBreak::Kind::Inserted, r.id, r.chainSeq,
                           r.chainSeq <= c.anchorSeq
                               ? u"a row at seq %1, before the chain's anchor (%2): no writer "
                                 "wrote it after retention"_s.arg(r.chainSeq)
                                     .arg(c.anchorSeq)
                               : u"a second row at seq %1"_s.arg(r.chainSeq)});
            continue;
        }
        if (r.chainSeq > expected) {
            AuditRecord renumbered = r;
            renumbered.chainSeq = expected;
            if (linked && auditchain::link(prevStored, renumbered) == r.rowHash) {
                add(c.breaks,
                    {ChainBreak::Kind::Changed, r.id, expected,
                     u"its chain_seq: stored %1, hashed as %2"_s.arg(r.chainSeq).arg(expected)});
                prevBeforeLast = prevStored;
                prevStored = r.rowHash;
                prevComputed.clear();
                last = renumbered;
                lastFailed = false;
                ++expected;
                continue;
            }
            add(c.breaks,
                {ChainBreak::Kind::Removed, r.id, expected,
                 expected == r.chainSeq - 1
                     ? u"the row at seq %1 is missing (before row id %2)"_s.arg(expected).arg(r.id)
                     : u"the rows at seq %1 to %2 are missing (before row id %3)"_s.arg(expected)
                           .arg(r.chainSeq - 1)
                           .arg(r.id)});
            expected = r.chainSeq;
            linked = false;
        }
        bool holds = false;
        QByteArray computed;
        if (linked) {
            computed = auditchain::link(prevStored, r);
            holds = computed == r.rowHash;
            if (!holds && !prevComputed.isEmpty() &&
                auditchain::link(prevComputed, r) == r.rowHash) {
                // The row before is intact and only its stored hash was changed.
                holds = true;
                if (!c.breaks.isEmpty() && c.breaks.last().rowId == last.id)
                    c.breaks.last().detail = u"its stored row_hash"_s;
            }
        } else {
            holds = true; // after a gap: nothing to link it to, its own hash starts again
        }
        if (!holds) {
            // Two neighbours that fail alike may be two rows whose contents were swapped.
            bool swapped = false;
            if (lastFailed && last.chainSeq + 1 == r.chainSeq) {
                AuditRecord a = last;
                AuditRecord b = r;
                std::swap(a.chainSeq, b.chainSeq);
                swapped = auditchain::link(prevBeforeLast, b) == last.rowHash &&
                          auditchain::link(last.rowHash, a) == r.rowHash;
            }
            if (swapped) {
                if (!c.breaks.isEmpty() && c.breaks.last().rowId == last.id) {
                    c.breaks.last().kind = ChainBreak::Kind::Reordered;
                    c.breaks.last().detail =
                        u"holds the row of seq %1 (two rows swapped)"_s.arg(r.chainSeq);
                }
                add(c.breaks, {ChainBreak::Kind::Reordered, r.id, r.chainSeq,
                               u"holds the row of seq %1 (two rows swapped)"_s.arg(last.chainSeq)});
            } else {
                add(c.breaks, {ChainBreak::Kind::Changed, r.id, r.chainSeq,
                               u"its columns are not what was hashed"_s});
            }
        }
        const auto [from, to] = checkpointAt.equal_range(r.chainSeq);
        for (auto it = from; it != to; ++it) {
            if (it->headHash == r.rowHash)
                useCheckpoint(*it);
            else
                add(c.breaks, {ChainBreak::Kind::Checkpoint, r.id, r.chainSeq,
                               u"the checkpoint signed at %1 has head %2, the row holds %3"_s
                                   .arg(it->signedAtMs)
                                   .arg(hex(it->headHash), hex(r.rowHash))});
        }
        prevBeforeLast = prevStored;
        prevComputed = holds ? QByteArray() : computed;
        prevStored = r.rowHash;
        linked = true;
        last = r;
        lastFailed = !holds;
        expected = r.chainSeq + 1;
    }
    if (rows.lastError().isValid()) {
        *error = rows.lastError().text();
        return false;
    }
    c.lastSeq = c.rows > 0 ? expected - 1 : 0;
    c.lastHash = c.rows > 0 ? prevStored : QByteArray();
    if (ids && options.toMs)
        return true; // the rest of the chain was not asked for
    const qint64 end = c.rows > 0 ? c.lastSeq : c.anchorSeq;
    const qint64 signedUpTo = checkpoints.isEmpty() ? 0 : checkpoints.last().seq;
    if (end < c.headSeq) {
        add(c.breaks, {ChainBreak::Kind::Removed, 0, end + 1,
                       u"the chain's head is seq %1 but its rows end at %2: the last %3 rows are "
                       "missing (a truncated tail%4)"_s.arg(c.headSeq)
                           .arg(end)
                           .arg(c.headSeq - end)
                           .arg(signedUpTo > end ? u", past a signed checkpoint"_s
                                                 : u", after the last checkpoint"_s)});
    } else if (end > c.headSeq) {
        add(c.breaks, {ChainBreak::Kind::Inserted, last.id, c.headSeq + 1,
                       u"rows past the chain's head (seq %1)"_s.arg(c.headSeq)});
    } else if (c.rows > 0 && prevStored != headHash) {
        add(c.breaks, {ChainBreak::Kind::Changed, last.id, end,
                       u"the head hash kept in audit_chains is not the last row's"_s});
    }
    if (signedUpTo > end && end >= c.headSeq)
        add(c.breaks, {ChainBreak::Kind::Removed, 0, end + 1,
                       u"a checkpoint signed seq %1, the chain ends at %2: its tail was cut and "
                       "its head moved back"_s.arg(signedUpTo)
                           .arg(end)});
    return true;
}

} // namespace gerbang
