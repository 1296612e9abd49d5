// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetentionScheduler.h"

#include "Stats.h"
#include "domain/Clock.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRetention, "gerbang.retention")

namespace gerbang {

RetentionScheduler::RetentionScheduler(RetentionPolicy policy, Database::Options db,
                                       std::shared_ptr<Stats> stats, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_dbOptions(std::move(db))
    , m_stats(std::move(stats))
{
}

RetentionScheduler::~RetentionScheduler() = default;

bool RetentionScheduler::open(QString *error)
{
    m_db = Database::open(m_dbOptions, error);
    if (!m_db)
        return false;
    m_retention = std::make_unique<Retention>(*m_db, m_policy);
    // Checked often, run once per interval: the claim in the database decides.
    m_timer.setInterval(int(std::min<qint64>(m_policy.intervalMs, 30'000)));
    connect(&m_timer, &QTimer::timeout, this, &RetentionScheduler::check);
    m_timer.start();
    QTimer::singleShot(0, this, &RetentionScheduler::check);
    return true;
}

void RetentionScheduler::shutdown()
{
    m_timer.stop();
    m_retention.reset();
    m_db.reset();
}

void RetentionScheduler::check()
{
    if (!m_retention)
        return;
    QString error;
    if (m_retention->claimScheduledRun(nowMs(), &error))
        runJob();
    else if (!error.isEmpty())
        qCWarning(lcRetention) << "cannot read the retention schedule:" << error;
    publishSchedule();
}

void RetentionScheduler::runNow()
{
    if (!m_retention)
        return;
    runJob();
    publishSchedule();
}

void RetentionScheduler::setPolicy(const RetentionPolicy &policy)
{
    m_policy = policy;
    if (!m_db)
        return;
    m_retention = std::make_unique<Retention>(*m_db, m_policy);
    m_timer.setInterval(int(std::min<qint64>(m_policy.intervalMs, 30'000)));
    qCInfo(lcRetention).noquote()
        << u"retention: raw payloads %1 d, audit rows %2 d, delivered events %3 d, every %4 min"_s
               .arg(policy.rawDays)
               .arg(policy.auditDays)
               .arg(policy.deliveredDays)
               .arg(policy.intervalMs / 60'000);
}

void RetentionScheduler::runJob()
{
    QString error;
    const qint64 now = nowMs();
    const auto report = m_retention->run(now, &error);
    if (!report) {
        qCWarning(lcRetention) << "retention run failed (retried next interval):" << error;
        Q_EMIT ran(false, error);
        return;
    }
    Q_EMIT ran(true, {});
    qCInfo(lcRetention).noquote() << u"retention run: removed "_s + report->summary();
    if (!m_retention->recordRun(now, *report, &error))
        qCWarning(lcRetention) << "cannot record the retention run:" << error;
}

void RetentionScheduler::publishSchedule()
{
    QString error;
    if (const auto s = m_retention->schedule(&error))
        m_stats->setPurgeTimes(s->lastRunMs, s->nextRunMs);
}

} // namespace gerbang
