// SPDX-License-Identifier: GPL-3.0-or-later
#include "Runtime.h"

#include "InstallationId.h"
#include "crypto/Vault.h"

#include <QDir>
#include <QFile>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

// Root working on a data directory that belongs to another user (the packaged service's
// /var/lib/gerbang) would leave root-owned database or key files behind, which the service
// then cannot open. Refuse, and say how to run it instead.
bool ownedByCaller(const QString &dataDir, QString *error)
{
    struct stat st
    {
    };
    if (::geteuid() != 0 || ::stat(QFile::encodeName(dataDir).constData(), &st) != 0 ||
        st.st_uid == 0)
        return true;
    const passwd *pw = ::getpwuid(st.st_uid);
    const QString owner = pw ? QString::fromLocal8Bit(pw->pw_name) : QString::number(st.st_uid);
    *error = u"the data directory %1 belongs to user '%2'; run this as that user so that the "
             "files it creates stay usable (e.g. sudo -u %2 gerbangctl ...)"_s.arg(dataDir, owner);
    return false;
}

} // namespace

void Runtime::addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        {u"config"_s,
         u"INI configuration file (default: $GERBANG_CONFIG or ~/.config/gerbang/gerbang.ini)."_s,
         u"file"_s});
    parser.addOption({u"data-dir"_s, u"Directory for the database and key file."_s, u"dir"_s});
    parser.addOption({u"listen"_s, u"Address to listen on, host:port."_s, u"host:port"_s});
}

bool Runtime::prepare(const QCommandLineParser &parser, bool withVault, QString *error)
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const bool explicitConfig = parser.isSet(u"config"_s) || env.contains(u"GERBANG_CONFIG"_s);
    const QString configPath =
        parser.isSet(u"config"_s) ? parser.value(u"config"_s) : Settings::defaultConfigPath(env);
    if (!settings.load(configPath, explicitConfig, env, error))
        return false;
    if (parser.isSet(u"data-dir"_s))
        settings.setOverride(u"storage/data_dir"_s, parser.value(u"data-dir"_s));
    if (parser.isSet(u"listen"_s))
        settings.setOverride(u"server/listen"_s, parser.value(u"listen"_s));
    const QStringList problems = messagesOf(settings.validate());
    if (!problems.isEmpty()) {
        *error = u"invalid configuration:\n  "_s + problems.join(u"\n  "_s);
        return false;
    }
    const QString dataDir = settings.dataDir();
    // With PostgreSQL the data directory still holds the key file (unless the master key
    // comes from the environment) and the engine's lock.
    QString why;
    const auto target =
        DatabaseTarget::resolve(settings.value(u"storage/database_url"_s), dataDir, &why);
    if (!target) {
        *error = u"GERBANG_DATABASE_URL / storage/database_url: "_s + why;
        return false;
    }
    database = *target;
    if (!QDir().mkpath(dataDir)) {
        *error = u"cannot create data directory %1"_s.arg(dataDir);
        return false;
    }
    if (!ownedByCaller(dataDir, error))
        return false;
    // The data directory holds the key file and encrypted payloads: owner only.
    ::chmod(QFile::encodeName(dataDir).constData(), 0700);
    // The audit rows this program writes join this installation's chain.
    QString idError;
    database.auditChain = installationId(dataDir, &idError);
    if (database.auditChain.isEmpty()) {
        *error = idError;
        return false;
    }
    if (withVault) {
        auto v = Vault::load(settings.value(u"security/master_key"_s), dataDir, &keyCreated, error);
        if (!v)
            return false;
        vault = std::make_shared<const Vault>(std::move(*v));
    }
    return true;
}

} // namespace gerbang
