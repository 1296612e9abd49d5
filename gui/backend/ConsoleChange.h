// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Source.h"
#include "domain/Tenant.h"
#include "domain/Vocabulary.h"
#include "service/AdminService.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <memory>
#include <variant>

namespace gerbang {

// The changes the console's pages ask for, as values: a backend turns one into an
// AdminService call on the database thread (this machine) or into the admin API request that
// makes the same call on the gateway. Both end in the same AdminService rule and audit row.
namespace consolechange {

struct AddTenant
{
    Tenant tenant;
};
struct UpdateTenant
{
    QString id;
    TenantPatch patch;
};
struct RemoveTenant
{
    QString id;
};
struct AddSource
{
    Source source;
};
struct RemoveSource
{
    QString name;
};
// The value is wiped once it is sent or stored; it never lives in a copy of the change.
struct WriteSecret
{
    QString name;
    std::shared_ptr<QByteArray> value;
    bool rotate = false;
};
struct RetireSecret
{
    QString name;
};
// `all`: every dead letter now; else the named ones still dead (the rest are reported in the
// result's not_dead).
struct ReplayDeadLetters
{
    QStringList ids;
    bool all = false;
};
// Stored events queued for delivery again: all of them or, when one is unknown or past
// retention, none.
struct ReplayEvents
{
    QStringList ids;
};
// Opens one stored event's raw payload (operator): audited by the gateway before it leaves.
// result: event_id, tenant, received_at, locator, payload_base64.
struct ReadEventPayload
{
    QString id;
};
// Writes settings into the gateway's configuration file (AdminService::changeSettings: the
// rules a gateway applies at start, audited); result: changed, restart_required, reloadable.
struct ChangeSettings
{
    QHash<QString, QString> changes;
};
// The retention job, now. result: what it removed, or {"started": true} when a running engine
// here runs it on its own thread.
struct RunRetention
{
};
// Replaces one scope's allowlist ("*" or a source's name); empty lifts the restriction.
struct SetAllowlist
{
    QString scope;
    QStringList networks;
};
// Empty: every alert not acknowledged yet.
struct AcknowledgeAlerts
{
    QList<qint64> ids;
};

} // namespace consolechange

using ConsoleChange =
    std::variant<consolechange::AddTenant, consolechange::UpdateTenant, consolechange::RemoveTenant,
                 consolechange::AddSource, consolechange::RemoveSource, consolechange::WriteSecret,
                 consolechange::RetireSecret, consolechange::AcknowledgeAlerts,
                 consolechange::ReplayDeadLetters, consolechange::ReplayEvents,
                 consolechange::ChangeSettings, consolechange::RunRetention,
                 consolechange::ReadEventPayload, consolechange::SetAllowlist>;

// The admin API route that makes `change` ("POST", "/admin/v1/tenants"), and the role the
// API's route table asks of it: the console disables what a token may not do, from the same
// table that refuses it.
struct ChangeRoute
{
    QByteArray method;
    QString path;    // with the name or id filled in (percent-encoded)
    QString pattern; // as the route table spells it: "/admin/v1/tenants/{id}"
};
ChangeRoute routeOf(const ConsoleChange &change);
AdminRole roleFor(const QByteArray &method, const QString &pattern);
AdminRole requiredRole(const ConsoleChange &change);

} // namespace gerbang
