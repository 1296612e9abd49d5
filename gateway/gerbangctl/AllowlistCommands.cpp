// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl allowlist set|list|clear
#include "Cli.h"
#include "Output.h"
#include "net/CidrList.h"
#include "storage/AllowlistRepository.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

void addScopeOption(Invocation &inv)
{
    inv.addOption(u"source"_s,
                  u"Restrict one source's route only: whatsapp, whatsapp:APP or a source name "
                  "(default: every route)."_s,
                  u"NAME"_s);
}

QString scopeOf(const Invocation &inv)
{
    return inv.isSet(u"source"_s) ? inv.value(u"source"_s)
                                  : AllowlistRepository::kGlobal.toString();
}

int set(Invocation &inv)
{
    inv.allowRemote();
    addScopeOption(inv);
    if (auto rc = inv.parse(1, 1))
        return *rc;
    const QString path = inv.positional().first();
    QFile file;
    const bool opened = path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        return inv.fail(u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QStringList problems;
    const CidrList list = CidrList::parse(QString::fromUtf8(file.readAll()), &problems);
    if (!problems.isEmpty())
        return inv.fail(u"nothing changed: "_s + problems.join(u"; "_s));
    if (!inv.open(false))
        return ExitFailed;
    const QString scope = scopeOf(inv);
    const QStringList networks = list.toStrings();
    const QJsonObject body{{u"networks"_s, toJsonArray(networks)}};
    const ChangeResult r =
        inv.change("PUT", u"/admin/v1/allowlists/"_s + scope, &body,
                   [&](AdminService &s) { return s.setAllowlist(scope, networks); });
    if (!r.ok())
        return inv.fail(r.message);
    if (list.isEmpty())
        printOut(u"allowlist '%1' cleared: every address may connect\n"_s.arg(scopeOf(inv)));
    else
        printOut(
            u"allowlist '%1' set: %2 networks (in effect within a second)\n"_s.arg(scopeOf(inv))
                .arg(list.size()));
    return ExitOk;
}

int clear(Invocation &inv)
{
    inv.allowRemote();
    addScopeOption(inv);
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const QString scope = scopeOf(inv);
    const QJsonObject body{{u"networks"_s, QJsonArray()}};
    const ChangeResult r = inv.change("PUT", u"/admin/v1/allowlists/"_s + scope, &body,
                                      [&](AdminService &s) { return s.setAllowlist(scope, {}); });
    if (!r.ok())
        return inv.fail(r.message);
    printOut(u"allowlist '%1' cleared\n"_s.arg(scopeOf(inv)));
    return ExitOk;
}

int list(Invocation &inv)
{
    inv.addOption(u"json"_s, u"Print one JSON array."_s);
    inv.allowRemote();
    if (auto rc = inv.parseAndOpen(0, 0))
        return *rc;
    const std::optional<QJsonArray> lists =
        inv.listing(u"/admin/v1/allowlists"_s, u"allowlists"_s, [](Database &db, QString *error) {
            const QHash<QString, QStringList> all = AllowlistRepository(db).all(error);
            QStringList scopes = all.keys();
            scopes.sort();
            QJsonArray array;
            for (const QString &scope : std::as_const(scopes))
                array << allowlistJson(scope, all.value(scope));
            return array;
        });
    if (!lists)
        return ExitFailed;
    if (inv.isSet(u"json"_s)) {
        printJson(*lists);
        return ExitOk;
    }
    Table table({u"SCOPE"_s, u"NETWORK"_s});
    for (const QJsonValue &l : *lists) {
        for (const QJsonValue &n : l[u"networks"_s].toArray())
            table.addRow({l[u"scope"_s].toString(), n.toString()});
    }
    table.print(u"no allowlist: every address may connect (see also edge/allowlist)"_s);
    return ExitOk;
}

} // namespace

Group allowlistGroup()
{
    return {u"allowlist"_s,
            u"IP allowlists (IPv4 and IPv6 CIDR), for every route or one source's route. Files "
            "hold one network per line, '#' starts a comment. Meta's ranges: whois -h "
            "whois.radb.net -- '-i origin AS32934' | awk '/^route6?:/ {print $2}' > meta.txt."_s,
            {
                {u"set"_s, u"FILE|- [--source NAME]"_s,
                 u"Replace the list with the networks in FILE ('-': standard input)."_s, set},
                {u"list"_s, u"[--json]"_s, u"Show every list."_s, list},
                {u"clear"_s, u"[--source NAME]"_s, u"Remove a list: every address may connect."_s,
                 clear},
            }};
}

} // namespace gerbang::ctl
