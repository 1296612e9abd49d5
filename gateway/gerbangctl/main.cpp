// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl: the admin CLI over the same configuration and database as gerbangd. Links the
// shared core only, never the engine.
#include "Cli.h"
#include "Output.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace gerbang::ctl;

namespace {

QList<Group> groups()
{
    return {tenantGroup(), sourceGroup(), secretGroup(),    eventsGroup(),   dlqGroup(),
            alertsGroup(), auditGroup(),  allowlistGroup(), keyGroup(),      tlsGroup(),
            purgeGroup(),  adminGroup(),  gatewaysGroup(),  settingsGroup(), whatsappGroup()};
}

QString topHelp()
{
    QString out = u"Usage: gerbangctl [global options] GROUP COMMAND [options]\n\n"
                  "Administers a Gerbang webhook gateway: tenants, secrets, stored events and "
                  "the audit log. Uses the same configuration, environment and database as "
                  "gerbangd.\n\nCommands:\n"_s;
    for (const Group &g : groups()) {
        for (const Subcommand &s : g.subcommands)
            out += u"  gerbangctl %1 %2\n"_s.arg(QStringList{g.name, s.name, s.synopsis}
                                                     .filter(QRegularExpression(u"."_s))
                                                     .join(u' '));
    }
    out += u"\nGroups:\n"_s;
    for (const Group &g : groups())
        out += u"  "_s + g.name.leftJustified(8) + g.summary.section(u". "_s, 0, 0) + u'\n';
    out += u"\nGlobal options:\n"
           "  --config <file>   INI configuration file (default: $GERBANG_CONFIG or "
           "~/.config/gerbang/gerbang.ini)\n"
           "  --data-dir <dir>  Directory of the database and key file (default: "
           "$GERBANG_DATA_DIR)\n"
           "  --gateway <url>   Run the command on a gateway's admin API (tenants, sources, "
           "secrets,\n"
           "                    allowlists, admin tokens, dead letters, event replay, "
           "gateways);\n"
           "                    token from $GERBANG_ADMIN_TOKEN or --token-file <file>, "
           "certificate\n"
           "                    pinned with --fingerprint <SHA256:…> or in known_gateways\n"
           "  -h, --help        Show this help; 'gerbangctl GROUP --help' for one group\n"
           "  -v, --version     Show the version\n"
           "\nExit status: 0 ok, 1 failed, 2 usage error.\n"_s;
    return out;
}

int usage(const QString &message)
{
    printError(message);
    QString names;
    for (const Group &g : groups())
        names += (names.isEmpty() ? QString() : u"|"_s) + g.name;
    writeError(u"usage: gerbangctl [--config FILE] [--data-dir DIR] {%1} COMMAND [options]\n"
               "run 'gerbangctl --help' for the list of commands\n"_s.arg(names));
    return ExitUsage;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"gerbangctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(GERBANG_VERSION));

    // First pass: only the global options before the group name. Everything from the group
    // on is left to the subcommand's own parser (which knows the global options as well).
    QCommandLineParser parser;
    gerbang::Runtime::addOptions(parser);
    Invocation::addRemoteOptions(parser);
    parser.addOption({{u"h"_s, u"help"_s}, u"Show help."_s});
    parser.addOption({{u"v"_s, u"version"_s}, u"Show the version."_s});
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QStringList args = QCoreApplication::arguments();
    if (!parser.parse(args))
        return usage(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(u"help"_s) || positional.value(0) == u"help"_s) {
        if (positional.size() >= 2) {
            for (const Group &g : groups()) {
                if (g.name == positional[1]) {
                    printOut(groupHelp(g));
                    return ExitOk;
                }
            }
        }
        printOut(topHelp());
        return ExitOk;
    }
    if (parser.isSet(u"version"_s)) {
        printOut(u"gerbangctl %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (positional.isEmpty())
        return usage(u"missing command"_s);

    QStringList globalArgs = args.mid(1, args.size() - 1 - positional.size());
    if (globalArgs.value(globalArgs.size() - 1) == u"--"_s)
        globalArgs.removeLast();
    for (const Group &g : groups()) {
        if (g.name == positional.first())
            return runGroup(g, globalArgs, positional.mid(1));
    }
    return usage(u"unknown command '%1'"_s.arg(positional.first()));
}
