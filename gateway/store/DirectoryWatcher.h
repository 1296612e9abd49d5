// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Directory.h"

#include <memory>

namespace gerbang {

// Keeps the routing directory in step with the database: a new snapshot whenever the
// configuration revision moves (gerbangctl, the console or another gateway changed tenants,
// sources, secrets or allowlists). Polled from the writer thread, on its connection.
class DirectoryWatcher
{
public:
    DirectoryWatcher(const Vault &vault, Directory::Overrides overrides)
        : m_vault(vault)
        , m_overrides(std::move(overrides))
    {
    }

    std::shared_ptr<const Directory> load(Database &db, QString *error);
    // At most once per poll interval, or at once when `force`: the new snapshot when the
    // revision moved, else null. An unreadable revision (the database is down or locked) keeps
    // the current one until the next poll.
    std::shared_ptr<const Directory> poll(Database &db, bool force);
    static constexpr int kPollMs = 1000;

private:
    const Vault &m_vault;
    const Directory::Overrides m_overrides;
    qint64 m_revision = -1;
    qint64 m_lastPollMs = 0;
};

} // namespace gerbang
