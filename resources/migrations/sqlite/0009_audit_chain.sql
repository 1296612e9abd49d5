-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 9 (SQLite): the audit log as evidence (README "The audit log as
-- evidence", docs/audit-chain.md). Every row joins its writer's hash chain; the chains' heads
-- and their signed checkpoints have tables of their own. The client's User-Agent is kept.
ALTER TABLE audit_log ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN chain_id TEXT;
ALTER TABLE audit_log ADD COLUMN chain_seq INTEGER;
ALTER TABLE audit_log ADD COLUMN row_hash BLOB;

-- One row per chain: the first seq still stored follows anchor (genesis, or the last row that
-- retention deleted), and head is the last row written, moved in the rows' transaction.
CREATE TABLE audit_chains (
    chain_id    TEXT PRIMARY KEY,
    created_at  INTEGER NOT NULL,
    anchor_seq  INTEGER NOT NULL,
    anchor_hash BLOB NOT NULL,
    head_seq    INTEGER NOT NULL,
    head_hash   BLOB NOT NULL
);

-- A chain's head signed with the installation's Ed25519 key (audit/AuditCheckpoints.h).
CREATE TABLE audit_checkpoints (
    id         INTEGER PRIMARY KEY,
    chain_id   TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    head_hash  BLOB NOT NULL,
    signed_at  INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('interval', 'shutdown', 'legacy', 'on_demand')),
    public_key TEXT NOT NULL,
    signature  BLOB NOT NULL
);
CREATE INDEX audit_checkpoints_chain ON audit_checkpoints (chain_id, seq);

-- Rows written before this version: numbered on the chain "legacy" in id order; the migration
-- hashes them (auditchain::sealLegacy) and the gateway signs that head at its next start.
UPDATE audit_log SET chain_id = 'legacy', chain_seq = numbered.n
    FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM audit_log) AS numbered
    WHERE numbered.id = audit_log.id;
