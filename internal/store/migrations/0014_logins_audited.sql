-- Sessions get an id, so that the login that creates one is written to the
-- audit log (entity sessions, the session's id; its id_hash kept there only
-- as a hash, like every secret), and a session no login created, inserted
-- behind the program's back, is found by audit verify and refused at sign-in.
-- The sessions open before this version had no such entry: they are ended,
-- and people sign in again.
DROP TABLE sessions;
CREATE TABLE sessions (
    id {{ID}},
    id_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    addr TEXT NOT NULL DEFAULT '',
    CONSTRAINT sessions_id_hash_key UNIQUE (id_hash)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- A unit's evidence storage, each distinct file once, read from the index
-- alone before every upload (its quota).
CREATE INDEX attachments_unit_idx ON attachments (unit_id, sha256, size);
