// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/WebhookEvent.h"

#include <QList>
#include <QString>
#include <optional>

class QSqlQuery;

namespace gerbang {

class Database;

// Which events to read. Empty strings and unset bounds match everything.
struct EventFilter
{
    QString tenant;
    QString provider;
    QString type;
    QString deliveryState;        // DeliveryState's wire name; empty: any
    std::optional<qint64> fromMs; // received_at >= fromMs
    std::optional<qint64> toMs;   // received_at <= toMs (inclusive)
    int limit = 100;              // 0: no limit
};

// Read side of the stored provider events (the engine writes them). Newest first, with
// insertion order breaking ties inside one millisecond.
class EventRepository
{
public:
    explicit EventRepository(Database &db)
        : m_db(db)
    {
    }

    QList<WebhookEvent> list(const EventFilter &filter, QString *error) const;
    // std::nullopt with `*error` left empty means there is no such event.
    std::optional<WebhookEvent> find(const QString &id, QString *error) const;
    // Whether the event's raw payload is still stored (retention may have purged it). Never
    // reads the payload itself.
    bool rawRetained(const WebhookEvent &event, QString *error) const;
    // The event columns, each prefixed with `alias` (e.g. "e."), and their mapping from a row
    // where they start at `first`: shared with queries that join events to other tables.
    static QString columns(const QString &alias = {});
    static WebhookEvent fromRow(const QSqlQuery &q, int first = 0);
    // The sealed (encrypted) raw payload, or a null array when retention removed it.
    QByteArray sealedRaw(const QString &rawRef, QString *error) const;

private:
    Database &m_db;
};

} // namespace gerbang
