// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HttpConnection.h"
#include "net/CidrList.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QSslConfiguration>
#include <QStringList>
#include <QTcpServer>
#include <QTimer>
#include <optional>

class QSslSocket;

namespace gerbang::http {

class RequestHandler;

// Where the listener's TLS material comes from. Certificate and key set: HTTPS only.
struct TlsSettings
{
    QString certificatePath; // PEM: the server certificate, then its intermediates
    QString privateKeyPath;  // PEM, unencrypted, owner-only
    QString clientCaPath;    // PEM bundle; set: client certificates are checked (mutual TLS)
    QString clientSubjectCn; // optional: the CN a client certificate must carry
    // The source scopes (Route::sourceName()) that require a client certificate. Empty or
    // holding "*": the whole listener requires one, at the handshake. Otherwise a certificate
    // is asked for but not required; the server verifies it and each request carries the
    // result, which the edge checks on the routes listed here.
    QStringList clientCertificateRoutes;

    bool enabled() const { return !certificatePath.isEmpty() || !privateKeyPath.isEmpty(); }
    bool mutual() const { return !clientCaPath.isEmpty(); }
    bool perRoute() const;
};

// Accepts connections (with a cap), owns them, and sweeps their timeouts. Lives on one
// thread; create it there. With TLS each connection first completes its handshake (within the
// read timeout, and with a verified client certificate under mutual TLS) before it is handed
// to an HttpConnection: no HTTP byte is read or written in plaintext.
class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    HttpServer(RequestHandler *handler, ConnectionLimits limits, int maxConnections,
               QObject *parent = nullptr);
    ~HttpServer() override;

    // Reads and checks the TLS files: certificate chain, key (owner-only, matching the
    // certificate), client CA bundle. `summary` describes the certificate for the log.
    static std::optional<QSslConfiguration> loadTls(const TlsSettings &settings, QString *summary,
                                                    QString *error);
    // "CN=…,O=…" of a certificate, for audit rows and logs.
    static QString subjectOf(const QSslCertificate &certificate);
    // Whether `chain` (the client's certificate first, then the intermediates it sent) leads
    // to one of `cas` and is valid now for client authentication. Only `cas` are trusted,
    // never the system store. `error` gets OpenSSL's reason.
    static bool verifyClientChain(const QList<QSslCertificate> &chain,
                                  const QList<QSslCertificate> &cas, QString *error);

    // Turns TLS on for connections accepted from now on. Call before start().
    bool setTls(const TlsSettings &settings, QString *summary, QString *error);
    // Re-reads the certificate and key. On error the previous pair stays in use. Connections
    // already open keep the certificate they were accepted with.
    bool reloadTls(QString *summary, QString *error);
    bool isTls() const { return m_tls.has_value(); }

    // At most `cap` connections (TLS handshakes included) from one client network (an IPv4
    // address, an IPv6 /64), so that one client cannot hold every slot of the global cap.
    // Addresses in `exempt` (the trusted reverse proxies, which carry every client) count only
    // against the global cap. 0: no per-address cap.
    void setPerAddressCap(int cap, CidrList exempt);
    // Connections refused by the global or the per-address cap since start.
    qint64 refusedByCap() const { return m_refusedByCap; }

    bool start(const QHostAddress &address, quint16 port, QString *error);
    // "http(s)://HOST:PORT" of the listening socket (IPv6 in brackets); empty before start().
    QString url() const;
    // Stops accepting; idle connections close now, busy ones after their reply.
    void stopAccepting();
    int openConnections() const { return int(m_connections.size() + m_handshakes.size()); }
    // Enforces every connection's and handshake's time limits; a timer calls it four times a
    // second (public so that tests can make it run at a chosen moment).
    void sweepTimeouts();

Q_SIGNALS:
    void connectionCountChanged(int count);
    // A connection was refused because the global or its address's cap was reached.
    void connectionRefused(const QHostAddress &peer, bool perAddress);
    // A TLS connection was refused before any HTTP: failed or timed-out handshake, or a client
    // certificate with the wrong CN. `reason` is an error text, never key material.
    void tlsRefused(const QHostAddress &peer, const QString &reason, const QString &clientSubject);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    struct Handshake
    {
        qint64 startedMs = 0;
        QString error; // the first precise reason seen (verification errors, CN refusal)
    };
    void adopt(QTcpSocket *socket, const QString &clientSubject, bool verified,
               const QString &problem, qint64 ageMs);
    // Counts the connection against its client network's cap; false when that is full.
    bool claimSlot(QTcpSocket *socket);
    void releaseSlot(QTcpSocket *socket);
    bool overCap(QTcpSocket *socket);
    void encrypted(QSslSocket *socket);
    void refuseHandshake(QSslSocket *socket, const QString &reason);

    RequestHandler *m_handler;
    ConnectionLimits m_limits;
    int m_maxConnections;
    QSet<HttpConnection *> m_connections;
    QHash<QSslSocket *, Handshake> m_handshakes;
    TlsSettings m_tlsSettings;
    std::optional<QSslConfiguration> m_tls;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    int m_perAddressCap = 0;
    CidrList m_capExempt;
    QHash<QByteArray, int> m_perAddress; // client network key -> open connections
    qint64 m_refusedByCap = 0;
};

} // namespace gerbang::http
