// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AdminAuth.h"
#include "Directory.h"
#include "LiveChannel.h"
#include "Stats.h"
#include "http/RequestHandler.h"

#include <QSet>
#include <functional>
#include <memory>

namespace gerbang {

class AdminReader;
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
        // Where the read routes run (audit, events, dead letters); null: they answer 503.
        AdminReader *reader = nullptr;
    };
    AdminApi(Access access, StoreWriter &writer, Stats &stats);
    ~AdminApi() override;

    // Writes when tokens were last used now (the engine calls it before it stops).
    void recordTokenUse();
    // GET /admin/v1/live's subscribers; the engine publishes alerts and configuration changes.
    LiveChannel &live() { return m_live; }

    // A route as data: method, path, the least role that may call it. Public so that a test
    // can compare the table with docs/admin-api.yaml.
    struct Route
    {
        QByteArrayView method;
        QByteArrayView path;
        AdminRole least;
        void (AdminApi::*answer)(const AdminCaller &, const http::HttpRequest &, http::Responder &);
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

private:
    void stats(const AdminCaller &caller, const http::HttpRequest &request,
               http::Responder &responder);
    void whoami(const AdminCaller &caller, const http::HttpRequest &request,
                http::Responder &responder);
    void tokens(const AdminCaller &caller, const http::HttpRequest &request,
                http::Responder &responder);
    void subscribe(const AdminCaller &caller, const http::HttpRequest &request,
                   http::Responder &responder);
    void auditRows(const AdminCaller &caller, const http::HttpRequest &request,
                   http::Responder &responder);
    void events(const AdminCaller &caller, const http::HttpRequest &request,
                http::Responder &responder);
    void deadLetters(const AdminCaller &caller, const http::HttpRequest &request,
                     http::Responder &responder);
    void tenants(const AdminCaller &caller, const http::HttpRequest &request,
                 http::Responder &responder);
    void sources(const AdminCaller &caller, const http::HttpRequest &request,
                 http::Responder &responder);
    void allowlists(const AdminCaller &caller, const http::HttpRequest &request,
                    http::Responder &responder);
    void gateways(const AdminCaller &caller, const http::HttpRequest &request,
                  http::Responder &responder);
    // A listing without parameters, read on the reader's thread.
    void listing(QJsonObject (*list)(Database &, QString *), const http::HttpRequest &request,
                 http::Responder &responder);
    // Runs a read on the reader's thread and answers with its JSON (503 when it failed).
    void read(std::function<QJsonObject(Database &, QString *)> query, http::Responder &responder);
    void noteUse(const QString &token, qint64 nowMs);
    void audit(const http::HttpRequest &request, Outcome outcome, int status, const QString &actor,
               const QString &reason);

    Access m_access;
    StoreWriter &m_writer;
    Stats &m_stats;
    AuthFailureLimiter m_failures;
    LiveChannel m_live;
    QObject m_replies; // on this thread: where the reader's answers come back
    // When each token was last used; written to the database at most once a minute (and at
    // a token's first use), so that authentication costs no write.
    QHash<QString, qint64> m_lastUsed;
    QSet<QString> m_unrecorded;
    qint64 m_lastRecordMs = 0;
};

} // namespace gerbang
