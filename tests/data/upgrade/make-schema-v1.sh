#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Recreates gerbang-schema-v1.sqlite: a database as Gerbang 0.1 with schema version 1 left it
# (migration 0001 only, WAL mode), with two tenants, their WhatsApp routes, one event and its
# audit row. Used by tests/ctl/tst_upgrade.cpp. Needs the sqlite3 command-line tool.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
out=$here/gerbang-schema-v1.sqlite
rm -f "$out" "$out-wal" "$out-shm"
{
    cat "$here/../../../resources/migrations/sqlite/0001_initial.sql"
    cat <<'SQL'
PRAGMA user_version = 1;
INSERT INTO tenants (id, name, enabled, created_at, updated_at)
    VALUES ('firm-a', 'Firma Hukum A', 1, 1767225600000, 1767225600000),
           ('firm-b', 'Firma Hukum B', 0, 1767225601000, 1767225601000);
INSERT INTO tenant_routes (kind, value, tenant_id)
    VALUES ('waba', '100000000000001', 'firm-a'),
           ('phone_number_id', '200000000000001', 'firm-a'),
           ('waba', '100000000000002', 'firm-b');
INSERT INTO events (id, tenant_id, provider, type, provider_event_id, dedup_key, raw_ref,
                    locator, received_at, occurred_at, routing_key, delivery_state)
    VALUES ('evt-upgrade-0001', 'firm-a', 'whatsapp', 'message.text',
            'wamid.UPGRADE-FIXTURE-0001', 'wamid.UPGRADE-FIXTURE-0001', NULL,
            '/entry/0/changes/0/value/messages/0', 1767225602000, 1767225600000,
            '100000000000001', 'pending');
INSERT INTO audit_log (received_at, source_ip, method, path, provider, tenant, outcome,
                       signature_status, http_status, processing_us, body_size, raw_ref,
                       event_ids, event_types, detail)
    VALUES (1767225602000, '203.0.113.7', 'POST', '/whatsapp/webhook', 'whatsapp', 'firm-a',
            'accepted', 'valid', 200, 850, 1024, NULL, 'evt-upgrade-0001', 'message.text', '');
PRAGMA journal_mode = WAL;
SQL
} | sqlite3 "$out" >/dev/null
echo "wrote $out (schema version $(sqlite3 "$out" 'PRAGMA user_version'))"
