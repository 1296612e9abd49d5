// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl source add|list|remove
#include "Cli.h"
#include "Output.h"
#include "domain/Ids.h"
#include "service/AdminRequests.h"
#include "storage/SourceRepository.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int add(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"provider"_s, u"stripe, midtrans, xendit, generic or standard (required)."_s,
                  u"P"_s);
    inv.addOption(u"tenant"_s,
                  u"Tenant the events belong to (required for stripe, midtrans, xendit)."_s,
                  u"ID"_s);
    inv.addOption(
        u"tolerance"_s,
        u"Timestamp tolerance in seconds for Stripe and Standard Webhooks (default 300)."_s,
        u"SECONDS"_s);
    inv.addOption(u"dedup-field"_s,
                  u"Generic sources: JSON pointer of the event id used for deduplication (default: "
                  "the body's SHA-256)."_s,
                  u"/json/pointer"_s);
    inv.addOption(u"failure-status"_s,
                  u"HTTP status answered on a failed signature (default 401)."_s, u"CODE"_s);
    inv.addOption(u"body-limit"_s,
                  u"Largest body accepted on this route, in bytes (default: "
                  "server/body_limit_bytes)."_s,
                  u"BYTES"_s);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    if (!inv.isSet(u"provider"_s))
        return inv.usageError(u"--provider is required"_s);
    Source s;
    s.name = inv.positional().first();
    s.provider = inv.value(u"provider"_s);
    s.tenant = inv.value(u"tenant"_s);
    s.dedupField = inv.value(u"dedup-field"_s);
    bool ok = true;
    if (inv.isSet(u"tolerance"_s)) {
        s.toleranceSecs = inv.value(u"tolerance"_s).toInt(&ok);
        if (!ok || s.toleranceSecs <= 0)
            return inv.usageError(u"--tolerance takes a whole number of seconds"_s);
    }
    if (inv.isSet(u"body-limit"_s)) {
        s.bodyLimit = inv.value(u"body-limit"_s).toLongLong(&ok);
        if (!ok || s.bodyLimit <= 0)
            return inv.usageError(u"--body-limit takes a number of bytes"_s);
    }
    if (inv.isSet(u"failure-status"_s)) {
        s.failureStatus = inv.value(u"failure-status"_s).toInt(&ok);
        if (!ok)
            return inv.usageError(u"--failure-status takes an HTTP status code"_s);
    }
    if (!inv.open(false))
        return ExitFailed;
    QJsonObject body = adminrequest::addSource(s);
    if (inv.isSet(u"failure-status"_s)) // even the default, when given
        body.insert(u"failure_status"_s, s.failureStatus);
    const ChangeResult r = inv.change("POST", u"/admin/v1/sources"_s, &body,
                                      [&](AdminService &a) { return a.addSource(s); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"source '%1' added: POST %2\n"
             "set its secret with: gerbangctl secret set %1   (value on standard input)\n"_s.arg(
                 s.name, s.route()));
    return ExitOk;
}

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const std::optional<QJsonArray> sources =
        inv.listing(u"/admin/v1/sources"_s, u"sources"_s, [](Database &db, QString *error) {
            QJsonArray array;
            for (const Source &s : SourceRepository(db).list(error))
                array << sourceJson(s);
            return array;
        });
    if (!sources)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*sources);
        return ExitOk;
    }
    Table table({u"NAME"_s, u"PROVIDER"_s, u"TENANT"_s, u"ROUTE"_s, u"CREATED"_s});
    for (const QJsonValue &s : *sources)
        table.addRow({s[u"name"_s].toString(), s[u"provider"_s].toString(),
                      s[u"tenant"_s].toString(), s[u"route"_s].toString(),
                      s[u"created_at"_s].toString()});
    table.print(u"no sources"_s);
    return ExitOk;
}

int remove(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(1, 1))
        return *rc;
    const QString name = inv.positional().first();
    const ChangeResult r = inv.change("DELETE", u"/admin/v1/sources/"_s + name, nullptr,
                                      [&](AdminService &s) { return s.removeSource(name); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(
        u"source '%1' removed (its secret is kept: 'gerbangctl secret remove %1')\n"_s.arg(name));
    return ExitOk;
}

} // namespace

Group sourceGroup()
{
    return {u"source"_s,
            u"Sources bind a provider's signature scheme to a tenant and a route: Stripe, "
            "Midtrans and Xendit at /webhooks/PROVIDER/TENANT, generic and Standard Webhooks "
            "senders at /webhooks/PROVIDER/NAME."_s,
            {
                {u"add"_s,
                 u"NAME --provider P [--tenant ID] [--tolerance SECONDS] [--dedup-field /ptr] "
                 "[--failure-status CODE] [--body-limit BYTES]"_s,
                 u"Add a source; then set its secret with 'secret set NAME'."_s, add},
                {u"list"_s, u"[--json]"_s, u"List sources, newest first."_s, list},
                {u"remove"_s, u"NAME"_s, u"Remove a source."_s, remove},
                {u"test"_s, u"NAME [--tenant ID] [--url URL] [--wait SECONDS] [--json]"_s,
                 u"Send a signed test event through the gateway's public route and report each "
                 "step: reached, signature verified, routed, stored, delivered (NAME: a source, "
                 "or whatsapp / whatsapp:APP)."_s,
                 sourceTest},
            }};
}

} // namespace gerbang::ctl
