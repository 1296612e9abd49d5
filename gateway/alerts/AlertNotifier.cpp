// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertNotifier.h"

#include "crypto/Crypto.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/AlertRepository.h"
#include "store/StoreWriter.h"
#include "verify/StandardWebhooksSignature.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlerts, "gerbang.alerts")

namespace gerbang {

AlertNotifier::AlertNotifier(QUrl url, QByteArray secret, StoreWriter &writer, Stats &stats,
                             QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_secret(std::move(secret))
    , m_writer(writer)
    , m_stats(stats)
{
    if (m_url.isValid() && !m_url.isEmpty()) {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxy(QNetworkProxy::NoProxy);
    }
}

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::raise(const AlertInfo &alert)
{
    qCWarning(lcAlerts).noquote()
        << u"ALERT %1: %2 signature failures from source '%3' within %4 s"_s.arg(alert.kind)
               .arg(alert.count)
               .arg(alert.source)
               .arg(alert.windowSecs);
    m_stats.recordAlert(alert);
    AuditRecord audit;
    audit.receivedAtMs = alert.atMs;
    audit.sourceIp = u"-"_s;
    audit.method = u"-"_s;
    audit.path = u"-"_s;
    audit.outcome = wire(Outcome::Alert);
    audit.signatureStatus = wire(SignatureStatus::NotApplicable);
    StoredAlert stored;
    stored.kind = alert.kind;
    stored.source = alert.source;
    stored.count = alert.count;
    stored.windowSecs = alert.windowSecs;
    audit.detail = AlertRepository::auditDetail(stored);
    if (!m_writer.submitAudit(std::move(audit)))
        m_stats.addAuditDropped();
    Q_EMIT alertRaised(alert);
    if (m_network)
        post(alert);
}

void AlertNotifier::post(const AlertInfo &alert)
{
    QJsonObject data;
    data[u"source"_s] = alert.source;
    data[u"count"_s] = alert.count;
    data[u"window_s"_s] = alert.windowSecs;
    QJsonObject event;
    event[u"type"_s] = QString(u"gerbang.alert."_s + alert.kind);
    event[u"timestamp"_s] = isoUtc(alert.atMs);
    event[u"data"_s] = data;
    const QByteArray body = QJsonDocument(event).toJson(QJsonDocument::Compact);
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(10'000);
    const QByteArray id = newRecordId(u"alert_").toLatin1();
    const QByteArray ts = QByteArray::number(alert.atMs / 1000);
    request.setRawHeader("webhook-id", id);
    request.setRawHeader("webhook-timestamp", ts);
    if (const QByteArray signature = signStandardWebhooks(m_secret, id, ts, body);
        !signature.isNull())
        request.setRawHeader("webhook-signature", signature);
    QNetworkReply *reply = m_network->post(request, body);
    connect(reply, &QNetworkReply::finished, this, [reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status / 100 != 2)
            qCWarning(lcAlerts) << "alert POST failed:" << status << reply->errorString();
    });
}

} // namespace gerbang
