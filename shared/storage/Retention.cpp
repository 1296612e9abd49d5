// SPDX-License-Identifier: GPL-3.0-or-later
#include "Retention.h"

#include "Database.h"
#include "SourceActivityRepository.h"
#include "config/Settings.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <limits>

using namespace Qt::StringLiterals;

namespace gerbang {
namespace {

constexpr int kChunk = 2000;
constexpr qint64 kDayMs = 86'400'000;
const QString kJob = u"retention"_s;

} // namespace

RetentionPolicy RetentionPolicy::fromSettings(const Settings &s)
{
    RetentionPolicy p;
    p.rawDays = s.intValue(u"retention/raw_days"_s);
    p.auditDays = s.intValue(u"retention/audit_days"_s);
    p.deliveredDays = s.intValue(u"retention/delivered_days"_s);
    p.intervalMs = qint64(s.intValue(u"retention/interval_minutes"_s)) * 60'000;
    return p;
}

QString RetentionReport::summary() const
{
    return u"raw payloads %1, audit rows %2, dedup keys %3, delivered events %4, dead letters %5"_s
        .arg(rawPayloads)
        .arg(auditRows)
        .arg(dedupKeys)
        .arg(deliveredEvents)
        .arg(deadLetters);
}

qint64 Retention::deleteInChunks(const QString &sql, qint64 cutoff, QString *error)
{
    qint64 total = 0;
    for (;;) {
        int removed = 0;
        const bool ok = m_db.inWriteTransaction(error, [&] {
            QSqlQuery q(m_db.db());
            q.prepare(sql);
            q.addBindValue(cutoff);
            q.addBindValue(kChunk);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            removed = q.numRowsAffected();
            return true;
        });
        if (!ok)
            return -1;
        total += removed;
        if (removed < kChunk)
            return total;
    }
}

qint64 Retention::deleteAuditRows(qint64 cutoff, QString *error)
{
    // Stored order, a chunk at a time. Within a chain the first row that is not due keeps
    // every later row of that chain (a chain loses a prefix, never a row in its middle);
    // unchained rows go by their own age. A chunk with nothing due ends the job, so a log
    // whose old rows are gone is not read to its end on every run.
    qint64 total = 0;
    qint64 afterId = std::numeric_limits<qint64>::min();
    QSet<QString> stopped;
    for (;;) {
        qint64 removed = 0;
        bool more = false;
        const bool ok = m_db.inWriteTransaction(error, [&] {
            QSqlQuery q(m_db.db());
            q.setForwardOnly(true);
            q.prepare(u"SELECT id, received_at, chain_id, chain_seq, row_hash FROM audit_log "
                      "WHERE id > ? ORDER BY id LIMIT ?"_s);
            q.addBindValue(afterId);
            q.addBindValue(kChunk);
            if (!q.exec()) {
                *error = q.lastError().text();
                return false;
            }
            QHash<QString, std::pair<qint64, QByteArray>> anchors;
            QStringList due;
            int seen = 0;
            while (q.next()) {
                ++seen;
                afterId = q.value(0).toLongLong();
                const bool old = q.value(1).toLongLong() < cutoff;
                const QString chain = q.value(2).toString();
                if (q.value(2).isNull()) {
                    if (old)
                        due << QString::number(afterId);
                    continue;
                }
                if (!old || stopped.contains(chain)) {
                    stopped.insert(chain);
                    continue;
                }
                due << QString::number(afterId);
                anchors.insert(chain, {q.value(3).toLongLong(), q.value(4).toByteArray()});
            }
            q.finish();
            more = seen == kChunk && !due.isEmpty();
            if (due.isEmpty())
                return true;
            QSqlQuery del(m_db.db());
            if (!del.exec(u"DELETE FROM audit_log WHERE id IN ("_s + due.join(u',') + u')')) {
                *error = del.lastError().text();
                return false;
            }
            removed = del.numRowsAffected();
            for (auto it = anchors.cbegin(); it != anchors.cend(); ++it) {
                QSqlQuery anchor(m_db.db());
                anchor.prepare(u"UPDATE audit_chains SET anchor_seq = ?, anchor_hash = ? "
                               "WHERE chain_id = ? AND anchor_seq < ?"_s);
                anchor.addBindValue(it->first);
                anchor.addBindValue(it->second);
                anchor.addBindValue(it.key());
                anchor.addBindValue(it->first);
                if (!anchor.exec()) {
                    *error = anchor.lastError().text();
                    return false;
                }
            }
            return true;
        });
        if (!ok)
            return -1;
        total += removed;
        if (!more)
            return total;
    }
}

std::optional<RetentionReport> Retention::run(qint64 nowMs, QString *error)
{
    RetentionReport r;
    struct Step
    {
        qint64 *count;
        QString sql;
        qint64 cutoff;
    };
    const Step steps[] = {
        {&r.rawPayloads,
         u"DELETE FROM raw_payloads WHERE id IN (SELECT id FROM raw_payloads "
         "WHERE received_at < ? LIMIT ?)"_s,
         nowMs - qint64(m_policy.rawDays) * kDayMs},
        {&r.dedupKeys,
         u"DELETE FROM dedup_keys WHERE (tenant_id, key) IN (SELECT tenant_id, key "
         "FROM dedup_keys WHERE expires_at < ? LIMIT ?)"_s,
         nowMs},
        // Deleting the event removes its outbox row too (ON DELETE CASCADE).
        {&r.deliveredEvents,
         u"DELETE FROM events WHERE id IN (SELECT event_id FROM outbox "
         "WHERE state = 'delivered' AND finished_at < ? LIMIT ?)"_s,
         nowMs - qint64(m_policy.deliveredDays) * kDayMs},
        {&r.deadLetters,
         u"DELETE FROM events WHERE id IN (SELECT event_id FROM outbox "
         "WHERE state = 'dead' AND finished_at < ? LIMIT ?)"_s,
         nowMs - qint64(m_policy.auditDays) * kDayMs},
        // What the silence alert learns from (storage/SourceActivityRepository.h): minutes.
        {&r.activityMinutes,
         u"DELETE FROM source_activity WHERE (source, minute) IN (SELECT source, minute "
         "FROM source_activity WHERE minute < ? LIMIT ?)"_s,
         (nowMs - SourceActivityRepository::kKeptMs) / 60'000},
    };
    r.auditRows = deleteAuditRows(nowMs - qint64(m_policy.auditDays) * kDayMs, error);
    if (r.auditRows < 0)
        return std::nullopt;
    for (const Step &s : steps) {
        const qint64 n = deleteInChunks(s.sql, s.cutoff, error);
        if (n < 0)
            return std::nullopt;
        *s.count = n;
    }
    return r;
}

bool Retention::claimScheduledRun(qint64 nowMs, QString *error)
{
    bool claimed = false;
    const bool ok = m_db.inWriteTransaction(error, [&] {
        QSqlQuery ins(m_db.db());
        ins.prepare(u"INSERT INTO maintenance (job, next_run_at) VALUES (?, ?) "
                    "ON CONFLICT (job) DO NOTHING"_s);
        ins.addBindValue(kJob);
        ins.addBindValue(nowMs);
        if (!ins.exec()) {
            *error = ins.lastError().text();
            return false;
        }
        QSqlQuery q(m_db.db());
        q.prepare(u"UPDATE maintenance SET next_run_at = ? WHERE job = ? AND "
                  "(next_run_at IS NULL OR next_run_at <= ?)"_s);
        q.addBindValue(nowMs + m_policy.intervalMs);
        q.addBindValue(kJob);
        q.addBindValue(nowMs);
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        claimed = q.numRowsAffected() == 1;
        return true;
    });
    return ok && claimed;
}

bool Retention::recordRun(qint64 nowMs, const RetentionReport &report, QString *error)
{
    return m_db.inWriteTransaction(error, [&] {
        QSqlQuery q(m_db.db());
        q.prepare(u"INSERT INTO maintenance (job, last_run_at, next_run_at, detail) "
                  "VALUES (?, ?, ?, ?) ON CONFLICT (job) DO UPDATE SET "
                  "last_run_at = excluded.last_run_at, detail = excluded.detail"_s);
        q.addBindValue(kJob);
        q.addBindValue(nowMs);
        q.addBindValue(nowMs + m_policy.intervalMs);
        q.addBindValue(report.summary());
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
        return true;
    });
}

std::optional<RetentionSchedule> Retention::schedule(QString *error) const
{
    QSqlQuery q(m_db.db());
    q.prepare(u"SELECT last_run_at, next_run_at, detail FROM maintenance WHERE job = ?"_s);
    q.addBindValue(kJob);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    RetentionSchedule s;
    if (q.next()) {
        s.lastRunMs = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
        s.nextRunMs = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
        s.lastReport = q.value(2).toString();
    }
    return s;
}

} // namespace gerbang
