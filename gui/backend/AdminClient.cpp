// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminClient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// A request that gets no byte for this long is given up (the live channel sends one a second).
constexpr int kTransferTimeoutMs = 15'000;

} // namespace

QString AdminClient::Reply::problem() const
{
    const QString message = body.value(u"message"_s).toString();
    return !message.isEmpty() ? message : failure;
}

AdminClient::AdminClient(Target target, QObject *parent)
    : QObject(parent)
    , m_target(std::move(target))
    , m_network(new QNetworkAccessManager(this))
{
    m_target.pin = certificatepin::normalized(m_target.pin);
    // Each console keeps few connections open; none is shared with another token.
    m_network->setAutoDeleteReplies(false);
}

AdminClient::~AdminClient() = default;

QNetworkReply *AdminClient::send(const QByteArray &method, const QString &path,
                                 const QByteArray &accept, const QByteArray &payload, bool hasBody)
{
    QUrl url = m_target.url;
    url.setPath(path.section(u'?', 0, 0));
    url.setQuery(path.section(u'?', 1), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_target.token);
    request.setRawHeader("Accept", accept);
    request.setTransferTimeout(kTransferTimeoutMs);
    if (hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, payload);
    if (url.scheme() == u"https"_s) {
        certificatepin::guard(reply, m_target.pin,
                              [this, guard = QPointer<AdminClient>(this)](
                                  certificatepin::Verdict verdict, const QString &presented) {
                                  if (guard && verdict != certificatepin::Verdict::Trusted)
                                      Q_EMIT certificateNotTrusted(verdict, presented);
                              });
    }
    return reply;
}

void AdminClient::call(QObject *receiver, const QByteArray &method, const QString &path,
                       std::optional<QJsonObject> body, std::function<void(Reply)> done)
{
    const QByteArray payload =
        body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    QNetworkReply *reply = send(method, path, "application/json", payload, body.has_value());
    connect(reply, &QNetworkReply::finished, this,
            [reply, guard = QPointer<QObject>(receiver), done = std::move(done)] {
                reply->deleteLater();
                Reply out;
                out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (out.status == 0)
                    out.failure = reply->errorString();
                else
                    out.body = QJsonDocument::fromJson(reply->readAll()).object();
                if (guard)
                    done(std::move(out));
            });
}

QNetworkReply *AdminClient::open(const QString &path, const QByteArray &accept)
{
    QNetworkReply *reply = send("GET", path, accept, {}, false);
    return reply;
}

} // namespace gerbang
