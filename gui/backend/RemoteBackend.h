// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminClient.h"
#include "Backend.h"
#include "ServerSentEvents.h"

#include <QPointer>

class QNetworkReply;
class QTimer;

namespace gerbang {

// A running gerbangd, through its admin API: who the token is (GET /admin/v1/whoami), the
// statistics, alerts and configuration changes from the live channel (GET /admin/v1/live),
// reads and changes as ordinary requests. A lost live channel is tried again by itself, with
// a growing pause; a refused token or a certificate that is not the pinned one stops it until
// the admin acts.
class RemoteBackend : public Backend
{
    Q_OBJECT
public:
    explicit RemoteBackend(AdminClient::Target target, QObject *parent = nullptr);
    ~RemoteBackend() override;

    // Starts attaching (again). Returns at once.
    void attach();
    // The admin trusts the certificate `fingerprint` (first use, or a change they confirmed
    // on the gateway): it is pinned and the console attaches again.
    void trust(const QString &fingerprint);
    AdminClient &client() { return *m_client; }
    // The certificate the gateway showed when it was not trusted (normalized hex).
    QString presentedFingerprint() const { return m_presented; }
    // The pinned certificate (normalized hex; empty: none yet).
    QString pinnedFingerprint() const { return m_client->target().pin; }
    // The pause before the next attempt after a loss, ms (grows to kMaxBackoffMs).
    int nextAttemptInMs() const { return m_backoffMs; }
    static constexpr int kFirstBackoffMs = 500;
    static constexpr int kMaxBackoffMs = 8000;

    bool isLocal() const override { return false; }
    AdminRole role() const override { return m_role; }
    QString where() const override;
    QString actor() const override;
    Link link() const override { return m_link; }
    QString linkProblem() const override { return m_problem; }

    void tenants(QObject *receiver, Done<Fetched<QList<Tenant>>> done) override;
    void sources(QObject *receiver, Done<Fetched<SourceListing>> done) override;
    void gateways(QObject *receiver, Done<Fetched<QList<FleetMember>>> done) override;
    void alerts(QObject *receiver, const AlertFilter &filter,
                Done<Fetched<QList<StoredAlert>>> done) override;
    void deadLetters(QObject *receiver, int limit, Done<Fetched<DeadLetterListing>> done) override;
    void settings(QObject *receiver, Done<Fetched<SettingsListing>> done) override;
    void events(QObject *receiver, const EventFilter &filter,
                Done<Fetched<QList<WebhookEvent>>> done) override;
    void auditRows(QObject *receiver, const AuditFilter &filter,
                   Done<Fetched<QList<AuditRecord>>> done) override;
    void exportAudit(QObject *receiver, const AuditExportRequest &request,
                     Done<AuditExport::Result> done) override;
    void verifyAudit(QObject *receiver, Done<Fetched<AuditVerification>> done) override;
    void apply(QObject *receiver, ConsoleChange change, Done<ChangeResult> done) override;
    void testSource(QObject *receiver, const QString &name, const QString &tenant,
                    Done<Fetched<SourceTestReport>> progress) override;
    void checkWhatsApp(QObject *receiver, const QString &app,
                       Done<Fetched<WhatsAppSetupReport>> done) override;

Q_SIGNALS:
    // The gateway showed a certificate that is not pinned (`previous` empty: first use). The
    // console asks the admin, then calls trust() or leaves it refused.
    void trustRequested(const QString &presented, const QString &previous);

private:
    void setLink(Link link, const QString &problem = {});
    void openLive();
    void closeLive();
    void liveData();
    void liveEnded();
    void lost(const QString &why);
    template <typename T>
    void list(QObject *receiver, const QString &path, const QString &key,
              std::function<T(const QJsonObject &)> decode, Done<Fetched<QList<T>>> done);

    AdminClient *m_client;
    QTimer *m_retry;
    QPointer<QNetworkReply> m_live;
    ServerSentEvents m_events;
    Link m_link = Link::Down;
    QString m_problem;
    AdminRole m_role = AdminRole::Viewer;
    QString m_tokenName;
    QString m_presented;
    bool m_certificateRefused = false;
    int m_backoffMs = kFirstBackoffMs;
    quint64 m_attempt = 0; // answers to an older attempt are ignored
};

} // namespace gerbang
