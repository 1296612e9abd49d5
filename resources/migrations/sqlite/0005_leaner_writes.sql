-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 5 (SQLite): fewer B-trees written by each acknowledgement. Every
-- B-tree an insert touches costs the commit one to three 4 KiB pages in the WAL (its last
-- leaf, a split, a parent), whatever the number of rows; bench/RESULTS.md has the counts.
--  * outbox: keyed by its event id alone (WITHOUT ROWID), not a rowid table plus an index on
--    the id; its index of finished rows no longer holds the pending rows, which are the ones
--    written at acknowledgement (retention's "finished_at < ?" implies "IS NOT NULL").
--  * audit_log: a plain INTEGER PRIMARY KEY. AUTOINCREMENT only kept ids of deleted newest
--    rows from coming back, and cost an update of sqlite_sequence on every insert. Retention
--    deletes the oldest rows, so ids still only grow.
CREATE TABLE outbox_v5 (
    event_id        TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
    tenant_id       TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    claimed_by      TEXT,
    claimed_until   INTEGER,
    last_status     INTEGER,
    last_error      TEXT,
    finished_at     INTEGER
) WITHOUT ROWID;
INSERT INTO outbox_v5 (event_id, tenant_id, state, attempts, created_at, next_attempt_at,
                       claimed_by, claimed_until, last_status, last_error, finished_at)
    SELECT event_id, tenant_id, state, attempts, created_at, next_attempt_at, claimed_by,
           claimed_until, last_status, last_error, finished_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_finished ON outbox (state, finished_at) WHERE finished_at IS NOT NULL;

CREATE TABLE audit_log_v5 (
    id               INTEGER PRIMARY KEY,
    received_at      INTEGER NOT NULL,
    source_ip        TEXT NOT NULL,
    method           TEXT NOT NULL,
    path             TEXT NOT NULL,
    provider         TEXT NOT NULL DEFAULT '',
    tenant           TEXT NOT NULL DEFAULT '',
    outcome          TEXT NOT NULL,
    signature_status TEXT NOT NULL,
    http_status      INTEGER NOT NULL,
    processing_us    INTEGER NOT NULL,
    body_size        INTEGER NOT NULL,
    raw_ref          TEXT,
    event_ids        TEXT NOT NULL DEFAULT '',
    event_types      TEXT NOT NULL DEFAULT '',
    detail           TEXT NOT NULL DEFAULT ''
);
INSERT INTO audit_log_v5 (id, received_at, source_ip, method, path, provider, tenant, outcome,
                          signature_status, http_status, processing_us, body_size, raw_ref,
                          event_ids, event_types, detail)
    SELECT id, received_at, source_ip, method, path, provider, tenant, outcome,
           signature_status, http_status, processing_us, body_size, raw_ref, event_ids,
           event_types, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_v5 RENAME TO audit_log;
CREATE INDEX audit_log_received ON audit_log (received_at);
