-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 1 (SQLite). Times are Unix milliseconds, UTC.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('config_revision', '1');

CREATE TABLE tenants (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

-- WhatsApp routing keys: a WABA ID or a phone number ID belongs to one tenant only.
CREATE TABLE tenant_routes (
    kind      TEXT NOT NULL CHECK (kind IN ('waba', 'phone_number_id')),
    value     TEXT NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    PRIMARY KEY (kind, value)
);
CREATE INDEX tenant_routes_tenant ON tenant_routes (tenant_id);

-- Secrets sealed with the master key; `previous` is still accepted during a rotation.
CREATE TABLE secrets (
    name        TEXT NOT NULL,
    slot        TEXT NOT NULL CHECK (slot IN ('current', 'previous')),
    ciphertext  BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (name, slot)
);

-- Raw request bodies, AES-256-GCM sealed (see Vault.h for the record layout).
CREATE TABLE raw_payloads (
    id          TEXT PRIMARY KEY,
    received_at INTEGER NOT NULL,
    key_id      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    ciphertext  BLOB NOT NULL
);
CREATE INDEX raw_payloads_received ON raw_payloads (received_at);

-- One row per provider event. No message content: `locator` is a JSON pointer into the raw
-- payload where the event's object lives.
CREATE TABLE events (
    id                TEXT PRIMARY KEY,
    tenant_id         TEXT NOT NULL,
    provider          TEXT NOT NULL,
    type              TEXT NOT NULL,
    provider_event_id TEXT,
    dedup_key         TEXT NOT NULL,
    raw_ref           TEXT REFERENCES raw_payloads (id) ON DELETE SET NULL,
    locator           TEXT,
    received_at       INTEGER NOT NULL,
    occurred_at       INTEGER,
    routing_key       TEXT,
    delivery_state    TEXT NOT NULL DEFAULT 'pending'
);
CREATE INDEX events_received ON events (received_at);
CREATE INDEX events_tenant ON events (tenant_id, received_at);
CREATE INDEX events_raw_ref ON events (raw_ref);

-- Provider retries are recognised by (tenant, key) until expires_at.
CREATE TABLE dedup_keys (
    tenant_id  TEXT NOT NULL,
    key        TEXT NOT NULL,
    seen_at    INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, key)
) WITHOUT ROWID;
CREATE INDEX dedup_keys_expiry ON dedup_keys (expires_at);

-- One row per request. Never a secret, an expected signature or payload content.
CREATE TABLE audit_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX audit_log_received ON audit_log (received_at);
