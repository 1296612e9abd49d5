// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace gerbang::ctl {

// gerbangctl --gateway URL: the admin API of a running gateway, called synchronously (a
// command is one request and its answer). Over https the gateway's certificate must be the
// one pinned, by --fingerprint or in the known-gateways file, as SSH checks a host key: a
// self-signed certificate is trusted only by its pin, and a pin that no longer matches refuses
// the connection even when a CA would vouch for the new certificate.
class RemoteGateway
{
public:
    struct Options
    {
        QUrl url;
        QByteArray token;
        QString fingerprint;   // "SHA256:AB:CD:…" or bare hex; empty: look it up
        QString knownGateways; // the file of pins, one "host:port SHA256:…" per line
    };
    explicit RemoteGateway(Options options);

    struct Reply
    {
        int status = 0;   // 0: no HTTP answer, see `failure`
        QJsonObject body; // the answer's JSON object, or {"items": [...]} for an array
        QString failure;  // why there is no answer (connection, TLS, pin), for people
        QString warning;  // answered, but something on the side failed (saving the pin)
    };
    // `body` null: no body.
    Reply call(const QByteArray &method, const QString &path, const QJsonObject *body = nullptr);
    // GET `path` and copy a 200's body into `sink` as it arrives (an export). A body that
    // does not arrive whole is a failure. Other answers come back as call() returns them.
    Reply download(const QString &path, QIODevice *sink);

    // Where the pins are kept: $GERBANG_KNOWN_GATEWAYS, else ~/.config/gerbang/known_gateways.
    static QString defaultKnownGatewaysPath();
    // "SHA256:AB:CD…", "ab:cd…" or "abcd…" as lower-case hex without separators.
    static QString normalizedFingerprint(const QString &text);

private:
    Reply exchange(const QByteArray &method, const QString &path, const QJsonObject *body,
                   QIODevice *sink);
    QString hostKey() const;
    QString knownPin() const;
    bool rememberPin(const QString &pin, QString *error) const;

    Options m_options;
};

} // namespace gerbang::ctl
