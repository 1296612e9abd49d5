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
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    QString error;
    const QList<GatewayBeat> fleet = GatewayRepository(inv.database()).all(&error);
    if (!error.isEmpty())
        return inv.fail(error);
    const qint64 now = nowMs();
    if (inv.isSet(u"json"_s)) {
        QJsonArray array;
        for (const GatewayBeat &g : fleet)
            array << gatewayJson(g, now);
        printJson(array);
        return ExitOk;
    }
    Table table(
        {u"STATE"_s, u"HOST"_s, u"VERSION"_s, u"WEBHOOKS"_s, u"ADMIN"_s, u"LAST SEEN"_s, u"ID"_s});
    for (const GatewayBeat &g : fleet)
        table.addRow({wire(g.stateAt(now)), g.host, g.version, g.webhookUrl, g.adminUrl,
                      isoUtc(g.lastSeenAtMs), g.id});
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
