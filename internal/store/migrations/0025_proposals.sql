-- Proposals (提案) of a CPPCC committee from submission to archive: the
-- proposal, its signers, the handling units it was assigned to, their
-- replies and the office's review, the signers' feedback forms, the dated
-- timeline and the archive's files.
CREATE TABLE proposals (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    session TEXT NOT NULL DEFAULT '',
    year INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'member',
    submitter TEXT NOT NULL DEFAULT '',
    timing TEXT NOT NULL DEFAULT 'session',
    status TEXT NOT NULL,
    submitted_on TEXT NOT NULL DEFAULT '',
    reviewed_on TEXT NOT NULL DEFAULT '',
    ground TEXT NOT NULL DEFAULT '',
    merged_into BIGINT REFERENCES proposals(id),
    converted_to TEXT NOT NULL DEFAULT '',
    consent_on TEXT NOT NULL DEFAULT '',
    assigned_on TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    extended_to TEXT NOT NULL DEFAULT '',
    extend_reason TEXT NOT NULL DEFAULT '',
    is_key INTEGER NOT NULL DEFAULT 0,
    key_leader TEXT NOT NULL DEFAULT '',
    key_leader_id BIGINT REFERENCES persons(id),
    class TEXT NOT NULL DEFAULT '',
    done_on TEXT NOT NULL DEFAULT '',
    public INTEGER NOT NULL DEFAULT 1,
    not_public_reason TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposals_unit_idx ON proposals (unit_id, year, status);
CREATE INDEX proposals_session_idx ON proposals (unit_id, session);

CREATE TABLE proposal_signers (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    seq INTEGER NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    invited_on TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    confirmed_on TEXT NOT NULL DEFAULT '',
    declined_on TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT proposal_signers_key UNIQUE (proposal_id, seq)
);
CREATE INDEX proposal_signers_person_idx ON proposal_signers (unit_id, person_id);

CREATE TABLE proposal_assignments (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    handler_unit_id BIGINT REFERENCES units(id),
    handler TEXT NOT NULL,
    role TEXT NOT NULL,
    assigned_on TEXT NOT NULL,
    returned_on TEXT NOT NULL DEFAULT '',
    return_reason TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX proposal_assignments_proposal_idx ON proposal_assignments (proposal_id);
CREATE INDEX proposal_assignments_handler_idx ON proposal_assignments (handler_unit_id);

CREATE TABLE proposal_replies (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    assignment_id BIGINT REFERENCES proposal_assignments(id),
    round INTEGER NOT NULL DEFAULT 1,
    co_view INTEGER NOT NULL DEFAULT 0,
    replied_on TEXT NOT NULL,
    class TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    letter_sha256 TEXT NOT NULL DEFAULT '',
    letter_name TEXT NOT NULL DEFAULT '',
    reviewed_on TEXT NOT NULL DEFAULT '',
    approved INTEGER NOT NULL DEFAULT 0,
    return_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX proposal_replies_proposal_idx ON proposal_replies (proposal_id, round);

CREATE TABLE proposal_feedback (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    round INTEGER NOT NULL DEFAULT 1,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    result TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '',
    returned_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX proposal_feedback_proposal_idx ON proposal_feedback (proposal_id, round);

CREATE TABLE proposal_events (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    at TEXT NOT NULL,
    on_date TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_events_proposal_idx ON proposal_events (proposal_id, at);

CREATE TABLE proposal_documents (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    proposal_id BIGINT NOT NULL REFERENCES proposals(id),
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    on_date TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposal_documents_proposal_idx ON proposal_documents (proposal_id, kind);

-- An import of a proposals' list (Excel): the audited record of the file,
-- the proposals it wrote carry an 'import' event naming it.
CREATE TABLE proposal_imports (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    sessions TEXT NOT NULL DEFAULT '',
    proposals INTEGER NOT NULL DEFAULT 0,
    imported_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX proposal_imports_unit_idx ON proposal_imports (unit_id, created_at);
