-- The public site: published progress reports (snapshots) and the
-- public's opinions on them with the unit's answers.

CREATE TABLE publications (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    unit_name TEXT NOT NULL,
    title TEXT NOT NULL,
    as_of TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,
    problems TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    withdrawn_at TEXT NOT NULL DEFAULT '',
    withdrawn_by TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX publications_round_idx ON publications (round_id);
CREATE INDEX publications_unit_idx ON publications (unit_id);

CREATE TABLE opinions (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    publication_id BIGINT NOT NULL REFERENCES publications(id),
    problem_id BIGINT NOT NULL DEFAULT 0,
    problem TEXT NOT NULL DEFAULT '',
    ref TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee_id BIGINT REFERENCES users(id),
    answer TEXT NOT NULL DEFAULT '',
    answer_published INTEGER NOT NULL DEFAULT 0,
    answered_at TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT opinions_ref_key UNIQUE (ref)
);
CREATE INDEX opinions_publication_idx ON opinions (publication_id);
CREATE INDEX opinions_unit_idx ON opinions (unit_id, status);
