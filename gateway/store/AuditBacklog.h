// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/AuditRecord.h"

#include <deque>
#include <vector>

namespace gerbang {

class WriterConnection;

// Audit rows whose commit failed (the store was down or refused them), written later apart
// from the requests' commits, and the store's health that decides when: a failing store is
// tried with audit rows alone only every few seconds, as each try may wait out the busy
// timeout. Bounded like the inbox: an outage must not grow memory without limit.
class AuditBacklog
{
public:
    explicit AuditBacklog(int busyTimeoutMs)
        : m_busyTimeoutMs(busyTimeoutMs)
    {
    }

    bool empty() const { return m_rows.empty(); }
    size_t size() const { return m_rows.size(); }
    void keep(std::vector<AuditRecord> &&audits);
    // Whether to try now: after a commit that worked, or once a failing store is due.
    bool due(bool committedNow, bool wroteNow, bool stopping) const;
    // Writes a chunk. A row the database refuses on its own (while the rest of its transaction
    // commits) is tried again a few times, then dropped with a warning, so one bad row never
    // fails every later batch.
    void retry(WriterConnection &connection);

    void storeFailed();
    void storeWorked() { m_failing = false; }
    bool storeFailing() const { return m_failing; }
    qint64 retryAtMs() const { return m_retryAtMs; } // steady clock

private:
    struct Row
    {
        AuditRecord record;
        int failures = 0; // refused on its own while the rest of its transaction committed
    };
    const int m_busyTimeoutMs;
    std::deque<Row> m_rows;
    bool m_failing = false;
    qint64 m_retryAtMs = 0;
};

} // namespace gerbang
