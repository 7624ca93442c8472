-- Party dues (党费): the branch's members with their kind, each year's
-- monthly base, and what was paid each month (imported from the branch's
-- sheet), amounts in fen.
CREATE TABLE dues_members (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    fixed BIGINT NOT NULL DEFAULT 0,
    joined TEXT NOT NULL DEFAULT '',
    left_month TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dues_members_unit_idx ON dues_members (unit_id, name);

CREATE TABLE dues_bases (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT NOT NULL REFERENCES dues_members(id),
    year INTEGER NOT NULL,
    base BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT dues_bases_key UNIQUE (member_id, year)
);

CREATE TABLE dues_payments (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT NOT NULL REFERENCES dues_members(id),
    month TEXT NOT NULL,
    paid BIGINT NOT NULL,
    paid_on TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT dues_payments_key UNIQUE (member_id, month)
);
CREATE INDEX dues_payments_unit_idx ON dues_payments (unit_id, month);
