// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Vocabulary.h"

#include <QList>
#include <QString>

namespace gerbang {

class Database;

// One gateway's heartbeat row (table gateways, schema version 7).
struct GatewayBeat
{
    QString id; // kept in the gateway's data directory: a restart updates the same row
    QString host;
    QString version;
    QString webhookUrl;
    QString adminUrl; // empty: the admin API is off
    qint64 startedAtMs = 0;
    qint64 lastSeenAtMs = 0;
    qint64 stoppedAtMs = 0; // 0: running, as far as it said
    QString summary;        // compact JSON: requests_per_s, latency_p99_us, outbox_pending, ...

    // Silent for longer than this: it stopped answering.
    static constexpr qint64 kSilentAfterMs = 15'000;
    GatewayState stateAt(qint64 nowMs) const
    {
        if (stoppedAtMs > 0)
            return GatewayState::Stopped;
        return nowMs - lastSeenAtMs > kSilentAfterMs ? GatewayState::NotAnswering
                                                     : GatewayState::Up;
    }
};

// The fleet: every gateway that ever wrote to this database, newest start first.
class GatewayRepository
{
public:
    explicit GatewayRepository(Database &db)
        : m_db(db)
    {
    }

    // Inserts or updates the gateway's row, and forgets gateways silent for longer than
    // kForgetAfterMs (replaced machines, test runs): the fleet list stays the fleet.
    bool beat(const GatewayBeat &beat, QString *error);
    static constexpr qint64 kForgetAfterMs = 30LL * 86'400'000;
    QList<GatewayBeat> all(QString *error) const;

private:
    Database &m_db;
};

} // namespace gerbang
