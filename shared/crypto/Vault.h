// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace gerbang {

// Holds the master key and the purpose-bound keys derived from it (HKDF-SHA256), and seals
// records with AES-256-GCM. Sealed record layout, version 1:
//   'G' '1' | key id (8 bytes) | nonce (12) | ciphertext | tag (16)
// The key id names the master key a record was sealed under so that a later key rotation
// can tell old records from new ones. The record's own identifier is bound as AAD, so a
// ciphertext copied onto another row does not decrypt.
class Vault
{
public:
    enum class Purpose
    {
        RawPayload,
        Secret,
        SenderHash
    };

    explicit Vault(QByteArray masterKey);

    // Loads the master key from GERBANG_MASTER_KEY (base64 of 32 bytes) when given, else from
    // `<dataDir>/master.key`, creating it with mode 0600 on first start. `created` reports a
    // new key so that the caller can tell the admin to back it up. A `master.key.pending` left
    // by an interrupted `gerbangctl key rotate` is loaded too, as an opening key, so that every
    // record stays readable whichever side of the rotation it is on.
    static std::optional<Vault> load(const QString &envValue, const QString &dataDir, bool *created,
                                     QString *error);
    static QString keyFilePath(const QString &dataDir);
    static QString pendingKeyFilePath(const QString &dataDir);
    // Reads a key file (base64 of 32 bytes) through readSecretFile(): a regular file, not a
    // symbolic link, owned by this user, no permission for group or others.
    static std::optional<QByteArray> readKeyFile(const QString &path, QString *error);
    // Creates a key file with mode 0600 from the first byte on, and syncs it to disk.
    static bool writeKeyFile(const QString &path, const QByteArray &key, QString *error);
    // A master key from its base64 text (surrounding whitespace ignored): exactly 32 bytes, or
    // nothing. Its own copies of the text are wiped; the caller wipes `text`.
    static std::optional<QByteArray> decodeKey(QByteArrayView text);

    // Another master key accepted for opening records (never for sealing): the old key during
    // a rotation.
    void addOpeningKey(const QByteArray &masterKey);
    bool hasPendingRotation() const { return m_pendingRotation; }

    QByteArray keyId() const { return m_keys.first().id; }
    QByteArray seal(Purpose purpose, QByteArrayView plaintext, QByteArrayView recordId) const;
    QByteArray open(Purpose purpose, QByteArrayView sealed, QByteArrayView recordId,
                    bool *ok) const;
    // A key for keyed hashing (e.g. the pseudonymous sender hash), bound to a context such as
    // a tenant id.
    QByteArray derivedKey(Purpose purpose, QByteArrayView context = {}) const;
    // Short public fingerprint of a secret value, safe to show and log.
    QByteArray fingerprint(QByteArrayView secret) const;

private:
    struct Key
    {
        QByteArray master;
        QByteArray id;
        QByteArray rawKey;
        QByteArray secretKey;
    };
    static Key makeKey(const QByteArray &master);
    QList<Key> m_keys; // the first one seals
    bool m_pendingRotation = false;
};

} // namespace gerbang
