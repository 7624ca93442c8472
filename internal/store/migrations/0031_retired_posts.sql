-- Retired cadres' posts and re-employment (退休干部兼职/返聘).
CREATE TABLE retired_posts (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    born TEXT NOT NULL,
    former_rank TEXT NOT NULL DEFAULT '',
    retired_on TEXT NOT NULL DEFAULT '',
    org TEXT NOT NULL,
    post TEXT NOT NULL,
    kind TEXT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    approved_on TEXT NOT NULL DEFAULT '',
    filed_on TEXT NOT NULL DEFAULT '',
    filing_no TEXT NOT NULL DEFAULT '',
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL DEFAULT '',
    term INTEGER NOT NULL DEFAULT 1,
    pay BIGINT NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX retired_posts_unit_idx ON retired_posts (unit_id, name, from_date);
