// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl dlq list|replay: events the core refused or that could not be delivered in time.
#include "Cli.h"
#include "Output.h"
#include "domain/Ids.h"
#include "domain/Vocabulary.h"
#include "storage/EventReplay.h"
#include "storage/OutboxRepository.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int list(Invocation &inv)
{
    inv.allowRemote();
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.addOption(u"limit"_s, u"At most N dead letters (default 100, 0: all)."_s, u"N"_s);
    if (auto rc = inv.parse(0, 0))
        return *rc;
    int limit = 100;
    int rc = ExitOk;
    if (!inv.limit(&limit, &rc))
        return rc;
    if (!inv.open(false))
        return ExitFailed;
    // The API pages by 1000 at most; 0 (all) asks for its most.
    const int remoteLimit = limit == 0 ? 1000 : std::min(limit, 1000);
    const std::optional<QJsonArray> items =
        inv.listing(u"/admin/v1/dead-letters?limit=%1"_s.arg(remoteLimit), u"dead_letters"_s,
                    [limit](Database &db, QString *error) {
                        QJsonArray array;
                        for (const OutboxItem &item :
                             OutboxRepository(db).list(wire(DeliveryState::Dead), limit, error))
                            array << deadLetterJson(item);
                        return array;
                    });
    if (!items)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*items);
        return ExitOk;
    }
    Table table({u"DEAD SINCE"_s, u"ID"_s, u"TENANT"_s, u"PROVIDER"_s, u"TYPE"_s, u"ATTEMPTS"_s,
                 u"LAST ERROR"_s});
    for (const QJsonValue &d : *items)
        table.addRow({d[u"dead_at"_s].toString(), d[u"id"_s].toString(), d[u"tenant"_s].toString(),
                      d[u"provider"_s].toString(), d[u"type"_s].toString(),
                      QString::number(d[u"attempts"_s].toInt()), d[u"last_error"_s].toString()});
    table.print(u"no dead letters"_s);
    return ExitOk;
}

int replay(Invocation &inv)
{
    inv.allowRemote();
    bool all = false;
    if (auto rc =
            inv.parseIdsOrAll(u"Replay every dead letter."_s, u"dead letters' event ids"_s, &all))
        return *rc;
    if (!inv.open(false))
        return ExitFailed;
    // Named ids: all of them or none (an id that is not a dead letter is a mistake to report).
    const QStringList ids = all ? QStringList() : inv.positional();
    const QJsonObject body =
        all ? QJsonObject{{u"all"_s, true}} : QJsonObject{{u"ids"_s, toJsonArray(ids)}};
    const ChangeResult r =
        inv.change("POST", u"/admin/v1/dead-letters/replay"_s, &body,
                   [&](AdminService &s) { return s.replayDeadLetters(ids, !all); });
    if (!r.ok() || !r.message.isEmpty())
        return inv.fail(r.message);
    const qsizetype queued = r.result.value(u"queued_ids"_s).toArray().size();
    printOut(u"%1 dead letter(s) queued for delivery\n"_s.arg(queued));
    return ExitOk;
}

} // namespace

Group dlqGroup()
{
    return {u"dlq"_s,
            u"Dead letters: accepted events the core refused or that could not be delivered."_s,
            {
                {u"list"_s, u"[--json] [--limit N]"_s,
                 u"List dead letters, newest first, with the last error."_s, list},
                {u"replay"_s, u"ID… | --all"_s,
                 u"Queue dead letters for delivery again (audited)."_s, replay},
            }};
}

} // namespace gerbang::ctl
