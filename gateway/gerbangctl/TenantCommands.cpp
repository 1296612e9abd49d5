// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl tenant add|list|update|remove
#include "Cli.h"
#include "Output.h"
#include "domain/Ids.h"
#include "service/AdminRequests.h"
#include "storage/RecordJson.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

// Repeated options; an empty value (--waba '') stands for "none", so that update can clear
// a list.
QStringList routeValues(const Invocation &inv, const QString &option)
{
    QStringList out;
    for (const QString &v : inv.values(option)) {
        if (!v.trimmed().isEmpty())
            out << v.trimmed();
    }
    return out;
}

void addRouteOptions(Invocation &inv)
{
    inv.addOption(u"waba"_s, u"WhatsApp Business Account ID routed to this tenant (repeatable)."_s,
                  u"WABA_ID"_s);
    inv.addOption(u"phone-number-id"_s,
                  u"Business phone number ID routed to this tenant (repeatable)."_s, u"ID"_s);
}

int add(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"name"_s, u"Display name (required)."_s, u"NAME"_s);
    addRouteOptions(inv);
    inv.addOption(u"disabled"_s, u"Create the tenant disabled."_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    if (!inv.isSet(u"name"_s))
        return inv.usageError(u"--name is required"_s);
    Tenant t;
    t.id = inv.positional().first();
    t.name = inv.value(u"name"_s);
    t.enabled = !inv.isSet(u"disabled"_s);
    t.wabaIds = routeValues(inv, u"waba"_s);
    t.phoneNumberIds = routeValues(inv, u"phone-number-id"_s);
    if (!inv.open(false))
        return ExitFailed;
    const QJsonObject body = adminrequest::addTenant(t);
    const ChangeResult r = inv.change("POST", u"/admin/v1/tenants"_s, &body,
                                      [&](AdminService &s) { return s.addTenant(t); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"tenant '%1' added\n"_s.arg(t.id));
    return ExitOk;
}

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const std::optional<QJsonArray> tenants =
        inv.listing(u"/admin/v1/tenants"_s, u"tenants"_s, [](Database &db, QString *error) {
            QJsonArray array;
            for (const Tenant &t : tenantsNewestFirst(db, error))
                array << tenantJson(t);
            return array;
        });
    if (!tenants)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*tenants);
        return ExitOk;
    }
    Table table(
        {u"ID"_s, u"NAME"_s, u"STATE"_s, u"WABA IDS"_s, u"PHONE NUMBER IDS"_s, u"CREATED"_s});
    for (const QJsonValue &t : *tenants)
        table.addRow({t[u"id"_s].toString(), t[u"name"_s].toString(),
                      t[u"enabled"_s].toBool() ? u"enabled"_s : u"disabled"_s,
                      words(t[u"waba_ids"_s]), words(t[u"phone_number_ids"_s]),
                      t[u"created_at"_s].toString()});
    table.print(u"no tenants"_s);
    return ExitOk;
}

int update(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"name"_s, u"New display name."_s, u"NAME"_s);
    addRouteOptions(inv);
    inv.addOption(u"enable"_s, u"Enable the tenant."_s);
    inv.addOption(u"disable"_s, u"Disable the tenant."_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    if (inv.isSet(u"enable"_s) && inv.isSet(u"disable"_s))
        return inv.usageError(u"--enable and --disable exclude each other"_s);
    if (!inv.open(false))
        return ExitFailed;
    TenantPatch patch;
    if (inv.isSet(u"name"_s))
        patch.name = inv.value(u"name"_s);
    // A given list replaces the stored one; an absent option leaves it alone.
    if (inv.isSet(u"waba"_s))
        patch.wabaIds = routeValues(inv, u"waba"_s);
    if (inv.isSet(u"phone-number-id"_s))
        patch.phoneNumberIds = routeValues(inv, u"phone-number-id"_s);
    if (inv.isSet(u"enable"_s) || inv.isSet(u"disable"_s))
        patch.enabled = inv.isSet(u"enable"_s);
    const QString id = inv.positional().first();
    const QJsonObject body = adminrequest::updateTenant(patch);
    const ChangeResult r = inv.change("PATCH", u"/admin/v1/tenants/"_s + id, &body,
                                      [&](AdminService &s) { return s.updateTenant(id, patch); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"tenant '%1' updated\n"_s.arg(id));
    return ExitOk;
}

int remove(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1))
        return *rc;
    const QString id = inv.positional().first();
    const ChangeResult r = inv.change("DELETE", u"/admin/v1/tenants/"_s + id, nullptr,
                                      [&](AdminService &s) { return s.removeTenant(id); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"tenant '%1' removed\n"_s.arg(id));
    return ExitOk;
}

} // namespace

Group tenantGroup()
{
    return {u"tenant"_s,
            u"Tenants (law firms) and the WhatsApp IDs that route traffic to them."_s,
            {
                {u"add"_s,
                 u"ID --name NAME [--waba WABA_ID]... [--phone-number-id ID]... [--disabled]"_s,
                 u"Add a tenant."_s, add},
                {u"list"_s, u"[--json]"_s, u"List tenants, newest first."_s, list},
                {u"update"_s,
                 u"ID [--name NAME] [--waba WABA_ID]... [--phone-number-id ID]... "
                 "[--enable|--disable]"_s,
                 u"Change a tenant; a given --waba or --phone-number-id list replaces the "
                 "stored one (pass '' to clear it)."_s,
                 update},
                {u"remove"_s, u"ID"_s, u"Remove a tenant and its routes."_s, remove},
            }};
}

} // namespace gerbang::ctl
