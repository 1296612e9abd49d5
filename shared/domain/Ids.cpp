// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ids.h"

#include "crypto/Crypto.h"

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

} // namespace gerbang
