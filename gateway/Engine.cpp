// SPDX-License-Identifier: GPL-3.0-or-later
#include "Engine.h"

#include "Acknowledger.h"
#include "BackgroundWork.h"
#include "Heartbeat.h"
#include "RequestContext.h"
#include "admin/AdminApi.h"
#include "admin/AdminWorker.h"
#include "alerts/AlertNotifier.h"
#include "alerts/SignatureAlerts.h"
#include "audit/AuditCheckpointer.h"
#include "crypto/Crypto.h"
#include "crypto/SelfSignedCertificate.h"
#include "domain/Clock.h"
#include "domain/Vocabulary.h"
#include "edge/EdgeGuard.h"
#include "http/HttpServer.h"
#include "metrics/PrometheusText.h"
#include "store/StoreWriter.h"
#include "webhooks/WebhookEndpoint.h"
#include "whatsapp/SubscriptionCheck.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSysInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEngine, "gerbang.engine")

namespace gerbang {
namespace {

using http::HttpResponse;

} // namespace

Engine::Engine(EngineConfig config, std::shared_ptr<Stats> stats, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_stats(std::move(stats))
{
}

Engine::~Engine()
{
    stop();
}

bool Engine::start(QString *error)
{
    // The audit rows of every thread of this gateway join its own chain (audit/AuditChain.h).
    if (m_config.database.auditChain.isEmpty()) {
        QString idError;
        m_config.database.auditChain = Heartbeat::idFor(m_config.dataDir, &idError);
        if (m_config.database.auditChain.isEmpty())
            qCWarning(lcEngine).noquote()
                << "audit chain: no gateway id, rows join the chain 'unnamed':" << idError;
    }
    StoreWriterOptions options;
    options.database = m_config.database;
    options.busyTimeoutMs = m_config.busyTimeoutMs;
    options.maxPending = m_config.maxPending;
    options.dedupTtlMs = m_config.dedupTtlMs;
    options.overrides = m_config.whatsapp;

    m_writer = std::make_unique<StoreWriter>(
        options, *m_config.vault, this,
        [this](QList<CommitResult> results) {
            const bool stored = std::any_of(results.cbegin(), results.cend(),
                                            [](const CommitResult &r) { return r.stored > 0; });
            noteStoreHealth(results);
            if (m_ack)
                m_ack->committed(results);
            if (m_afterCommit)
                m_afterCommit();
            if (stored && m_background)
                m_background->wake();
        },
        [this](std::shared_ptr<const Directory> d) {
            m_directory = std::move(d);
            qCInfo(lcEngine) << "configuration revision" << m_directory->revision << "loaded";
            Q_EMIT configurationReloaded(m_directory->revision);
        },
        [this](quint64 id, bool ok, QString reason) { answerProbe(id, ok, reason); });
    if (!m_writer->startWriter(error)) {
        m_writer.reset();
        return false;
    }
    m_directory = m_writer->initialDirectory();
    // The gateway's id (its audit chain's name) also scopes the alerts about its own files.
    if (m_config.vigilance.gatewayId.isEmpty())
        m_config.vigilance.gatewayId = m_config.database.auditChain;
    m_background = std::make_unique<BackgroundWork>(
        m_config.delivery, m_config.retention,
        Database::Options{m_config.database, m_config.busyTimeoutMs, false}, *m_config.vault,
        m_stats, m_writer.get(), m_config.dataDir, m_config.checkpointIntervalMs,
        m_config.vigilance);
    m_background->setAlertSink(this, [this](const AlertInfo &alert) {
        if (m_notifier)
            m_notifier->raise(alert);
    });
    if (!m_background->start(error)) {
        m_background.reset();
        m_writer->stopWriter();
        return false;
    }
    m_alerts = std::make_unique<SignatureAlerts>(m_config.alerts);
    m_notifier = std::make_unique<AlertNotifier>(m_config.alertUrl, m_config.alertSecret, *m_writer,
                                                 *m_stats);
    connect(m_notifier.get(), &AlertNotifier::alertRaised, this, &Engine::alertRaised);
    m_ack = std::make_unique<Acknowledger>(
        *m_writer, *m_stats,
        [this](const QString &source, const QString &) {
            const qint64 now = nowMs();
            if (const auto alert = m_alerts->recordFailure(source, now))
                m_notifier->raise(AlertInfo{.atMs = now,
                                            .source = alert->source,
                                            .kind = wire(AlertKind::SignatureFailures),
                                            .count = alert->count,
                                            .windowSecs = int(m_config.alerts.windowMs / 1000),
                                            .state = wire(AlertState::Raised)});
        },
        [this](const http::HttpRequest &request, int status, QStringView signatureStatus) {
            m_edge->recordOutcome(request, status, signatureStatus);
            // A verified event shows the source is alive, whatever became of it; a test event
            // only shows that someone tested it, and a callback verification (GET) that
            // someone configured it.
            if (signatureStatus == wireName(SignatureStatus::Valid) && request.method == "POST") {
                if (const RequestContext *c = RequestContext::of(request);
                    c && c->sender && c->sender->known() && !c->test)
                    m_activity.record(c->sender->scope, nowMs());
            }
        });
    // Twice a minute: the silence alert reads minutes, and learns in hours.
    connect(&m_activityTimer, &QTimer::timeout, this, &Engine::flushActivity);
    m_activityTimer.start(30'000);
    m_edge = std::make_unique<EdgeGuard>(m_config.edge, *m_writer, *m_stats);
    m_webhooks = std::make_unique<WebhookEndpoint>(*m_config.vault, *m_ack, [] { return nowMs(); });
    m_server =
        std::make_unique<http::HttpServer>(this, m_config.connection, m_config.maxConnections);
    connect(m_server.get(), &http::HttpServer::connectionCountChanged, this,
            [this](int n) { m_stats->setOpenConnections(n); });
    connect(m_server.get(), &http::HttpServer::tlsRefused, this, &Engine::tlsRefused);
    connect(m_server.get(), &http::HttpServer::connectionRefused, this,
            [this](const QHostAddress &, bool perAddress) {
                m_stats->addConnectionRefused(perAddress);
            });
    m_server->setPerAddressCap(m_config.maxConnectionsPerIp, m_config.edge.trustedProxies);
    if (m_config.tls.enabled()) {
        QString summary;
        if (!m_server->setTls(m_config.tls, &summary, error)) {
            m_server.reset();
            m_background->stop();
            m_writer->stopWriter();
            return false;
        }
        qCInfo(lcEngine).noquote() << u"TLS (1.2 or later): %1%2"_s.arg(
            summary, !m_config.tls.mutual() ? QString()
                     : m_config.tls.perRoute()
                         ? u"; client certificates required for: "_s +
                               m_config.tls.clientCertificateRoutes.join(u", "_s)
                         : u"; client certificates required"_s);
    }
    if (!m_server->start(m_config.listenAddress, m_config.listenPort, error)) {
        *error = u"cannot listen on %1:%2: %3"_s.arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort)
                     .arg(*error);
        m_server.reset();
        m_background->stop();
        m_writer->stopWriter();
        return false;
    }
    if (m_config.admin.enabled && !startAdmin(error)) {
        m_adminServer.reset();
        m_admin.reset();
        m_adminWorker.reset();
        m_server.reset();
        m_background->stop();
        m_writer->stopWriter();
        return false;
    }
    startHeartbeat();
    return true;
}

void Engine::startHeartbeat()
{
    // Without an id (an unwritable data directory) the gateway still serves; it is only
    // missing from the fleet, and says so.
    QString idError;
    const QString id = Heartbeat::idFor(m_config.dataDir, &idError);
    if (id.isEmpty()) {
        qCWarning(lcEngine).noquote() << "heartbeat: off:" << idError;
        return;
    }
    m_heartbeat = std::make_unique<Heartbeat>(
        id, Heartbeat::Access{
                [this] { return m_stats->snapshot(); }, [this] { return listenUrl(); },
                [this] { return adminUrl(); },
                [this](GatewayBeat beat) { m_background->recordHeartbeat(std::move(beat)); }});
    m_heartbeat->start();
}

bool Engine::startAdmin(QString *error)
{
    const EngineConfig::Admin &admin = m_config.admin;
    m_adminWorker = std::make_unique<AdminWorker>(
        Database::Options{m_config.database, m_config.busyTimeoutMs, false}, m_config.vault);
    if (!m_adminWorker->start(error)) {
        *error = u"admin API: "_s + *error;
        return false;
    }
    m_admin = std::make_unique<AdminApi>(
        AdminApi::Access{[this] { return m_directory; }, [this] { return m_stats->snapshot(); },
                         [this](QList<std::pair<QString, qint64>> used) {
                             m_background->recordTokenUse(std::move(used));
                         },
                         m_adminWorker.get(), m_config.settings,
                         [this](const Settings &fresh) {
                             setRetentionPolicy(RetentionPolicy::fromSettings(fresh));
                         },
                         [this] { return listenUrl(); }},
        *m_writer, *m_stats);
    connect(this, &Engine::alertRaised, &m_admin->live(), &LiveChannel::publishAlert);
    connect(this, &Engine::configurationReloaded, &m_admin->live(),
            &LiveChannel::publishConfiguration);
    // The same front as the webhooks (limits, timeouts, connection caps), on its own port.
    m_adminServer = std::make_unique<http::HttpServer>(m_admin.get(), m_config.connection,
                                                       m_config.maxConnections);
    m_adminServer->setPerAddressCap(m_config.maxConnectionsPerIp, {});
    connect(m_adminServer.get(), &http::HttpServer::tlsRefused, this, &Engine::tlsRefused);
    if (admin.tls.enabled()) {
        bool made = false;
        if (admin.selfSigned) {
            const QString dir = QFileInfo(admin.tls.certificatePath).absolutePath();
            if (!QDir().mkpath(dir) ||
                !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner)) {
                *error = u"cannot create %1"_s.arg(dir);
                return false;
            }
            const QString host = QSysInfo::machineHostName();
            QStringList names{u"DNS:localhost"_s, u"IP:127.0.0.1"_s, u"IP:::1"_s};
            if (!host.isEmpty())
                names.prepend(u"DNS:"_s + host);
            if (!admin.address.isLoopback() && admin.address != QHostAddress::Any &&
                admin.address != QHostAddress::AnyIPv6)
                names << u"IP:"_s + admin.address.toString();
            if (!SelfSignedCertificate::ensure(admin.tls.certificatePath, admin.tls.privateKeyPath,
                                               u"Gerbang admin API "_s + host, names, &made, error))
                return false;
        }
        QString summary;
        if (!m_adminServer->setTls(admin.tls, &summary, error)) {
            *error = u"admin API: "_s + *error;
            return false;
        }
        QString fpError;
        const QString fingerprint = certificateFingerprint(admin.tls.certificatePath, &fpError);
        qCInfo(lcEngine).noquote()
            << (made ? u"admin API: made a self-signed certificate (%1); "_s.arg(
                           admin.tls.certificatePath)
                     : u"admin API: "_s)
            << u"certificate SHA-256 fingerprint %1 (gerbangctl admin fingerprint)"_s.arg(
                   fingerprint.isEmpty() ? fpError : fingerprint);
    }
    if (!m_adminServer->start(admin.address, admin.port, error)) {
        *error = u"admin API: cannot listen on %1:%2: %3"_s.arg(admin.address.toString())
                     .arg(admin.port)
                     .arg(*error);
        return false;
    }
    return true;
}

void Engine::stop()
{
    if (!m_server)
        return;
    m_server->stopAccepting();
    if (m_adminServer)
        m_adminServer->stopAccepting();
    m_edge->flush();
    if (m_admin)
        m_admin->recordTokenUse();
    m_activityTimer.stop();
    flushActivity();
    if (m_heartbeat)
        m_heartbeat->stop(); // the goodbye, written before the background work stops
    // Delivery stops first: its last outcomes and leases go through the still-running writer.
    m_background->stop();
    // The writer finishes every queued commit; its results arrive here as queued calls.
    m_writer->stopWriter();
    waitForInFlight(5000);
    m_background.reset();
    m_heartbeat.reset();
    m_adminServer.reset();
    m_adminWorker.reset(); // joined before the API its answers go to
    signFinalCheckpoint();
    m_admin.reset();
    m_server.reset();
    m_webhooks.reset();
    m_edge.reset();
    m_notifier.reset();
    m_alerts.reset();
    m_ack.reset();
    m_writer.reset();
}

void Engine::signFinalCheckpoint()
{
    // Every writer of this gateway has stopped: the head signed now is the chain's last.
    QString error;
    const auto db = Database::open({m_config.database, m_config.busyTimeoutMs, false}, &error);
    if (!db || !AuditCheckpointer::signOnce(*db, m_config.dataDir, u"shutdown"_s, &error))
        qCWarning(lcEngine).noquote() << "audit checkpoint at shutdown failed:" << error;
}

void Engine::waitForInFlight(int timeoutMs)
{
    // The last commits' results arrive on this thread as queued calls, their replies go out,
    // and the connections close: run this thread's events until then, or until the deadline.
    const auto drained = [this] {
        return m_ack->pending() == 0 && m_server->openConnections() == 0;
    };
    if (drained())
        return;
    QEventLoop loop;
    const auto check = [&] {
        if (drained())
            loop.quit();
    };
    m_afterCommit = check;
    const QMetaObject::Connection connections =
        connect(m_server.get(), &http::HttpServer::connectionCountChanged, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    disconnect(connections);
    m_afterCommit = nullptr;
}

void Engine::flushActivity()
{
    if (QList<SourceActivityRepository::Count> counts = m_activity.take(); !counts.isEmpty())
        m_background->recordActivity(std::move(counts));
}

void Engine::noteStoreHealth(const QList<CommitResult> &results)
{
    // Only the changes cross to the background thread: failing, then writing again.
    const auto failed =
        std::find_if(results.cbegin(), results.cend(), [](const CommitResult &r) { return !r.ok; });
    const bool failing = failed != results.cend();
    if (failing == m_storeFailing || !m_background)
        return;
    m_storeFailing = failing;
    m_background->storeFailing(failing, failing ? failed->error : QString());
}

void Engine::purgeNow()
{
    if (m_background)
        m_background->purgeNow();
}

void Engine::setRetentionPolicy(const RetentionPolicy &policy)
{
    m_config.retention = policy;
    if (m_background)
        m_background->setRetentionPolicy(policy);
}

QString Engine::listenUrl() const
{
    return m_server ? m_server->url() : QString();
}

QString Engine::adminUrl() const
{
    return m_adminServer ? m_adminServer->url() : QString();
}

void Engine::reloadTls()
{
    if (!m_server || !m_server->isTls()) {
        qCInfo(lcEngine) << "TLS reload requested, but TLS is not enabled: nothing to reload";
        Q_EMIT tlsReloaded(false, u"TLS is not enabled"_s);
        return;
    }
    QString summary;
    QString error;
    if (!m_server->reloadTls(&summary, &error)) {
        qCWarning(lcEngine).noquote()
            << "TLS reload refused, the current certificate stays in use:" << error;
        if (m_background)
            m_background->certificateReloaded(m_config.tls.certificatePath, false, error);
        Q_EMIT tlsReloaded(false, error);
        return;
    }
    qCInfo(lcEngine).noquote() << "TLS certificate reloaded for new connections:" << summary;
    if (m_background)
        m_background->certificateReloaded(m_config.tls.certificatePath, true, {});
    Q_EMIT tlsReloaded(true, summary);
}

void Engine::tlsRefused(const QHostAddress &peer, const QString &reason,
                        const QString &clientSubject)
{
    const qint64 second = nowMs() / 1000;
    if (second != m_tlsReportSecond) {
        m_tlsReportSecond = second;
        m_tlsReports = 0;
    }
    if (++m_tlsReports > 10) {
        ++m_tlsUnreported;
        return;
    }
    qCWarning(lcEngine).noquote() << "TLS connection from" << peer.toString()
                                  << "refused:" << reason;
    http::HttpRequest request;
    request.peer = peer;
    AuditRecord a = Acknowledger::auditFor(request, u"");
    a.outcome = wire(Outcome::TlsRefused);
    QJsonObject detail{{u"reason"_s, reason.left(300)}};
    if (!clientSubject.isEmpty())
        detail.insert(u"client_certificate"_s, clientSubject);
    if (m_tlsUnreported > 0)
        detail.insert(u"unreported_before"_s, std::exchange(m_tlsUnreported, 0));
    a.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    if (m_writer && !m_writer->submitAudit(std::move(a)))
        m_stats->addAuditDropped();
}

std::optional<http::HttpResponse> Engine::admit(http::HttpRequest &head)
{
    // The route, its sender and its limits are worked out here, once; every later step reads
    // them from the request.
    const RequestContext &context =
        head.handlerState.emplace<RequestContext>(RequestContext::resolve(
            head.path, m_directory, {m_config.whatsappBodyLimit, m_config.bodyLimit}));
    return m_edge->admit(head, context);
}

qint64 Engine::bodyLimit(const http::HttpRequest &head) const
{
    const RequestContext *context = RequestContext::of(head);
    return context ? context->bodyLimit : m_config.bodyLimit;
}

void Engine::handle(http::HttpRequest &&request, http::Responder responder)
{
    const QByteArray &method = request.method;
    auto methodNotAllowed = [&](QByteArrayView allow) {
        AuditRecord a = Acknowledger::auditFor(request, u"");
        a.outcome = wire(Outcome::MethodNotAllowed);
        HttpResponse r = HttpResponse::error(405, "method_not_allowed");
        r.headers.append({"Allow", allow.toByteArray()});
        m_ack->answer(responder, request, std::move(r), std::move(a));
    };

    RequestContext *context = RequestContext::of(request);
    if (!context) // admission always leaves one; a handler called without it routes here
        context = &request.handlerState.emplace<RequestContext>(RequestContext::resolve(
            request.path, m_directory, {m_config.whatsappBodyLimit, m_config.bodyLimit}));
    const Route &route = context->route;
    const bool readOnly = method == "GET" || method == "HEAD";
    switch (route.kind) {
    case Route::Kind::WhatsApp:
        if (method == "POST")
            return m_webhooks->receive(*context, std::move(request), std::move(responder));
        if (method == "GET")
            return answerSubscriptionCheck(*context, std::move(request), std::move(responder),
                                           *m_ack);
        return methodNotAllowed("GET, POST");
    case Route::Kind::Provider:
        if (method == "POST")
            return m_webhooks->receive(*context, std::move(request), std::move(responder));
        return methodNotAllowed("POST");
    case Route::Kind::Ready:
        return readOnly ? ready(std::move(request), std::move(responder)) : methodNotAllowed("GET");
    case Route::Kind::Metrics:
        return readOnly ? metrics(std::move(request), std::move(responder))
                        : methodNotAllowed("GET");
    case Route::Kind::InternalEvent:
        if (!m_config.internalApiToken.isEmpty())
            return readOnly ? internalEvent(route.key, std::move(request), std::move(responder))
                            : methodNotAllowed("GET");
        break; // off unless a token is configured: indistinguishable from an unknown route
    case Route::Kind::Health:
        // Liveness answers are not audited: monitors poll them every few seconds.
        return readOnly ? responder.send(HttpResponse::json(200, R"({"status":"ok"})"))
                        : methodNotAllowed("GET");
    case Route::Kind::Unknown:
        break;
    }
    AuditRecord a = Acknowledger::auditFor(request, u"");
    a.outcome = wire(Outcome::NotFound);
    m_ack->answer(responder, request, HttpResponse::error(404, "not_found"), std::move(a));
}

void Engine::rejected(const http::HttpRequest &partial, int status, QByteArrayView reason)
{
    AuditRecord a = Acknowledger::auditFor(partial, u"");
    a.outcome = status == 413
                    ? wire(Outcome::TooLarge)
                    : (status == 408 ? wire(Outcome::Timeout) : wire(Outcome::BadRequest));
    a.httpStatus = status;
    a.detail = Acknowledger::detailText({{u"reason"_s, QString::fromLatin1(reason)}}, partial);
    a.processingUs = partial.startedNs > 0 ? (monotonicNs() - partial.startedNs) / 1000 : 0;
    m_stats->recordRequest(QString(), a.outcome, a.signatureStatus, status, a.processingUs);
    if (m_edge)
        m_edge->recordOutcome(partial, status, a.signatureStatus);
    if (m_writer && !m_writer->submitAudit(std::move(a)))
        m_stats->addAuditDropped();
}

void Engine::ready(http::HttpRequest &&request, http::Responder responder)
{
    Q_UNUSED(request);
    const quint64 id = m_nextProbe++;
    m_probes.emplace(id, std::move(responder));
    m_writer->requestProbe(id);
}

void Engine::answerProbe(quint64 id, bool ok, const QString &reason)
{
    auto it = m_probes.find(id);
    if (it == m_probes.end())
        return;
    http::Responder responder = std::move(it->second);
    m_probes.erase(it);
    if (ok) {
        if (!std::exchange(m_notReadyDetail, QString()).isEmpty())
            qCInfo(lcEngine) << "ready again: the database is writable";
        return responder.send(HttpResponse::json(200, R"({"status":"ready"})"));
    }
    Q_EMIT storeFailure(reason);
    // The database's own words stay in the log (once per change, or a minute): anyone who can
    // reach /ready gets a fixed code, never table names, hosts or paths.
    const qint64 now = nowMs();
    if (reason != m_notReadyDetail || now - m_notReadyLoggedMs >= 60'000) {
        qCWarning(lcEngine).noquote() << "not ready:" << reason;
        m_notReadyDetail = reason;
        m_notReadyLoggedMs = now;
    }
    responder.send(
        HttpResponse::json(503, R"({"status":"not_ready","reason":"database_not_writable"})"));
}

void Engine::internalEvent(const QString &id, http::HttpRequest &&request,
                           http::Responder responder)
{
    AuditRecord a = Acknowledger::auditFor(request, u"");
    a.signatureStatus = wire(SignatureStatus::NotApplicable);
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") ||
        !crypto::constantTimeEquals(QByteArrayView(auth).sliced(7), m_config.internalApiToken)) {
        a.outcome = wire(Outcome::Unauthorized);
        HttpResponse r = HttpResponse::error(401, "unauthorized");
        r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
        return m_ack->answer(responder, request, std::move(r), std::move(a));
    }
    a.detail = Acknowledger::detailText({}, request);
    const quint64 fetch = m_nextProbe++;
    m_fetches.emplace(fetch, std::move(responder));
    const qint64 startedNs = request.startedNs;
    m_background->fetchContent(
        id, this,
        [this, fetch, startedNs, a = std::move(a)](int status, QByteArray body,
                                                   QString tenant) mutable {
            auto it = m_fetches.find(fetch);
            if (it == m_fetches.end())
                return;
            http::Responder r = std::move(it->second);
            m_fetches.erase(it);
            // Reading content is audited like any access to personal data.
            a.outcome = status == 200   ? wire(Outcome::ContentServed)
                        : status == 410 ? wire(Outcome::ContentExpired)
                                        : wire(Outcome::NotFound);
            a.tenant = tenant;
            a.httpStatus = status;
            a.processingUs = (monotonicNs() - startedNs) / 1000;
            m_stats->recordRequest(QString(), a.outcome, a.signatureStatus, status, a.processingUs);
            if (!m_writer->submitAudit(std::move(a)))
                m_stats->addAuditDropped();
            r.send(status == 200   ? HttpResponse::json(200, body)
                   : status == 410 ? HttpResponse::error(410, "raw_payload_expired")
                                   : HttpResponse::error(404, "not_found"));
        });
}

void Engine::metrics(http::HttpRequest &&request, http::Responder responder)
{
    if (!m_config.metricsToken.isEmpty()) {
        const QByteArray auth = request.header("authorization");
        const bool ok =
            auth.startsWith("Bearer ") &&
            crypto::constantTimeEquals(QByteArrayView(auth).sliced(7), m_config.metricsToken);
        if (!ok) {
            HttpResponse r = HttpResponse::error(401, "unauthorized");
            r.headers.append({QByteArray("WWW-Authenticate"), QByteArray("Bearer")});
            return responder.send(std::move(r));
        }
    }
    HttpResponse r = HttpResponse::text(200, prometheusText(m_stats->snapshot()));
    r.contentType = "text/plain; version=0.0.4; charset=utf-8";
    responder.send(std::move(r));
}

} // namespace gerbang
