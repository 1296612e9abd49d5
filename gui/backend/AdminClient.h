// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/CertificatePin.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace gerbang {

// The console's side of the admin API: asynchronous requests on the GUI thread's event loop
// (the GUI never waits on the network), a Bearer token, and the gateway's certificate checked
// against its pin before a byte of the token's request is trusted to it.
class AdminClient : public QObject
{
    Q_OBJECT
public:
    struct Target
    {
        QUrl url;         // https://host:port (or http:// on loopback)
        QByteArray token; // never logged, never shown
        QString pin;      // the certificate's SHA-256 (certificatepin::normalized); empty: none
    };
    struct Reply
    {
        int status = 0;   // 0: no HTTP answer (see failure)
        QJsonObject body; // the answer's JSON object
        QString failure;  // why there is no answer, for people
        bool ok() const { return status >= 200 && status < 300; }
        // The gateway's "message" for a refusal, else the failure.
        QString problem() const;
    };

    explicit AdminClient(Target target, QObject *parent = nullptr);
    ~AdminClient() override;

    const Target &target() const { return m_target; }
    // After the admin trusted a certificate (or the profile's pin changed).
    void setPin(const QString &pin) { m_target.pin = certificatepin::normalized(pin); }

    // One request; `done` runs on this thread with its answer unless `receiver` is gone.
    // `path` may carry a query ("/admin/v1/audit?limit=100").
    void call(QObject *receiver, const QByteArray &method, const QString &path,
              std::optional<QJsonObject> body, std::function<void(Reply)> done);
    // A long answer read as it comes (the live channel). The caller owns the reply.
    QNetworkReply *open(const QString &path, const QByteArray &accept);

Q_SIGNALS:
    // The gateway showed a certificate that is not the pinned one (`verdict` Unknown: none is
    // pinned yet). The request was aborted before anything was sent.
    void certificateNotTrusted(gerbang::certificatepin::Verdict verdict, const QString &presented);

private:
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &accept,
                        const QByteArray &payload, bool hasBody);

    Target m_target;
    QNetworkAccessManager *m_network;
};

} // namespace gerbang
