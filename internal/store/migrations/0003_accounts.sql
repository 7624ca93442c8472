-- Accounts: users with a role in one unit, server-side sessions, API tokens.
-- Secrets are never stored: passwords as argon2id hashes, session IDs and
-- tokens as their SHA-256.

CREATE TABLE users (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    CONSTRAINT users_name_key UNIQUE (name)
);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE tokens (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT tokens_hash_key UNIQUE (token_hash)
);
