// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Runtime.h"
#include "service/AdminService.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QIODevice>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace gerbang {
class Database;
}

namespace gerbang::ctl {

class RemoteGateway;

enum Exit
{
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2
};

// One run of one subcommand: its own parser (its options plus the global ones, which may
// appear anywhere on the line), and the configuration and database it opens on demand.
class Invocation
{
public:
    Invocation(QString command, QString synopsis, QString description, QStringList globalArgs,
               QStringList args);
    ~Invocation();
    Invocation(const Invocation &) = delete;
    Invocation &operator=(const Invocation &) = delete;

    void addOption(const QCommandLineOption &option);
    void addOption(const QString &name, const QString &description, const QString &valueName = {});
    // Parses the arguments. Returns an exit code when the command must stop here: 0 after
    // printing --help, 2 after a usage error.
    std::optional<int> parse(qsizetype minPositional, qsizetype maxPositional);

    // For a command given either ids or --all (`allHelp` describes it), exactly one of them:
    // parse() with up to 1000 ids. `*all` says which it was.
    std::optional<int> parseIdsOrAll(const QString &allHelp, const QString &idsName, bool *all);

    QStringList positional() const { return m_parser.positionalArguments(); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QString value(const QString &name) const { return m_parser.value(name); }
    QStringList values(const QString &name) const { return m_parser.values(name); }
    // --limit N: 100 when absent, 0 means no limit. Returns false after a usage error.
    bool limit(int *limit, int *exitCode);

    // Prints the message and the usage line to standard error; returns 2.
    int usageError(const QString &message) const;
    // Prints the message to standard error; returns 1.
    int fail(const QString &message) const;

    // Loads configuration (and the master key with `withVault`) and opens the database,
    // creating or migrating it. With --gateway it checks the remote options instead (only in
    // a command that called allowRemote()). Prints the reason and returns false on failure.
    bool open(bool withVault);
    // This command also runs against a gateway's admin API (--gateway URL).
    void allowRemote() { m_remoteAllowed = true; }
    bool remote() const { return m_parser.isSet(QStringLiteral("gateway")); }
    // A change: through the local AdminService, or with --gateway the admin API's `method`
    // `path` (with `body` unless null), whose answer or refusal it maps to the same result.
    ChangeResult change(const QByteArray &method, const QString &path, const QJsonObject *body,
                        const std::function<ChangeResult(AdminService &)> &local);
    // A listing as JSON: `local` on the database, or with --gateway the `key` array of GET
    // `path`. Prints the reason and returns nullopt on failure.
    std::optional<QJsonArray>
    listing(const QString &path, const QString &key,
            const std::function<QJsonArray(Database &, QString *)> &local);
    // With --gateway: GET `path` on the gateway. Prints the reason and returns nullopt on
    // failure.
    std::optional<QJsonObject> get(const QString &path);
    // With --gateway: POST `body` to `path`; the answer of a 2xx. Prints the reason and returns
    // nullopt otherwise.
    std::optional<QJsonObject> post(const QString &path, const QJsonObject &body);
    // With --gateway: GET `path` into `sink` as it arrives (an export). Prints the reason and
    // returns false on failure, a body cut off on the way included.
    bool download(const QString &path, QIODevice *sink);
    // The global options of every command that reach a gateway (--gateway, --token-file,
    // --fingerprint): main() parses them before the group name too.
    static void addRemoteOptions(QCommandLineParser &parser);
    // parse(), then open(): what most commands begin with. An exit code when they must stop.
    std::optional<int> parseAndOpen(qsizetype minPositional, qsizetype maxPositional,
                                    bool withVault = false);
    // Loads the configuration only (no key, no database). Prints the reason on failure.
    bool openConfiguration();
    Database &database() { return *m_db; }
    const Vault &vault() const { return *m_runtime.vault; }
    // The changes this command makes, audited as made by the operating-system user through
    // "gerbangctl COMMAND". After open() (with the vault for secret changes).
    AdminService service();
    QString dataDir() const { return m_runtime.settings.dataDir(); }
    const Settings &settings() const { return m_runtime.settings; }

    QString helpText() const;

private:
    QString m_command;
    QString m_synopsis;
    QString m_description;
    QStringList m_globalArgs;
    QStringList m_args;
    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options;
    QList<QCommandLineOption> m_globalOptions;
    Runtime m_runtime;
    std::unique_ptr<Database> m_db;
    bool m_remoteAllowed = false;
    std::unique_ptr<RemoteGateway> m_gateway;
};

struct Group;

struct Subcommand
{
    QString name;
    QString synopsis; // arguments after "gerbangctl GROUP NAME"
    QString summary;
    std::function<int(Invocation &)> run;
    // Set instead of `run` for a command with commands of its own ("admin token create").
    std::function<Group()> nested = {};
};

struct Group
{
    QString name;
    QString summary;
    QList<Subcommand> subcommands;
};

// Picks the subcommand from `args` and runs it; handles "GROUP --help" and unknown names.
int runGroup(const Group &group, const QStringList &globalArgs, const QStringList &args);
QString groupHelp(const Group &group);

// The command groups, one file each.
Group tenantGroup();
Group secretGroup();
Group sourceGroup();
// gerbangctl source test (SourceTestCommand.cpp).
int sourceTest(Invocation &inv);
// Where this data directory's gateway takes webhooks, as it bound them (--url, its heartbeat,
// else its configuration). After open().
QUrl gatewayListenUrl(Invocation &inv);
Group whatsappGroup();
Group eventsGroup();
Group auditGroup();
Group keyGroup();
Group allowlistGroup();
Group tlsGroup();
Group dlqGroup();
Group alertsGroup();
Group purgeGroup();
Group adminGroup();
Group gatewaysGroup();
Group settingsGroup();

} // namespace gerbang::ctl
