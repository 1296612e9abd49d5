// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"

#include <QString>
#include <optional>

namespace gerbang {

class Database;

struct RetentionPolicy
{
    static RetentionPolicy fromSettings(const Settings &settings);

    int rawDays = Settings::defaultInt(u"retention/raw_days");
    int auditDays = Settings::defaultInt(u"retention/audit_days");
    // Delivered events (ids and outbox rows) after delivery.
    int deliveredDays = Settings::defaultInt(u"retention/delivered_days");
    qint64 intervalMs = qint64(Settings::defaultInt(u"retention/interval_minutes")) * 60'000;
};

struct RetentionReport
{
    qint64 rawPayloads = 0;
    qint64 auditRows = 0;
    qint64 dedupKeys = 0;
    qint64 deliveredEvents = 0;
    qint64 deadLetters = 0;     // kept as long as audit rows, then removed
    qint64 activityMinutes = 0; // the silence alert's history (not in the summary: not data)
    QString summary() const;
};

struct RetentionSchedule
{
    qint64 lastRunMs = 0; // 0: never ran
    qint64 nextRunMs = 0; // 0: not scheduled yet
    QString lastReport;
};

// The retention job: deletes what is past its retention at `nowMs` (an argument, so tests
// choose the time). Rows are deleted in small transactions, so that the acceptance path never
// waits long for SQLite's write lock; raw payload pages are overwritten (secure_delete).
// The schedule lives in the database, so that several gateways sharing it run the job once
// per interval and the console can show the last and next run.
class Retention
{
public:
    Retention(Database &db, RetentionPolicy policy)
        : m_db(db)
        , m_policy(policy)
    {
    }

    std::optional<RetentionReport> run(qint64 nowMs, QString *error);
    // Compare-and-set on the schedule: true for exactly one caller once the next run is due;
    // that caller then runs the job and records it.
    bool claimScheduledRun(qint64 nowMs, QString *error);
    bool recordRun(qint64 nowMs, const RetentionReport &report, QString *error);
    std::optional<RetentionSchedule> schedule(QString *error) const;

private:
    // Deletes matching rows `chunk` at a time; the number removed, -1 on error.
    qint64 deleteInChunks(const QString &sql, qint64 cutoff, QString *error);
    // The audit log's oldest rows, in stored order, stopping at the first row that is not
    // past `cutoff`: each chain loses a prefix, whose last hash becomes its anchor in the same
    // transaction, so that what remains still verifies (audit/AuditVerifier.h).
    qint64 deleteAuditRows(qint64 cutoff, QString *error);
    Database &m_db;
    RetentionPolicy m_policy;
};

} // namespace gerbang
