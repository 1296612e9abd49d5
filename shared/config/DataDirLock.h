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

    bool acquire(const QString &dataDir, QString *error);

private:
    int m_fd = -1;
};

} // namespace gerbang
