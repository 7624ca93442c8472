-- Study notes checks (学习笔记检查): who checked whose notes, when, for
-- which month or quarter, with the result. The study sessions are
-- meetings of the study types (meetings register).
CREATE TABLE notes_checks (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    checker_id BIGINT REFERENCES persons(id),
    checker_name TEXT NOT NULL,
    on_date TEXT NOT NULL,
    period TEXT NOT NULL,
    result TEXT NOT NULL,
    remark TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notes_checks_unit_idx ON notes_checks (unit_id, on_date);
CREATE INDEX notes_checks_person_idx ON notes_checks (person_id, period);
