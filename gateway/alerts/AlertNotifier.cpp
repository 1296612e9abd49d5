// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertNotifier.h"

#include "crypto/Crypto.h"
#include "domain/AlertTexts.h"
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
    const alerttexts::Text text = alerttexts::describe(alert);
    const bool resolved = alert.resolved();
    const QString line =
        u"%1 %2: %3%4"_s.arg(resolved ? u"RESOLVED"_s : u"ALERT"_s, alert.kind, text.what,
                             text.next.isEmpty() ? QString() : u" "_s + text.next);
    if (resolved)
        qCInfo(lcAlerts).noquote() << line;
    else
        qCWarning(lcAlerts).noquote() << line;
    m_stats.recordAlert(alert);
    AuditRecord audit;
    audit.receivedAtMs = alert.atMs;
    audit.sourceIp = u"-"_s;
    audit.method = u"-"_s;
    audit.path = u"-"_s;
    audit.outcome = wire(Outcome::Alert);
    audit.signatureStatus = wire(SignatureStatus::NotApplicable);
    audit.detail = AlertRepository::auditDetail(StoredAlert::of(alert));
    if (!m_writer.submitAudit(std::move(audit)))
        m_stats.addAuditDropped();
    Q_EMIT alertRaised(alert);
    if (m_network)
        post(alert, text);
}

void AlertNotifier::post(const AlertInfo &alert, const alerttexts::Text &text)
{
    QJsonObject data;
    data[u"source"_s] = alert.source;
    data[u"count"_s] = alert.count;
    data[u"window_s"_s] = alert.windowSecs;
    data[u"state"_s] = alert.state.isEmpty() ? wire(AlertState::Raised) : alert.state;
    if (alert.kind != wireName(AlertKind::SignatureFailures)) {
        data[u"value"_s] = alert.value;
        data[u"threshold"_s] = alert.threshold;
    }
    if (alert.untilMs > 0)
        data[u"until"_s] = isoUtc(alert.untilMs);
    if (!alert.detail.isEmpty())
        data[u"detail"_s] = alert.detail;
    data[u"message"_s] = text.what;
    if (!text.next.isEmpty())
        data[u"next_step"_s] = text.next;
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
