-- Private travel documents (因私出国(境)证照): one line of the ledger per
-- person in scope, his documents, trips and the documents' moves held in
-- detail as JSON (the line is the record, its history shows them).
CREATE TABLE travel_persons (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    scope_from TEXT NOT NULL,
    by_hand INTEGER NOT NULL DEFAULT 0,
    registered_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX travel_persons_unit_idx ON travel_persons (unit_id, name);
