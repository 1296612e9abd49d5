// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditBacklog.h"

#include "IngestStatements.h"
#include "WriterConnection.h"
#include "domain/Clock.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcBacklog, "gerbang.store")

namespace gerbang {
namespace {

constexpr size_t kMaxRows = 50000; // as many as the inbox holds
constexpr size_t kChunk = 1000;
constexpr qint64 kRetryMs = 5000;
constexpr int kMaxRowFailures = 3;

qint64 steadyMs()
{
    return monotonicNs() / 1'000'000;
}

} // namespace

void AuditBacklog::keep(std::vector<AuditRecord> &&audits)
{
    const size_t room = kMaxRows > m_rows.size() ? kMaxRows - m_rows.size() : 0;
    if (audits.size() > room)
        qCWarning(lcBacklog) << audits.size() - room
                             << "audit rows dropped: the store is unavailable";
    audits.resize(std::min(audits.size(), room));
    for (AuditRecord &a : audits)
        m_rows.push_back({std::move(a), 0});
}

bool AuditBacklog::due(bool committedNow, bool wroteNow, bool stopping) const
{
    if (m_rows.empty())
        return false;
    if (wroteNow)
        return committedNow;
    return !m_failing || steadyMs() >= m_retryAtMs || stopping;
}

void AuditBacklog::storeFailed()
{
    m_failing = true;
    m_retryAtMs = steadyMs() + kRetryMs;
}

void AuditBacklog::retry(WriterConnection &connection)
{
    // A chunk at a time, as one insert; if that fails, row by row under savepoints.
    const size_t n = std::min(m_rows.size(), kChunk);
    std::vector<bool> refused(n, false);
    QString error;
    QString rowError;
    const qint64 now = nowMs();
    Database &db = connection.db();
    const auto insertRows = [&](size_t from, size_t to, QString *e) {
        IngestRows rows;
        for (size_t i = from; i < to; ++i)
            rows.audits.push_back(m_rows[i].record);
        return connection.statements().insert(rows, now, e);
    };
    const bool ok = db.inWriteTransaction(&error, [&] {
        if (!connection.refreshStatements(&error))
            return false;
        QSqlQuery sp(db.db());
        if (!sp.exec(u"SAVEPOINT audits"_s)) {
            error = sp.lastError().text();
            return false;
        }
        QString chunkError;
        if (insertRows(0, n, &chunkError)) {
            if (sp.exec(u"RELEASE audits"_s))
                return true;
            error = sp.lastError().text();
            return false;
        }
        sp.exec(u"ROLLBACK TO audits"_s);
        for (size_t i = 0; i < n; ++i) {
            QString e;
            const qint64 startedMs = steadyMs();
            if (!insertRows(i, i + 1, &e)) {
                // A refusal after a wait is a lock timeout, not this row: stop here rather
                // than wait again for every row.
                if (steadyMs() - startedMs >= m_busyTimeoutMs / 2) {
                    error = e;
                    return false;
                }
                refused[i] = true;
                rowError = e;
                sp.exec(u"ROLLBACK TO audits"_s);
            }
            sp.exec(u"RELEASE audits"_s);
            if (i + 1 < n && !sp.exec(u"SAVEPOINT audits"_s)) {
                error = sp.lastError().text();
                return false;
            }
        }
        return true;
    });
    connection.releaseStale();
    if (!ok)
        return storeFailed();
    storeWorked();
    std::deque<Row> kept;
    size_t dropped = 0;
    for (size_t i = 0; i < n; ++i) {
        if (!refused[i])
            continue;
        Row r = std::move(m_rows[i]);
        if (++r.failures >= kMaxRowFailures) {
            ++dropped;
            continue;
        }
        kept.push_back(std::move(r));
    }
    if (dropped > 0)
        qCWarning(lcBacklog).nospace()
            << dropped << " audit row(s) dropped: the database refused them " << kMaxRowFailures
            << " times (" << rowError << ")";
    m_rows.erase(m_rows.begin(), m_rows.begin() + qsizetype(n));
    m_rows.insert(m_rows.end(), std::make_move_iterator(kept.begin()),
                  std::make_move_iterator(kept.end()));
}

} // namespace gerbang
