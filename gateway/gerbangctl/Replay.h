// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {
class Database;
}

namespace gerbang::ctl {

// Queues events for delivery again (a running gateway picks them up within its poll interval)
// and writes one audit row per replay, naming the command that asked for it. Returns the number
// queued, or -1 with `error`.
int replayEvents(Database &db, const QStringList &eventIds, const QString &command, QString *error);

} // namespace gerbang::ctl
