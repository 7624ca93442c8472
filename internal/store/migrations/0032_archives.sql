-- Archives (档案): the kinds of file a unit keeps with the documents each
-- must hold (a unit's own; the defaults of the code stand for those it
-- never saved), its files (卷) and the documents filed in each slot,
-- uploaded to the evidence store or recorded as paper originals.
CREATE TABLE archive_kinds (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- the documents, one a line
    documents TEXT NOT NULL DEFAULT '',
    yearly INTEGER NOT NULL DEFAULT 0,
    per_holder INTEGER NOT NULL DEFAULT 0,
    holders TEXT NOT NULL DEFAULT '',
    since INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX archive_kinds_unit_idx ON archive_kinds (unit_id, code);

CREATE TABLE archive_files (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    holder TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    event_on TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX archive_files_unit_idx ON archive_files (unit_id, kind, year);

CREATE TABLE archive_documents (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_id BIGINT NOT NULL REFERENCES archive_files(id),
    slot TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    size BIGINT NOT NULL DEFAULT 0,
    content_type TEXT NOT NULL DEFAULT '',
    paper INTEGER NOT NULL DEFAULT 0,
    place TEXT NOT NULL DEFAULT '',
    checked_by TEXT NOT NULL DEFAULT '',
    checked_on TEXT NOT NULL DEFAULT '',
    defect TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX archive_documents_file_idx ON archive_documents (file_id, slot);
