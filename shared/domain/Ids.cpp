// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ids.h"

#include "crypto/Crypto.h"

namespace gerbang {

QString newRecordId(QStringView prefix)
{
    return prefix + QString::fromLatin1(crypto::randomBytes(16).toHex());
}

} // namespace gerbang
