// SPDX-License-Identifier: GPL-3.0-or-later
#include "StandardWebhooksSignature.h"

#include "GenericSignature.h"
#include "crypto/Crypto.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace gerbang {

VerifyResult verifyStandardWebhooks(const VerifyInput &in)
{
    constexpr QByteArrayView name = "webhook-signature";
    VerifyResult r;
    r.diagnostics = requestDiagnostics(in.request, "standard_webhooks", name);
    const QByteArray header = in.request.header(name).trimmed();
    const QByteArray id = in.request.header("webhook-id").trimmed();
    const QByteArray timestamp = in.request.header("webhook-timestamp").trimmed();
    r.diagnostics.insert(u"has_webhook_id"_s, !id.isEmpty());
    r.diagnostics.insert(u"has_webhook_timestamp"_s, !timestamp.isEmpty());
    if (header.isEmpty())
        return r.refused(SignatureStatus::Missing);
    for (QByteArrayView h :
         {name, QByteArrayView("webhook-id"), QByteArrayView("webhook-timestamp")}) {
        if (in.request.headerCount(h) > 1)
            return r.refused(SignatureStatus::Malformed, u"repeated_header"_s);
    }
    if (id.isEmpty())
        return r.refused(SignatureStatus::Malformed, u"no_webhook_id"_s);
    qint64 t = 0;
    if (timestamp.isEmpty())
        return r.refused(SignatureStatus::Malformed, u"no_webhook_timestamp"_s);
    if (!parseUnixSeconds(timestamp, &t))
        return r.refused(SignatureStatus::Malformed, u"timestamp_not_digits"_s);
    const qint64 skew = in.nowSecs - t;
    r.diagnostics.insert(u"timestamp_skew_secs"_s, skew);
    r.diagnostics.insert(u"tolerance_secs"_s, in.toleranceSecs);

    QList<QByteArray> v1;
    QJsonArray versions;
    int v1Items = 0;
    bool badV1 = false;
    for (const QByteArray &entry : header.split(' ')) {
        if (entry.isEmpty())
            continue; // several spaces between entries
        const qsizetype comma = entry.indexOf(',');
        const QByteArray version = comma < 0 ? QByteArray() : entry.left(comma);
        const QString label = comma < 0 ? u"?"_s : safeLabel(version, 16);
        if (!versions.contains(label) && versions.size() < 8)
            versions.append(label);
        if (version != "v1")
            continue;
        ++v1Items;
        const QByteArray sig = strictBase64(QByteArrayView(entry).sliced(comma + 1));
        if (sig.size() == 32)
            v1.append(sig);
        else
            badV1 = true;
    }
    r.diagnostics.insert(u"versions"_s, versions);
    r.diagnostics.insert(u"v1_count"_s, v1Items);
    if (badV1)
        return r.refused(SignatureStatus::Malformed, u"v1_not_base64_sha256"_s);
    if (v1.isEmpty())
        return r.refused(SignatureStatus::Malformed, u"no_v1_signature"_s);

    QJsonArray unusable;
    for (qsizetype i = 0; i < in.secrets.size(); ++i) {
        if (!in.secrets[i].isEmpty() && standardWebhooksKey(in.secrets[i]).isNull())
            unusable.append(qint64(i));
    }
    if (!unusable.isEmpty())
        r.diagnostics.insert(u"unusable_secrets"_s, unusable);

    const QByteArray &body = in.request.body;
    r.matchedSecret = matchSecrets(in.secrets, v1, [&](const QByteArray &secret) {
        const QByteArray key = standardWebhooksKey(secret);
        // An unusable secret must not fall back to an empty HMAC key anyone could use.
        return key.isNull() ? QByteArray()
                            : crypto::hmacSha256(key, {id, ".", timestamp, ".", body});
    });
    return acceptWithinWindow(r, skew, in.toleranceSecs);
}

} // namespace gerbang
