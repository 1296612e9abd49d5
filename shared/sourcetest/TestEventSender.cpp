// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestEventSender.h"

#include "config/Settings.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {
constexpr int kRequestTimeoutMs = 10'000;
}

TestEventSender::TestEventSender(QObject *parent)
    : QObject(parent)
{
}

QUrl TestEventSender::reachable(QUrl listenUrl)
{
    const QHostAddress host(listenUrl.host());
    if (host == QHostAddress::AnyIPv4)
        listenUrl.setHost(u"127.0.0.1"_s);
    else if (host == QHostAddress::AnyIPv6)
        listenUrl.setHost(u"::1"_s);
    return listenUrl;
}

void TestEventSender::trustOnly(QNetworkReply *reply, QList<QSslCertificate> trusted)
{
    if (trusted.isEmpty())
        return;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply, trusted = std::move(trusted)](const QList<QSslError> &errors) {
                         if (trusted.contains(reply->sslConfiguration().peerCertificate()))
                             reply->ignoreSslErrors(errors);
                     });
}

QUrl TestEventSender::configuredAddress(const Settings &settings)
{
    const bool tls = !settings.value(u"tls/certificate"_s).isEmpty();
    return QUrl((tls ? u"https://"_s : u"http://"_s) + settings.value(u"server/listen"_s));
}

QUrl TestEventSender::target(const QUrl &gateway, const SignedRequest &request)
{
    QUrl u = gateway;
    u.setPath(request.path);
    u.setQuery(QString());
    return u;
}

void TestEventSender::send(const QUrl &gateway, const SignedRequest &signedRequest,
                           std::function<void(TestReply)> done)
{
    QNetworkRequest request{target(gateway, signedRequest)};
    for (const auto &[name, value] : signedRequest.headers)
        request.setRawHeader(name, value);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"gerbang-source-test"_s);
    request.setTransferTimeout(kRequestTimeoutMs);
    QNetworkReply *reply = m_network.post(request, signedRequest.body);
    trustOnly(reply, m_trusted);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        TestReply answer;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        answer.answered = status.isValid();
        if (!answer.answered) {
            answer.networkError = reply->errorString();
            return done(answer);
        }
        answer.status = status.toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        answer.replyStatus = body.value(u"status"_s).toString();
        if (answer.replyStatus.isEmpty())
            answer.replyStatus = body.value(u"error"_s).toString();
        done(answer);
    });
}

} // namespace gerbang
