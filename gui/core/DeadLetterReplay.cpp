// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeadLetterReplay.h"

#include "domain/Vocabulary.h"
#include "storage/EventReplay.h"
#include "storage/OutboxRepository.h"

using namespace Qt::StringLiterals;

namespace gerbang {

ReplayOutcome replayDeadLetters(Database &db, const QStringList &eventIds, bool all,
                                const QString &user)
{
    ReplayOutcome r;
    OutboxRepository outbox(db);
    QStringList ids;
    if (all) {
        for (const OutboxItem &item : outbox.list(wire(DeliveryState::Dead), 0, &r.error))
            ids << item.event.id;
    } else {
        // Only what is still dead: a row replayed meanwhile may be on its way already.
        for (const QString &id : eventIds) {
            const std::optional<OutboxItem> item = outbox.find(id, &r.error);
            if (!r.error.isEmpty())
                break;
            if (item && item->state == wire(DeliveryState::Dead))
                ids << id;
            else
                ++r.skipped;
        }
    }
    if (!r.error.isEmpty())
        return r;
    if (ids.isEmpty()) {
        r.queued = 0;
        return r;
    }
    const ReplayOrigin origin{u"CONSOLE"_s,
                              all ? u"gerbang console: replay all dead letters"_s
                                  : u"gerbang console: replay selected dead letters"_s,
                              user};
    r.queued = replayEvents(db, ids, origin, &r.error);
    if (r.queued >= 0)
        r.queuedIds = ids;
    return r;
}

} // namespace gerbang
