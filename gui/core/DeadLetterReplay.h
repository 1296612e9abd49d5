// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace gerbang {

class Database;

// What one replay from the console did.
struct ReplayOutcome
{
    int queued = -1; // -1: nothing was queued, `error` says why
    // Asked for but no longer dead letters (replayed by someone else or purged meanwhile).
    int skipped = 0;
    QStringList queuedIds;
    // With queued >= 0: the events were queued, but the audit log could not record it all.
    QString error;
};

// Replays dead letters the way `gerbangctl dlq replay` does (storage/EventReplay: each goes
// back for immediate delivery with a fresh attempt count, and one audit row per event records
// the replay, here naming the console and `user`). With `all`, every dead letter at this moment (as
// `--all`); otherwise the `eventIds` that are still dead letters. Runs on the console's database
// thread.
ReplayOutcome replayDeadLetters(Database &db, const QStringList &eventIds, bool all,
                                const QString &user);

} // namespace gerbang
