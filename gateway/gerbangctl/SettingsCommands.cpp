// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl settings list: every setting, its value and where the value comes from.
#include "Cli.h"
#include "Output.h"
#include "config/SettingsJson.h"

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parse(0, 0))
        return *rc;
    QJsonArray settings;
    if (inv.remote()) {
        if (!inv.open(false))
            return ExitFailed;
        const std::optional<QJsonObject> answer = inv.get(u"/admin/v1/settings"_s);
        if (!answer)
            return ExitFailed;
        settings = answer->value(u"settings"_s).toArray();
    } else {
        if (!inv.openConfiguration())
            return ExitFailed;
        settings = settingsJson(inv.settings());
    }
    if (inv.isSet(u"json"_s)) {
        printJson(settings);
        return ExitOk;
    }
    Table table({u"KEY"_s, u"VALUE"_s, u"SOURCE"_s, u"APPLIES"_s});
    for (const QJsonValue &s : std::as_const(settings)) {
        const QString value = s[u"secret"_s].toBool()
                                  ? (s[u"is_set"_s].toBool() ? u"(set)"_s : QString())
                                  : s[u"value"_s].toString();
        table.addRow(
            {s[u"key"_s].toString(), value, s[u"source"_s].toString(), s[u"applies"_s].toString()});
    }
    table.print(u"no settings"_s);
    return ExitOk;
}

} // namespace

Group settingsGroup()
{
    return {u"settings"_s,
            u"The settings in effect: value, where it comes from (default, file, environment, "
            "flag) and whether a change needs a restart. Secrets show only whether they are "
            "set. Locally: as this command's own configuration and environment resolve them; "
            "with --gateway: as the running gateway resolved them."_s,
            {
                {u"list"_s, u"[--json]"_s, u"List every setting."_s, list},
            }};
}

} // namespace gerbang::ctl
