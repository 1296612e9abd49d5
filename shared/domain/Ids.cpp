// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ids.h"

#include "crypto/Crypto.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace gerbang {

QString newRecordId(QStringView prefix)
{
    // 48 bits of milliseconds, then 80 random bits (UUIDv7-like). Time order keeps B-tree
    // inserts at the right edge of the index: far fewer dirty pages per commit than random
    // ids, which is most of the store's write cost.
    const quint64 ms = quint64(QDateTime::currentMSecsSinceEpoch());
    QByteArray raw(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        raw[i] = char((ms >> (8 * (5 - i))) & 0xff);
    const QByteArray random = crypto::randomBytes(10);
    std::copy(random.begin(), random.end(), raw.begin() + 6);
    return prefix + QString::fromLatin1(raw.toHex());
}

std::optional<qint64> parseUtcTime(const QString &text, bool endOfDay)
{
    static const QRegularExpression dateOnly(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    const QString s = text.trimmed();
    if (dateOnly.match(s).hasMatch()) {
        const QDate day = QDate::fromString(s, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        const QDateTime start(day, QTime(0, 0), Qt::UTC);
        return endOfDay ? start.addDays(1).toMSecsSinceEpoch() - 1 : start.toMSecsSinceEpoch();
    }
    if (!s.contains(u'T'))
        return std::nullopt;
    QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt = QDateTime(dt.date(), dt.time(), Qt::UTC);
    return dt.toMSecsSinceEpoch();
}

} // namespace gerbang
