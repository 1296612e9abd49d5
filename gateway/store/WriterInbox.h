// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IngestJob.h"

#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

namespace gerbang {

class Database;

// Work another component runs on the writer's connection, inside a group commit.
struct WorkItem
{
    std::function<bool(Database &db, QString *error)> work;
    bool ok = false;
    QString error;
    std::promise<void> done;
};

// Everything the writer takes in one round.
struct WriterBatch
{
    std::vector<IngestJob> jobs;
    std::vector<AuditRecord> audits;
    std::vector<quint64> probes;
    std::vector<std::shared_ptr<WorkItem>> work;
    bool reload = false;
};

// The store writer's only door from other threads: requests, audit rows, readiness probes,
// work items and reload requests wait here until the writer thread takes them as one batch.
// Bounded: under a flood, producers are refused rather than memory growing.
class WriterInbox
{
public:
    WriterInbox(size_t maxJobs, size_t maxAudits)
        : m_maxJobs(maxJobs)
        , m_maxAudits(maxAudits)
    {
    }

    bool submit(IngestJob &&job);
    bool submitAudit(AuditRecord &&record);
    // False when the writer is not running (not started yet, or its loop has ended).
    bool submitWork(std::shared_ptr<WorkItem> item);
    void requestProbe(quint64 id);
    void requestReload();
    int pending() const;

    // Lifecycle, from the writer's owner and thread.
    void acceptWork(bool accept);
    void stop();
    // Fails every waiting work item with `error` and refuses new ones.
    void closeWork(const QString &error);

    // What the writer knows about its store when it waits: while the store fails, audit rows
    // alone do not wake it (each try may wait out the busy timeout), but requests do.
    struct StoreState
    {
        bool failing = false;
        bool backlog = false; // audit rows of failed commits wait to be written
        qint64 retryAtMs = 0; // steady clock: when audit rows alone may be tried again
    };
    // On the writer thread: waits up to `pollMs` for something to do and takes it (at most
    // `maxJobs` requests, so one transaction stays short). True when the writer should stop
    // after this batch.
    bool take(WriterBatch &batch, const StoreState &store, int pollMs, size_t maxJobs);

private:
    const size_t m_maxJobs;
    const size_t m_maxAudits;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    WriterBatch m_queue;
    bool m_stopping = false;
    bool m_workAccepted = false;
};

} // namespace gerbang
