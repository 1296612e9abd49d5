// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminAuth.h"
#include "Directory.h"
#include "LiveChannel.h"
#include "Stats.h"
#include "StatsHistory.h"
#include "config/Settings.h"
#include "http/RequestHandler.h"
#include "service/AdminService.h"
#include "sourcetest/TestEventSender.h"
#include "storage/Retention.h"

#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>

namespace gerbang {

class AdminWorker;

// One authenticated request to the admin API, with the segments its route's "{…}" matched.
struct AdminCall
{
    const AdminCaller &caller;
    const http::HttpRequest &request;
    QStringList params;
};
class StoreWriter;

// The admin API (/admin/v1/...), on its own listener: JSON over HTTP/1.1, Bearer tokens with
// roles (viewer < operator < admin), errors as {"error": code, "message": text}. Every request
// is authenticated before anything else, so an unauthenticated client learns nothing, not even
// which routes exist. docs/admin-api.yaml describes every route.
class AdminApi : public http::RequestHandler
{
public:
    struct Access
    {
        std::function<std::shared_ptr<const Directory>()> directory;
        std::function<StatsSnapshot()> stats;
        // Best effort, off this thread: when tokens were last used (name, time in ms).
        std::function<void(QList<std::pair<QString, qint64>>)> recordTokenUse;
        // Where reads and changes run (audit, events, changes, ...); null: they answer 503.
        AdminWorker *worker = nullptr;
        // The settings the gateway runs with.
        Settings settings = {};
        // Applies the settings that take effect on a reload (retention) to the running gateway.
        std::function<void(const Settings &)> reload = {};
        // Where the gateway takes webhooks (test events are sent there).
        std::function<QString()> webhookUrl = {};
    };
    AdminApi(Access access, StoreWriter &writer, Stats &stats);
    ~AdminApi() override;

    // Writes when tokens were last used now (the engine calls it before it stops).
    void recordTokenUse();
    // GET /admin/v1/live's subscribers; the engine publishes alerts and configuration changes.
    LiveChannel &live() { return m_live; }

    // A route as data: method, path (a "{name}" segment matches any one segment), the least
    // role that may call it. Public so that a test
    // can compare the table with docs/admin-api.yaml.
    struct Route
    {
        QByteArrayView method;
        QByteArrayView path;
        AdminRole least;
        void (AdminApi::*answer)(const AdminCall &, http::Responder &);
    };
    static const QList<Route> &routes();

    // http::RequestHandler
    qint64 bodyLimit(const http::HttpRequest &head) const override;
    std::optional<http::HttpResponse> admit(http::HttpRequest &head) override;
    void handle(http::HttpRequest &&request, http::Responder responder) override;
    void rejected(const http::HttpRequest &partial, int status, QByteArrayView reason) override;

    static http::HttpResponse error(int status, QByteArrayView code, const QString &message);
    // A refusal whose code is the outcome the audit row records (the vocabulary's word).
    static http::HttpResponse error(int status, Outcome outcome, const QString &message);
    static http::HttpResponse error(int status, ApiError code, const QString &message);

private:
    void stats(const AdminCall &call, http::Responder &responder);
    void statsHistory(const AdminCall &call, http::Responder &responder);
    void whoami(const AdminCall &call, http::Responder &responder);
    void tokens(const AdminCall &call, http::Responder &responder);
    void subscribe(const AdminCall &call, http::Responder &responder);
    void auditRows(const AdminCall &call, http::Responder &responder);
    void exportAudit(const AdminCall &call, http::Responder &responder);
    void verifyAudit(const AdminCall &call, http::Responder &responder);
    void signReport(const AdminCall &call, http::Responder &responder);
    void events(const AdminCall &call, http::Responder &responder);
    void deadLetters(const AdminCall &call, http::Responder &responder);
    void tenants(const AdminCall &call, http::Responder &responder);
    void sources(const AdminCall &call, http::Responder &responder);
    void allowlists(const AdminCall &call, http::Responder &responder);
    void gateways(const AdminCall &call, http::Responder &responder);
    void settings(const AdminCall &call, http::Responder &responder);
    void event(const AdminCall &call, http::Responder &responder);
    void alerts(const AdminCall &call, http::Responder &responder);
    // Changes (AdminApiChanges.cpp), each through the AdminService on the worker's thread.
    void addTenant(const AdminCall &call, http::Responder &responder);
    void updateTenant(const AdminCall &call, http::Responder &responder);
    void removeTenant(const AdminCall &call, http::Responder &responder);
    void addSource(const AdminCall &call, http::Responder &responder);
    void removeSource(const AdminCall &call, http::Responder &responder);
    void secrets(const AdminCall &call, http::Responder &responder);
    void setSecret(const AdminCall &call, http::Responder &responder);
    void rotateSecret(const AdminCall &call, http::Responder &responder);
    void retireSecret(const AdminCall &call, http::Responder &responder);
    void removeSecret(const AdminCall &call, http::Responder &responder);
    void setAllowlist(const AdminCall &call, http::Responder &responder);
    void createToken(const AdminCall &call, http::Responder &responder);
    void revokeToken(const AdminCall &call, http::Responder &responder);
    void replayEvents(const AdminCall &call, http::Responder &responder);
    void replayDeadLetters(const AdminCall &call, http::Responder &responder);
    void retention(const AdminCall &call, http::Responder &responder);
    void runRetention(const AdminCall &call, http::Responder &responder);
    void changeSettings(const AdminCall &call, http::Responder &responder);
    void eventPayload(const AdminCall &call, http::Responder &responder);
    void acknowledgeAlerts(const AdminCall &call, http::Responder &responder);
    // A source's test event (AdminApiSourceTest.cpp).
    void testSource(const AdminCall &call, http::Responder &responder);
    void testEvent(const AdminCall &call, http::Responder &responder);
    void whatsAppCheck(const AdminCall &call, http::Responder &responder);
    // Runs `job` as the caller, then answers `successStatus` with the action, its target and
    // what the service reported, or the refusal's 4xx/503; refusals are audited.
    void change(const AdminCall &call, Change action, const QString &target, int successStatus,
                std::function<ChangeResult(AdminService &)> job, http::Responder &responder,
                std::function<void(const ChangeResult &)> made = {})
    {
        serve(call, wire(action), target, successStatus, std::move(job), responder,
              std::move(made));
    }
    // The same for an audited read of stored content.
    void disclose(const AdminCall &call, Disclosure action, const QString &target,
                  std::function<ChangeResult(AdminService &)> job, http::Responder &responder)
    {
        serve(call, wire(action), target, 200, std::move(job), responder);
    }
    // Sends a change's success answer (its result, the action and target).
    using Answer = std::function<void(const ChangeResult &)>;
    // `made` runs after a change was made, before the answer. `then`, when set, answers
    // instead, later (on this thread): a change whose answer waits for more work.
    void serve(const AdminCall &call, const QString &action, const QString &target,
               int successStatus, std::function<ChangeResult(AdminService &)> job,
               http::Responder &responder, std::function<void(const ChangeResult &)> made = {},
               std::function<void(ChangeResult, Answer)> then = {});
    // For a route without a body: true when there is none (or "{}"); else refuses it.
    bool takesNoBody(const AdminCall &call, http::Responder &responder);
    // Answers a refused request (bad body, bad value) and audits it with the caller's name.
    void refuse(const AdminCall &call, int status, ApiError code, const QString &message,
                http::Responder &responder);
    // A listing without parameters, read on the worker's thread.
    void listing(std::function<QJsonObject(Database &, QString *)> list,
                 const http::HttpRequest &request, http::Responder &responder);
    // Runs a read on the worker's thread and answers with its JSON (503 when it failed; 404
    // when it found nothing to answer with: an empty object and no error).
    void read(std::function<QJsonObject(Database &, QString *)> query, http::Responder &responder);
    void noteUse(const QString &token, qint64 nowMs);
    void audit(const http::HttpRequest &request, Outcome outcome, int status, const QString &actor,
               const QString &reason);

    Access m_access;
    StoreWriter &m_writer;
    Stats &m_stats;
    AuthFailureLimiter m_failures;
    LiveChannel m_live;
    // Sampled every second from the start, whether or not anyone watches: the series a
    // console draws when it attaches.
    StatsHistory m_history;
    RetentionPolicy m_retention; // in force: from the start, then from each reload
    QTimer m_sampler;
    static constexpr int kMaxExports = 4;
    int m_exports = 0;            // audit exports being streamed
    QObject m_replies;            // on this thread: where the worker's answers come back
    TestEventSender m_testSender; // test events, to this gateway's own webhook route
    // When each token was last used; written to the database at most once a minute (and at
    // a token's first use), so that authentication costs no write.
    QHash<QString, qint64> m_lastUsed;
    QSet<QString> m_unrecorded;
    qint64 m_lastRecordMs = 0;
};

} // namespace gerbang
