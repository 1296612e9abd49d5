// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditSigningKey.h"

#include "crypto/Crypto.h"
#include "crypto/SecretFile.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace gerbang {

QString AuditSigningKey::filePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"audit-signing.key"_s);
}

std::optional<AuditSigningKey> AuditSigningKey::load(const QString &dataDir, QString *error)
{
    const QString path = filePath(dataDir);
    std::optional<QByteArray> pem = readSecretFile(path, u"audit signing key"_s, 4096, error);
    if (!pem)
        return std::nullopt;
    std::optional<crypto::Ed25519Key> key = crypto::Ed25519Key::fromPem(*pem);
    crypto::cleanse(&*pem);
    if (!key) {
        *error = u"%1 does not hold an Ed25519 private key (PKCS#8 PEM)"_s.arg(path);
        return std::nullopt;
    }
    return AuditSigningKey(std::move(*key));
}

std::optional<AuditSigningKey> AuditSigningKey::loadOrCreate(const QString &dataDir, bool *created,
                                                             QString *error)
{
    *created = false;
    if (QFileInfo::exists(filePath(dataDir)) || QFileInfo(filePath(dataDir)).isSymLink())
        return load(dataDir, error);
    std::optional<crypto::Ed25519Key> key = crypto::Ed25519Key::generate();
    if (!key) {
        *error = u"cannot create an Ed25519 key (OpenSSL)"_s;
        return std::nullopt;
    }
    QByteArray pem = key->toPem();
    const bool written = writePrivateFile(filePath(dataDir), pem, error);
    crypto::cleanse(&pem);
    if (!written)
        return std::nullopt;
    *created = true;
    return AuditSigningKey(std::move(*key));
}

QString AuditSigningKey::publicKeyText(const QByteArray &raw)
{
    return u"ed25519:"_s + QString::fromLatin1(raw.toBase64());
}

std::optional<QByteArray> AuditSigningKey::publicKeyFromText(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(u"ed25519:"_s))
        t = t.mid(8);
    const auto decoded =
        QByteArray::fromBase64Encoding(t.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32)
        return std::nullopt;
    return decoded.decoded;
}

QString AuditSigningKey::fingerprint(const QByteArray &raw)
{
    return QString::fromLatin1(crypto::sha256(raw).toHex().left(16));
}

} // namespace gerbang
