// SPDX-License-Identifier: GPL-3.0-or-later
#include "HubSignature.h"

#include "crypto/Crypto.h"

using namespace Qt::StringLiterals;

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

VerifyResult verifyWhatsAppSignature(const VerifyInput &in)
{
    const QByteArray header = in.request.header("x-hub-signature-256");
    VerifyResult r;
    r.status = verifyHubSignature(header, in.request.body, in.secrets, &r.matchedSecret);
    if (r.status == SignatureStatus::Valid)
        return r;
    QJsonObject &d = r.diagnostics;
    d[u"header"_s] = u"x-hub-signature-256"_s;
    d[u"present"_s] = !header.isNull();
    if (!header.isNull()) {
        const qsizetype eq = header.indexOf('=');
        d[u"scheme"_s] = eq > 0 && eq <= 16 ? QString::fromLatin1(header.left(eq)) : QString();
        d[u"length"_s] = header.size();
    }
    d[u"content_type"_s] = QString::fromLatin1(in.request.header("content-type").left(100));
    d[u"body_sha256"_s] = QString::fromLatin1(crypto::sha256(in.request.body).toHex());
    return r;
}

} // namespace gerbang
