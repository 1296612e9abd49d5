// SPDX-License-Identifier: GPL-3.0-or-later
#include "Crypto.h"

#include <QIODevice>
#include <cstring>
#include <memory>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace gerbang::crypto {
namespace {

constexpr int kGcmNonceSize = 12;
constexpr int kGcmTagSize = 16;

const unsigned char *bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char *>(v.data());
}

QByteArray digest(const EVP_MD *md, QByteArrayView data)
{
    QByteArray out(EVP_MD_get_size(md), Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), size_t(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                   &len, md, nullptr) != 1)
        throw std::runtime_error("EVP_Digest failed");
    out.resize(int(len));
    return out;
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *c) const { EVP_MAC_CTX_free(c); }
};

// EVP_MAC_fetch is costly; fetch HMAC once per process (the object is immutable and
// thread-safe once fetched).
EVP_MAC *hmacAlgorithm()
{
    static EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!mac)
        throw std::runtime_error("HMAC unavailable in libcrypto");
    return mac;
}

// EVP_sha256() and friends make OpenSSL 3 look the algorithm up in its provider on every
// use; these are fetched once (the objects are immutable and thread-safe).
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    if (!md)
        throw std::runtime_error("SHA-256 unavailable in libcrypto");
    return md;
}
const EVP_MD *sha512Algorithm()
{
    static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA2-512", nullptr);
    if (!md)
        throw std::runtime_error("SHA-512 unavailable in libcrypto");
    return md;
}
const EVP_CIPHER *aes256GcmAlgorithm()
{
    static EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    if (!cipher)
        throw std::runtime_error("AES-256-GCM unavailable in libcrypto");
    return cipher;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    return digest(sha256Algorithm(), data);
}
QByteArray sha256(QIODevice &device)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), sha256Algorithm(), nullptr) != 1)
        return {};
    QByteArray block(1 << 16, Qt::Uninitialized);
    for (;;) {
        const qint64 n = device.read(block.data(), block.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        if (EVP_DigestUpdate(ctx.get(), block.constData(), size_t(n)) != 1)
            return {};
    }
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_DigestFinal_ex(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1 ||
        len != 32)
        return {};
    return out;
}

QByteArray sha512(QByteArrayView data)
{
    return digest(sha512Algorithm(), data);
}

QByteArray hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts)
{
    std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter> ctx(EVP_MAC_CTX_new(hmacAlgorithm()));
    char digestName[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digestName, 0),
                           OSSL_PARAM_construct_end()};
    // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
    static const unsigned char emptyKey[1] = {0};
    const unsigned char *keyPtr = key.isEmpty() ? emptyKey : bytes(key);
    if (!ctx || EVP_MAC_init(ctx.get(), keyPtr, size_t(key.size()), params) != 1)
        throw std::runtime_error("HMAC init failed");
    for (QByteArrayView part : parts) {
        if (!part.isEmpty() && EVP_MAC_update(ctx.get(), bytes(part), size_t(part.size())) != 1)
            throw std::runtime_error("HMAC update failed");
    }
    QByteArray out(32, Qt::Uninitialized);
    size_t len = 0;
    if (EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len,
                      size_t(out.size())) != 1)
        throw std::runtime_error("HMAC final failed");
    out.resize(qsizetype(len));
    return out;
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmacSha256(key, {data});
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}

QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!ctx)
        throw std::runtime_error("HKDF unavailable in libcrypto");
    char digestName[] = "SHA256";
    // OpenSSL rejects a zero-length salt parameter; an absent salt is RFC 5869's default
    // (zeros), which is what an empty salt means.
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string("digest", digestName, 0);
    params[n++] = OSSL_PARAM_construct_octet_string("key", const_cast<char *>(key.data()),
                                                    size_t(key.size()));
    if (!salt.isEmpty())
        params[n++] = OSSL_PARAM_construct_octet_string("salt", const_cast<char *>(salt.data()),
                                                        size_t(salt.size()));
    params[n++] = OSSL_PARAM_construct_octet_string("info", const_cast<char *>(info.data()),
                                                    size_t(info.size()));
    params[n] = OSSL_PARAM_construct_end();
    QByteArray out(length, Qt::Uninitialized);
    const int rc =
        EVP_KDF_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), size_t(length), params);
    EVP_KDF_CTX_free(ctx);
    if (rc != 1)
        throw std::runtime_error("HKDF derive failed");
    return out;
}

QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad)
{
    if (key.size() != 32)
        throw std::invalid_argument("AES-256-GCM needs a 32-byte key");
    const QByteArray nonce = randomBytes(kGcmNonceSize);
    QByteArray out(kGcmNonceSize + plaintext.size() + kGcmTagSize, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    std::memcpy(o, nonce.constData(), kGcmNonceSize);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), aes256GcmAlgorithm(), nullptr, bytes(key), o) != 1 ||
        (!aad.isEmpty() &&
         EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), o + kGcmNonceSize, &len, bytes(plaintext),
                          int(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), o + kGcmNonceSize + len, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kGcmTagSize,
                            o + kGcmNonceSize + plaintext.size()) != 1)
        throw std::runtime_error("AES-GCM encryption failed");
    return out;
}

QByteArray aesGcmOpen(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad, bool *ok)
{
    *ok = false;
    if (key.size() != 32 || sealed.size() < kGcmNonceSize + kGcmTagSize)
        return {};
    const qsizetype ctLen = sealed.size() - kGcmNonceSize - kGcmTagSize;
    const unsigned char *s = bytes(sealed);
    QByteArray out(ctLen, Qt::Uninitialized);
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int len = 0;
    // The tag is passed as non-const in OpenSSL's API; copy it to keep `sealed` untouched.
    unsigned char tag[kGcmTagSize];
    std::memcpy(tag, s + kGcmNonceSize + ctLen, kGcmTagSize);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), aes256GcmAlgorithm(), nullptr, bytes(key), s) != 1 ||
        (!aad.isEmpty() &&
         EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int(aad.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), o, &len, s + kGcmNonceSize, int(ctLen)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kGcmTagSize, tag) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), o + len, &len) != 1)
        return {};
    *ok = true;
    return out;
}

void cleanse(QByteArray *buffer)
{
    if (!buffer->isEmpty())
        OPENSSL_cleanse(buffer->data(), size_t(buffer->size()));
    buffer->clear();
}

bool decodeHex(QByteArrayView hex, QByteArray *out)
{
    if (hex.size() % 2 != 0)
        return false;
    out->resize(hex.size() / 2);
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        const int hi = nibble(hex[i]);
        const int lo = nibble(hex[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        (*out)[i / 2] = char((hi << 4) | lo);
    }
    return true;
}

} // namespace gerbang::crypto
