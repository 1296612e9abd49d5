-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 3 (SQLite): IP allowlists kept in the database, so that gerbangctl
-- (and the console) can change them while the engine runs, and per-source body limits.
CREATE TABLE allowlist_entries (
    scope      TEXT NOT NULL, -- '*' for every route, else a source name ('whatsapp', 'whatsapp:APP', …)
    network    TEXT NOT NULL, -- CIDR, normalised
    created_at INTEGER NOT NULL,
    PRIMARY KEY (scope, network)
);

ALTER TABLE sources ADD COLUMN body_limit INTEGER;
