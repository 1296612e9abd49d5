// SPDX-License-Identifier: GPL-3.0-or-later
#include "DedupKey.h"

#include "crypto/Crypto.h"

using namespace Qt::StringLiterals;

namespace gerbang {

QString storableDedupKey(const QString &key)
{
    if (key.size() <= kMaxDedupKeyLength)
        return key;
    // A prefix no extractor produces, so a digest never equals a short key.
    return u"long-key-sha256:"_s + QString::fromLatin1(crypto::sha256(key.toUtf8()).toHex());
}

} // namespace gerbang
