// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EngineConfig.h"
#include "Stats.h"
#include "alerts/SourceActivityCounter.h"
#include "http/RequestHandler.h"
#include "store/IngestJob.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <unordered_map>

namespace gerbang {

class Acknowledger;
class BackgroundWork;
class StoreWriter;
class AdminWorker;
class AlertNotifier;
class Heartbeat;
class EdgeGuard;
class SignatureAlerts;
class WebhookEndpoint;
class AdminApi;
namespace http {
class HttpServer;
}

// The gateway engine. Lives on one thread (the "engine thread"): create, start and stop it
// there. Other threads talk to it through EngineHost.
class Engine : public QObject, public http::RequestHandler
{
    Q_OBJECT
public:
    Engine(EngineConfig config, std::shared_ptr<Stats> stats, QObject *parent = nullptr);
    ~Engine() override;

    bool start(QString *error);
    // Stops accepting, lets in-flight commits finish and their replies go out.
    void stop();
    QString listenUrl() const;
    QString adminUrl() const; // empty when the admin API is off
    // Re-reads the TLS certificate and key for new connections; on error the current pair
    // stays. The outcome is logged and signalled.
    void reloadTls();
    // Runs the retention job now (asynchronously, on the background thread).
    void purgeNow();
    void setRetentionPolicy(const RetentionPolicy &policy);

    // http::RequestHandler
    qint64 bodyLimit(const http::HttpRequest &head) const override;
    std::optional<http::HttpResponse> admit(http::HttpRequest &head) override;
    void handle(http::HttpRequest &&request, http::Responder responder) override;
    void rejected(const http::HttpRequest &partial, int status, QByteArrayView reason) override;

Q_SIGNALS:
    void alertRaised(const gerbang::AlertInfo &alert);
    void configurationReloaded(qint64 revision);
    void storeFailure(const QString &reason);
    void tlsReloaded(bool ok, const QString &message);

private:
    void tlsRefused(const QHostAddress &peer, const QString &reason, const QString &clientSubject);
    void ready(http::HttpRequest &&request, http::Responder responder);
    void metrics(http::HttpRequest &&request, http::Responder responder);
    void answerProbe(quint64 id, bool ok, const QString &reason);
    void waitForInFlight(int timeoutMs);
    void signFinalCheckpoint();
    bool startAdmin(QString *error);
    void startHeartbeat();
    void flushActivity();
    void noteStoreHealth(const QList<CommitResult> &results);
    void internalEvent(const QString &id, http::HttpRequest &&request, http::Responder responder);

    EngineConfig m_config;
    std::shared_ptr<Stats> m_stats;
    std::shared_ptr<const Directory> m_directory;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<BackgroundWork> m_background;
    std::unique_ptr<Acknowledger> m_ack;
    std::unique_ptr<EdgeGuard> m_edge;
    std::unique_ptr<SignatureAlerts> m_alerts;
    SourceActivityCounter m_activity;
    QTimer m_activityTimer;
    bool m_storeFailing = false;
    std::unique_ptr<AlertNotifier> m_notifier;
    std::unique_ptr<WebhookEndpoint> m_webhooks;
    std::unique_ptr<http::HttpServer> m_server;
    std::unique_ptr<AdminWorker> m_adminWorker;
    std::unique_ptr<Heartbeat> m_heartbeat;
    std::unique_ptr<AdminApi> m_admin;
    std::unique_ptr<http::HttpServer> m_adminServer;
    std::unordered_map<quint64, http::Responder> m_probes;
    QString m_notReadyDetail; // the last failed probe's database error, as logged
    qint64 m_notReadyLoggedMs = 0;
    std::unordered_map<quint64, http::Responder> m_fetches; // waiting for the background thread
    quint64 m_nextProbe = 1;
    std::function<void()> m_afterCommit; // while stop() waits for the last commits
    // Refused TLS connections reported (logged and audited) in the current second, and those
    // left unreported since the last report: a scanner must not flood the log and audit table.
    qint64 m_tlsReportSecond = 0;
    int m_tlsReports = 0;
    qint64 m_tlsUnreported = 0;
};

} // namespace gerbang
