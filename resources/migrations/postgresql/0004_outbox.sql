-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 4 (PostgreSQL): see the SQLite twin for the meaning of each column.
CREATE TABLE outbox (
    event_id        TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    tenant_id       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    claimed_by      TEXT,
    claimed_until   BIGINT,
    last_status     INTEGER,
    last_error      TEXT,
    finished_at     BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_finished ON outbox (state, finished_at);
-- Events accepted before this version were never handed over: queue them now.
INSERT INTO outbox (event_id, tenant_id, created_at, next_attempt_at)
    SELECT id, tenant_id, received_at, received_at FROM events WHERE delivery_state = 'pending';

CREATE TABLE maintenance (
    job         TEXT PRIMARY KEY,
    last_run_at BIGINT,
    next_run_at BIGINT,
    detail      TEXT NOT NULL DEFAULT ''
);
