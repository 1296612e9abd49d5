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
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    Retention retention(inv.database(), RetentionPolicy::fromSettings(inv.settings()));
    QString error;
    const qint64 now = nowMs();
    const auto report = retention.run(now, &error);
    if (!report || !retention.recordRun(now, *report, &error))
        return inv.fail(error);
    if (inv.isSet(u"json"_s)) {
        printJson(QJsonObject{{u"raw_payloads"_s, report->rawPayloads},
                              {u"audit_rows"_s, report->auditRows},
                              {u"dedup_keys"_s, report->dedupKeys},
                              {u"delivered_events"_s, report->deliveredEvents},
                              {u"dead_letters"_s, report->deadLetters}});
        return ExitOk;
    }
    printOut(u"removed "_s + report->summary() + u'\n');
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
