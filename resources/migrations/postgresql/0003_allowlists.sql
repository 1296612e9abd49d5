-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 3 (PostgreSQL): the twin of sqlite/0003_allowlists.sql. IP
-- allowlists kept in the database, so that gerbangctl (and the console) can change them while
-- the engine runs, and per-source body limits.
CREATE TABLE allowlist_entries (
    scope      TEXT NOT NULL, -- '*' for every route, else a source name ('whatsapp', 'whatsapp:APP', …)
    network    TEXT NOT NULL, -- CIDR, normalised
    created_at BIGINT NOT NULL,
    PRIMARY KEY (scope, network)
);

ALTER TABLE sources ADD COLUMN body_limit BIGINT;
