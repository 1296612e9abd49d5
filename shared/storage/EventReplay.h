// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "service/Actor.h"

#include <QString>
#include <QStringList>

namespace gerbang {

class Database;

// Queues events for delivery again with a fresh attempt count (a running gateway picks them
// up within its poll interval) and writes one audit row per event naming the actor `origin`. Used
// by gerbangctl and by the console, so a replay is the same whoever asks. Returns the number
// queued, or -1 with `error`; with a count and a non-empty `error`, the events were queued but
// the audit log could not record every replay.
int replayEvents(Database &db, const QStringList &eventIds, const Actor &origin, QString *error);

// What one dead-letter replay did.
struct DeadLetterReplay
{
    bool ok = false; // false: nothing was queued, `error` says why
    QStringList queuedIds;
    // Asked for but not dead letters (delivered, replayed by someone else or purged meanwhile).
    QStringList notDead;
    // With ok: the events were queued, but the audit log could not record it all.
    QString error;
};

// Replays dead letters, for gerbangctl dlq replay and the console alike: the ones still dead
// go back for immediate delivery in one transaction (OutboxRepository::requeueDead, so nothing
// is queued twice when two admins replay at once), and one audit row per event names `origin`.
// `eventIds` empty: every dead letter at this moment. With `allOrNothing` an id that is not a
// dead letter fails the whole replay and queues nothing.
DeadLetterReplay replayDeadLetters(Database &db, const QStringList &eventIds, bool allOrNothing,
                                   const Actor &origin);

} // namespace gerbang
