// SPDX-License-Identifier: GPL-3.0-or-later
#include "HubSignature.h"

#include "crypto/Crypto.h"

namespace gerbang {

SignatureStatus verifyHubSignature(const QByteArray &header, QByteArrayView body,
                                   const QList<QByteArray> &secrets)
{
    if (header.isNull() || header.trimmed().isEmpty())
        return SignatureStatus::Missing;
    constexpr QByteArrayView prefix = "sha256=";
    const QByteArray value = header.trimmed();
    QByteArray given;
    if (!value.startsWith(prefix) || value.size() != prefix.size() + 64 ||
        !crypto::decodeHex(QByteArrayView(value).sliced(prefix.size()), &given))
        return SignatureStatus::Malformed;
    bool matched = false;
    for (const QByteArray &secret : secrets) {
        // An empty key is legal HMAC, and anyone can compute it: never a match.
        if (secret.isEmpty())
            continue;
        // No early exit: every configured secret is checked the same way.
        matched = crypto::constantTimeEquals(crypto::hmacSha256(secret, body), given) || matched;
    }
    return matched ? SignatureStatus::Valid : SignatureStatus::Mismatch;
}

} // namespace gerbang
