// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminService.h"

#include "config/ConfigWriter.h"
#include "config/Settings.h"
#include "config/SettingsRules.h"
#include "crypto/Vault.h"
#include "domain/AuditRecord.h"
#include "domain/Clock.h"
#include "net/CidrList.h"
#include "storage/AdminTokenRepository.h"
#include "storage/AlertRepository.h"
#include "storage/AllowlistRepository.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/EventReplay.h"
#include "storage/EventRepository.h"
#include "storage/RecordJson.h"
#include "storage/Retention.h"
#include "storage/SecretRepository.h"
#include "storage/SourceRepository.h"
#include "storage/TenantRepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang {

using Refusal = ChangeResult::Refusal;

ChangeResult ChangeResult::refused(Refusal why, QString message)
{
    ChangeResult r;
    r.refusal = why;
    r.message = std::move(message);
    return r;
}

namespace {

ChangeResult done(QJsonObject result = {})
{
    ChangeResult r;
    r.result = std::move(result);
    return r;
}

ChangeResult storeFailed(const QString &error)
{
    return ChangeResult::refused(Refusal::StoreFailed, error);
}

// Whether a listing of sources, secrets or tokens holds one called `name`.
template <typename T> bool hasNamed(const QList<T> &list, const QString &name)
{
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const T &item) { return item.name == name; });
}

} // namespace

AdminService::AdminService(Database &db, const Vault *vault, Actor actor)
    : m_db(db)
    , m_vault(vault)
    , m_actor(std::move(actor))
{
}

bool AdminService::appendAudit(Outcome outcome, const QJsonObject &detail, const QString &tenant,
                               QString *error)
{
    AuditRecord a;
    a.receivedAtMs = nowMs();
    a.sourceIp = m_actor.address.isEmpty() ? u"local"_s : m_actor.address;
    a.method = m_actor.method;
    a.path = m_actor.path;
    a.tenant = tenant;
    a.outcome = wire(outcome);
    a.signatureStatus = wire(SignatureStatus::NotApplicable);
    a.httpStatus = m_actor.httpStatus;
    QJsonObject d = detail;
    d.insert(u"actor"_s, m_actor.name);
    a.detail = QString::fromUtf8(QJsonDocument(d).toJson(QJsonDocument::Compact));
    return AuditRepository(m_db).append(a, a.receivedAtMs, error);
}

ChangeResult AdminService::transaction(const std::function<bool(ChangeResult &outcome)> &body)
{
    ChangeResult outcome;
    QString error;
    const bool committed = m_db.inWriteTransaction(&error, [&] { return body(outcome); });
    if (!outcome.ok())
        return outcome;
    if (!committed)
        return storeFailed(outcome.message.isEmpty() ? error : outcome.message);
    outcome.message.clear();
    return outcome;
}

ChangeResult AdminService::commit(Change action, const QString &target, const QString &tenant,
                                  const std::function<ChangeResult()> &change)
{
    return transaction([&](ChangeResult &outcome) {
        outcome = change();
        if (!outcome.ok())
            return false;
        QJsonObject detail{{u"action"_s, wire(action)}, {u"target"_s, target}};
        // What the change reports goes into its row too, except what is shown only once.
        for (auto it = outcome.result.constBegin(); it != outcome.result.constEnd(); ++it) {
            if (it.key() != u"token"_s)
                detail.insert(it.key(), it.value());
        }
        return appendAudit(Outcome::Changed, detail, tenant, &outcome.message);
    });
}

ChangeResult AdminService::addTenant(const Tenant &tenant)
{
    TenantRepository repo(m_db);
    const QStringList problems = repo.validate(tenant);
    if (!problems.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, problems.join(u"; "_s));
    if (tenant.name.trimmed().isEmpty())
        return ChangeResult::refused(Refusal::Invalid, u"a tenant needs a name"_s);
    return commit(Change::TenantAdded, tenant.id, tenant.id, [&] {
        QString error;
        if (repo.find(tenant.id, &error))
            return ChangeResult::refused(Refusal::Conflict,
                                         u"tenant '%1' already exists"_s.arg(tenant.id));
        if (!error.isEmpty() || !repo.add(tenant, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::updateTenant(const QString &id, const TenantPatch &patch)
{
    TenantRepository repo(m_db);
    return commit(Change::TenantUpdated, id, id, [&] {
        QString error;
        std::optional<Tenant> t = repo.find(id, &error);
        if (!t)
            return error.isEmpty()
                       ? ChangeResult::refused(Refusal::NotFound, u"no tenant '%1'"_s.arg(id))
                       : storeFailed(error);
        QJsonArray changed;
        if (patch.name) {
            if (patch.name->trimmed().isEmpty())
                return ChangeResult::refused(Refusal::Invalid, u"a tenant needs a name"_s);
            t->name = *patch.name;
            changed << u"name"_s;
        }
        if (patch.enabled) {
            t->enabled = *patch.enabled;
            changed << u"enabled"_s;
        }
        if (patch.wabaIds) {
            t->wabaIds = *patch.wabaIds;
            changed << u"waba_ids"_s;
        }
        if (patch.phoneNumberIds) {
            t->phoneNumberIds = *patch.phoneNumberIds;
            changed << u"phone_number_ids"_s;
        }
        const QStringList problems = repo.validate(*t);
        if (!problems.isEmpty())
            return ChangeResult::refused(Refusal::Invalid, problems.join(u"; "_s));
        if (!repo.update(*t, &error))
            return storeFailed(error);
        return done({{u"changed"_s, changed}});
    });
}

ChangeResult AdminService::removeTenant(const QString &id)
{
    TenantRepository repo(m_db);
    return commit(Change::TenantRemoved, id, id, [&] {
        QString error;
        if (!repo.find(id, &error))
            return error.isEmpty()
                       ? ChangeResult::refused(Refusal::NotFound, u"no tenant '%1'"_s.arg(id))
                       : storeFailed(error);
        if (!repo.remove(id, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::addSource(const Source &source)
{
    SourceRepository repo(m_db);
    return commit(Change::SourceAdded, source.name, source.tenant, [&] {
        QString error;
        const QList<Source> existing = repo.list(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (hasNamed(existing, source.name))
            return ChangeResult::refused(Refusal::Conflict,
                                         u"source '%1' already exists"_s.arg(source.name));
        const QStringList problems = repo.validate(source);
        if (!problems.isEmpty())
            return ChangeResult::refused(Refusal::Invalid, problems.join(u"; "_s));
        if (!repo.add(source, &error))
            return storeFailed(error);
        return done({{u"provider"_s, source.provider}, {u"route"_s, source.route()}});
    });
}

ChangeResult AdminService::removeSource(const QString &name)
{
    SourceRepository repo(m_db);
    return commit(Change::SourceRemoved, name, {}, [&] {
        QString error;
        const QList<Source> existing = repo.list(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (!hasNamed(existing, name))
            return ChangeResult::refused(Refusal::NotFound, u"no source '%1'"_s.arg(name));
        if (!repo.remove(name, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::writeSecret(Change change, const QString &name, const QByteArray &value,
                                       qint64 retireAtMs)
{
    if (!m_vault)
        return storeFailed(u"the master key is not loaded"_s);
    if (!SecretRepository::isValidName(name))
        return ChangeResult::refused(
            Refusal::Invalid,
            u"invalid secret name '%1': use a source name, whatsapp, "
            "whatsapp:APP, whatsapp-verify-token or whatsapp-verify-token:APP"_s.arg(name));
    if (value.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, u"the secret is empty"_s);
    if (value.size() > kMaxSecretBytes)
        return ChangeResult::refused(Refusal::Invalid,
                                     u"the secret is longer than %1 bytes"_s.arg(kMaxSecretBytes));
    if (retireAtMs < 0)
        return ChangeResult::refused(Refusal::Invalid, u"the retirement time is in the past"_s);
    SecretRepository repo(m_db, *m_vault);
    return commit(change, name, {}, [&] {
        QString error;
        const bool ok = change == Change::SecretRotated
                            ? repo.rotate(name, value, retireAtMs, &error)
                            : repo.set(name, value, &error);
        if (!ok)
            return storeFailed(error);
        // The fingerprint is public (listings show it); it lets an admin compare with a peer.
        QJsonObject result{{u"fingerprint"_s, QString::fromLatin1(m_vault->fingerprint(value))}};
        if (change == Change::SecretRotated)
            result.insert(u"previous_retires_at"_s, isoOrNull(retireAtMs));
        return done(result);
    });
}

ChangeResult AdminService::setSecret(const QString &name, const QByteArray &value)
{
    return writeSecret(Change::SecretSet, name, value, 0);
}

ChangeResult AdminService::rotateSecret(const QString &name, const QByteArray &value,
                                        qint64 retireAtMs)
{
    return writeSecret(Change::SecretRotated, name, value, retireAtMs);
}

ChangeResult AdminService::retireSecret(const QString &name)
{
    if (!m_vault)
        return storeFailed(u"the master key is not loaded"_s);
    SecretRepository repo(m_db, *m_vault);
    return commit(Change::SecretRetired, name, {}, [&] {
        QString error;
        const QList<SecretInfo> all = repo.list(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        const auto has = [&](const QString &slot) {
            return std::any_of(all.cbegin(), all.cend(), [&](const SecretInfo &s) {
                return s.name == name && s.slot == slot;
            });
        };
        if (!has(u"current"_s))
            return ChangeResult::refused(Refusal::NotFound, u"no secret '%1'"_s.arg(name));
        if (!has(u"previous"_s))
            return ChangeResult::refused(
                Refusal::Conflict, u"secret '%1' has no previous value to retire"_s.arg(name));
        if (!repo.retire(name, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::removeSecret(const QString &name)
{
    if (!m_vault)
        return storeFailed(u"the master key is not loaded"_s);
    SecretRepository repo(m_db, *m_vault);
    return commit(Change::SecretRemoved, name, {}, [&] {
        QString error;
        const QList<SecretInfo> all = repo.list(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (!hasNamed(all, name))
            return ChangeResult::refused(Refusal::NotFound, u"no secret '%1'"_s.arg(name));
        if (!repo.remove(name, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::setAllowlist(const QString &scope, const QStringList &networks)
{
    static const QRegularExpression scopeSyntax(u"^(\\*|[a-z][a-z0-9_:-]{0,126})$"_s);
    if (!scopeSyntax.match(scope).hasMatch())
        return ChangeResult::refused(
            Refusal::Invalid,
            u"the scope is '*' (every route) or a source name such as whatsapp or whatsapp:APP"_s);
    QStringList problems;
    const CidrList list = CidrList::parse(networks.join(u'\n'), &problems);
    if (!problems.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, problems.join(u"; "_s));
    const QStringList normalized = list.toStrings();
    return commit(Change::AllowlistSet, scope, {}, [&] {
        QString error;
        if (!AllowlistRepository(m_db).replace(scope, normalized, &error))
            return storeFailed(error);
        return done({{u"networks"_s, QJsonArray::fromStringList(normalized)}});
    });
}

ChangeResult AdminService::createToken(const QString &name, AdminRole role, qint64 expiresAtMs)
{
    if (!AdminTokenRepository::validName(name))
        return ChangeResult::refused(
            Refusal::Invalid,
            u"invalid token name '%1': 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a "
            "letter or digit"_s.arg(name));
    if (expiresAtMs != 0 && expiresAtMs <= nowMs())
        return ChangeResult::refused(Refusal::Invalid, u"the expiry is in the past"_s);
    AdminTokenRepository repo(m_db);
    return commit(Change::TokenCreated, name, {}, [&] {
        QString error;
        const QList<AdminToken> all = repo.all(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (hasNamed(all, name))
            return ChangeResult::refused(Refusal::Conflict,
                                         u"a token named '%1' exists already"_s.arg(name));
        AdminToken created;
        const QByteArray token =
            repo.create(name, role, expiresAtMs, m_actor.name, &created, &error);
        if (token.isNull())
            return storeFailed(error);
        return done({{u"name"_s, created.name},
                     {u"role"_s, wire(created.role)},
                     {u"expires_at"_s, isoOrNull(created.expiresAtMs)},
                     {u"token"_s, QString::fromLatin1(token)}});
    });
}

ChangeResult AdminService::revokeToken(const QString &name)
{
    AdminTokenRepository repo(m_db);
    return commit(Change::TokenRevoked, name, {}, [&] {
        QString error;
        const QList<AdminToken> all = repo.all(&error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (!hasNamed(all, name))
            return ChangeResult::refused(Refusal::NotFound, u"no token named '%1'"_s.arg(name));
        if (!repo.revoke(name, &error))
            return storeFailed(error);
        return done();
    });
}

ChangeResult AdminService::replayEvents(const QStringList &eventIds)
{
    if (eventIds.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, u"name the events to replay"_s);
    EventRepository events(m_db);
    QString error;
    for (const QString &id : eventIds) {
        const std::optional<WebhookEvent> event = events.find(id, &error);
        if (!event)
            return error.isEmpty()
                       ? ChangeResult::refused(Refusal::NotFound, u"no event '%1'"_s.arg(id))
                       : storeFailed(error);
        if (!events.rawRetained(*event, &error))
            return error.isEmpty()
                       ? ChangeResult::refused(Refusal::Conflict,
                                               u"event '%1' cannot be replayed: its raw payload "
                                               "is past its retention and was deleted"_s.arg(id))
                       : storeFailed(error);
    }
    error.clear();
    const int queued = gerbang::replayEvents(m_db, eventIds, m_actor, &error);
    if (queued < 0)
        return storeFailed(error);
    // Queued; error alone means the audit log missed a row: reported, not hidden.
    ChangeResult r = done({{u"queued"_s, queued}});
    r.message = error;
    return r;
}

ChangeResult AdminService::replayDeadLetters(const QStringList &eventIds, bool allOrNothing)
{
    const DeadLetterReplay replay =
        gerbang::replayDeadLetters(m_db, eventIds, allOrNothing, m_actor);
    if (!replay.ok && !replay.notDead.isEmpty())
        return ChangeResult::refused(
            Refusal::Conflict,
            u"'%1' is not a dead letter; nothing was queued"_s.arg(replay.notDead.first()));
    if (!replay.ok)
        return storeFailed(replay.error);
    ChangeResult r = done({{u"queued_ids"_s, QJsonArray::fromStringList(replay.queuedIds)},
                           {u"not_dead"_s, QJsonArray::fromStringList(replay.notDead)}});
    r.message = replay.error;
    return r;
}

ChangeResult AdminService::runRetention(const RetentionPolicy &policy)
{
    Retention retention(m_db, policy);
    QString error;
    const qint64 now = nowMs();
    const std::optional<RetentionReport> report = retention.run(now, &error);
    if (!report || !retention.recordRun(now, *report, &error))
        return storeFailed(error);
    ChangeResult r = done(retentionJson(*report));
    QJsonObject detail = r.result;
    detail.insert(u"action"_s, wire(Change::RetentionRun));
    detail.insert(u"target"_s, u"retention"_s);
    if (!appendAudit(Outcome::Changed, detail, {}, &error))
        r.message = u"the retention job ran, but the audit log could not record it: "_s + error;
    return r;
}

ChangeResult AdminService::changeSettings(const QString &path,
                                          const QHash<QString, QString> &changes,
                                          const QProcessEnvironment &env)
{
    if (changes.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, u"no setting to change"_s);
    if (path.isEmpty())
        return ChangeResult::refused(Refusal::Conflict,
                                     u"this gateway runs without a configuration file; start it "
                                     "with --config FILE to change settings"_s);
    QStringList keys = changes.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const SettingDef *def = Settings::definition(key);
        if (!def)
            return ChangeResult::refused(Refusal::Invalid, u"'%1' is not a setting"_s.arg(key));
        if (changes.value(key).contains(u'\n') || changes.value(key).contains(u'\r'))
            return ChangeResult::refused(Refusal::Invalid, u"%1: a value is one line"_s.arg(key));
        if (!def->env.isEmpty() && env.contains(def->env))
            return ChangeResult::refused(
                Refusal::Conflict,
                u"%1 is set by the environment variable %2, which outranks the file: the "
                "change would have no effect. Change or remove %2 where the gateway is "
                "started"_s.arg(key, def->env));
    }
    // The rules apply to the whole result: the file as it is, with these changes.
    Settings candidate;
    QString error;
    if (!candidate.load(path, true, env, &error))
        return ChangeResult::refused(Refusal::Conflict, error);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        candidate.setOverride(it.key(), it.value());
    const SettingProblems problems = checkSettings(candidate);
    if (!problems.isEmpty())
        return ChangeResult::refused(Refusal::Invalid, messagesOf(problems).join(u"; "_s));
    const QFileInfo file(path);
    if (!file.isWritable() || !QFileInfo(file.absolutePath()).isWritable())
        return ChangeResult::refused(
            Refusal::Conflict,
            u"%1 may not be written by this gateway's user (a packaged gateway's file belongs "
            "to root): change it on the server, then restart the service"_s.arg(path));
    if (!ConfigWriter::write(path, changes, &error))
        return storeFailed(error);
    QJsonArray restart;
    QJsonArray reloadable;
    for (const QString &key : std::as_const(keys))
        (Settings::definition(key)->apply == SettingApply::Reload ? reloadable : restart)
            .append(key);
    ChangeResult r = done({{u"changed"_s, QJsonArray::fromStringList(keys)},
                           {u"restart_required"_s, restart},
                           {u"reloadable"_s, reloadable}});
    // The file is not in the database: the row follows the write.
    if (!recordSettingsChange(path, changes, &error))
        r.message = u"saved, but the audit log could not record it: "_s + error;
    return r;
}

bool AdminService::recordSettingsChange(const QString &path, const QHash<QString, QString> &changes,
                                        QString *error)
{
    QJsonObject values;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const SettingDef *def = Settings::definition(it.key());
        values.insert(it.key(), def && def->secret ? u"(secret)"_s : it.value());
    }
    return appendAudit(Outcome::Changed,
                       {{u"action"_s, wire(Change::SettingsChanged)},
                        {u"target"_s, path},
                        {u"settings"_s, values}},
                       {}, error);
}

bool AdminService::recordAuditExport(const AuditFilter &filter, const QString &format,
                                     QString *error)
{
    QJsonObject detail{{u"action"_s, wire(Disclosure::AuditExported)},
                       {u"format"_s, format},
                       {u"from"_s, filter.fromMs ? isoOrNull(*filter.fromMs) : QJsonValue()},
                       {u"to"_s, filter.toMs ? isoOrNull(*filter.toMs) : QJsonValue()},
                       {u"tenant"_s, filter.tenant}};
    // The other filters, when set, so the row says exactly which rows left.
    for (const auto &[key, value] :
         {std::pair{u"provider"_s, filter.provider}, std::pair{u"outcome"_s, filter.outcome},
          std::pair{u"signature_status"_s, filter.signatureStatus},
          std::pair{u"source_ip"_s, filter.sourceIp},
          std::pair{u"event_id"_s, filter.eventIdContains}}) {
        if (!value.isEmpty())
            detail.insert(key, value);
    }
    return appendAudit(Outcome::Exported, detail, filter.tenant, error);
}

ChangeResult AdminService::readEventPayload(const QString &eventId)
{
    if (!m_vault)
        return storeFailed(u"the master key is not available here"_s);
    EventRepository events(m_db);
    return transaction([&](ChangeResult &outcome) {
        QString error;
        const std::optional<WebhookEvent> event = events.find(eventId, &error);
        if (!event) {
            outcome = error.isEmpty() ? ChangeResult::refused(Refusal::NotFound,
                                                              u"no event '%1'"_s.arg(eventId))
                                      : storeFailed(error);
            return false;
        }
        const QByteArray sealed = events.sealedRaw(event->rawRef, &error);
        if (sealed.isNull()) {
            outcome = error.isEmpty()
                          ? ChangeResult::refused(Refusal::NotFound,
                                                  u"the payload of event '%1' is past its "
                                                  "retention and was deleted"_s.arg(eventId))
                          : storeFailed(error);
            return false;
        }
        bool opened = false;
        QByteArray plain =
            m_vault->open(Vault::Purpose::RawPayload, sealed, event->rawRef.toLatin1(), &opened);
        if (!opened) {
            // A wrong master key or a damaged record: nothing to show, and said plainly.
            outcome = storeFailed(u"the payload of event '%1' does not open with this "
                                  "gateway's master key"_s.arg(eventId));
            return false;
        }
        outcome = done({{u"event_id"_s, event->id},
                        {u"tenant"_s, event->tenant},
                        {u"received_at"_s, isoOrNull(event->receivedAtMs)},
                        {u"locator"_s, event->locator},
                        {u"payload_base64"_s, QString::fromLatin1(plain.toBase64())}});
        const qint64 bytes = plain.size();
        plain.fill('\0');
        return appendAudit(Outcome::Exported,
                           {{u"action"_s, wire(Disclosure::EventPayloadRead)},
                            {u"target"_s, event->id},
                            {u"bytes"_s, bytes}},
                           event->tenant, &outcome.message);
    });
}

QString AdminService::alertsTarget(const QList<qint64> &alertIds)
{
    if (alertIds.isEmpty())
        return u"*"_s;
    QStringList ids;
    for (const qint64 id : alertIds)
        ids << QString::number(id);
    return ids.join(u',');
}

ChangeResult AdminService::acknowledgeAlerts(const QList<qint64> &alertIds)
{
    AlertRepository alerts(m_db);
    return commit(Change::AlertsAcknowledged, alertsTarget(alertIds), {}, [&] {
        QString error;
        const QList<qint64> missing = alerts.notAlerts(alertIds, &error);
        if (!error.isEmpty())
            return storeFailed(error);
        if (!missing.isEmpty())
            return ChangeResult::refused(
                Refusal::NotFound, u"no alert %1; nothing was acknowledged"_s.arg(missing.first()));
        const std::optional<QList<qint64>> now =
            alerts.acknowledge(alertIds, nowMs(), m_actor.name, &error);
        if (!now)
            return storeFailed(error);
        QJsonArray ids;
        for (const qint64 id : *now)
            ids.append(id);
        return done({{u"acknowledged"_s, ids}});
    });
}

} // namespace gerbang
