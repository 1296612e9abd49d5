-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 2 (PostgreSQL): the twin of sqlite/0002_sources.sql. Sources for the
-- payment providers and generic senders, and scheduled retirement of a rotated-out secret.
CREATE TABLE sources (
    name           TEXT PRIMARY KEY,
    provider       TEXT NOT NULL
                   CHECK (provider IN ('stripe', 'midtrans', 'xendit', 'generic', 'standard')),
    tenant_id      TEXT REFERENCES tenants (id) ON DELETE CASCADE,
    tolerance_s    INTEGER,
    dedup_field    TEXT,
    failure_status INTEGER NOT NULL DEFAULT 401,
    enabled        INTEGER NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    CHECK (tenant_id IS NOT NULL OR provider IN ('generic', 'standard'))
);
-- Stripe, Midtrans and Xendit routes carry the tenant id: one source per tenant and provider.
CREATE UNIQUE INDEX sources_provider_tenant ON sources (provider, tenant_id)
    WHERE provider IN ('stripe', 'midtrans', 'xendit');

-- When a previous secret stops being accepted (NULL: until retired explicitly).
ALTER TABLE secrets ADD COLUMN retire_at BIGINT;
