// SPDX-License-Identifier: GPL-3.0-or-later
// gerbangctl tls reload
#include "Cli.h"
#include "Output.h"
#include "config/DataDirLock.h"

#include <cerrno>
#include <csignal>
#include <cstring>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {
namespace {

int reload(Invocation &inv)
{
    if (auto rc = inv.parse(0, 0))
        return *rc;
    if (!inv.openConfiguration())
        return ExitFailed;
    // gerbangd records its pid in the lock file it holds; a pid read while nobody holds the
    // lock would be stale (and might belong to an unrelated process), so it is never used.
    QString error;
    const qint64 pid = DataDirLock::runningEnginePid(inv.dataDir(), &error);
    if (pid <= 0)
        return inv.fail(error);
    if (::kill(pid_t(pid), SIGHUP) != 0)
        return inv.fail(u"cannot signal gerbangd (pid %1): %2"_s.arg(pid).arg(
            QString::fromLocal8Bit(std::strerror(errno))));
    printOut(
        u"asked gerbangd (pid %1) to reload its TLS certificate and key; its log says "
        "whether the new pair is in use (if it is refused, the current one stays)\n"_s.arg(pid));
    return ExitOk;
}

} // namespace

Group tlsGroup()
{
    return {u"tls"_s,
            u"The HTTPS listener of a running gerbangd (tls/certificate, tls/private_key)."_s,
            {
                {u"reload"_s, QString(),
                 u"Make the running gerbangd re-read its TLS certificate and key (SIGHUP). New "
                 "connections get the new certificate, open ones keep theirs; a pair that does "
                 "not match is refused and the current one stays."_s,
                 reload},
            }};
}

} // namespace gerbang::ctl
