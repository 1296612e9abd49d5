// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandardWebhooksKey.h"

#include "Crypto.h"

#include <QStringBuilder>

namespace gerbang {

QByteArray strictBase64(QByteArrayView text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded : QByteArray();
}

QByteArray standardWebhooksKey(const QByteArray &secret)
{
    constexpr QByteArrayView prefix = "whsec_";
    const QByteArrayView encoded =
        secret.startsWith(prefix) ? QByteArrayView(secret).sliced(prefix.size()) : secret;
    const QByteArray key = strictBase64(encoded);
    return key.isEmpty() ? QByteArray() : key;
}

QByteArray signStandardWebhooks(const QByteArray &secret, QByteArrayView id,
                                QByteArrayView timestamp, QByteArrayView body)
{
    const QByteArray key = standardWebhooksKey(secret);
    if (key.isNull())
        return {};
    return QByteArray("v1,") + crypto::hmacSha256(key, {id, ".", timestamp, ".", body}).toBase64();
}

} // namespace gerbang
