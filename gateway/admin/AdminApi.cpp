// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminApi.h"

#include "Acknowledger.h"
#include "AdminQueries.h"
#include "AdminWorker.h"
#include "AuditExportStream.h"
#include "JsonBody.h"
#include "StatsJson.h"
#include "audit/AuditSigningKey.h"
#include "audit/AuditVerifier.h"
#include "audit/ReportSignature.h"
#include "config/SettingsJson.h"
#include "crypto/Crypto.h"
#include "domain/Clock.h"
#include "http/ResponseStream.h"
#include "storage/RecordJson.h"
#include "store/StoreWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAdmin, "gerbang.admin")

namespace gerbang {
namespace {

using http::HttpResponse;

// Ten failed authentications a minute from one client network, then 429 for the rest of it.
constexpr int kAuthFailures = 10;
constexpr qint64 kAuthWindowMs = 60'000;
// Requests to the admin API are small: nothing it accepts needs more.
constexpr qint64 kBodyLimit = 64 * 1024;
constexpr qint64 kRecordUseEveryMs = 60'000;

HttpResponse json(int status, const QJsonObject &body)
{
    return HttpResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// The segments a route's "{…}" segments matched in `path`, or nullopt when it does not match.
std::optional<QStringList> matchPath(QByteArrayView pattern, QByteArrayView path)
{
    const QList<QByteArray> want = pattern.toByteArray().split('/');
    const QList<QByteArray> have = path.toByteArray().split('/');
    if (want.size() != have.size())
        return std::nullopt;
    QStringList params;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i].startsWith('{')) {
            if (have[i].isEmpty())
                return std::nullopt;
            params << QString::fromUtf8(have[i]);
        } else if (want[i] != have[i]) {
            return std::nullopt;
        }
    }
    return params;
}

HttpResponse eventStreamHead()
{
    HttpResponse head;
    head.contentType = "text/event-stream; charset=utf-8";
    return head;
}

} // namespace

AdminApi::AdminApi(Access access, StoreWriter &writer, Stats &stats)
    : m_access(std::move(access))
    , m_writer(writer)
    , m_stats(stats)
    , m_failures(kAuthFailures, kAuthWindowMs)
    , m_live(LiveChannel::Access{m_access.directory, m_access.stats})
    , m_retention(RetentionPolicy::fromSettings(m_access.settings))
{
    m_sampler.setInterval(LiveChannel::kIntervalMs);
    QObject::connect(&m_sampler, &QTimer::timeout, &m_replies,
                     [this] { m_history.add(nowMs(), m_access.stats()); });
    m_sampler.start();
}

AdminApi::~AdminApi() = default;

const QList<AdminApi::Route> &AdminApi::routes()
{
    static const QList<Route> table = {
        {"GET", "/admin/v1/stats", AdminRole::Viewer, &AdminApi::stats},
        {"GET", "/admin/v1/stats/history", AdminRole::Viewer, &AdminApi::statsHistory},
        {"GET", "/admin/v1/whoami", AdminRole::Viewer, &AdminApi::whoami},
        {"GET", "/admin/v1/live", AdminRole::Viewer, &AdminApi::subscribe},
        {"GET", "/admin/v1/audit", AdminRole::Viewer, &AdminApi::auditRows},
        {"GET", "/admin/v1/audit/export", AdminRole::Viewer, &AdminApi::exportAudit},
        {"GET", "/admin/v1/audit/verify", AdminRole::Viewer, &AdminApi::verifyAudit},
        {"POST", "/admin/v1/audit/report-signature", AdminRole::Viewer, &AdminApi::signReport},
        {"GET", "/admin/v1/events", AdminRole::Viewer, &AdminApi::events},
        {"GET", "/admin/v1/events/{id}", AdminRole::Viewer, &AdminApi::event},
        {"GET", "/admin/v1/events/{id}/payload", AdminRole::Operator, &AdminApi::eventPayload},
        {"POST", "/admin/v1/events/replay", AdminRole::Operator, &AdminApi::replayEvents},
        {"GET", "/admin/v1/dead-letters", AdminRole::Viewer, &AdminApi::deadLetters},
        {"POST", "/admin/v1/dead-letters/replay", AdminRole::Operator,
         &AdminApi::replayDeadLetters},
        {"GET", "/admin/v1/alerts", AdminRole::Viewer, &AdminApi::alerts},
        {"POST", "/admin/v1/alerts/acknowledge", AdminRole::Operator, &AdminApi::acknowledgeAlerts},
        {"GET", "/admin/v1/tenants", AdminRole::Viewer, &AdminApi::tenants},
        {"POST", "/admin/v1/tenants", AdminRole::Admin, &AdminApi::addTenant},
        {"PATCH", "/admin/v1/tenants/{id}", AdminRole::Admin, &AdminApi::updateTenant},
        {"DELETE", "/admin/v1/tenants/{id}", AdminRole::Admin, &AdminApi::removeTenant},
        {"GET", "/admin/v1/sources", AdminRole::Viewer, &AdminApi::sources},
        {"POST", "/admin/v1/sources", AdminRole::Admin, &AdminApi::addSource},
        {"DELETE", "/admin/v1/sources/{name}", AdminRole::Admin, &AdminApi::removeSource},
        {"POST", "/admin/v1/sources/{name}/test", AdminRole::Operator, &AdminApi::testSource},
        {"GET", "/admin/v1/test-events/{id}", AdminRole::Viewer, &AdminApi::testEvent},
        {"GET", "/admin/v1/whatsapp/check", AdminRole::Viewer, &AdminApi::whatsAppCheck},
        {"GET", "/admin/v1/secrets", AdminRole::Admin, &AdminApi::secrets},
        {"PUT", "/admin/v1/secrets/{name}", AdminRole::Admin, &AdminApi::setSecret},
        {"POST", "/admin/v1/secrets/{name}/rotate", AdminRole::Admin, &AdminApi::rotateSecret},
        {"POST", "/admin/v1/secrets/{name}/retire", AdminRole::Admin, &AdminApi::retireSecret},
        {"DELETE", "/admin/v1/secrets/{name}", AdminRole::Admin, &AdminApi::removeSecret},
        {"GET", "/admin/v1/allowlists", AdminRole::Viewer, &AdminApi::allowlists},
        {"PUT", "/admin/v1/allowlists/{scope}", AdminRole::Admin, &AdminApi::setAllowlist},
        {"GET", "/admin/v1/tokens", AdminRole::Admin, &AdminApi::tokens},
        {"POST", "/admin/v1/tokens", AdminRole::Admin, &AdminApi::createToken},
        {"DELETE", "/admin/v1/tokens/{name}", AdminRole::Admin, &AdminApi::revokeToken},
        {"GET", "/admin/v1/gateways", AdminRole::Viewer, &AdminApi::gateways},
        {"GET", "/admin/v1/settings", AdminRole::Viewer, &AdminApi::settings},
        {"PATCH", "/admin/v1/settings", AdminRole::Admin, &AdminApi::changeSettings},
        {"GET", "/admin/v1/retention", AdminRole::Viewer, &AdminApi::retention},
        {"POST", "/admin/v1/retention/run", AdminRole::Operator, &AdminApi::runRetention},
    };
    return table;
}

HttpResponse AdminApi::error(int status, QByteArrayView code, const QString &message)
{
    return json(status,
                QJsonObject{{u"error"_s, QString::fromLatin1(code)}, {u"message"_s, message}});
}

HttpResponse AdminApi::error(int status, ApiError code, const QString &message)
{
    const QLatin1StringView word = wireName(code);
    return error(status, QByteArrayView(word.data(), word.size()), message);
}

HttpResponse AdminApi::error(int status, Outcome outcome, const QString &message)
{
    const QLatin1StringView code = wireName(outcome);
    return error(status, QByteArrayView(code.data(), code.size()), message);
}

qint64 AdminApi::bodyLimit(const http::HttpRequest &) const
{
    return kBodyLimit;
}

std::optional<HttpResponse> AdminApi::admit(http::HttpRequest &head)
{
    // Admins connect directly: the peer is the client (no proxy is trusted here).
    head.client = head.peer;
    const qint64 now = nowMs();
    const int wait = m_failures.blockedForSecs(head.client, now);
    if (wait == 0)
        return std::nullopt;
    // Only failures are held back: a valid token passes even from a blocked network, so that
    // a script gone wrong behind an office's NAT does not lock out every admin behind it.
    // Tokens are 256 random bits, so letting a correct guess through costs nothing; the
    // limit is there to keep floods of bad tokens cheap and out of the audit log.
    const auto directory = m_access.directory();
    if (authenticateAdmin(head.header("authorization"),
                          directory ? directory->adminTokens : QList<AdminToken>{}, now))
        return std::nullopt;
    HttpResponse r = error(429, Outcome::RateLimited,
                           u"too many failed authentications from this address; try again later"_s);
    r.headers.append({"Retry-After", QByteArray::number(wait)});
    return r;
}

void AdminApi::handle(http::HttpRequest &&request, http::Responder responder)
{
    const qint64 now = nowMs();
    const auto directory = m_access.directory();
    const std::optional<AdminCaller> caller =
        authenticateAdmin(request.header("authorization"),
                          directory ? directory->adminTokens : QList<AdminToken>{}, now);
    if (!caller) {
        const bool blockedNow = m_failures.failed(request.client, now);
        const bool presented = !request.header("authorization").isNull();
        audit(request, Outcome::Unauthorized, 401, {},
              presented ? u"unknown, expired or revoked token"_s : u"no token"_s);
        if (blockedNow)
            audit(request, Outcome::RateLimited, 429, {}, u"admin_auth_failures"_s);
        HttpResponse r = error(401, Outcome::Unauthorized,
                               u"a valid admin token is required (Authorization: Bearer TOKEN)"_s);
        r.headers.append(
            {QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"gerbang-admin\"")});
        return responder.send(std::move(r));
    }
    noteUse(caller->name, now);
    const Route *route = nullptr;
    QStringList params;
    bool pathKnown = false;
    for (const Route &r : routes()) {
        std::optional<QStringList> matched = matchPath(r.path, request.path);
        if (!matched)
            continue;
        pathKnown = true;
        if (r.method == QByteArrayView(request.method) ||
            (r.method == "GET" && request.method == "HEAD")) {
            route = &r;
            params = std::move(*matched);
            break;
        }
    }
    if (!route) {
        return responder.send(pathKnown ? error(405, Outcome::MethodNotAllowed,
                                                u"this route does not take %1"_s.arg(
                                                    QString::fromLatin1(request.method)))
                                        : error(404, Outcome::NotFound, u"no such admin route"_s));
    }
    if (int(caller->role) < int(route->least)) {
        audit(request, Outcome::Forbidden, 403, caller->name,
              u"needs the %1 role"_s.arg(wire(route->least)));
        return responder.send(error(403, Outcome::Forbidden,
                                    u"the %1 role may not do this; it needs %2"_s.arg(
                                        wire(caller->role), wire(route->least))));
    }
    (this->*route->answer)(AdminCall{*caller, request, std::move(params)}, responder);
}

void AdminApi::noteUse(const QString &token, qint64 nowMs)
{
    const bool first = !m_lastUsed.contains(token);
    m_lastUsed.insert(token, nowMs);
    m_unrecorded.insert(token);
    if (first || nowMs - m_lastRecordMs >= kRecordUseEveryMs)
        recordTokenUse();
}

void AdminApi::recordTokenUse()
{
    if (m_unrecorded.isEmpty() || !m_access.recordTokenUse)
        return;
    QList<std::pair<QString, qint64>> list;
    for (const QString &name : std::as_const(m_unrecorded))
        list.append({name, m_lastUsed.value(name)});
    m_unrecorded.clear();
    m_lastRecordMs = nowMs();
    m_access.recordTokenUse(std::move(list));
}

void AdminApi::rejected(const http::HttpRequest &partial, int status, QByteArrayView reason)
{
    const Outcome outcome = status == 413   ? Outcome::TooLarge
                            : status == 408 ? Outcome::Timeout
                                            : Outcome::BadRequest;
    audit(partial, outcome, status, {}, QString::fromLatin1(reason));
}

void AdminApi::audit(const http::HttpRequest &request, Outcome outcome, int status,
                     const QString &actor, const QString &reason)
{
    AuditRecord a = Acknowledger::auditFor(request, u"");
    a.outcome = wire(outcome);
    a.httpStatus = status;
    a.processingUs = request.startedNs > 0 ? (monotonicNs() - request.startedNs) / 1000 : 0;
    QJsonObject detail{{u"api"_s, u"admin"_s}};
    if (!actor.isEmpty())
        detail.insert(u"actor"_s, actor);
    if (!reason.isEmpty())
        detail.insert(u"reason"_s, reason.left(300));
    a.detail = Acknowledger::detailText(detail, request);
    if (!m_writer.submitAudit(std::move(a)))
        m_stats.addAuditDropped();
}

void AdminApi::stats(const AdminCall &, http::Responder &responder)
{
    responder.send(json(200, statsJson(m_access.stats())));
}

void AdminApi::statsHistory(const AdminCall &call, http::Responder &responder)
{
    if (const auto refusal = adminquery::noParameters(call.request.query))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    responder.send(json(200, historyJson(m_history, nowMs())));
}

void AdminApi::whoami(const AdminCall &call, http::Responder &responder)
{
    responder.send(json(200, QJsonObject{{u"name"_s, call.caller.name},
                                         {u"role"_s, wire(call.caller.role)},
                                         {u"expires_at"_s, isoOrNull(call.caller.expiresAtMs)}}));
}

void AdminApi::tokens(const AdminCall &, http::Responder &responder)
{
    const auto directory = m_access.directory();
    QJsonArray list;
    for (const AdminToken &t : directory ? directory->adminTokens : QList<AdminToken>{})
        list.append(tokenJson(t, m_lastUsed.value(t.name)));
    responder.send(json(200, QJsonObject{{u"tokens"_s, list}}));
}

void AdminApi::subscribe(const AdminCall &call, http::Responder &responder)
{
    if (call.request.method == "HEAD")
        return responder.send(HttpResponse::json(200, {}));
    if (const QString full = m_live.refusal(call.caller); !full.isEmpty())
        return responder.send(error(503, ApiError::TooManyStreams, full));
    if (std::unique_ptr<http::ResponseStream> stream = responder.openStream(eventStreamHead()))
        m_live.subscribe(std::move(stream), call.caller);
}

void AdminApi::read(std::function<QJsonObject(Database &, QString *)> query,
                    http::Responder &responder)
{
    if (!m_access.worker)
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway cannot read its database here"_s));
    // std::function wants a copyable callable; the responder is move-only.
    auto pending = std::make_shared<http::Responder>(std::move(responder));
    m_access.worker->run(
        std::move(query), &m_replies, [pending](QJsonObject answer, QString readError) {
            if (!readError.isEmpty()) {
                qCWarning(lcAdmin).noquote() << "admin API: a read failed:" << readError;
                return pending->send(
                    error(503, ApiError::StoreUnavailable,
                          u"the database could not be read; see the gateway's log"_s));
            }
            if (answer.isEmpty())
                return pending->send(error(404, Outcome::NotFound, u"it does not exist"_s));
            pending->send(json(200, answer));
        });
}

void AdminApi::auditRows(const AdminCall &call, http::Responder &responder)
{
    auto filter = adminquery::auditFilter(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&filter))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read([f = std::get<AuditFilter>(filter)](
             Database &db, QString *e) { return adminquery::auditPage(db, f, e); },
         responder);
}

void AdminApi::exportAudit(const AdminCall &call, http::Responder &responder)
{
    auto parsed = adminquery::auditExport(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&parsed))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    // Named copies, not a structured binding: clang before 16 cannot capture those.
    const auto &chosen = std::get<std::pair<AuditFilter, adminquery::ExportFormat>>(parsed);
    const AuditFilter filter = chosen.first;
    const adminquery::ExportFormat format = chosen.second;
    const bool csv = format == adminquery::ExportFormat::Csv;
    HttpResponse head;
    head.contentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
    head.headers.append({QByteArray("Content-Disposition"),
                         csv ? QByteArray("attachment; filename=\"gerbang-audit.csv\"")
                             : QByteArray("attachment; filename=\"gerbang-audit.ndjson\"")});
    if (call.request.method == "HEAD")
        return responder.send(head); // what it would be, without exporting (or auditing) a row
    if (!m_access.worker)
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway cannot read its database here"_s));
    if (m_exports >= kMaxExports)
        return responder.send(error(
            503, ApiError::TooManyStreams,
            u"%1 audit exports are running; try again when one has finished"_s.arg(kMaxExports)));
    // The export's audit row commits first: an export that cannot be audited is not made.
    const Actor actor{call.caller.name, u"API"_s, QString::fromUtf8(call.request.path),
                      call.request.client.toString(), 200};
    auto pending = std::make_shared<http::Responder>(std::move(responder));
    m_access.worker->change(
        actor,
        [filter, csv](AdminService &s) {
            QString e;
            return s.recordAuditExport(filter, csv ? u"csv"_s : u"ndjson"_s, &e)
                       ? ChangeResult()
                       : ChangeResult::refused(ChangeResult::Refusal::StoreFailed, e);
        },
        &m_replies,
        [this, pending, filter, format, head](ChangeResult audited) {
            if (!audited.ok()) {
                qCWarning(lcAdmin).noquote()
                    << "admin API: an audit export was refused, its audit row failed:"
                    << audited.message;
                return pending->send(
                    error(503, ApiError::StoreUnavailable,
                          u"the export could not be audited, so it was not made; see the gateway's "
                          "log"_s));
            }
            std::unique_ptr<http::ResponseStream> stream = pending->openStream(head, true);
            if (!stream)
                return; // the client went away meanwhile
            auto *job = new AuditExportStream(std::move(stream), filter, format, *m_access.worker,
                                              &m_replies);
            ++m_exports;
            QObject::connect(job, &QObject::destroyed, &m_replies, [this] { --m_exports; });
            job->start();
        });
}

void AdminApi::verifyAudit(const AdminCall &call, http::Responder &responder)
{
    const auto range = adminquery::auditVerifyRange(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&range))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    const auto r = std::get<adminquery::TimeRange>(range);
    read(
        [r, dataDir = m_access.settings.dataDir()](Database &db, QString *e) -> QJsonObject {
            AuditVerifier::Options options{r.fromMs, r.toMs, {}};
            QString keyError;
            const auto key = AuditSigningKey::load(dataDir, &keyError);
            if (key)
                options.trustedKeys << key->publicKey();
            const auto v = AuditVerifier(db).verify(options, nowMs(), e);
            if (!v)
                return {};
            // And the key this gateway signs with, which a report's reader checks against.
            QJsonObject answer = v->toJson();
            answer.insert(u"public_key"_s,
                          key ? QJsonValue(AuditSigningKey::publicKeyText(key->publicKey()))
                              : QJsonValue());
            return answer;
        },
        responder);
}

void AdminApi::signReport(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"sha256"_L1, "size"_L1, "file"_L1, "report_format"_L1,
                                      "from"_L1, "to"_L1, "tenant"_L1, "desktop_user"_L1});
    const QString sha = body.text("sha256"_L1, true, 64).value_or(QString());
    const qint64 size = body.number("size"_L1, 0, qint64(1) << 50).value_or(-1);
    const QString file = body.text("file"_L1, true, 255).value_or(QString());
    const QString format = body.text("report_format"_L1, true, 8).value_or(QString());
    const QString from = body.text("from"_L1, false, 40).value_or(QString());
    const QString to = body.text("to"_L1, false, 40).value_or(QString());
    const QString tenant = body.text("tenant"_L1, false, 64).value_or(QString());
    const QString desktopUser = body.text("desktop_user"_L1, false, 128).value_or(QString());
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    QByteArray digest;
    if (!crypto::decodeHex(sha.toLatin1(), &digest) || digest.size() != 32)
        return responder.send(
            error(400, ApiError::InvalidParameter, u"sha256 must be 64 hex digits"_s));
    if (format != u"csv"_s && format != u"pdf"_s)
        return responder.send(
            error(400, ApiError::InvalidParameter, u"report_format must be csv or pdf"_s));
    QByteArrayList query;
    if (!from.isEmpty())
        query << "from=" + QUrl::toPercentEncoding(from);
    if (!to.isEmpty())
        query << "to=" + QUrl::toPercentEncoding(to);
    const auto range = adminquery::auditVerifyRange(query.join('&'));
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&range))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    const auto r = std::get<adminquery::TimeRange>(range);
    // The gateway never holds the report: it signs its hash, with the verification of the
    // report's period it makes itself, and names who asked (README: The audit log as evidence).
    const QString by = desktopUser.isEmpty()
                           ? u"token %1"_s.arg(call.caller.name)
                           : u"token %1 (%2)"_s.arg(call.caller.name, desktopUser);
    QJsonObject period;
    if (!from.isEmpty())
        period.insert(u"from"_s, from);
    if (!to.isEmpty())
        period.insert(u"to"_s, to);
    if (!tenant.isEmpty())
        period.insert(u"tenant"_s, tenant);
    read(
        [=, dataDir = m_access.settings.dataDir()](Database &db, QString *e) -> QJsonObject {
            bool created = false;
            const auto key = AuditSigningKey::loadOrCreate(dataDir, &created, e);
            if (!key)
                return {};
            AuditVerifier::Options options{r.fromMs, r.toMs, {key->publicKey()}};
            const auto v = AuditVerifier(db).verify(options, nowMs(), e);
            if (!v)
                return {};
            return ReportSignature::makeForHash(digest, size, file, format, by, period, *v, *key,
                                                nowMs())
                .toJson();
        },
        responder);
}

void AdminApi::events(const AdminCall &call, http::Responder &responder)
{
    auto filter = adminquery::eventFilter(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&filter))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read([f = std::get<EventFilter>(filter)](
             Database &db, QString *e) { return adminquery::eventList(db, f, e); },
         responder);
}

void AdminApi::event(const AdminCall &call, http::Responder &responder)
{
    listing(
        [id = call.params.first()](Database &db, QString *e) { return eventDetailJson(db, id, e); },
        call.request, responder);
}

void AdminApi::alerts(const AdminCall &call, http::Responder &responder)
{
    auto filter = adminquery::alertFilter(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&filter))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read([f = std::get<AlertFilter>(filter)](
             Database &db, QString *e) { return adminquery::alertPage(db, f, e); },
         responder);
}

void AdminApi::deadLetters(const AdminCall &call, http::Responder &responder)
{
    auto limit = adminquery::deadLetterLimit(call.request.query);
    if (const auto *refusal = std::get_if<adminquery::Refusal>(&limit))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read([n = std::get<int>(limit)](Database &db,
                                    QString *e) { return adminquery::deadLetterList(db, n, e); },
         responder);
}

void AdminApi::listing(std::function<QJsonObject(Database &, QString *)> list,
                       const http::HttpRequest &request, http::Responder &responder)
{
    if (const auto refusal = adminquery::noParameters(request.query))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    read(list, responder);
}

void AdminApi::tenants(const AdminCall &call, http::Responder &responder)
{
    listing(&adminquery::tenantList, call.request, responder);
}

void AdminApi::sources(const AdminCall &call, http::Responder &responder)
{
    listing(&adminquery::sourceList, call.request, responder);
}

void AdminApi::allowlists(const AdminCall &call, http::Responder &responder)
{
    listing(&adminquery::allowlistList, call.request, responder);
}

void AdminApi::gateways(const AdminCall &call, http::Responder &responder)
{
    listing(&adminquery::gatewayList, call.request, responder);
}

void AdminApi::settings(const AdminCall &call, http::Responder &responder)
{
    if (const auto refusal = adminquery::noParameters(call.request.query))
        return responder.send(error(400, ApiError::InvalidParameter, refusal->message));
    // Where each value comes from matters when a change seems to have no effect: an
    // environment variable outranks the file. The file is read on the worker's thread.
    read(
        [running = m_access.settings](Database &, QString *) {
            return settingsListingJson(running.configPath(), running.reread(), &running);
        },
        responder);
}

} // namespace gerbang
