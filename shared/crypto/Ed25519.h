// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace gerbang::crypto {

// An Ed25519 key pair (RFC 8032) through OpenSSL's EVP interface: signs the audit log's
// checkpoints and exported reports. The private key never leaves this object except as the
// PKCS#8 PEM written to its 0600 file.
class Ed25519Key
{
public:
    static std::optional<Ed25519Key> generate();
    // From a PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----"), Ed25519 only.
    static std::optional<Ed25519Key> fromPem(QByteArrayView pem);
    QByteArray toPem() const;

    QByteArray publicKey() const;                  // the raw 32 bytes
    QByteArray sign(QByteArrayView message) const; // 64 bytes; empty on failure

private:
    struct Free
    {
        void operator()(EVP_PKEY *key) const;
    };
    explicit Ed25519Key(EVP_PKEY *key);
    std::shared_ptr<EVP_PKEY> m_key;
};

// Checks a signature against a raw 32-byte public key.
bool ed25519Verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature);

} // namespace gerbang::crypto
