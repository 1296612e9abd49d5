// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditCsv.h"

#include "domain/Ids.h"

using namespace Qt::StringLiterals;

namespace gerbang {

QString csvField(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            cell.prepend(u'\'');
    }
    const bool quote =
        cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r');
    if (!quote)
        return cell;
    cell.replace(u'"', u"\"\""_s);
    return u'"' + cell + u'"';
}

QString csvRecord(const QStringList &fields)
{
    QStringList cells;
    cells.reserve(fields.size());
    for (const QString &f : fields)
        cells << csvField(f);
    return cells.join(u',') + u"\r\n"_s;
}

const QStringList &auditCsvHeader()
{
    static const QStringList header = {u"id"_s,          u"received_at"_s,   u"source_ip"_s,
                                       u"method"_s,      u"path"_s,          u"provider"_s,
                                       u"tenant"_s,      u"outcome"_s,       u"signature_status"_s,
                                       u"http_status"_s, u"processing_us"_s, u"body_size"_s,
                                       u"raw_ref"_s,     u"event_ids"_s,     u"event_types"_s,
                                       u"detail"_s,      u"user_agent"_s,    u"chain"_s,
                                       u"chain_seq"_s,   u"row_hash"_s};
    return header;
}

QStringList auditCsvCells(const AuditRecord &a)
{
    return {QString::number(a.id),
            isoUtc(a.receivedAtMs),
            a.sourceIp,
            a.method,
            a.path,
            a.provider,
            a.tenant,
            a.outcome,
            a.signatureStatus,
            QString::number(a.httpStatus),
            QString::number(a.processingUs),
            QString::number(a.bodySize),
            a.rawRef,
            a.eventIds.join(u','),
            a.eventTypes.join(u','),
            a.detail,
            a.userAgent,
            a.chainId,
            a.chainSeq > 0 ? QString::number(a.chainSeq) : QString(),
            QString::fromLatin1(a.rowHash.toHex())};
}

} // namespace gerbang
