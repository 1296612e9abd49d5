// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"
#include "domain/Source.h"
#include "domain/Tenant.h"
#include "domain/Vocabulary.h"
#include "service/Actor.h"
#include "sourcetest/TestEventSample.h"

#include <QHash>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace gerbang {

class Database;
class Vault;
struct AuditFilter;
struct RetentionPolicy;

// What became of one change asked of the AdminService.
struct ChangeResult
{
    enum class Refusal
    {
        None,
        Invalid,    // a value breaks a rule (400)
        NotFound,   // what it names does not exist (404)
        Conflict,   // it exists already, or the state does not allow it (409)
        StoreFailed // the database failed (503); nothing changed
    };
    Refusal refusal = Refusal::None;
    // Why, for a refusal; readable by an admin, never holds a secret. With ok(): a warning
    // (a replay was queued but the audit log missed a row).
    QString message;
    QJsonObject result; // for a change that was made: what the caller may show (JSON keys)
    bool ok() const { return refusal == Refusal::None; }

    static ChangeResult refused(Refusal why, QString message);
};

// A partial change of a tenant: what is set replaces what is stored.
struct TenantPatch
{
    std::optional<QString> name;
    std::optional<bool> enabled;
    std::optional<QStringList> wabaIds;
    std::optional<QStringList> phoneNumberIds;
};

// Every change an admin can make, whichever way they ask: gerbangctl on the local database,
// the console's embedded mode, the admin API. One implementation of each rule, and each change
// commits in one transaction with its audit row ("changed", detail: action, actor, target),
// so that no change leaves without who-and-when. Secret values come in and never go out:
// results and audit rows carry fingerprints only.
class AdminService
{
public:
    // `vault` is needed for the secret changes only (null: they are refused).
    AdminService(Database &db, const Vault *vault, Actor actor);

    ChangeResult addTenant(const Tenant &tenant);
    ChangeResult updateTenant(const QString &id, const TenantPatch &patch);
    ChangeResult removeTenant(const QString &id);

    ChangeResult addSource(const Source &source);
    ChangeResult removeSource(const QString &name);

    ChangeResult setSecret(const QString &name, const QByteArray &value);
    // Keeps the current value accepted until `retireAtMs` (0: until retireSecret).
    ChangeResult rotateSecret(const QString &name, const QByteArray &value, qint64 retireAtMs);
    ChangeResult retireSecret(const QString &name);
    ChangeResult removeSecret(const QString &name);

    // Replaces one scope's list ("*" or a source name) with `networks` (CIDR text, checked
    // here); an empty list lifts the restriction.
    ChangeResult setAllowlist(const QString &scope, const QStringList &networks);

    // result: name, role, expires_at and, this once, "token".
    ChangeResult createToken(const QString &name, AdminRole role, qint64 expiresAtMs);
    ChangeResult revokeToken(const QString &name);

    // Queues stored events for delivery again (each while its raw payload is retained): all
    // of them or, when one is unknown or past retention, none. result: "queued" (count).
    ChangeResult replayEvents(const QStringList &eventIds);
    // Queues dead letters again, atomically (EventReplay.h); `eventIds` empty: all of them.
    // With `allOrNothing` an id that is not a dead letter refuses the whole replay (409).
    // result: "queued_ids", "not_dead".
    ChangeResult replayDeadLetters(const QStringList &eventIds, bool allOrNothing);

    // Runs the retention job now. It deletes in small transactions of its own (the webhook
    // path must not wait for one big one), so its audit row follows it. result: what it
    // removed (retentionJson).
    ChangeResult runRetention(const RetentionPolicy &policy);

    // Records that the configuration file `path` was given `changes` (key → new value; a
    // secret setting's value is recorded as "(secret)"). The file is not in the database, so
    // the row follows the write rather than sharing its transaction.
    bool recordSettingsChange(const QString &path, const QHash<QString, QString> &changes,
                              QString *error);

    // Writes `changes` (key → new value) into the configuration file `path`, which the
    // gateway reads at start (ConfigWriter: every other line stays as the admin wrote it).
    // Refused whole: an undeclared key, a value the settings' rules refuse (checked with the
    // rest of the file and `env`), a key that `env` sets (it outranks the file, so the change
    // would not take effect), or a file this process may not write (Conflict: the packaged
    // service's file is root's). Audited after the write (settings_changed; secret values
    // as "(secret)"). result: changed, restart_required and reloadable (keys). The rules are
    // those a gateway applies when it starts (checkSettings: each value's, and those between
    // settings).
    ChangeResult changeSettings(const QString &path, const QHash<QString, QString> &changes,
                                const QProcessEnvironment &env);

    // An export of the audit log (who took which rows away: the filter and the format) is
    // audited like a change, before the first row leaves: an export that cannot be audited
    // must not be made.
    bool recordAuditExport(const AuditFilter &filter, const QString &format, QString *error);

    // Opens one event's raw payload: the whole request body it came in (`locator` points at
    // the event inside it). The "exported" audit row commits before anything is returned, so
    // content that cannot be audited is not shown. result: event_id, tenant, received_at,
    // locator, payload_base64. NotFound when there is no such event or retention deleted its
    // payload.
    ChangeResult readEventPayload(const QString &eventId);

    // Acknowledges alerts by id (their audit rows'; empty: every alert not acknowledged yet).
    // An id that is not an alert refuses them all; alerts acknowledged already keep their
    // first acknowledgement. result: "acknowledged" (the ids acknowledged now).
    ChangeResult acknowledgeAlerts(const QList<qint64> &alertIds);
    // The target an acknowledgement names: "*" for all, else the ids, comma-separated.
    static QString alertsTarget(const QList<qint64> &alertIds);

    // A test event for `name` (a source, or "whatsapp" / "whatsapp:APP" for a WhatsApp app),
    // signed with the secret the gateway would verify it with, for the caller to post to the
    // gateway's public route (gerbangctl source test, the console): audited (source_tested,
    // with the test id) in its own transaction. result: the plan (TestEventPlan::toJson).
    // The signed request goes to `*request` only, never into the result or the audit row:
    // Xendit's scheme sends the secret itself. A source without a secret gets a request
    // signed with a throwaway one, which the gateway must refuse: the test shows that step.
    ChangeResult prepareTestEvent(const QString &name, const TestEventOptions &options,
                                  SignedRequest *request);

    // Largest secret value accepted, in bytes.
    static constexpr qint64 kMaxSecretBytes = 64 * 1024;

private:
    ChangeResult writeSecret(Change change, const QString &name, const QByteArray &value,
                             qint64 retireAtMs);
    // Runs `change` and appends its audit row in one transaction. `change` returns a refusal
    // or, with None, what to report.
    ChangeResult commit(Change action, const QString &target, const QString &tenant,
                        const std::function<ChangeResult()> &change);
    // Runs `body` in one write transaction, committed when it returns true; `body` sets the
    // outcome (a refusal rolls back; a failed audit row puts its error in the message).
    ChangeResult transaction(const std::function<bool(ChangeResult &outcome)> &body);
    bool appendAudit(Outcome outcome, const QJsonObject &detail, const QString &tenant,
                     QString *error);

    Database &m_db;
    const Vault *m_vault;
    Actor m_actor;
};

} // namespace gerbang
