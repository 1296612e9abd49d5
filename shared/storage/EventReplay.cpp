// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventReplay.h"

#include "domain/AuditRecord.h"
#include "domain/Clock.h"
#include "domain/Vocabulary.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/EventRepository.h"
#include "storage/OutboxRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gerbang {

namespace {

// One audit row per replayed event, naming who asked; `error` says when the audit log could
// not record one.
void auditReplays(Database &db, const QStringList &eventIds, const Actor &origin, qint64 now,
                  QString *error)
{
    EventRepository events(db);
    AuditRepository audit(db);
    for (const QString &id : eventIds) {
        QString findError;
        const std::optional<WebhookEvent> e = events.find(id, &findError);
        if (!e) {
            if (!findError.isEmpty())
                *error = findError;
            continue;
        }
        AuditRecord a;
        a.receivedAtMs = now;
        a.sourceIp = origin.address.isEmpty() ? u"local"_s : origin.address;
        a.method = origin.method;
        a.httpStatus = origin.httpStatus;
        a.path = origin.path;
        a.provider = e->provider;
        a.tenant = e->tenant;
        a.outcome = wire(Outcome::Replay);
        a.signatureStatus = wire(SignatureStatus::NotApplicable);
        a.eventIds = {e->id};
        a.eventTypes = {e->type};
        a.rawRef = e->rawRef;
        QString rawError;
        QJsonObject detail{{u"raw_retained"_s, events.rawRetained(*e, &rawError)}};
        detail.insert(u"actor"_s, origin.name);
        a.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
        if (!audit.append(a, now, error))
            return;
    }
}

} // namespace

int replayEvents(Database &db, const QStringList &eventIds, const Actor &origin, QString *error)
{
    const qint64 now = nowMs();
    const int queued = OutboxRepository(db).requeue(eventIds, now, error);
    if (queued < 0)
        return -1;
    auditReplays(db, eventIds, origin, now, error);
    return queued;
}

DeadLetterReplay replayDeadLetters(Database &db, const QStringList &eventIds, bool allOrNothing,
                                   const Actor &origin)
{
    DeadLetterReplay r;
    const qint64 now = nowMs();
    r.queuedIds =
        OutboxRepository(db).requeueDead(eventIds, allOrNothing, now, &r.notDead, &r.error);
    if (!r.error.isEmpty())
        return r;
    r.ok = true;
    auditReplays(db, r.queuedIds, origin, now, &r.error);
    return r;
}

} // namespace gerbang
