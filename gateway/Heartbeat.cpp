// SPDX-License-Identifier: GPL-3.0-or-later
#include "Heartbeat.h"

#include "config/InstallationId.h"
#include "crypto/SecretFile.h"
#include "domain/Clock.h"
#include "domain/Ids.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace gerbang {

Heartbeat::Heartbeat(QString id, Access access, QObject *parent)
    : QObject(parent)
    , m_id(std::move(id))
    , m_access(std::move(access))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { beat(0); });
}

void Heartbeat::start()
{
    m_startedAtMs = nowMs();
    // Fixed for the run; read once, as the listeners no longer report them while stopping.
    m_webhookUrl = m_access.webhookUrl();
    m_adminUrl = m_access.adminUrl();
    m_lastRequests = m_access.stats().requests;
    m_lastBeatMs = m_startedAtMs;
    beat(0);
    m_timer.start();
}

void Heartbeat::stop()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    beat(nowMs());
}

void Heartbeat::beat(qint64 stoppedAtMs)
{
    const qint64 now = nowMs();
    const StatsSnapshot s = m_access.stats();
    const qint64 elapsed = std::max<qint64>(1, now - m_lastBeatMs);
    const double perSecond = double(s.requests - m_lastRequests) * 1000.0 / double(elapsed);
    m_lastRequests = s.requests;
    m_lastBeatMs = now;
    const QJsonObject summary{{u"requests_per_s"_s, qRound(perSecond * 10.0) / 10.0},
                              {u"latency_p99_us"_s, s.latencyP99Us},
                              {u"outbox_pending"_s, s.outboxPending},
                              {u"open_connections"_s, s.openConnections}};
    m_access.write(
        GatewayBeat{m_id, QSysInfo::machineHostName(), QStringLiteral(GERBANG_VERSION),
                    m_webhookUrl, m_adminUrl, m_startedAtMs, now, stoppedAtMs,
                    QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact))});
}

QString Heartbeat::idFor(const QString &dataDir, QString *error)
{
    return installationId(dataDir, error);
}

} // namespace gerbang
