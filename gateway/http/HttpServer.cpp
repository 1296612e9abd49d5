// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpServer.h"

#include "RequestHandler.h"
#include "crypto/Crypto.h"
#include "crypto/SecretFile.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcTls, "gerbang.tls")

namespace gerbang::http {
namespace {

constexpr qint64 kMaxPemFile = 1 << 20;
// The client network a socket's slot is counted under (HttpServer::claimSlot).
constexpr const char *kSlotProperty = "gerbangClientNetwork";

bool readSmallFile(const QString &path, const QString &what, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the %1 %2: %3"_s.arg(what, path, file.errorString());
        return false;
    }
    *out = file.read(kMaxPemFile + 1);
    if (out->size() > kMaxPemFile) {
        *error = u"the %1 %2 is larger than 1 MiB"_s.arg(what, path);
        return false;
    }
    return true;
}

// A key protected by a passphrase is refused instead of prompting on a terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

// Checks with OpenSSL that the PEM key is the private half of the first PEM certificate, and
// tells which algorithm QSslKey must be given.
bool checkKeyPair(const QByteArray &certPem, const QByteArray &keyPem, const TlsSettings &s,
                  QSsl::KeyAlgorithm *algorithm, QString *error)
{
    using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
    using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
    using Cert = std::unique_ptr<X509, decltype(&X509_free)>;
    Bio keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), &BIO_free);
    Bio certBio(BIO_new_mem_buf(certPem.constData(), int(certPem.size())), &BIO_free);
    Key key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr)
                   : nullptr,
            &EVP_PKEY_free);
    Cert cert(certBio ? PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr) : nullptr,
              &X509_free);
    // Our checks leave errors on this thread's OpenSSL queue; the TLS sockets share it.
    ERR_clear_error();
    if (!key) {
        *error =
            u"the TLS private key %1 is not an unencrypted PEM private key"_s.arg(s.privateKeyPath);
        return false;
    }
    if (!cert) {
        *error = u"the TLS certificate %1 holds no PEM certificate"_s.arg(s.certificatePath);
        return false;
    }
    const bool matches = X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    if (!matches) {
        *error = u"the TLS private key %1 does not belong to the certificate %2"_s.arg(
            s.privateKeyPath, s.certificatePath);
        return false;
    }
    switch (EVP_PKEY_base_id(key.get())) {
    case EVP_PKEY_RSA:
        *algorithm = QSsl::Rsa;
        return true;
    case EVP_PKEY_EC:
        *algorithm = QSsl::Ec;
        return true;
    default:
        *error = u"the TLS private key %1 has an unsupported type (use RSA or ECDSA)"_s.arg(
            s.privateKeyPath);
        return false;
    }
}

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(der.isEmpty() ? nullptr : d2i_X509(nullptr, &p, long(der.size())), &X509_free);
}

bool hasCommonName(const QSslCertificate &certificate, const QString &cn)
{
    return cn.isEmpty() || certificate.subjectInfo(QSslCertificate::CommonName).contains(cn);
}

} // namespace

bool TlsSettings::perRoute() const
{
    return mutual() && !clientCertificateRoutes.isEmpty() &&
           !clientCertificateRoutes.contains(u"*"_s);
}

bool HttpServer::verifyClientChain(const QList<QSslCertificate> &chain,
                                   const QList<QSslCertificate> &cas, QString *error)
{
    if (chain.isEmpty()) {
        *error = u"no client certificate"_s;
        return false;
    }
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(X509_STORE_new(),
                                                                  &X509_STORE_free);
    struct StackFree
    {
        void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); } // a macro
    };
    std::unique_ptr<STACK_OF(X509), StackFree> untrusted(sk_X509_new_null());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(X509_STORE_CTX_new(),
                                                                        &X509_STORE_CTX_free);
    if (!store || !untrusted || !ctx) {
        ERR_clear_error();
        *error = u"out of memory"_s;
        return false;
    }
    // The store is the only trust: the configured CAs, no default paths.
    for (const QSslCertificate &ca : cas) {
        if (X509Ptr x = toX509(ca))
            X509_STORE_add_cert(store.get(), x.get()); // takes its own reference
    }
    const X509Ptr leaf = toX509(chain.first());
    std::vector<X509Ptr> intermediates; // owned here; the stack only borrows them
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (chain.at(i) == chain.first())
            continue;
        if (X509Ptr x = toX509(chain.at(i))) {
            sk_X509_push(untrusted.get(), x.get());
            intermediates.push_back(std::move(x));
        }
    }
    bool ok = false;
    if (!leaf) {
        *error = u"the client certificate cannot be parsed"_s;
    } else if (X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), untrusted.get()) != 1) {
        *error = u"cannot set up the certificate verification"_s;
    } else {
        X509_STORE_CTX_set_purpose(ctx.get(), X509_PURPOSE_SSL_CLIENT);
        ok = X509_verify_cert(ctx.get()) == 1;
        if (!ok)
            *error = QString::fromLatin1(
                X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get())));
    }
    // Like checkKeyPair: leave nothing on the queue the TLS sockets of this thread share.
    ERR_clear_error();
    return ok;
}

HttpServer::HttpServer(RequestHandler *handler, ConnectionLimits limits, int maxConnections,
                       QObject *parent)
    : QTcpServer(parent)
    , m_handler(handler)
    , m_limits(limits)
    , m_maxConnections(maxConnections)
{
    // A listening socket must never pick up an application-wide proxy.
    setProxy(QNetworkProxy::NoProxy);
    m_clock.start();
    m_sweep.setInterval(250);
    connect(&m_sweep, &QTimer::timeout, this, &HttpServer::sweepTimeouts);
}

void HttpServer::sweepTimeouts()
{
    const auto snapshot = m_connections; // a check may close and remove a connection
    for (HttpConnection *c : snapshot)
        c->checkTimeouts();
    // A handshake must be done within the first-byte deadline (and the read timeout): a
    // silent client must not hold a slot.
    const qint64 now = m_clock.elapsed();
    const int limit = std::min(m_limits.firstByteTimeoutMs, m_limits.readTimeoutMs);
    const auto pending = m_handshakes;
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        if (now - it->startedMs > limit)
            refuseHandshake(it.key(), u"TLS handshake timed out"_s);
    }
}

HttpServer::~HttpServer()
{
    close();
    const auto snapshot = m_connections;
    m_connections.clear();
    qDeleteAll(snapshot);
    const auto handshakes = m_handshakes.keys();
    m_handshakes.clear();
    qDeleteAll(handshakes);
}

QString HttpServer::subjectOf(const QSslCertificate &certificate)
{
    QStringList parts;
    for (const QByteArray &attribute : certificate.subjectInfoAttributes()) {
        for (const QString &value : certificate.subjectInfo(attribute))
            parts << QString::fromLatin1(attribute) + u'=' + value;
    }
    return parts.join(u',').left(512);
}

std::optional<QSslConfiguration> HttpServer::loadTls(const TlsSettings &s, QString *summary,
                                                     QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = u"TLS is not available: Qt found no usable OpenSSL 3 library"_s;
        return std::nullopt;
    }
    if (s.certificatePath.isEmpty() || s.privateKeyPath.isEmpty()) {
        *error = u"TLS needs both tls/certificate and tls/private_key"_s;
        return std::nullopt;
    }
    QByteArray certPem;
    if (!readSmallFile(s.certificatePath, u"TLS certificate"_s, &certPem, error))
        return std::nullopt;
    // Like the master key: checked on the opened file (owner only, no symbolic link).
    std::optional<QByteArray> keyPem =
        readSecretFile(s.privateKeyPath, u"TLS private key"_s, kMaxPemFile, error);
    if (!keyPem)
        return std::nullopt;
    QSsl::KeyAlgorithm algorithm = QSsl::Rsa;
    const bool pairOk = checkKeyPair(certPem, *keyPem, s, &algorithm, error);
    const QSslKey key =
        pairOk ? QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey) : QSslKey();
    crypto::cleanse(&*keyPem); // no stray copy of the key left in freed memory
    if (!pairOk)
        return std::nullopt;
    if (key.isNull()) {
        *error = u"the TLS private key %1 could not be loaded"_s.arg(s.privateKeyPath);
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = u"the TLS certificate %1 holds no PEM certificate"_s.arg(s.certificatePath);
        return std::nullopt;
    }

    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(key);
    if (s.mutual()) {
        QByteArray caPem;
        if (!readSmallFile(s.clientCaPath, u"TLS client CA bundle"_s, &caPem, error))
            return std::nullopt;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(caPem, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = u"the TLS client CA bundle %1 holds no PEM certificate"_s.arg(s.clientCaPath);
            return std::nullopt;
        }
        // Only these CAs: setCaCertificates() also turns off loading the system roots.
        c.setCaCertificates(cas);
        // Per route: ask for a certificate without requiring it; encrypted() verifies it
        // against these CAs and the routes that need it refuse requests without it.
        c.setPeerVerifyMode(s.perRoute() ? QSslSocket::QueryPeer : QSslSocket::VerifyPeer);
    } else {
        c.setPeerVerifyMode(QSslSocket::VerifyNone);
    }

    const QSslCertificate &leaf = chain.first();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    *summary = u"certificate %1 (issuer %2, serial %3), valid until %4"_s.arg(
        subjectOf(leaf), leaf.issuerDisplayName(), QString::fromLatin1(leaf.serialNumber()),
        leaf.expiryDate().toUTC().toString(Qt::ISODate));
    if (leaf.expiryDate() < now || leaf.effectiveDate() > now)
        qCWarning(lcTls).noquote() << "the TLS certificate is not valid now:" << *summary;
    return c;
}

bool HttpServer::setTls(const TlsSettings &settings, QString *summary, QString *error)
{
    auto c = loadTls(settings, summary, error);
    if (!c)
        return false;
    m_tlsSettings = settings;
    m_tls = std::move(c);
    return true;
}

bool HttpServer::reloadTls(QString *summary, QString *error)
{
    if (!m_tls) {
        *error = u"TLS is not enabled"_s;
        return false;
    }
    auto c = loadTls(m_tlsSettings, summary, error);
    if (!c)
        return false;
    m_tls = std::move(c);
    return true;
}

bool HttpServer::start(const QHostAddress &address, quint16 port, QString *error)
{
    if (!listen(address, port)) {
        *error = errorString();
        return false;
    }
    m_sweep.start();
    return true;
}

QString HttpServer::url() const
{
    if (!isListening())
        return {};
    const QHostAddress a = serverAddress();
    const QString host =
        a.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(a.toString()) : a.toString();
    return u"%1://%2:%3"_s.arg(isTls() ? u"https"_s : u"http"_s, host).arg(serverPort());
}

void HttpServer::stopAccepting()
{
    close();
    const auto handshakes = m_handshakes.keys();
    m_handshakes.clear();
    for (QSslSocket *s : handshakes) {
        s->disconnect(this);
        releaseSlot(s);
        s->deleteLater(); // not refused by the client's fault: nothing to report
    }
    if (!handshakes.isEmpty())
        Q_EMIT connectionCountChanged(openConnections());
    const auto snapshot = m_connections;
    for (HttpConnection *c : snapshot)
        c->shutdown();
}

void HttpServer::setPerAddressCap(int cap, CidrList exempt)
{
    m_perAddressCap = cap;
    m_capExempt = std::move(exempt);
}

bool HttpServer::claimSlot(QTcpSocket *socket)
{
    if (m_perAddressCap <= 0 || m_capExempt.contains(socket->peerAddress()))
        return true;
    const QByteArray key = clientNetworkKey(socket->peerAddress());
    int &open = m_perAddress[key];
    if (open >= m_perAddressCap)
        return false;
    open += 1;
    // Kept on the socket: once it is closed, Qt no longer knows its peer.
    socket->setProperty(kSlotProperty, key);
    return true;
}

void HttpServer::releaseSlot(QTcpSocket *socket)
{
    const QByteArray key = socket->property(kSlotProperty).toByteArray();
    if (key.isEmpty())
        return;
    socket->setProperty(kSlotProperty, QVariant());
    const auto it = m_perAddress.find(key);
    if (it != m_perAddress.end() && --*it <= 0)
        m_perAddress.erase(it);
}

bool HttpServer::overCap(QTcpSocket *socket)
{
    const bool global = openConnections() >= m_maxConnections;
    if (!global && claimSlot(socket))
        return false;
    m_refusedByCap += 1;
    Q_EMIT connectionRefused(socket->peerAddress(), !global);
    return true;
}

void HttpServer::incomingConnection(qintptr descriptor)
{
    if (m_tls) {
        auto *socket = new QSslSocket;
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        if (overCap(socket)) {
            // No plaintext answer on the TLS port, and no handshake spent on it: close.
            socket->abort();
            delete socket;
            return;
        }
        socket->setReadBufferSize(64 * 1024);
        socket->setSslConfiguration(*m_tls);
        m_handshakes.insert(socket, {m_clock.elapsed(), {}});
        connect(socket, &QSslSocket::encrypted, this, [this, socket] { encrypted(socket); });
        connect(socket, &QSslSocket::sslErrors, this,
                [this, socket](const QList<QSslError> &errors) {
                    auto it = m_handshakes.find(socket);
                    if (it == m_handshakes.end() || !it->error.isEmpty())
                        return;
                    QStringList texts;
                    for (const QSslError &e : errors)
                        texts << e.errorString();
                    it->error = texts.join(u"; "_s);
                });
        // Qt aborts the socket itself after a failed handshake: only forget it here.
        connect(socket, &QSslSocket::errorOccurred, this,
                [this, socket] { refuseHandshake(socket, socket->errorString()); });
        connect(socket, &QSslSocket::disconnected, this,
                [this, socket] { refuseHandshake(socket, u"closed during the TLS handshake"_s); });
        socket->startServerEncryption();
        Q_EMIT connectionCountChanged(openConnections());
        return;
    }

    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (overCap(socket)) {
        // Over the cap: a short, honest answer rather than a silent reset.
        socket->write(HttpResponse::error(503, "too_many_connections").serialize(false));
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    adopt(socket, QString(), false, QString(), 0);
}

void HttpServer::encrypted(QSslSocket *socket)
{
    auto it = m_handshakes.find(socket);
    if (it == m_handshakes.end())
        return;
    const QSslCertificate peer = socket->peerCertificate();
    const QString subject = peer.isNull() ? QString() : subjectOf(peer);
    if (m_tlsSettings.perRoute()) {
        // Nothing is refused here: the result travels with each request to the edge check.
        QString problem;
        bool verified = false;
        if (peer.isNull()) {
            problem = u"no client certificate"_s;
        } else {
            QList<QSslCertificate> chain = socket->peerCertificateChain();
            chain.prepend(peer);
            QString why;
            if (!verifyClientChain(chain, socket->sslConfiguration().caCertificates(), &why))
                problem = u"client certificate %1 refused: %2"_s.arg(subject, why);
            else if (!hasCommonName(peer, m_tlsSettings.clientSubjectCn))
                problem = u"client certificate %1 refused: CN not allowed"_s.arg(subject);
            else
                verified = true;
        }
        const qint64 ageMs = m_clock.elapsed() - it->startedMs;
        m_handshakes.erase(it);
        socket->disconnect(this);
        adopt(socket, verified ? subject : QString(), verified, problem, ageMs);
        return;
    }
    QString refusal;
    if (m_tlsSettings.mutual()) {
        if (peer.isNull())
            refusal = u"no client certificate"_s;
        else if (!hasCommonName(peer, m_tlsSettings.clientSubjectCn))
            refusal = u"client certificate CN not allowed"_s;
    }
    if (!refusal.isEmpty()) {
        // Not from inside the socket's own signal: it is still in its handshake code.
        it->error = refusal;
        QMetaObject::invokeMethod(
            this, [this, socket, refusal] { refuseHandshake(socket, refusal); },
            Qt::QueuedConnection);
        return;
    }
    const qint64 ageMs = m_clock.elapsed() - it->startedMs;
    m_handshakes.erase(it);
    socket->disconnect(this);
    adopt(socket, subject, m_tlsSettings.mutual(), QString(), ageMs);
}

void HttpServer::refuseHandshake(QSslSocket *socket, const QString &reason)
{
    auto it = m_handshakes.find(socket);
    if (it == m_handshakes.end())
        return;
    const QString why = it->error.isEmpty() ? reason : it->error;
    m_handshakes.erase(it);
    socket->disconnect(this);
    releaseSlot(socket);
    const QSslCertificate peer = socket->peerCertificate();
    Q_EMIT tlsRefused(socket->peerAddress(), why, peer.isNull() ? QString() : subjectOf(peer));
    // Deleted from the event loop (which closes it): we may be inside the socket's own code.
    socket->deleteLater();
    Q_EMIT connectionCountChanged(openConnections());
}

void HttpServer::adopt(QTcpSocket *socket, const QString &clientSubject, bool verified,
                       const QString &problem, qint64 ageMs)
{
    auto *connection = new HttpConnection(socket, m_handler, m_limits, this, ageMs);
    connection->setClientCertificate(clientSubject, verified, problem);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::closed, this, [this, connection, socket] {
        if (m_connections.remove(connection)) {
            releaseSlot(socket);
            connection->deleteLater();
            Q_EMIT connectionCountChanged(openConnections());
        }
    });
    Q_EMIT connectionCountChanged(openConnections());
}

} // namespace gerbang::http
