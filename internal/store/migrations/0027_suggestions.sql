-- Micro-suggestions (微建议) and 社情民意信息, with adoption and leaders'
-- instructions.
CREATE TABLE suggestions (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT REFERENCES cppcc_members(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    via TEXT NOT NULL DEFAULT 'paper',
    title TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL,
    adopted TEXT NOT NULL DEFAULT '',
    adopted_on TEXT NOT NULL DEFAULT '',
    adopted_by TEXT NOT NULL DEFAULT '',
    instruction TEXT NOT NULL DEFAULT '',
    instructed_by TEXT NOT NULL DEFAULT '',
    instructed_on TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX suggestions_unit_idx ON suggestions (unit_id, on_date);
CREATE INDEX suggestions_member_idx ON suggestions (member_id, on_date);
