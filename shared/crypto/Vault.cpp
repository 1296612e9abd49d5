// SPDX-License-Identifier: GPL-3.0-or-later
#include "Vault.h"

#include "Crypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr QByteArrayView kMagic = "G1";
constexpr int kKeyIdSize = 8;

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
    const QByteArray content = key.toBase64() + '\n';
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error =
            u"cannot create key file %1: %2"_s.arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    qsizetype done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + done, size_t(content.size() - done));
        if (n <= 0) {
            ::close(fd);
            ::unlink(native.constData());
            *error = u"cannot write key file %1"_s.arg(path);
            return false;
        }
        done += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
        *error = u"cannot sync key file %1"_s.arg(path);
        return false;
    }
    return true;
}

std::optional<QByteArray> Vault::readKeyFile(const QString &path, QString *error)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) == 0 &&
        (st.st_mode & (S_IRWXG | S_IRWXO))) {
        *error =
            u"the master key file %1 is accessible by group or others (mode %2); run: chmod 600 %1"_s
                .arg(path)
                .arg(st.st_mode & 0777, 3, 8, QLatin1Char('0'));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read master key file %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(file.readAll().trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 32) {
        *error = u"master key file %1 is corrupt (expected base64 of 32 bytes)"_s.arg(path);
        return std::nullopt;
    }
    return decoded.decoded;
}

std::optional<Vault> Vault::load(const QString &envValue, const QString &dataDir, bool *created,
                                 QString *error)
{
    *created = false;
    if (!envValue.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            envValue.trimmed().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != 32) {
            *error = u"GERBANG_MASTER_KEY must be the base64 encoding of exactly 32 bytes"_s;
            return std::nullopt;
        }
        return Vault(decoded.decoded);
    }
    const QString path = keyFilePath(dataDir);
    if (!QFile::exists(path)) {
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
    if (QFile::exists(pendingKeyFilePath(dataDir))) {
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
