-- SPDX-License-Identifier: GPL-3.0-or-later
-- Gerbang schema version 6 (PostgreSQL): tokens of the admin API. Only the SHA-256 of a token
-- is kept; the token itself is shown once, when it is created. Revoking deletes the row and
-- moves the configuration revision, so every gateway of the database drops it within a second.
CREATE TABLE admin_tokens (
    name          TEXT PRIMARY KEY,
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    token_sha256  TEXT NOT NULL UNIQUE,
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL,
    expires_at    BIGINT,
    last_used_at  BIGINT
);
