-- The roster (人员名册): the persons of a unit, whom records name by id,
-- never by matching names. A user account is linked to its person; a
-- measure's leader (责任领导) and owner (责任人) are persons when the
-- ledger's name finds one, the names staying as the ledger wrote them.
-- The hook of this migration (persons.go) enters the names already used.
CREATE TABLE persons (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX persons_unit_idx ON persons (unit_id, name);
ALTER TABLE users ADD COLUMN person_id BIGINT REFERENCES persons(id);
ALTER TABLE measures ADD COLUMN leader_id BIGINT REFERENCES persons(id);
ALTER TABLE measures ADD COLUMN owner_id BIGINT REFERENCES persons(id);
