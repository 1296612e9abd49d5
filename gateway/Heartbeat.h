// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Stats.h"
#include "storage/GatewayRepository.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace gerbang {

// Writes this gateway's row of the fleet (table gateways) every few seconds while it runs,
// and a last one with stopped_at when it stops, so that every gateway of a shared database
// can list the others and tell which stopped answering. The row carries a short summary of
// the statistics (requests per second since the last beat, p99, outbox backlog).
class Heartbeat : public QObject
{
public:
    static constexpr int kIntervalMs = 5000;

    struct Access
    {
        std::function<StatsSnapshot()> stats;
        std::function<QString()> webhookUrl;
        std::function<QString()> adminUrl;
        // Off this thread, best effort: writes the row.
        std::function<void(GatewayBeat)> write;
    };
    Heartbeat(QString id, Access access, QObject *parent = nullptr);

    void start();
    // The last beat, with stopped_at.
    void stop();

    // This gateway's id: read from DATA_DIR/gateway-id, made there (0600) on the first start.
    static QString idFor(const QString &dataDir, QString *error);

private:
    void beat(qint64 stoppedAtMs);

    QString m_id;
    Access m_access;
    QTimer m_timer;
    qint64 m_startedAtMs = 0;
    qint64 m_lastBeatMs = 0;
    qint64 m_lastRequests = 0;
    QString m_webhookUrl;
    QString m_adminUrl;
};

} // namespace gerbang
