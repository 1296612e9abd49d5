// SPDX-License-Identifier: GPL-3.0-or-later
#include "Cli.h"

#include "Output.h"
#include "RemoteGateway.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

const QString kHelp = u"help"_s;

QString optionLabel(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &n : option.names())
        names << (n.size() == 1 ? u"-"_s : u"--"_s) + n;
    QString label = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        label += u" <"_s + option.valueName() + u'>';
    return label;
}

QString optionLines(const QList<QCommandLineOption> &options)
{
    qsizetype width = 0;
    for (const QCommandLineOption &o : options)
        width = qMax(width, optionLabel(o).size());
    QString out;
    for (const QCommandLineOption &o : options)
        out += u"  "_s + optionLabel(o).leftJustified(width) + u"  "_s + o.description() + u'\n';
    return out;
}

} // namespace

Invocation::Invocation(QString command, QString synopsis, QString description,
                       QStringList globalArgs, QStringList args)
    : m_command(std::move(command))
    , m_synopsis(std::move(synopsis))
    , m_description(std::move(description))
    , m_globalArgs(std::move(globalArgs))
    , m_args(std::move(args))
{
    Runtime::addOptions(m_parser);
    addRemoteOptions(m_parser);
    const QCommandLineOption help({u"h"_s, kHelp}, u"Show this help."_s);
    m_parser.addOption(help);
    // QCommandLineParser does not expose its options, so help describes them again; --listen
    // is accepted for symmetry with gerbangd but means nothing here.
    m_globalOptions = {
        QCommandLineOption(u"config"_s,
                           u"INI configuration file (default: $GERBANG_CONFIG or "
                           "~/.config/gerbang/gerbang.ini)."_s,
                           u"file"_s),
        QCommandLineOption(
            u"data-dir"_s,
            u"Directory of the database and key file (default: $GERBANG_DATA_DIR)."_s, u"dir"_s),
        QCommandLineOption(u"gateway"_s,
                           u"Run the command on this gateway's admin API instead of the local "
                           "database, e.g. https://gw.firm.lan:8081 (token from "
                           "$GERBANG_ADMIN_TOKEN or --token-file)."_s,
                           u"url"_s),
        QCommandLineOption(u"token-file"_s, u"File whose first line is the admin token."_s,
                           u"file"_s),
        QCommandLineOption(u"fingerprint"_s,
                           u"SHA-256 fingerprint the gateway's certificate must have (remembered "
                           "in $GERBANG_KNOWN_GATEWAYS or ~/.config/gerbang/known_gateways)."_s,
                           u"SHA256:…"_s),
        help,
    };
}

Invocation::~Invocation() = default;

void Invocation::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
    m_options << option;
}

void Invocation::addOption(const QString &name, const QString &description,
                           const QString &valueName)
{
    addOption(QCommandLineOption(name, description, valueName));
}

namespace {

// The admin API's answer to a change, as the AdminService would have given it.
ChangeResult fromReply(const RemoteGateway::Reply &reply)
{
    using Refusal = ChangeResult::Refusal;
    if (reply.status == 0)
        return ChangeResult::refused(Refusal::StoreFailed, reply.failure);
    const QString message = reply.body.value(u"message"_s).toString();
    if (reply.status >= 200 && reply.status < 300) {
        ChangeResult r;
        r.result = reply.body;
        // What the API adds around the service's result.
        r.result.remove(u"action"_s);
        r.result.remove(u"target"_s);
        r.result.remove(u"warning"_s);
        r.message = reply.body.value(u"warning"_s).toString();
        return r;
    }
    const Refusal why = reply.status == 400   ? Refusal::Invalid
                        : reply.status == 404 ? Refusal::NotFound
                        : reply.status == 409 ? Refusal::Conflict
                                              : Refusal::StoreFailed;
    return ChangeResult::refused(why,
                                 reply.status == 400 || reply.status == 404 || reply.status == 409
                                     ? message
                                     : u"the gateway answered %1 (%2): %3"_s.arg(reply.status)
                                           .arg(reply.body.value(u"error"_s).toString(), message));
}

} // namespace

ChangeResult Invocation::change(const QByteArray &method, const QString &path,
                                const QJsonObject *body,
                                const std::function<ChangeResult(AdminService &)> &local)
{
    if (!m_gateway) {
        AdminService s = service();
        return local(s);
    }
    const RemoteGateway::Reply reply = m_gateway->call(method, path, body);
    if (!reply.warning.isEmpty())
        printError(u"warning: "_s + reply.warning);
    return fromReply(reply);
}

std::optional<QJsonArray>
Invocation::listing(const QString &path, const QString &key,
                    const std::function<QJsonArray(Database &, QString *)> &local)
{
    if (!m_gateway) {
        QString error;
        const QJsonArray list = local(*m_db, &error);
        if (!error.isEmpty()) {
            fail(error);
            return std::nullopt;
        }
        return list;
    }
    const std::optional<QJsonObject> answer = get(path);
    if (!answer)
        return std::nullopt;
    return answer->value(key).toArray();
}

std::optional<QJsonObject> Invocation::get(const QString &path)
{
    const RemoteGateway::Reply reply = m_gateway->call("GET", path);
    if (!reply.warning.isEmpty())
        printError(u"warning: "_s + reply.warning);
    if (reply.status != 200) {
        fail(fromReply(reply).message);
        return std::nullopt;
    }
    return reply.body;
}

std::optional<QJsonObject> Invocation::post(const QString &path, const QJsonObject &body)
{
    const ChangeResult r = fromReply(m_gateway->call("POST", path, &body));
    if (!r.ok()) {
        fail(r.message);
        return std::nullopt;
    }
    if (!r.message.isEmpty())
        printError(u"warning: "_s + r.message);
    return r.result;
}

std::optional<int> Invocation::parseIdsOrAll(const QString &allHelp, const QString &idsName,
                                             bool *all)
{
    addOption(u"all"_s, allHelp);
    if (auto rc = parse(0, 1000))
        return rc;
    *all = isSet(u"all"_s);
    if (*all == !positional().isEmpty())
        return usageError(u"give the %1, or --all"_s.arg(idsName));
    return std::nullopt;
}

bool Invocation::download(const QString &path, QIODevice *sink)
{
    const RemoteGateway::Reply reply = m_gateway->download(path, sink);
    if (!reply.warning.isEmpty())
        printError(u"warning: "_s + reply.warning);
    if (reply.status != 200) {
        fail(fromReply(reply).message);
        return false;
    }
    return true;
}

AdminService Invocation::service()
{
    return AdminService(*m_db, m_runtime.vault.get(),
                        Actor::local(u"CLI"_s, u"gerbangctl "_s + m_command));
}

QString Invocation::helpText() const
{
    QString out = u"Usage: gerbangctl [global options] %1 %2\n"_s.arg(m_command, m_synopsis);
    if (!m_description.isEmpty())
        out += u'\n' + m_description + u'\n';
    if (!m_options.isEmpty())
        out += u"\nOptions:\n"_s + optionLines(m_options);
    out += u"\nGlobal options:\n"_s + optionLines(m_globalOptions);
    return out;
}

std::optional<int> Invocation::parse(qsizetype minPositional, qsizetype maxPositional)
{
    const QStringList argv =
        QStringList{QCoreApplication::applicationName()} + m_globalArgs + m_args;
    if (!m_parser.parse(argv))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(kHelp)) {
        printOut(helpText());
        return ExitOk;
    }
    const qsizetype n = m_parser.positionalArguments().size();
    if (n < minPositional)
        return usageError(u"missing argument"_s);
    // Never echo the surplus arguments: someone may have typed a secret value there.
    if (n > maxPositional)
        return usageError(u"too many arguments"_s);
    return std::nullopt;
}

bool Invocation::limit(int *limit, int *exitCode)
{
    *limit = 100;
    if (!isSet(u"limit"_s))
        return true;
    bool ok = false;
    const int n = value(u"limit"_s).toInt(&ok);
    if (!ok || n < 0) {
        *exitCode = usageError(u"--limit needs a whole number >= 0 (0: no limit)"_s);
        return false;
    }
    *limit = n;
    return true;
}

int Invocation::usageError(const QString &message) const
{
    printError(message);
    writeError(u"usage: gerbangctl %1 %2\nrun 'gerbangctl %1 --help' for details\n"_s.arg(
        m_command, m_synopsis));
    return ExitUsage;
}

int Invocation::fail(const QString &message) const
{
    printError(message);
    return ExitFailed;
}

std::optional<int> Invocation::parseAndOpen(qsizetype minPositional, qsizetype maxPositional,
                                            bool withVault)
{
    if (std::optional<int> rc = parse(minPositional, maxPositional))
        return rc;
    if (!open(withVault))
        return ExitFailed;
    return std::nullopt;
}

void Invocation::addRemoteOptions(QCommandLineParser &parser)
{
    parser.addOption({u"gateway"_s, u"Admin API URL of a running gateway."_s, u"url"_s});
    parser.addOption({u"token-file"_s, u"File whose first line is the admin token."_s, u"file"_s});
    parser.addOption({u"fingerprint"_s, u"Pinned certificate fingerprint."_s, u"SHA256"_s});
}

bool Invocation::open(bool withVault)
{
    if (remote()) {
        if (!m_remoteAllowed) {
            fail(u"'gerbangctl %1' works on the local database only; run it on the gateway's "
                 "machine"_s.arg(m_command));
            return false;
        }
        const QUrl url(value(u"gateway"_s));
        if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) ||
            url.host().isEmpty()) {
            fail(u"--gateway takes the admin API's URL, e.g. https://gw.firm.lan:8081"_s);
            return false;
        }
        // The token never comes from the command line: argv is visible to every local user.
        QByteArray token = qgetenv("GERBANG_ADMIN_TOKEN").trimmed();
        if (isSet(u"token-file"_s)) {
            QFile file(value(u"token-file"_s));
            if (!file.open(QIODevice::ReadOnly)) {
                fail(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString()));
                return false;
            }
            token = file.readLine().trimmed();
        }
        if (token.isEmpty()) {
            fail(u"--gateway needs an admin token: set GERBANG_ADMIN_TOKEN or pass --token-file"_s);
            return false;
        }
        m_gateway = std::make_unique<RemoteGateway>(RemoteGateway::Options{
            url, token, value(u"fingerprint"_s), RemoteGateway::defaultKnownGatewaysPath()});
        return true;
    }
    QString error;
    if (!m_runtime.prepare(m_parser, withVault, &error)) {
        fail(error);
        return false;
    }
    const QString dataDir = m_runtime.settings.dataDir();
    if (m_runtime.keyCreated)
        printError(u"warning: created a new master key in %1 - back it up: without it the stored "
                   "payloads and secrets cannot be decrypted"_s.arg(
                       QDir::toNativeSeparators(QDir(dataDir).filePath(u"master.key"_s))));
    const int busyMs = m_runtime.settings.intValue(u"storage/busy_timeout_ms"_s);
    m_db = Database::open({m_runtime.database, busyMs, false}, &error);
    // Whoever touches the database first creates it, gerbangctl included.
    if (!m_db || !m_db->migrate(&error)) {
        m_db.reset();
        fail(error);
        return false;
    }
    return true;
}

bool Invocation::openConfiguration()
{
    QString error;
    if (!m_runtime.prepare(m_parser, false, &error)) {
        fail(error);
        return false;
    }
    return true;
}

QString groupHelp(const Group &group)
{
    QString out =
        u"Usage: gerbangctl [global options] %1 COMMAND [options]\n\n%2\n\nCommands:\n"_s.arg(
            group.name, group.summary);
    qsizetype width = 0;
    for (const Subcommand &s : group.subcommands)
        width = qMax(width, s.name.size());
    for (const Subcommand &s : group.subcommands)
        out += u"  "_s + s.name.leftJustified(width) + u"  "_s + s.summary + u'\n';
    out += u"\nSynopsis:\n"_s;
    for (const Subcommand &s : group.subcommands)
        out += u"  gerbangctl %1 %2 %3\n"_s.arg(group.name, s.name, s.synopsis);
    out +=
        u"\nRun 'gerbangctl %1 COMMAND --help' for the options of one command.\n"_s.arg(group.name);
    return out;
}

int runGroup(const Group &group, const QStringList &globalArgs, const QStringList &args)
{
    auto usage = [&group](const QString &message) {
        printError(message);
        QString lines;
        for (const Subcommand &s : group.subcommands)
            lines += u"usage: gerbangctl %1 %2 %3\n"_s.arg(group.name, s.name, s.synopsis);
        writeError(lines);
        return int(ExitUsage);
    };
    // A group with a single unnamed command (e.g. `purge`) runs it with every argument.
    if (group.subcommands.size() == 1 && group.subcommands.first().name.isEmpty()) {
        const Subcommand &s = group.subcommands.first();
        Invocation inv(group.name, s.synopsis, s.summary, globalArgs, args);
        return s.run(inv);
    }
    if (args.isEmpty())
        return usage(u"'%1' needs a command"_s.arg(group.name));
    const QString name = args.first();
    if (name == u"--help"_s || name == u"-h"_s || name == kHelp) {
        printOut(groupHelp(group));
        return ExitOk;
    }
    for (const Subcommand &s : group.subcommands) {
        if (s.name == name) {
            if (s.nested)
                return runGroup(s.nested(), globalArgs, args.mid(1));
            Invocation inv(group.name + u' ' + s.name, s.synopsis, s.summary, globalArgs,
                           args.mid(1));
            return s.run(inv);
        }
    }
    return usage(u"unknown %1 command '%2'"_s.arg(group.name, name));
}

} // namespace gerbang::ctl
