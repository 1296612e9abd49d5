// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteGateway.h"

#include "net/CertificatePin.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>
#include <optional>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

constexpr int kTimeoutMs = 30'000;

using certificatepin::displayed;

} // namespace

RemoteGateway::RemoteGateway(Options options)
    : m_options(std::move(options))
{
}

QString RemoteGateway::defaultKnownGatewaysPath()
{
    const QString env = qEnvironmentVariable("GERBANG_KNOWN_GATEWAYS");
    if (!env.isEmpty())
        return env;
    return QDir::homePath() + u"/.config/gerbang/known_gateways"_s;
}

QString RemoteGateway::normalizedFingerprint(const QString &text)
{
    return certificatepin::normalized(text);
}

QString RemoteGateway::hostKey() const
{
    return u"%1:%2"_s.arg(m_options.url.host().toLower()).arg(m_options.url.port(443));
}

QString RemoteGateway::knownPin() const
{
    QFile file(m_options.knownGateways);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString key = hostKey();
    while (!file.atEnd()) {
        const QStringList fields =
            QString::fromUtf8(file.readLine()).simplified().split(u' ', Qt::SkipEmptyParts);
        if (fields.size() == 2 && fields[0] == key)
            return normalizedFingerprint(fields[1]);
    }
    return {};
}

bool RemoteGateway::rememberPin(const QString &pin, QString *error) const
{
    QFile old(m_options.knownGateways);
    QStringList lines;
    if (old.open(QIODevice::ReadOnly)) {
        const QString key = hostKey();
        for (const QString &line : QString::fromUtf8(old.readAll()).split(u'\n')) {
            if (!line.trimmed().isEmpty() && !line.startsWith(key + u' '))
                lines << line;
        }
    }
    lines << hostKey() + u' ' + displayed(pin);
    QDir().mkpath(QFileInfo(m_options.knownGateways).absolutePath());
    QSaveFile file(m_options.knownGateways);
    if (!file.open(QIODevice::WriteOnly) || file.write((lines.join(u'\n') + u'\n').toUtf8()) < 0 ||
        !file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(m_options.knownGateways, file.errorString());
        return false;
    }
    return true;
}

RemoteGateway::Reply RemoteGateway::call(const QByteArray &method, const QString &path,
                                         const QJsonObject *body)
{
    return exchange(method, path, body, nullptr);
}

RemoteGateway::Reply RemoteGateway::download(const QString &path, QIODevice *sink)
{
    return exchange("GET", path, nullptr, sink);
}

RemoteGateway::Reply RemoteGateway::exchange(const QByteArray &method, const QString &path,
                                             const QJsonObject *body, QIODevice *sink)
{
    Reply out;
    const bool tls = m_options.url.scheme() == u"https"_s;
    const QString given = normalizedFingerprint(m_options.fingerprint);
    const QString known = tls ? knownPin() : QString();
    if (!given.isEmpty() && !known.isEmpty() && given != known) {
        out.failure = u"the fingerprint given (%1) is not the one pinned for %2 in %3 (%4); "
                      "if the gateway's certificate really changed, remove that line first"_s.arg(
                          displayed(given), hostKey(), m_options.knownGateways, displayed(known));
        return out;
    }
    const QString pin = given.isEmpty() ? known : given;

    QNetworkAccessManager manager;
    QUrl url = m_options.url;
    url.setPath(path.section(u'?', 0, 0));
    url.setQuery(path.section(u'?', 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_options.token);
    if (!sink)
        request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(kTimeoutMs);
    const QByteArray payload =
        body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
    if (body)
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    QNetworkReply *reply = manager.sendCustomRequest(request, method, payload);

    // The pin decides, whatever a CA says.
    QString presented;
    std::optional<certificatepin::Verdict> pinProblem;
    certificatepin::guard(reply, pin,
                          [&](certificatepin::Verdict verdict, const QString &certificate) {
                              presented = certificate;
                              if (verdict != certificatepin::Verdict::Trusted)
                                  pinProblem = verdict;
                          });
    bool sinkFailed = false;
    if (sink) {
        // Copied as it comes, so that an export of any size needs no memory of its own.
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 &&
                !sinkFailed)
                sinkFailed = sink->write(reply->readAll()) < 0;
        });
    }
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();

    if (pinProblem == certificatepin::Verdict::Mismatch) {
        out.failure = u"REFUSED: the certificate of %1 is %2, not the pinned %3. Someone may be "
                      "intercepting the connection, or the gateway's certificate was replaced; "
                      "compare with 'gerbangctl admin fingerprint' on the gateway"_s.arg(
                          hostKey(), displayed(presented), displayed(pin));
    } else if (pinProblem == certificatepin::Verdict::Unknown) {
        out.failure = u"the certificate of %1 is not pinned. Its fingerprint is %2; compare it "
                      "with 'gerbangctl admin fingerprint' on the gateway, then run again with "
                      "--fingerprint %2 (it is remembered in %3)"_s.arg(
                          hostKey(), displayed(presented), m_options.knownGateways);
    }
    if (!out.failure.isEmpty()) {
        reply->deleteLater();
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (out.status == 0) {
        out.failure =
            u"cannot reach %1: %2"_s.arg(m_options.url.toDisplayString(), reply->errorString());
        reply->deleteLater();
        return out;
    }
    if (sink && out.status == 200) {
        if (!sinkFailed && reply->bytesAvailable() > 0)
            sinkFailed = sink->write(reply->readAll()) < 0;
        if (reply->error() != QNetworkReply::NoError)
            out.failure = u"the download from %1 was cut off: %2"_s.arg(
                m_options.url.toDisplayString(), reply->errorString());
        else if (sinkFailed)
            out.failure = u"cannot write what %1 sent: %2"_s.arg(m_options.url.toDisplayString(),
                                                                 sink->errorString());
        if (!out.failure.isEmpty()) {
            out.status = 0;
            reply->deleteLater();
            return out;
        }
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        out.body = doc.isArray() ? QJsonObject{{u"items"_s, doc.array()}} : doc.object();
    }
    reply->deleteLater();
    if (tls && !given.isEmpty() && known.isEmpty()) {
        QString error;
        if (!rememberPin(given, &error))
            out.warning = error;
    }
    return out;
}

} // namespace gerbang::ctl
