// SPDX-License-Identifier: GPL-3.0-or-later
#include "WriterInbox.h"

#include "DedupKey.h"
#include "domain/Clock.h"

namespace gerbang {

bool WriterInbox::submit(IngestJob &&job)
{
    // On the caller's thread: the writer thread is the bottleneck.
    for (ExtractedEvent &e : job.events)
        e.dedupKey = storableDedupKey(e.dedupKey);
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping || m_queue.jobs.size() >= m_maxJobs)
            return false;
        m_queue.jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

bool WriterInbox::submitAudit(AuditRecord &&record)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.audits.size() >= m_maxAudits)
            return false;
        m_queue.audits.push_back(std::move(record));
    }
    m_wake.notify_one();
    return true;
}

bool WriterInbox::submitWork(std::shared_ptr<WorkItem> item)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_workAccepted)
            return false;
        m_queue.work.push_back(std::move(item));
    }
    m_wake.notify_one();
    return true;
}

void WriterInbox::requestProbe(quint64 id)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.probes.push_back(id);
    }
    m_wake.notify_one();
}

void WriterInbox::requestReload()
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.reload = true;
    }
    m_wake.notify_one();
}

int WriterInbox::pending() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.jobs.size());
}

void WriterInbox::acceptWork(bool accept)
{
    std::lock_guard lock(m_mutex);
    m_workAccepted = accept;
}

void WriterInbox::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
}

void WriterInbox::closeWork(const QString &error)
{
    std::lock_guard lock(m_mutex);
    m_workAccepted = false;
    for (const auto &item : m_queue.work) {
        item->error = error;
        item->done.set_value();
    }
    m_queue.work.clear();
}

bool WriterInbox::take(WriterBatch &batch, const StoreState &store, int pollMs, size_t maxJobs)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(pollMs), [&] {
        return m_stopping || !m_queue.jobs.empty() ||
               (!store.failing && (!m_queue.audits.empty() || store.backlog)) ||
               !m_queue.probes.empty() || !m_queue.work.empty() || m_queue.reload;
    });
    if (m_queue.jobs.size() <= maxJobs) {
        batch.jobs.swap(m_queue.jobs);
    } else {
        auto end = m_queue.jobs.begin() + qsizetype(maxJobs);
        batch.jobs.assign(std::make_move_iterator(m_queue.jobs.begin()),
                          std::make_move_iterator(end));
        m_queue.jobs.erase(m_queue.jobs.begin(), end);
    }
    // With requests or work, audit rows go along; alone, only when a failing store is due.
    if (!store.failing || !batch.jobs.empty() || !m_queue.work.empty() || m_stopping ||
        monotonicNs() / 1'000'000 >= store.retryAtMs)
        batch.audits.swap(m_queue.audits);
    batch.probes.swap(m_queue.probes);
    batch.work.swap(m_queue.work);
    batch.reload = std::exchange(m_queue.reload, false);
    return m_stopping && m_queue.jobs.empty() && m_queue.work.empty();
}

} // namespace gerbang
