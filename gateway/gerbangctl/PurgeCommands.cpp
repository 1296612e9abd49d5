// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl purge: runs the retention job now.
#include "Cli.h"
#include "Output.h"
#include "domain/Clock.h"
#include "storage/Retention.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int purge(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print the counts as a JSON object."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const QJsonObject none;
    const ChangeResult r =
        inv.change("POST", u"/admin/v1/retention/run"_s, &none, [&inv](AdminService &s) {
            return s.runRetention(RetentionPolicy::fromSettings(inv.settings()));
        });
    if (!r.ok())
        return inv.fail(r.message);
    if (!r.message.isEmpty())
        printError(u"warning: "_s + r.message);
    if (inv.isSet(u"json"_s)) {
        printJson(r.result);
        return ExitOk;
    }
    RetentionReport report;
    report.rawPayloads = r.result.value(u"raw_payloads"_s).toInteger();
    report.auditRows = r.result.value(u"audit_rows"_s).toInteger();
    report.dedupKeys = r.result.value(u"dedup_keys"_s).toInteger();
    report.deliveredEvents = r.result.value(u"delivered_events"_s).toInteger();
    report.deadLetters = r.result.value(u"dead_letters"_s).toInteger();
    printOut(u"removed "_s + report.summary() + u'\n');
    return ExitOk;
}

} // namespace

Group purgeGroup()
{
    // A group with one unnamed command: `gerbangctl purge [--json]`.
    return {u"purge"_s,
            u"Delete what is past its retention now (raw payloads, audit rows, dedup keys, "
            "delivered events)."_s,
            {{QString(), u"[--json]"_s, u"Run the retention job now."_s, purge}}};
}

} // namespace gerbang::ctl
