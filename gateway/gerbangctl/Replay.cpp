// SPDX-License-Identifier: GPL-3.0-or-later
#include "Replay.h"

#include "domain/AuditRecord.h"
#include "domain/Clock.h"
#include "storage/AuditRepository.h"
#include "storage/Database.h"
#include "storage/EventRepository.h"
#include "storage/OutboxRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace gerbang::ctl {

int replayEvents(Database &db, const QStringList &eventIds, const QString &command, QString *error)
{
    const qint64 now = nowMs();
    const int queued = OutboxRepository(db).requeue(eventIds, now, error);
    if (queued < 0)
        return -1;
    EventRepository events(db);
    AuditRepository audit(db);
    for (const QString &id : eventIds) {
        const std::optional<WebhookEvent> e = events.find(id, error);
        if (!e)
            continue;
        AuditRecord a;
        a.receivedAtMs = now;
        a.sourceIp = u"local"_s;
        a.method = u"CLI"_s;
        a.path = u"gerbangctl "_s + command;
        a.provider = e->provider;
        a.tenant = e->tenant;
        a.outcome = u"replay"_s;
        a.signatureStatus = u"not_applicable"_s;
        a.eventIds = {e->id};
        a.eventTypes = {e->type};
        a.rawRef = e->rawRef;
        a.detail = QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"raw_retained"_s, events.rawRetained(*e, error)}})
                .toJson(QJsonDocument::Compact));
        if (!audit.append(a, error))
            return -1;
    }
    return queued;
}

} // namespace gerbang::ctl
