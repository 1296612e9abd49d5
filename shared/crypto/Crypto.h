// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

// Thin, explicit wrappers over OpenSSL libcrypto. Nothing here is home-made cryptography:
// every primitive is an OpenSSL call, and every comparison of secrets goes through
// CRYPTO_memcmp.
namespace gerbang::crypto {

QByteArray sha256(QByteArrayView data);
// The SHA-256 of what `device` yields from where it is to its end, read a block at a time (a
// report may be larger than memory); empty on a read error.
QByteArray sha256(QIODevice &device);
QByteArray sha512(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);
// HMAC over the concatenation of several parts, without building the concatenation.
QByteArray hmacSha256(QByteArrayView key, std::initializer_list<QByteArrayView> parts);

// Constant-time equality. Different lengths compare unequal (length is not secret here:
// every signature of one scheme has the same length).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

QByteArray randomBytes(int count);

// HKDF-SHA256 (RFC 5869).
QByteArray hkdfSha256(QByteArrayView key, QByteArrayView salt, QByteArrayView info, int length);

// AES-256-GCM with a 96-bit random nonce. seal() returns nonce || ciphertext || tag.
// open() returns an empty optional-like result through ok=false on any failure.
QByteArray aesGcmSeal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad);
QByteArray aesGcmOpen(QByteArrayView key, QByteArrayView sealed, QByteArrayView aad, bool *ok);

// Overwrites a buffer that held key material with OPENSSL_cleanse (which the compiler may not
// optimise away, unlike a plain fill before a free) and empties it. Call it on the last
// reference: a QByteArray shared with another would be detached first, and only the copy wiped.
void cleanse(QByteArray *buffer);

// Lower-case hex decoding that rejects anything but [0-9a-fA-F] pairs.
bool decodeHex(QByteArrayView hex, QByteArray *out);

} // namespace gerbang::crypto
