-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 10 (PostgreSQL): how many verified requests each source sent, per minute,
-- summed over every gateway that shares the database. The silence alert learns each source's
-- rhythm from it (its usual longest gap at each hour of the week) and notices when a source
-- that usually sends has gone quiet. Written in the background about twice a minute, never on
-- the webhook path; retention keeps five weeks.
CREATE TABLE source_activity (
    source   TEXT NOT NULL,
    minute   BIGINT NOT NULL, -- Unix time in minutes
    requests BIGINT NOT NULL,
    PRIMARY KEY (source, minute)
);
