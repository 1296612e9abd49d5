// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gerbang {

// An exclusive advisory lock (flock) on `<dataDir>/gerbang.lock`, held by the running engine
// for its lifetime. Maintenance that must not run beside it (master key rotation) takes the
// same lock. The kernel releases it when the process dies, so a crash never leaves it stale.
class DataDirLock
{
public:
    DataDirLock() = default;
    ~DataDirLock();
    DataDirLock(const DataDirLock &) = delete;
    DataDirLock &operator=(const DataDirLock &) = delete;

    // Takes the lock and empties the file (a pid left by an engine that died is stale).
    bool acquire(const QString &dataDir, QString *error);
    // Writes this process's id into the held lock file, so that `gerbangctl tls reload` can
    // signal the running gerbangd.
    bool recordPid(QString *error);
    // The pid recorded by the engine that holds the lock of `dataDir`; 0 with a message for
    // the admin when no engine holds it or the holder recorded no pid.
    static qint64 runningEnginePid(const QString &dataDir, QString *error);

private:
    int m_fd = -1;
};

} // namespace gerbang
