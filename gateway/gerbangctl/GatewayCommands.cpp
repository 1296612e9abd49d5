// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl gateways list: the fleet writing to this database, from its heartbeat rows.
#include "Cli.h"
#include "Output.h"
#include "domain/Clock.h"
#include "domain/Ids.h"
#include "storage/GatewayRepository.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const std::optional<QJsonArray> fleet =
        inv.listing(u"/admin/v1/gateways"_s, u"gateways"_s, [](Database &db, QString *error) {
            const qint64 now = nowMs();
            QJsonArray array;
            for (const GatewayBeat &g : GatewayRepository(db).all(error))
                array << gatewayJson(g, now);
            return array;
        });
    if (!fleet)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*fleet);
        return ExitOk;
    }
    Table table(
        {u"STATE"_s, u"HOST"_s, u"VERSION"_s, u"WEBHOOKS"_s, u"ADMIN"_s, u"LAST SEEN"_s, u"ID"_s});
    for (const QJsonValue &g : *fleet)
        table.addRow({g[u"state"_s].toString(), g[u"host"_s].toString(), g[u"version"_s].toString(),
                      g[u"webhook_url"_s].toString(), g[u"admin_url"_s].toString(),
                      g[u"last_seen_at"_s].toString(), g[u"id"_s].toString()});
    table.print(u"no gateway has written to this database yet"_s);
    return ExitOk;
}

} // namespace

Group gatewaysGroup()
{
    return {
        u"gateways"_s,
        u"The fleet: every gateway writing to this database (up, stopped, not_answering)."_s,
        {{u"list"_s, u"[--json]"_s,
          u"List the gateways with their state, host, version, URLs and last heartbeat."_s, list}}};
}

} // namespace gerbang::ctl
