// SPDX-License-Identifier: GPL-3.0-or-later
// The admin API's changes: each one parses its body strictly here, then runs through the
// AdminService (the one implementation gerbangctl and the console use too) on the worker's
// thread, which commits it with its audit row.
#include "AdminApi.h"
#include "AdminQueries.h"
#include "AdminWorker.h"
#include "JsonBody.h"
#include "domain/Clock.h"
#include "domain/Duration.h"
#include "storage/Retention.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcAdmin)

namespace gerbang {
namespace {

using http::HttpResponse;

int statusOf(ChangeResult::Refusal refusal)
{
    switch (refusal) {
    case ChangeResult::Refusal::Invalid:
        return 400;
    case ChangeResult::Refusal::NotFound:
        return 404;
    case ChangeResult::Refusal::Conflict:
        return 409;
    case ChangeResult::Refusal::StoreFailed:
    case ChangeResult::Refusal::None:
        break;
    }
    return 503;
}

} // namespace

void AdminApi::refuse(const AdminCall &call, int status, ApiError code, const QString &message,
                      http::Responder &responder)
{
    audit(call.request, status == 404 ? Outcome::NotFound : Outcome::BadRequest, status,
          call.caller.name, message);
    responder.send(error(status, code, message));
}

bool AdminApi::takesNoBody(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body.isEmpty() ? "{}" : call.request.body, {});
    if (const auto &r = body.refusal()) {
        refuse(call, 400, r->code, r->message, responder);
        return false;
    }
    return true;
}

void AdminApi::serve(const AdminCall &call, const QString &action, const QString &target,
                     int successStatus, std::function<ChangeResult(AdminService &)> job,
                     http::Responder &responder, std::function<void(const ChangeResult &)> made,
                     std::function<void(ChangeResult, Answer)> then)
{
    if (!m_access.worker)
        return responder.send(error(503, ApiError::StoreUnavailable,
                                    u"this gateway cannot write its database here"_s));
    const Actor actor{call.caller.name, u"API"_s, QString::fromUtf8(call.request.path),
                      call.request.client.toString(), successStatus};
    // Kept for the refusal's audit row, which is written on this thread after the reply.
    auto request = std::make_shared<http::HttpRequest>(call.request);
    request->body.clear();
    auto pending = std::make_shared<http::Responder>(std::move(responder));
    m_access.worker->change(
        actor, std::move(job), &m_replies,
        [this, request, pending, action, target, successStatus, made = std::move(made),
         then = std::move(then), name = call.caller.name](ChangeResult r) {
            if (!r.ok()) {
                const int status = statusOf(r.refusal);
                if (status == 503) {
                    qCWarning(lcAdmin).noquote() << "admin API: a change failed:" << r.message;
                    return pending->send(
                        error(503, ApiError::StoreUnavailable,
                              u"the database could not be written; nothing changed; see the "
                              "gateway's log"_s));
                }
                const Outcome outcome = status == 404 ? Outcome::NotFound : Outcome::BadRequest;
                audit(*request, outcome, status, name, r.message);
                return pending->send(
                    status == 404
                        ? error(404, Outcome::NotFound, r.message)
                        : error(status, status == 409 ? ApiError::Conflict : ApiError::InvalidValue,
                                r.message));
            }
            if (made)
                made(r);
            Answer answer = [pending, action, target, successStatus](const ChangeResult &result) {
                QJsonObject body = result.result;
                body.insert(u"action"_s, action);
                body.insert(u"target"_s, target);
                if (!result.message.isEmpty())
                    body.insert(u"warning"_s, result.message);
                pending->send(HttpResponse::json(
                    successStatus, QJsonDocument(body).toJson(QJsonDocument::Compact)));
            };
            if (then)
                then(std::move(r), std::move(answer));
            else
                answer(r);
        });
}

void AdminApi::addTenant(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body,
                  {"id"_L1, "name"_L1, "enabled"_L1, "waba_ids"_L1, "phone_number_ids"_L1});
    Tenant t;
    t.id = body.text("id"_L1, true, 64).value_or(QString());
    t.name = body.text("name"_L1, true).value_or(QString());
    t.enabled = body.flag("enabled"_L1).value_or(true);
    t.wabaIds = body.textList("waba_ids"_L1).value_or(QStringList());
    t.phoneNumberIds = body.textList("phone_number_ids"_L1).value_or(QStringList());
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    change(
        call, Change::TenantAdded, t.id, 201, [t](AdminService &s) { return s.addTenant(t); },
        responder);
}

void AdminApi::updateTenant(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body,
                  {"name"_L1, "enabled"_L1, "waba_ids"_L1, "phone_number_ids"_L1});
    TenantPatch patch;
    patch.name = body.text("name"_L1);
    patch.enabled = body.flag("enabled"_L1);
    patch.wabaIds = body.textList("waba_ids"_L1);
    patch.phoneNumberIds = body.textList("phone_number_ids"_L1);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QString id = call.params.value(0);
    change(
        call, Change::TenantUpdated, id, 200,
        [id, patch](AdminService &s) { return s.updateTenant(id, patch); }, responder);
}

void AdminApi::removeTenant(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    const QString id = call.params.value(0);
    change(
        call, Change::TenantRemoved, id, 200, [id](AdminService &s) { return s.removeTenant(id); },
        responder);
}

void AdminApi::addSource(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"name"_L1, "provider"_L1, "tenant"_L1, "tolerance_s"_L1,
                                      "dedup_field"_L1, "failure_status"_L1, "body_limit"_L1});
    Source s;
    s.name = body.text("name"_L1, true, 64).value_or(QString());
    s.provider = body.text("provider"_L1, true, 32).value_or(QString());
    s.tenant = body.text("tenant"_L1, false, 64).value_or(QString());
    s.toleranceSecs = int(body.number("tolerance_s"_L1, 1, 86400).value_or(0));
    s.dedupField = body.text("dedup_field"_L1).value_or(QString());
    s.failureStatus = int(body.number("failure_status"_L1, 400, 499).value_or(401));
    s.bodyLimit = body.number("body_limit"_L1, 1, 64LL << 20).value_or(0);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    change(
        call, Change::SourceAdded, s.name, 201, [s](AdminService &a) { return a.addSource(s); },
        responder);
}

void AdminApi::removeSource(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    const QString name = call.params.value(0);
    change(
        call, Change::SourceRemoved, name, 200,
        [name](AdminService &s) { return s.removeSource(name); }, responder);
}

void AdminApi::secrets(const AdminCall &call, http::Responder &responder)
{
    if (!m_access.worker || !m_access.worker->vault())
        return responder.send(
            error(503, ApiError::StoreUnavailable, u"this gateway cannot read its secrets here"_s));
    listing([vault = m_access.worker->vault()](
                Database &db, QString *e) { return adminquery::secretList(db, *vault, e); },
            call.request, responder);
}

void AdminApi::setSecret(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"value"_L1});
    const QString value =
        body.text("value"_L1, true, int(AdminService::kMaxSecretBytes)).value_or(QString());
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QString name = call.params.value(0);
    change(
        call, Change::SecretSet, name, 200,
        [name, value = value.toUtf8()](AdminService &s) { return s.setSecret(name, value); },
        responder);
}

void AdminApi::rotateSecret(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"value"_L1, "retire_after"_L1});
    const QString value =
        body.text("value"_L1, true, int(AdminService::kMaxSecretBytes)).value_or(QString());
    const std::optional<QString> retireAfter = body.text("retire_after"_L1, false, 16);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    qint64 retireAtMs = 0;
    if (retireAfter) {
        const qint64 after = parseDuration(*retireAfter);
        if (after <= 0)
            return refuse(call, 400, ApiError::InvalidValue,
                          u"'retire_after' is a duration such as 30m, 24h or 7d"_s, responder);
        retireAtMs = nowMs() + after;
    }
    const QString name = call.params.value(0);
    change(
        call, Change::SecretRotated, name, 200,
        [name, value = value.toUtf8(), retireAtMs](AdminService &s) {
            return s.rotateSecret(name, value, retireAtMs);
        },
        responder);
}

void AdminApi::retireSecret(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    const QString name = call.params.value(0);
    change(
        call, Change::SecretRetired, name, 200,
        [name](AdminService &s) { return s.retireSecret(name); }, responder);
}

void AdminApi::removeSecret(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    const QString name = call.params.value(0);
    change(
        call, Change::SecretRemoved, name, 200,
        [name](AdminService &s) { return s.removeSecret(name); }, responder);
}

void AdminApi::setAllowlist(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"networks"_L1});
    const std::optional<QStringList> networks = body.textList("networks"_L1, 10000, 64);
    if (!body.refusal() && !networks)
        return refuse(call, 400, ApiError::InvalidValue,
                      u"'networks' is required (an empty array lifts the restriction)"_s,
                      responder);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QString scope = call.params.value(0);
    change(
        call, Change::AllowlistSet, scope, 200,
        [scope, list = *networks](AdminService &s) { return s.setAllowlist(scope, list); },
        responder);
}

void AdminApi::createToken(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"name"_L1, "role"_L1, "expires_in"_L1});
    const QString name = body.text("name"_L1, true, 64).value_or(QString());
    const QString roleText = body.text("role"_L1, true, 16).value_or(QString());
    const std::optional<QString> expiresIn = body.text("expires_in"_L1, false, 16);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const std::optional<AdminRole> role = fromWire<AdminRole>(roleText);
    if (!role)
        return refuse(call, 400, ApiError::InvalidValue,
                      u"'role' is one of: %1"_s.arg(wireNames<AdminRole>().join(u", "_s)),
                      responder);
    qint64 expiresAtMs = 0;
    if (expiresIn) {
        const qint64 lifetime = parseDuration(*expiresIn);
        if (lifetime <= 0)
            return refuse(call, 400, ApiError::InvalidValue,
                          u"'expires_in' is a duration such as 12h or 90d"_s, responder);
        expiresAtMs = nowMs() + lifetime;
    }
    change(
        call, Change::TokenCreated, name, 201,
        [name, role = *role, expiresAtMs](AdminService &s) {
            return s.createToken(name, role, expiresAtMs);
        },
        responder);
}

void AdminApi::revokeToken(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    const QString name = call.params.value(0);
    change(
        call, Change::TokenRevoked, name, 200,
        [name](AdminService &s) { return s.revokeToken(name); }, responder);
}

void AdminApi::replayEvents(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"ids"_L1});
    const std::optional<QStringList> ids = body.textList("ids"_L1, 1000, 64);
    if (!body.refusal() && (!ids || ids->isEmpty()))
        return refuse(call, 400, ApiError::InvalidValue,
                      u"'ids' names the events to replay (1 to 1000)"_s, responder);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    change(
        call, Change::EventsReplayed, {}, 200,
        [ids = *ids](AdminService &s) { return s.replayEvents(ids); }, responder);
}

void AdminApi::replayDeadLetters(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"ids"_L1, "all"_L1, "skip_not_dead"_L1});
    const std::optional<QStringList> ids = body.textList("ids"_L1, 1000, 64);
    const bool all = body.flag("all"_L1).value_or(false);
    const bool skipNotDead = body.flag("skip_not_dead"_L1).value_or(false);
    if (!body.refusal() && all == (ids && !ids->isEmpty()))
        return refuse(call, 400, ApiError::InvalidValue,
                      u"give either 'ids' (the dead letters to replay) or \"all\": true"_s,
                      responder);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    // Named ids: all of them or none, as gerbangctl does; with skip_not_dead (the console's
    // "replay selected") those still dead, the others reported in not_dead.
    change(
        call, Change::DeadLettersReplayed, {}, 200,
        [ids = ids.value_or(QStringList()), all, skipNotDead](AdminService &s) {
            return s.replayDeadLetters(ids, !all && !skipNotDead);
        },
        responder);
}

void AdminApi::retention(const AdminCall &call, http::Responder &responder)
{
    listing([policy = m_retention](
                Database &db, QString *e) { return adminquery::retentionStatus(db, policy, e); },
            call.request, responder);
}

void AdminApi::runRetention(const AdminCall &call, http::Responder &responder)
{
    if (!takesNoBody(call, responder))
        return;
    change(
        call, Change::RetentionRun, u"retention"_s, 200,
        [policy = m_retention](AdminService &s) { return s.runRetention(policy); }, responder);
}

void AdminApi::eventPayload(const AdminCall &call, http::Responder &responder)
{
    if (const auto refusal = adminquery::noParameters(call.request.query))
        return refuse(call, 400, ApiError::InvalidParameter, refusal->message, responder);
    disclose(
        call, Disclosure::EventPayloadRead, call.params.first(),
        [id = call.params.first()](AdminService &s) { return s.readEventPayload(id); }, responder);
}

void AdminApi::acknowledgeAlerts(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"ids"_L1, "all"_L1});
    const std::optional<QList<qint64>> ids = body.idList("ids"_L1);
    const bool all = body.flag("all"_L1).value_or(false);
    if (!body.refusal() && all == (ids && !ids->isEmpty()))
        return refuse(call, 400, ApiError::InvalidValue,
                      u"give either 'ids' (the alerts to acknowledge) or \"all\": true"_s,
                      responder);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QList<qint64> list = ids.value_or(QList<qint64>());
    change(
        call, Change::AlertsAcknowledged, AdminService::alertsTarget(list), 200,
        [list](AdminService &s) { return s.acknowledgeAlerts(list); }, responder);
}

void AdminApi::changeSettings(const AdminCall &call, http::Responder &responder)
{
    JsonBody body(call.request.body, {"settings"_L1});
    const std::optional<QHash<QString, QString>> changes = body.textMap("settings"_L1);
    if (!body.refusal() && (!changes || changes->isEmpty()))
        return refuse(call, 400, ApiError::InvalidValue,
                      u"'settings' names the settings to change: {\"section/name\": value}"_s,
                      responder);
    if (const auto &r = body.refusal())
        return refuse(call, 400, r->code, r->message, responder);
    const QString path = m_access.settings.configPath();
    // Read back on the worker's thread with the change (a file read has no place on the HTTP
    // thread); handed over through the queued reply.
    auto fresh = std::make_shared<Settings>();
    change(
        call, Change::SettingsChanged, path, 200,
        [path, changes = *changes, env = QProcessEnvironment::systemEnvironment(),
         running = m_access.settings, fresh](AdminService &s) {
            ChangeResult r = s.changeSettings(path, changes, env);
            if (r.ok())
                *fresh = running.reread();
            return r;
        },
        responder,
        [this, fresh](const ChangeResult &r) {
            // What applies on a reload applies now, as SIGHUP would; the rest at a restart.
            if (r.result.value(u"reloadable"_s).toArray().isEmpty())
                return;
            m_retention = RetentionPolicy::fromSettings(*fresh);
            if (m_access.reload)
                m_access.reload(*fresh);
        });
}

} // namespace gerbang
