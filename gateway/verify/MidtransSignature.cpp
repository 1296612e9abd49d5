// SPDX-License-Identifier: GPL-3.0-or-later
#include "MidtransSignature.h"

#include "GenericSignature.h"
#include "crypto/Crypto.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace gerbang {

VerifyResult verifyMidtrans(const VerifyInput &in)
{
    VerifyResult r;
    r.diagnostics = requestDiagnostics(in.request, "midtrans", "body");
    r.diagnostics.insert(u"field"_s, u"signature_key"_s);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(in.request.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return r.refused(SignatureStatus::Malformed, u"body_not_json_object"_s);
    const QJsonObject root = doc.object();

    static const QStringList kSigned = {u"order_id"_s, u"status_code"_s, u"gross_amount"_s};
    QJsonArray present;
    for (const QString &f : kSigned) {
        if (root.contains(f))
            present.append(f);
    }
    r.diagnostics.insert(u"fields_present"_s, present);

    const QJsonValue signature = root.value(u"signature_key"_s);
    if (signature.isUndefined() || signature.isNull() || signature == QJsonValue(u""_s))
        return r.refused(SignatureStatus::Missing);
    if (!signature.isString())
        return r.refused(SignatureStatus::Malformed, u"signature_not_string"_s);
    if (present.size() != kSigned.size())
        return r.refused(SignatureStatus::Malformed, u"signed_field_missing"_s);
    QByteArray message;
    for (const QString &f : kSigned) {
        const QJsonValue v = root.value(f);
        if (!v.isString())
            return r.refused(SignatureStatus::Malformed, u"signed_field_not_string"_s);
        message += v.toString().toUtf8();
    }
    const QByteArray hex = signature.toString().toLatin1();
    QByteArray given;
    if (hex.size() != 128 || !crypto::decodeHex(hex, &given))
        return r.refused(SignatureStatus::Malformed, u"signature_not_128_hex"_s);

    r.matchedSecret = matchSecrets(in.secrets, {given}, [&message](const QByteArray &serverKey) {
        return crypto::sha512(QByteArray(message + serverKey));
    });
    r.status = r.matchedSecret >= 0 ? SignatureStatus::Valid : SignatureStatus::Mismatch;
    return r;
}

} // namespace gerbang
