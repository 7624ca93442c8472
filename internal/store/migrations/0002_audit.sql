-- The audit trail: an append-only, hash-chained log of every change to an
-- audited table (see internal/store/audit.go for what is hashed and how).
-- Written once for both dialects; times are UTC text (RFC 3339).
--
-- audit_log.id is not an identity column: the program assigns it as
-- audit_head.last_id + 1 in the writing transaction, so that ids are
-- gapless and the id itself is covered by the hash. {{KEY}} is a 64-bit
-- primary key the program assigns (in SQLite the rowid itself, which saves
-- a second b-tree on every append). The program never updates or deletes
-- a row of audit_log.
--
-- "before" and "after" are canonical JSON snapshots of the whole row
-- ('' for none: before of a create, after of a delete).

CREATE TABLE audit_log (
    id {{KEY}},
    unit_id BIGINT NOT NULL DEFAULT 0,
    at TEXT NOT NULL,
    actor_user_id BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL,
    actor_via TEXT NOT NULL DEFAULT '',
    actor_addr TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
-- id is part of the index so that "latest entry of a record" is answered
-- from the index alone, whatever the engine.
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);

-- The head of the chain: one row, updated in the same transaction as every
-- append. Its row lock serialises writers on PostgreSQL, and it lets audit
-- verify notice entries cut off the end of the log.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    last_id BIGINT NOT NULL,
    last_hash TEXT NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Settings get an id like every other audited table, so that one audit
-- mechanism (entity, entity_id) covers them; (unit_id, name) stays unique.
CREATE TABLE settings_v2 (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT settings_unit_name_key UNIQUE (unit_id, name)
);
INSERT INTO settings_v2 (unit_id, name, value) SELECT unit_id, name, value FROM settings ORDER BY unit_id, name;
DROP TABLE settings;
ALTER TABLE settings_v2 RENAME TO settings;
