// SPDX-License-Identifier: GPL-3.0-or-later
#include "HubSignature.h"

#include "crypto/Crypto.h"

namespace gerbang {

SignatureStatus verifyHubSignature(const QByteArray &header, QByteArrayView body,
                                   const QList<QByteArray> &secrets, int *matchedSecret)
{
    if (matchedSecret)
        *matchedSecret = -1;
    if (header.isNull() || header.trimmed().isEmpty())
        return SignatureStatus::Missing;
    constexpr QByteArrayView prefix = "sha256=";
    const QByteArray value = header.trimmed();
    QByteArray given;
    if (!value.startsWith(prefix) || value.size() != prefix.size() + 64 ||
        !crypto::decodeHex(QByteArrayView(value).sliced(prefix.size()), &given))
        return SignatureStatus::Malformed;
    int matched = -1;
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        // An empty key is legal HMAC, and anyone can compute it: never a match.
        if (secrets[i].isEmpty())
            continue;
        // No early exit: every configured secret is checked the same way.
        if (crypto::constantTimeEquals(crypto::hmacSha256(secrets[i], body), given) && matched < 0)
            matched = int(i);
    }
    if (matchedSecret)
        *matchedSecret = matched;
    return matched >= 0 ? SignatureStatus::Valid : SignatureStatus::Mismatch;
}

} // namespace gerbang
