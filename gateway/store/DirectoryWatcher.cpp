// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectoryWatcher.h"

#include "domain/Clock.h"
#include "storage/Database.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDirectory, "gerbang.store")

namespace gerbang {

std::shared_ptr<const Directory> DirectoryWatcher::load(Database &db, QString *error)
{
    auto directory = Directory::load(db, m_vault, m_overrides, error);
    if (directory)
        m_revision = directory->revision;
    return directory;
}

std::shared_ptr<const Directory> DirectoryWatcher::poll(Database &db, bool force)
{
    const qint64 now = nowMs();
    if (!force && now - m_lastPollMs < kPollMs)
        return nullptr;
    m_lastPollMs = now;
    const qint64 revision = db.configRevision();
    if (revision < 0 || (!force && revision == m_revision))
        return nullptr;
    QString error;
    auto directory = load(db, &error);
    if (!directory)
        qCWarning(lcDirectory) << "cannot load tenants and secrets:" << error;
    return directory;
}

} // namespace gerbang
