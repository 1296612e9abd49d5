// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "storage/Retention.h"

#include <QObject>
#include <QTimer>
#include <memory>

namespace gerbang {

class Stats;

// Runs the retention job on schedule from the background thread, with its own database
// connection. The schedule is shared through the database, so among gateways sharing one
// PostgreSQL database exactly one runs each interval's job.
class RetentionScheduler : public QObject
{
    Q_OBJECT
public:
    RetentionScheduler(RetentionPolicy policy, Database::Options db, std::shared_ptr<Stats> stats,
                       QObject *parent = nullptr);
    ~RetentionScheduler() override;

    bool open(QString *error);
    void shutdown();

public Q_SLOTS:
    // Runs the job now, whatever the schedule says ("purge now").
    void runNow();
    // New retention periods and interval, used from the next run on (no restart needed).
    void setPolicy(const gerbang::RetentionPolicy &policy);

Q_SIGNALS:
    // After every run of the job: whether it removed what was due (retention alerts).
    void ran(bool ok, const QString &error);

private:
    void check();
    void runJob();
    void publishSchedule();

    RetentionPolicy m_policy;
    Database::Options m_dbOptions;
    std::shared_ptr<Stats> m_stats;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Retention> m_retention;
    QTimer m_timer{this};
};

} // namespace gerbang
