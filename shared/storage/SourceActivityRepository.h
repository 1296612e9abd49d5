// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace gerbang {

class Database;

// Verified requests per source and minute (table source_activity, schema version 10), summed
// over the gateways sharing the database: what the silence alert learns a source's rhythm from.
class SourceActivityRepository
{
public:
    // How much history is kept (retention deletes older minutes) and learned from.
    static constexpr qint64 kKeptMs = 35LL * 24 * 3600 * 1000;
    static constexpr qint64 kLearnedMs = 28LL * 24 * 3600 * 1000;

    struct Count
    {
        QString source;
        qint64 minute = 0; // Unix time in minutes
        qint64 requests = 0;
    };

    explicit SourceActivityRepository(Database &db)
        : m_db(db)
    {
    }

    // Adds to the minutes' counts (other gateways add to the same rows). One transaction.
    bool add(const QList<Count> &counts, QString *error);
    // Each source's last active minute at or after `sinceMinute`.
    QHash<QString, qint64> lastActive(qint64 sinceMinute, QString *error) const;
    // The minutes in which `source` sent at least one request, from `sinceMinute` on, oldest
    // first.
    QList<qint64> activeMinutes(const QString &source, qint64 sinceMinute, QString *error) const;

private:
    Database &m_db;
};

} // namespace gerbang
