// SPDX-License-Identifier: GPL-3.0-or-later
#include "Ed25519.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace gerbang::crypto {
namespace {

struct MdContext
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~MdContext() { EVP_MD_CTX_free(ctx); }
};

} // namespace

void Ed25519Key::Free::operator()(EVP_PKEY *key) const
{
    EVP_PKEY_free(key);
}

Ed25519Key::Ed25519Key(EVP_PKEY *key)
    : m_key(key, Free())
{
}

std::optional<Ed25519Key> Ed25519Key::generate()
{
    EVP_PKEY *key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    if (!key)
        return std::nullopt;
    return Ed25519Key(key);
}

std::optional<Ed25519Key> Ed25519Key::fromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    if (!bio)
        return std::nullopt;
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key)
        return std::nullopt;
    if (EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(key);
        return std::nullopt;
    }
    return Ed25519Key(key);
}

QByteArray Ed25519Key::toPem() const
{
    BIO *bio = BIO_new(BIO_s_secmem());
    if (!bio)
        return {};
    QByteArray out;
    if (PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, size);
    }
    BIO_free(bio);
    return out;
}

QByteArray Ed25519Key::publicKey() const
{
    QByteArray raw(32, '\0');
    size_t size = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                    &size) != 1 ||
        size != 32)
        return {};
    return raw;
}

QByteArray Ed25519Key::sign(QByteArrayView message) const
{
    MdContext md;
    QByteArray signature(64, '\0');
    size_t size = size_t(signature.size());
    if (!md.ctx || EVP_DigestSignInit(md.ctx, nullptr, nullptr, nullptr, m_key.get()) != 1 ||
        EVP_DigestSign(md.ctx, reinterpret_cast<unsigned char *>(signature.data()), &size,
                       reinterpret_cast<const unsigned char *>(message.data()),
                       size_t(message.size())) != 1 ||
        size != 64)
        return {};
    return signature;
}

bool ed25519Verify(QByteArrayView publicKey, QByteArrayView message, QByteArrayView signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    EVP_PKEY *key = EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char *>(publicKey.data()), 32);
    if (!key)
        return false;
    MdContext md;
    const bool ok =
        md.ctx && EVP_DigestVerifyInit(md.ctx, nullptr, nullptr, nullptr, key) == 1 &&
        EVP_DigestVerify(md.ctx, reinterpret_cast<const unsigned char *>(signature.data()), 64,
                         reinterpret_cast<const unsigned char *>(message.data()),
                         size_t(message.size())) == 1;
    EVP_PKEY_free(key);
    return ok;
}

} // namespace gerbang::crypto
