-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 4 (SQLite): the outbox that hands accepted events to the core,
-- and the state of scheduled maintenance. An outbox row is written in the same transaction
-- that acknowledges its event, so an event answered 200 is always delivered eventually.
CREATE TABLE outbox (
    event_id        TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    tenant_id       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    -- A worker leases a row until claimed_until; another may take it over after that.
    claimed_by      TEXT,
    claimed_until   INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    finished_at     INTEGER
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_finished ON outbox (state, finished_at);
-- Events accepted before this version were never handed over: queue them now.
INSERT INTO outbox (event_id, tenant_id, created_at, next_attempt_at)
    SELECT id, tenant_id, received_at, received_at FROM events WHERE delivery_state = 'pending';

-- Last and next run of scheduled jobs (retention), so that every gateway and the console see
-- them, and several gateways sharing one database run a job once.
CREATE TABLE maintenance (
    job         TEXT PRIMARY KEY,
    last_run_at INTEGER,
    next_run_at INTEGER,
    detail      TEXT NOT NULL DEFAULT ''
);
