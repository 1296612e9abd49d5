// SPDX-License-Identifier: GPL-3.0-or-later
#include "GenericSignature.h"

#include "crypto/Crypto.h"

using namespace Qt::StringLiterals;

namespace gerbang {

QJsonObject requestDiagnostics(const http::HttpRequest &request, QByteArrayView scheme,
                               QByteArrayView headerOrField)
{
    QJsonObject d;
    d.insert(u"scheme"_s, QString::fromLatin1(scheme));
    d.insert(u"header"_s, QString::fromLatin1(headerOrField));
    // Content type is sender metadata, not payload; capped so a hostile value cannot bloat logs.
    d.insert(u"content_type"_s, safeLabel(request.header("content-type"), 100));
    d.insert(u"body_length"_s, qint64(request.body.size()));
    d.insert(u"body_sha256"_s, QString::fromLatin1(crypto::sha256(request.body).toHex()));
    return d;
}

QString safeLabel(QByteArrayView raw, qsizetype max)
{
    QString out;
    const QByteArrayView cut = raw.first(qMin(max, raw.size()));
    out.reserve(cut.size());
    for (char c : cut)
        out += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'?';
    return out;
}

int matchSecrets(const QList<QByteArray> &secrets, const QList<QByteArray> &given,
                 const std::function<QByteArray(const QByteArray &secret)> &expected)
{
    int matched = -1;
    for (qsizetype i = 0; i < secrets.size(); ++i) {
        if (secrets[i].isEmpty())
            continue;
        const QByteArray want = expected(secrets[i]);
        bool hit = false;
        for (const QByteArray &g : given)
            hit = crypto::constantTimeEquals(want, g) || hit;
        if (hit && matched < 0)
            matched = int(i);
    }
    return matched;
}

bool parseUnixSeconds(QByteArrayView digits, qint64 *out)
{
    if (digits.isEmpty() || digits.size() > 18)
        return false;
    qint64 v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

VerifyResult acceptWithinWindow(VerifyResult r, qint64 skew, int toleranceSecs)
{
    if (r.matchedSecret < 0)
        return r.refused(SignatureStatus::Mismatch);
    if (toleranceSecs > 0 && (skew > toleranceSecs || -skew > toleranceSecs)) {
        r.matchedSecret = -1;
        return r.refused(skew > 0 ? SignatureStatus::StaleTimestamp
                                  : SignatureStatus::FutureTimestamp);
    }
    r.status = SignatureStatus::Valid;
    return r;
}

VerifyResult verifyGeneric(const VerifyInput &in)
{
    // X-Webhook-Signature wins when both are present: it is the header this scheme defines.
    QByteArrayView name = "x-webhook-signature";
    QByteArray header = in.request.header(name);
    if (header.isNull()) {
        name = "x-hub-signature-256";
        header = in.request.header(name);
    }
    VerifyResult r;
    r.diagnostics = requestDiagnostics(in.request, "generic", name);
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return r.refused(SignatureStatus::Missing);
    if (in.request.headerCount(name) > 1)
        return r.refused(SignatureStatus::Malformed, u"repeated_header"_s);
    constexpr QByteArrayView prefix = "sha256=";
    const qsizetype eq = value.indexOf('=');
    // The scheme name only (e.g. "sha256", "sha1"): short and never the signature itself.
    if (eq > 0 && eq <= 16)
        r.diagnostics.insert(u"scheme_prefix"_s, safeLabel(value.left(eq), 16));
    QByteArray given;
    if (!value.startsWith(prefix))
        return r.refused(SignatureStatus::Malformed, u"prefix_not_sha256"_s);
    if (value.size() != prefix.size() + 64 ||
        !crypto::decodeHex(QByteArrayView(value).sliced(prefix.size()), &given))
        return r.refused(SignatureStatus::Malformed, u"signature_not_64_hex"_s);
    const QByteArray &body = in.request.body;
    r.matchedSecret = matchSecrets(in.secrets, {given}, [&body](const QByteArray &secret) {
        return crypto::hmacSha256(secret, body);
    });
    r.status = r.matchedSecret >= 0 ? SignatureStatus::Valid : SignatureStatus::Mismatch;
    return r;
}

} // namespace gerbang
