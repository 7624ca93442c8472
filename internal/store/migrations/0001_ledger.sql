-- The rectification ledger. Written once for both dialects: {{ID}} is the
-- identity column, dates are ISO text (YYYY-MM-DD, '' when unset), times
-- are UTC text (RFC 3339), money would be integer fen.

CREATE TABLE units (
    id {{ID}},
    parent_id BIGINT REFERENCES units(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CONSTRAINT units_name_key UNIQUE (name)
);

CREATE TABLE settings (
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (unit_id, name)
);

CREATE TABLE rounds (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    inspector TEXT NOT NULL,
    kind TEXT NOT NULL,
    onsite_start TEXT NOT NULL DEFAULT '',
    onsite_end TEXT NOT NULL DEFAULT '',
    feedback_date TEXT NOT NULL DEFAULT '',
    declared_as_of TEXT NOT NULL DEFAULT '',
    declared_categories INTEGER NOT NULL DEFAULT 0,
    declared_problems INTEGER NOT NULL DEFAULT 0,
    declared_completed INTEGER NOT NULL DEFAULT 0,
    declared_basically_completed INTEGER NOT NULL DEFAULT 0,
    declared_in_progress INTEGER NOT NULL DEFAULT 0,
    declared_not_completed INTEGER NOT NULL DEFAULT 0,
    declared_rate_percent INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX rounds_unit_idx ON rounds (unit_id);

CREATE TABLE categories (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT categories_seq_key UNIQUE (round_id, seq)
);

CREATE TABLE problems (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    category_id BIGINT NOT NULL REFERENCES categories(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    rectification TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT problems_seq_key UNIQUE (round_id, seq)
);
CREATE INDEX problems_category_idx ON problems (category_id);

CREATE TABLE measures (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    problem_id BIGINT NOT NULL REFERENCES problems(id),
    seq INTEGER NOT NULL,
    content TEXT NOT NULL,
    leader TEXT NOT NULL DEFAULT '',
    office TEXT NOT NULL DEFAULT '',
    owner TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT measures_seq_key UNIQUE (problem_id, seq)
);
CREATE INDEX measures_round_idx ON measures (round_id);

CREATE TABLE progress (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    day TEXT NOT NULL,
    content TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX progress_measure_idx ON progress (measure_id);
CREATE INDEX progress_round_idx ON progress (round_id);

CREATE TABLE attachments (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    progress_id BIGINT NOT NULL REFERENCES progress(id),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX attachments_progress_idx ON attachments (progress_id);
