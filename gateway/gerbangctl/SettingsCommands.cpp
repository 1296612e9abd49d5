// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl settings list|set: every setting, its value and where the value comes from; and
// changes to the configuration file, checked and audited like every change.
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

int set(Invocation &inv)
{
    inv.allowRemote();
    if (auto rc = inv.parse(1, 100))
        return *rc;
    QHash<QString, QString> changes;
    QJsonObject asJson;
    for (const QString &pair : inv.positional()) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return inv.usageError(u"'%1' is not KEY=VALUE"_s.arg(pair));
        const QString key = pair.left(eq);
        const SettingDef *def = Settings::definition(key);
        if (!def)
            return inv.usageError(
                u"'%1' is not a setting (see: gerbangctl settings list)"_s.arg(key));
        // A command line is seen by every user of the machine and kept in shell histories.
        if (def->secret)
            return inv.usageError(
                u"%1 is a secret: set it in the configuration file (mode 0600) "
                "or by its environment variable %2, not on a command line"_s.arg(key, def->env));
        changes.insert(key, pair.mid(eq + 1));
        asJson.insert(key, pair.mid(eq + 1));
    }
    if (!inv.open(false))
        return ExitFailed;
    const QJsonObject body{{u"settings"_s, asJson}};
    const QString path = inv.settings().configPath();
    const ChangeResult r =
        inv.change("PATCH", u"/admin/v1/settings"_s, &body, [&](AdminService &s) {
            return s.changeSettings(path, changes, QProcessEnvironment::systemEnvironment());
        });
    if (!r.ok())
        return inv.fail(r.message);
    if (!r.message.isEmpty())
        printError(u"warning: "_s + r.message);
    const QJsonArray restart = r.result.value(u"restart_required"_s).toArray();
    const QJsonArray reload = r.result.value(u"reloadable"_s).toArray();
    printOut(u"%1 setting(s) saved\n"_s.arg(r.result.value(u"changed"_s).toArray().size()));
    // The gateway applies these at once when it made the change itself; a change to its file
    // from here reaches it with its next reload (SIGHUP).
    if (!reload.isEmpty())
        printOut(inv.remote() ? u"applied by the gateway now: %1\n"_s.arg(words(reload))
                              : u"take effect at the gateway's next reload (gerbangctl tls "
                                "reload sends it) or restart: %1\n"_s.arg(words(reload)));
    if (!restart.isEmpty())
        printOut(u"take effect when the gateway restarts (systemctl restart gerbangd): %1\n"_s.arg(
            words(restart)));
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
                {u"set"_s, u"KEY=VALUE…"_s,
                 u"Change settings in the configuration file, checked against the rules of "
                 "every setting and audited; says which need a restart."_s,
                 set},
            }};
}

} // namespace gerbang::ctl
