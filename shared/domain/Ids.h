// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace gerbang {

// Identifiers for stored records: a prefix, then 128 random bits in hex. Random rather than
// derived, because a dedup key may legitimately recur after its TTL.
QString newRecordId(QStringView prefix);

inline QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace gerbang
