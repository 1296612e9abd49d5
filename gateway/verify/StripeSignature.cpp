// SPDX-License-Identifier: GPL-3.0-or-later
#include "StripeSignature.h"

#include "GenericSignature.h"
#include "crypto/Crypto.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gerbang {

VerifyResult verifyStripe(const VerifyInput &in)
{
    constexpr QByteArrayView name = "stripe-signature";
    VerifyResult r;
    r.diagnostics = requestDiagnostics(in.request, "stripe", name);
    const QByteArray header = in.request.header(name);
    if (header.trimmed().isEmpty())
        return r.refused(SignatureStatus::Missing);
    if (in.request.headerCount(name) > 1)
        return r.refused(SignatureStatus::Malformed, u"repeated_header"_s);

    QByteArray timestamp;
    int timestampCount = 0;
    QList<QByteArray> v1;
    int v1Items = 0;
    bool badV1 = false;
    QJsonArray schemes; // names only, in order of first appearance, capped for the audit row
    for (const QByteArray &raw : header.split(',')) {
        const QByteArray item = raw.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            return r.refused(SignatureStatus::Malformed, u"item_without_key"_s);
        const QByteArray key = item.left(eq);
        const QByteArray value = item.mid(eq + 1);
        const QString label = safeLabel(key, 16);
        if (!schemes.contains(label) && schemes.size() < 8)
            schemes.append(label);
        if (key == "t") {
            ++timestampCount;
            timestamp = value;
        } else if (key == "v1") {
            ++v1Items;
            QByteArray sig;
            if (value.size() == 64 && crypto::decodeHex(value, &sig))
                v1.append(sig);
            else
                badV1 = true;
        }
    }
    r.diagnostics.insert(u"schemes"_s, schemes);
    r.diagnostics.insert(u"v1_count"_s, v1Items);
    qint64 t = 0;
    if (timestampCount != 1)
        return r.refused(SignatureStatus::Malformed,
                         timestampCount == 0 ? u"no_timestamp"_s : u"repeated_timestamp"_s);
    if (!parseUnixSeconds(timestamp, &t))
        return r.refused(SignatureStatus::Malformed, u"timestamp_not_digits"_s);
    const qint64 skew = in.nowSecs - t; // positive: signed in the past
    r.diagnostics.insert(u"timestamp_skew_secs"_s, skew);
    r.diagnostics.insert(u"tolerance_secs"_s, in.toleranceSecs);
    if (badV1)
        return r.refused(SignatureStatus::Malformed, u"v1_not_64_hex"_s);
    if (v1.isEmpty())
        return r.refused(SignatureStatus::Malformed, u"no_v1_signature"_s);

    const QByteArray &body = in.request.body;
    r.matchedSecret = matchSecrets(in.secrets, v1, [&](const QByteArray &secret) {
        return crypto::hmacSha256(secret, {timestamp, ".", body});
    });
    return acceptWithinWindow(r, skew, in.toleranceSecs);
}

} // namespace gerbang
