-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 5 (PostgreSQL): the outbox's index of finished rows no longer holds
-- the pending rows, which are the ones written at acknowledgement (retention's
-- "finished_at < $1" implies "IS NOT NULL"). The SQLite version also rebuilds two tables;
-- PostgreSQL's have no equivalent cost.
DROP INDEX outbox_finished;
CREATE INDEX outbox_finished ON outbox (state, finished_at) WHERE finished_at IS NOT NULL;
