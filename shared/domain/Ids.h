// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace gerbang {

// Identifiers for stored records: a prefix, then 32 hex digits (a millisecond timestamp and 80
// random bits), so they sort by creation time. Not derived from provider ids, because a dedup
// key may legitimately recur after its TTL.
QString newRecordId(QStringView prefix);

inline QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// A time bound given by a person or a script, in milliseconds: YYYY-MM-DD means the whole UTC
// day (from: its first millisecond; with `endOfDay`, its last); anything else must be ISO 8601,
// read as UTC when it carries no offset.
std::optional<qint64> parseUtcTime(const QString &text, bool endOfDay);

} // namespace gerbang
