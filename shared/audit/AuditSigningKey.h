// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crypto/Ed25519.h"

#include <QString>
#include <optional>

namespace gerbang {

// This installation's Ed25519 key for the audit log: it signs the chains' checkpoints and
// exported reports. Kept like the master key: DATA_DIR/audit-signing.key, PKCS#8 PEM, mode
// 0600, owned by the service user, created on first use. Anyone who holds only the public key
// can check what it signed (gerbangctl audit public-key prints it).
class AuditSigningKey
{
public:
    static QString filePath(const QString &dataDir);
    // Loads the key, or creates it (`*created` then true) when the file does not exist.
    static std::optional<AuditSigningKey> loadOrCreate(const QString &dataDir, bool *created,
                                                       QString *error);
    // Loads the key; never creates one (read-only commands).
    static std::optional<AuditSigningKey> load(const QString &dataDir, QString *error);

    QByteArray publicKey() const { return m_key.publicKey(); }
    QByteArray sign(QByteArrayView message) const { return m_key.sign(message); }

    // How a public key is written for people and files: "ed25519:" + base64 of its 32 bytes.
    static QString publicKeyText(const QByteArray &raw);
    static std::optional<QByteArray> publicKeyFromText(const QString &text);
    // A short name for a key, for messages: the first 16 hex digits of its SHA-256.
    static QString fingerprint(const QByteArray &raw);

private:
    explicit AuditSigningKey(crypto::Ed25519Key key)
        : m_key(std::move(key))
    {
    }
    crypto::Ed25519Key m_key;
};

} // namespace gerbang
