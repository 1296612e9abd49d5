-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 11 (PostgreSQL): the alerts raised and not yet resolved, so that a
-- restart does not raise a lasting condition again, and so that gateways sharing a database
-- raise a condition of the whole fleet (a silent source, the outbox's backlog, dead letters)
-- once, not once each. A row exists while its alert is raised; raising, reminding and
-- resolving are conditional writes, and only the gateway whose write took effect says it.
-- scope: '' for a condition of the fleet, else the id of the gateway it belongs to (its
-- certificate, its disk).
CREATE TABLE alert_conditions (
    kind       TEXT NOT NULL,    -- the alert kind's wire name
    scope      TEXT NOT NULL,
    subject    TEXT NOT NULL,    -- what it is about: a source, a certificate file, '' for none
    level      INTEGER NOT NULL, -- a certificate is raised at 14 days (1), again at 3 (2)
    raised_at  BIGINT NOT NULL,  -- the last raise or reminder, Unix ms
    value      BIGINT NOT NULL,  -- the alert's value then (dead letters remind when it grew)
    PRIMARY KEY (kind, scope, subject)
);
