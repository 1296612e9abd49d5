// SPDX-License-Identifier: GPL-3.0-or-later
#include "SelfSignedCertificate.h"

#include "Crypto.h"
#include "SecretFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

template <typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;
using Bignum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(n));
}

bool addExtension(X509 *cert, int nid, const QByteArray &value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    const Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

} // namespace

bool SelfSignedCertificate::ensure(const QString &certificatePath, const QString &privateKeyPath,
                                   const QString &commonName, const QStringList &subjectAltNames,
                                   bool *created, QString *error)
{
    *created = false;
    const bool haveCert = QFileInfo::exists(certificatePath);
    const bool haveKey = QFileInfo::exists(privateKeyPath);
    if (haveCert && haveKey)
        return true;
    if (haveCert != haveKey) {
        *error = u"%1 exists without %2: remove it to have a new pair made"_s.arg(
            haveCert ? certificatePath : privateKeyPath,
            haveCert ? privateKeyPath : certificatePath);
        return false;
    }
    const Key key(EVP_EC_gen("P-256"));
    const Cert cert(X509_new());
    QByteArray serialBytes = crypto::randomBytes(16);
    serialBytes[0] = char(serialBytes[0] & 0x7f); // a positive serial
    const Bignum serial(BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()),
                                  int(serialBytes.size()), nullptr));
    bool ok = key && cert && serial && X509_set_version(cert.get(), 2) == 1 &&
              BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) &&
              X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) &&
              X509_gmtime_adj(X509_getm_notAfter(cert.get()), 825L * 24 * 3600) &&
              X509_set_pubkey(cert.get(), key.get()) == 1;
    if (ok) {
        X509_NAME *name = X509_get_subject_name(cert.get());
        const QByteArray cn = commonName.toUtf8().left(64);
        ok = X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                                        reinterpret_cast<const unsigned char *>("Gerbang"), -1, -1,
                                        0) == 1 &&
             X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                        reinterpret_cast<const unsigned char *>(cn.constData()), -1,
                                        -1, 0) == 1 &&
             X509_set_issuer_name(cert.get(), name) == 1;
    }
    ok = ok && addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") &&
         addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") &&
         addExtension(cert.get(), NID_ext_key_usage, "serverAuth") &&
         (subjectAltNames.isEmpty() ||
          addExtension(cert.get(), NID_subject_alt_name, subjectAltNames.join(u',').toUtf8())) &&
         X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
    const Bio keyPem(BIO_new(BIO_s_mem()));
    const Bio certPem(BIO_new(BIO_s_mem()));
    ok = ok && keyPem && certPem &&
         PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ==
             1 &&
         PEM_write_bio_X509(certPem.get(), cert.get()) == 1;
    if (!ok) {
        *error = u"cannot make a self-signed certificate (OpenSSL failed)"_s;
        return false;
    }
    QByteArray keyBytes = drain(keyPem.get());
    const bool written = writePrivateFile(privateKeyPath, keyBytes, error) &&
                         writePrivateFile(certificatePath, drain(certPem.get()), error);
    crypto::cleanse(&keyBytes);
    if (!written) {
        QFile::remove(privateKeyPath);
        return false;
    }
    *created = true;
    return true;
}

QString certificateFingerprint(const QString &certificatePath, QString *error)
{
    QFile file(certificatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read %1: %2"_s.arg(certificatePath, file.errorString());
        return {};
    }
    const QList<QSslCertificate> certs = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certs.isEmpty()) {
        *error = u"%1 holds no PEM certificate"_s.arg(certificatePath);
        return {};
    }
    return QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':'))
        .toUpper();
}

} // namespace gerbang
