-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 7 (SQLite): the fleet. Every gateway writes its heartbeat row every few
-- seconds (and a last one, with stopped_at, when it stops), so that on a shared database each
-- one can list them all and tell which stopped answering. The id is kept in the gateway's data
-- directory (gateway-id), so a restart updates the same row.
CREATE TABLE gateways (
    id           TEXT PRIMARY KEY,
    host         TEXT NOT NULL,
    version      TEXT NOT NULL,
    webhook_url  TEXT NOT NULL,
    admin_url    TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    stopped_at   INTEGER,
    summary      TEXT NOT NULL DEFAULT '{}'
);
