// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl alerts list|ack: the alerts the gateways raised (each is an audit row) and who
// acknowledged them.
#include "Cli.h"
#include "Output.h"
#include "domain/AlertTexts.h"
#include "storage/AlertRepository.h"
#include "storage/RecordJson.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int list(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.addOption(u"unacknowledged"_s, u"Only the alerts nobody acknowledged yet."_s);
    inv.addOption(u"limit"_s, u"At most N alerts (default 100, 0: all)."_s, u"N"_s);
    if (auto rc = inv.parse(0, 0))
        return *rc;
    AlertFilter filter;
    int rc = ExitOk;
    if (!inv.limit(&filter.limit, &rc))
        return rc;
    filter.unacknowledgedOnly = inv.isSet(u"unacknowledged"_s);
    if (!inv.open(false))
        return ExitFailed;
    const int remoteLimit = filter.limit == 0 ? 1000 : std::min(filter.limit, 1000);
    const std::optional<QJsonArray> alerts =
        inv.listing(u"/admin/v1/alerts?limit=%1&unacknowledged=%2"_s.arg(remoteLimit)
                        .arg(filter.unacknowledgedOnly ? u"true"_s : u"false"_s),
                    u"alerts"_s, [filter](Database &db, QString *error) {
                        QJsonArray array;
                        for (const StoredAlert &a : AlertRepository(db).list(filter, error))
                            array << alertJson(a);
                        return array;
                    });
    if (!alerts)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*alerts);
        return ExitOk;
    }
    Table table(
        {u"RAISED"_s, u"ID"_s, u"KIND"_s, u"STATE"_s, u"ABOUT"_s, u"WHAT"_s, u"ACKNOWLEDGED BY"_s});
    for (const QJsonValue &a : *alerts)
        table.addRow({a[u"raised_at"_s].toString(), QString::number(a[u"id"_s].toInteger()),
                      a[u"kind"_s].toString(), a[u"state"_s].toString(), a[u"source"_s].toString(),
                      alerttexts::describe(storedAlertFromJson(a.toObject()).info()).what,
                      a[u"acknowledged_by"_s].toString()});
    table.print(u"no alerts"_s);
    return ExitOk;
}

int acknowledge(Invocation &inv)
{
    inv.allowRemote();
    bool all = false;
    if (auto rc = inv.parseIdsOrAll(u"Acknowledge every alert not acknowledged yet."_s,
                                    u"alerts' ids"_s, &all))
        return *rc;
    QList<qint64> ids;
    QJsonArray idArray;
    for (const QString &text : inv.positional()) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id < 1)
            return inv.usageError(u"'%1' is not an alert id"_s.arg(text));
        ids << id;
        idArray << id;
    }
    if (!inv.open(false))
        return ExitFailed;
    const QJsonObject body = all ? QJsonObject{{u"all"_s, true}} : QJsonObject{{u"ids"_s, idArray}};
    const ChangeResult r = inv.change("POST", u"/admin/v1/alerts/acknowledge"_s, &body,
                                      [&](AdminService &s) { return s.acknowledgeAlerts(ids); });
    if (!r.ok() || !r.message.isEmpty())
        return inv.fail(r.message);
    printOut(
        u"%1 alert(s) acknowledged\n"_s.arg(r.result.value(u"acknowledged"_s).toArray().size()));
    return ExitOk;
}

} // namespace

Group alertsGroup()
{
    return {u"alerts"_s,
            u"Alerts the gateways raised (bursts of bad signatures, ...), and who acknowledged "
            "them."_s,
            {
                {u"list"_s, u"[--json] [--unacknowledged] [--limit N]"_s,
                 u"List alerts, newest first."_s, list},
                {u"ack"_s, u"ID… | --all"_s,
                 u"Acknowledge alerts (audited); acknowledged ones keep their first "
                 "acknowledgement."_s,
                 acknowledge},
            }};
}

} // namespace gerbang::ctl
