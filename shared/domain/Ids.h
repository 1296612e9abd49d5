// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace gerbang {

// Identifiers for stored records: a prefix, then 32 hex digits (a millisecond timestamp and 80
// random bits), so they sort by creation time. Not derived from provider ids, because a dedup
// key may legitimately recur after its TTL.
QString newRecordId(QStringView prefix);

inline QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace gerbang
