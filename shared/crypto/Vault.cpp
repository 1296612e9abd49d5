// SPDX-License-Identifier: GPL-3.0-or-later
#include "Vault.h"

#include "Crypto.h"
#include "SecretFile.h"

#include <QDir>
#include <QFile>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr QByteArrayView kMagic = "G1";
constexpr int kKeyIdSize = 8;
constexpr int kMasterKeySize = 32;
// base64 of 32 bytes is 44 characters; the rest is room for whitespace.
constexpr qsizetype kMaxKeyFile = 4096;

// Whether anything is at `path`, a dangling symbolic link included (QFile::exists() follows
// links, and would send a dangling one to the key creation instead of the refusal).
bool entryExists(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0;
}

QByteArrayView purposeLabel(Vault::Purpose p)
{
    switch (p) {
    case Vault::Purpose::RawPayload:
        return "gerbang raw payload v1";
    case Vault::Purpose::Secret:
        return "gerbang tenant secret v1";
    case Vault::Purpose::SenderHash:
        return "gerbang sender hash v1";
    }
    return "gerbang unknown";
}

} // namespace

Vault::Key Vault::makeKey(const QByteArray &master)
{
    if (master.size() != 32)
        throw std::invalid_argument("master key must be 32 bytes");
    auto derive = [&master](Purpose p) {
        return crypto::hkdfSha256(master, {}, purposeLabel(p), 32);
    };
    return {master, crypto::hmacSha256(master, QByteArrayView("gerbang key id")).left(kKeyIdSize),
            derive(Purpose::RawPayload), derive(Purpose::Secret)};
}

Vault::Vault(QByteArray masterKey)
{
    m_keys << makeKey(masterKey);
}

void Vault::addOpeningKey(const QByteArray &masterKey)
{
    Key k = makeKey(masterKey);
    for (const Key &existing : std::as_const(m_keys)) {
        if (existing.id == k.id)
            return;
    }
    m_keys << k;
}

QString Vault::keyFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"master.key"_s);
}

QString Vault::pendingKeyFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"master.key.pending"_s);
}

bool Vault::writeKeyFile(const QString &path, const QByteArray &key, QString *error)
{
    QByteArray content = key.toBase64() + '\n';
    const bool written = writePrivateFile(path, content, error);
    crypto::cleanse(&content);
    return written;
}

std::optional<QByteArray> Vault::decodeKey(QByteArrayView text)
{
    QByteArray base64 = text.trimmed().toByteArray();
    auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    crypto::cleanse(&base64);
    if (!decoded || decoded.decoded.size() != kMasterKeySize) {
        crypto::cleanse(&decoded.decoded);
        return std::nullopt;
    }
    return std::move(decoded.decoded);
}

std::optional<QByteArray> Vault::readKeyFile(const QString &path, QString *error)
{
    std::optional<QByteArray> text = readSecretFile(path, u"master key file"_s, kMaxKeyFile, error);
    if (!text)
        return std::nullopt;
    std::optional<QByteArray> key = decodeKey(*text);
    crypto::cleanse(&*text);
    if (!key)
        *error = u"master key file %1 is corrupt (expected base64 of 32 bytes)"_s.arg(path);
    return key;
}

std::optional<Vault> Vault::load(const QString &envValue, const QString &dataDir, bool *created,
                                 QString *error)
{
    *created = false;
    if (!envValue.isEmpty()) {
        QByteArray latin1 = envValue.toLatin1();
        const std::optional<QByteArray> key = decodeKey(latin1);
        crypto::cleanse(&latin1);
        if (!key) {
            *error = u"GERBANG_MASTER_KEY must be the base64 encoding of exactly 32 bytes"_s;
            return std::nullopt;
        }
        return Vault(*key);
    }
    const QString path = keyFilePath(dataDir);
    if (!entryExists(path)) {
        const QByteArray key = crypto::randomBytes(32);
        if (!writeKeyFile(path, key, error))
            return std::nullopt;
        *created = true;
        return Vault(key);
    }
    const auto key = readKeyFile(path, error);
    if (!key)
        return std::nullopt;
    Vault vault(*key);
    if (entryExists(pendingKeyFilePath(dataDir))) {
        const auto pending = readKeyFile(pendingKeyFilePath(dataDir), error);
        if (!pending)
            return std::nullopt;
        vault.addOpeningKey(*pending);
        vault.m_pendingRotation = true;
    }
    return vault;
}

QByteArray Vault::derivedKey(Purpose purpose, QByteArrayView context) const
{
    return crypto::hkdfSha256(m_keys.first().master, context, purposeLabel(purpose), 32);
}

QByteArray Vault::seal(Purpose purpose, QByteArrayView plaintext, QByteArrayView recordId) const
{
    const Key &k = m_keys.first();
    const QByteArray &key = purpose == Purpose::RawPayload ? k.rawKey : k.secretKey;
    QByteArray out;
    out.reserve(kMagic.size() + kKeyIdSize + plaintext.size() + 28);
    out.append(kMagic).append(k.id).append(crypto::aesGcmSeal(key, plaintext, recordId));
    return out;
}

QByteArray Vault::open(Purpose purpose, QByteArrayView sealed, QByteArrayView recordId,
                       bool *ok) const
{
    *ok = false;
    const qsizetype header = kMagic.size() + kKeyIdSize;
    if (sealed.size() < header || sealed.first(kMagic.size()) != kMagic)
        return {};
    const QByteArrayView id = sealed.sliced(kMagic.size(), kKeyIdSize);
    for (const Key &k : m_keys) {
        if (QByteArrayView(k.id) == id) {
            const QByteArray &key = purpose == Purpose::RawPayload ? k.rawKey : k.secretKey;
            return crypto::aesGcmOpen(key, sealed.sliced(header), recordId, ok);
        }
    }
    return {};
}

QByteArray Vault::fingerprint(QByteArrayView secret) const
{
    // Keyed, so a fingerprint cannot be used to test guesses of the secret offline without
    // the master key.
    const QByteArray mac = crypto::hmacSha256(derivedKey(Purpose::Secret, "fingerprint"), secret);
    return mac.left(6).toHex();
}

} // namespace gerbang
