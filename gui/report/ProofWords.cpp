// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProofWords.h"

#include "audit/AuditSigningKey.h"

#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

qint64 rowsOf(const AuditVerification &v)
{
    qint64 n = 0;
    for (const ChainVerification &c : v.chains)
        n += c.rows;
    return n;
}

QList<ChainBreak> problemsOf(const AuditVerification &v)
{
    QList<ChainBreak> all = v.unchained;
    for (const ChainVerification &c : v.chains)
        all += c.breaks;
    return all;
}

} // namespace

QString ProofWords::problem(const ChainBreak &b)
{
    QString kind;
    switch (b.kind) {
    case ChainBreak::Kind::Changed:
        kind = tr("changed");
        break;
    case ChainBreak::Kind::Removed:
        kind = tr("removed");
        break;
    case ChainBreak::Kind::Inserted:
        kind = tr("inserted");
        break;
    case ChainBreak::Kind::Reordered:
        kind = tr("reordered");
        break;
    case ChainBreak::Kind::Checkpoint:
        kind = tr("checkpoint does not hold");
        break;
    }
    const QString where =
        b.rowId > 0 ? tr("row %1 (place %2)").arg(b.rowId).arg(b.seq) : tr("place %1").arg(b.seq);
    // The detail is the verifier's English diagnosis, quoted as such.
    return tr("%1 at %2: %3").arg(kind, where, b.detail);
}

QString ProofWords::summary(const AuditVerification &v)
{
    const QLocale locale;
    const qint64 rows = rowsOf(v);
    if (!v.ok()) {
        const QList<ChainBreak> problems = problemsOf(v);
        return tr("Audit log NOT intact (checked %1): %n problem(s); the first: %2", nullptr,
                  int(problems.size()))
            .arg(when(v.checkedAtMs), problem(problems.constFirst()));
    }
    std::optional<AuditCheckpoint> newest;
    for (const ChainVerification &c : v.chains) {
        if (c.checkpoint && (!newest || c.checkpoint->signedAtMs > newest->signedAtMs))
            newest = c.checkpoint;
    }
    const QString rowsText =
        tr("Audit log intact (checked %1): %2 rows on %n chain(s)", nullptr, int(v.chains.size()))
            .arg(when(v.checkedAtMs), locale.toString(rows));
    return newest ? tr("%1; last signed checkpoint %2").arg(rowsText, when(newest->signedAtMs))
                  : tr("%1; no signed checkpoint yet").arg(rowsText);
}

QStringList ProofWords::report(const AuditVerification &v, const QString &fileName,
                               const QString &publicKeyText)
{
    const QLocale locale;
    QStringList out;
    if (v.ok())
        out << tr("When this report was made (%1), the gateway's audit log for its period was "
                  "verified: every row is linked by its SHA-256 hash to the row before it, and "
                  "no row was changed, removed, added or moved since it was written.")
                   .arg(when(v.checkedAtMs));
    else
        out << tr("When this report was made (%1), the gateway's audit log for its period did "
                  "NOT verify: %n problem(s) were found. The rows below may not be what the "
                  "gateway recorded.",
                  nullptr, int(problemsOf(v).size()))
                   .arg(when(v.checkedAtMs));
    for (const ChainVerification &c : v.chains) {
        if (c.rows == 0)
            continue;
        QString line =
            tr("Chain %1%2: rows at places %3 to %4 (%5 rows), last hash %6.")
                .arg(c.chainId, c.legacy ? tr(" (rows written before the chain existed, sealed "
                                              "at the upgrade)")
                                         : QString())
                .arg(c.firstSeq)
                .arg(c.lastSeq)
                .arg(locale.toString(c.rows), QString::fromLatin1(c.lastHash.toHex().left(16)));
        if (c.checkpoint)
            line += u' ' +
                    tr("Last signed checkpoint: place %1, signed %2 with key %3%4.")
                        .arg(c.checkpoint->seq)
                        .arg(when(c.checkpoint->signedAtMs),
                             AuditSigningKey::fingerprint(c.checkpoint->publicKey),
                             c.checkpointKeyTrusted ? QString() : tr(" (not this gateway's key)"));
        else
            line += u' ' + tr("No signed checkpoint covers these rows yet.");
        out << line;
    }
    const QList<ChainBreak> problems = problemsOf(v);
    for (qsizetype i = 0; i < std::min<qsizetype>(problems.size(), 5); ++i)
        out << problem(problems.at(i));
    out << tr("The signature of this file is in %1.sig. Anyone can check that the file is "
              "unchanged, without the gateway's database: gerbangctl audit verify-report %1 "
              "--public-key %2")
               .arg(fileName, publicKeyText);
    out << tr("What this does not prove: that the gateway was told the truth; nor, against "
              "someone who holds the gateway's signing key, anything after the last checkpoint "
              "kept outside the gateway.");
    return out;
}

} // namespace gerbang
