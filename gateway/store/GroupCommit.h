// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "WriterInbox.h"

#include <QList>
#include <vector>

namespace gerbang {

class WriterConnection;
struct IngestRows;

// The hot path: one transaction for every request that arrived while the previous one ran,
// so a durable fsync is shared by all of them. Dedup claims, raw payloads, events, outbox
// rows and audit rows of the batch, plus the work items under savepoints.
class GroupCommit
{
public:
    GroupCommit(WriterConnection &connection, QString keyIdHex, qint64 dedupTtlMs)
        : m_connection(connection)
        , m_keyIdHex(std::move(keyIdHex))
        , m_dedupTtlMs(dedupTtlMs)
    {
    }

    struct Result
    {
        bool ok = false;
        QString error;
        QList<CommitResult> results; // one per request, in the batch's order
        // When the commit failed: the requests' audit rows (as store_failed) and the batch's
        // other audit rows, to be written later on their own.
        std::vector<AuditRecord> unwritten;
    };
    // Completes each work item (done) whatever happens.
    Result commit(WriterBatch &batch);

private:
    bool writeJobs(WriterBatch &batch, QList<CommitResult> &results, qint64 nowMs, QString *error);
    // Adds one request's rows (its fresh events; its audit row in any case) and completes its
    // audit record. fresh[firstClaim + i] tells whether job.events[i] is new.
    CommitResult stageJob(IngestJob &job, const std::vector<bool> &fresh, size_t firstClaim,
                          IngestRows &rows);
    QString stageEvent(IngestJob &job, const ExtractedEvent &e, IngestRows &rows);
    void runWork(WriterBatch &batch);

    WriterConnection &m_connection;
    const QString m_keyIdHex; // of the vault's current key, stored with every raw payload
    const qint64 m_dedupTtlMs;
};

} // namespace gerbang
