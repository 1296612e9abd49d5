// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcetest/SourceTestReport.h"
#include "sourcetest/TestEventSample.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>
#include <functional>

namespace gerbang {

class Settings;

// Posts a signed test event to a gateway's public route, as the provider would, and reads the
// answer: gerbangctl and the console on this machine, or the gateway itself when an admin
// asks through the admin API (the secret never leaves it).
class TestEventSender : public QObject
{
    Q_OBJECT
public:
    explicit TestEventSender(QObject *parent = nullptr);

    // A gateway whose certificate is one of these is trusted whatever its name (its own
    // certificate, read from its configuration); any other must pass the usual checks.
    void trustCertificates(QList<QSslCertificate> certificates)
    {
        m_trusted = std::move(certificates);
    }
    // A gateway's own address as it can be reached: a wildcard listen address (0.0.0.0, ::)
    // on loopback.
    static QUrl reachable(QUrl listenUrl);
    // Where `settings` say the gateway takes webhooks (server/listen; https with
    // tls/certificate): for a gateway that has not said where it bound.
    static QUrl configuredAddress(const Settings &settings);
    // `gateway`'s scheme, host and port with the request's path.
    static QUrl target(const QUrl &gateway, const SignedRequest &request);
    void send(const QUrl &gateway, const SignedRequest &request,
              std::function<void(TestReply)> done);
    // Lets `reply` through a TLS error only when the peer's certificate is one of `trusted`
    // (the gateway's own, whatever its name); anything else fails as usual.
    static void trustOnly(QNetworkReply *reply, QList<QSslCertificate> trusted);

private:
    QNetworkAccessManager m_network;
    QList<QSslCertificate> m_trusted;
};

} // namespace gerbang
