-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 8 (SQLite): who acknowledged which alert. An alert is its audit row
-- (outcome 'alert'), which never changes; its acknowledgement lives beside it and goes with it
-- when retention deletes the row. The partial index finds the alerts among millions of
-- request rows without touching the webhook path (it is written for alert rows only).
CREATE TABLE alert_acknowledgements (
    audit_id        INTEGER PRIMARY KEY REFERENCES audit_log (id) ON DELETE CASCADE,
    acknowledged_at INTEGER NOT NULL,
    acknowledged_by TEXT NOT NULL
);
CREATE INDEX audit_log_alerts ON audit_log (id) WHERE outcome = 'alert';
