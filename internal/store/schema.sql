-- The schema the migrations in migrations/ make on SQLite, as the database
-- holds it once all have run. Written by TestSchemaFile; do not edit:
-- after a new migration, go test ./internal/store -run Schema -update.
-- Tables in the order the migrations first create them, each with its
-- columns and constraints, then its indexes and triggers.

CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id BIGINT REFERENCES units(id),
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    full_name TEXT NOT NULL DEFAULT '',
    aliases TEXT NOT NULL DEFAULT '',
    CONSTRAINT units_name_key UNIQUE (name)
);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT settings_unit_name_key UNIQUE (unit_id, name)
);

CREATE TABLE rounds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    updated_at TEXT NOT NULL,
    report_leading_group TEXT NOT NULL DEFAULT '',
    report_work TEXT NOT NULL DEFAULT '',
    report_follow_up TEXT NOT NULL DEFAULT '',
    report_title TEXT NOT NULL DEFAULT '',
    report_signature TEXT NOT NULL DEFAULT '',
    report_signed TEXT NOT NULL DEFAULT '',
    declared_measures INTEGER NOT NULL DEFAULT 0,
    declared_rules INTEGER NOT NULL DEFAULT 0,
    declared_refunded_fen BIGINT NOT NULL DEFAULT 0,
    declared_recovered_fen BIGINT NOT NULL DEFAULT 0,
    declared_saved_fen BIGINT NOT NULL DEFAULT 0,
    declared_talks INTEGER NOT NULL DEFAULT 0,
    declared_organisational INTEGER NOT NULL DEFAULT 0,
    declared_disciplinary INTEGER NOT NULL DEFAULT 0,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rounds_feedback_idx ON rounds (feedback_date, id);
CREATE INDEX rounds_unit_idx ON rounds (unit_id);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT '',
    CONSTRAINT categories_seq_key UNIQUE (round_id, seq)
);

CREATE TABLE problems (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    category_id BIGINT NOT NULL REFERENCES categories(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    rectification TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    withheld INTEGER NOT NULL DEFAULT 0,
    withheld_reason TEXT NOT NULL DEFAULT '',
    close_state TEXT NOT NULL DEFAULT '',
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT '',
    recorded_status TEXT NOT NULL DEFAULT '',
    recorded_source TEXT NOT NULL DEFAULT '',
    CONSTRAINT problems_seq_key UNIQUE (round_id, seq)
);
CREATE INDEX problems_category_idx ON problems (category_id);
CREATE INDEX problems_round_idx ON problems (round_id, seq);
CREATE INDEX problems_submitted_idx ON problems (round_id) WHERE close_state = 'submitted';

CREATE TABLE measures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    close_state TEXT NOT NULL DEFAULT '',
    mechanism TEXT NOT NULL DEFAULT '',
    report_every INTEGER NOT NULL DEFAULT 0,
    rule_names TEXT NOT NULL DEFAULT '',
    refunded_fen BIGINT NOT NULL DEFAULT 0,
    recovered_fen BIGINT NOT NULL DEFAULT 0,
    saved_fen BIGINT NOT NULL DEFAULT 0,
    talks INTEGER NOT NULL DEFAULT 0,
    organisational INTEGER NOT NULL DEFAULT 0,
    disciplinary INTEGER NOT NULL DEFAULT 0,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT '',
    leader_id BIGINT REFERENCES persons(id),
    owner_id BIGINT REFERENCES persons(id),
    proof_rules TEXT NOT NULL DEFAULT '',
    CONSTRAINT measures_seq_key UNIQUE (problem_id, seq)
);
CREATE INDEX measures_due_idx ON measures (deadline, round_id, unit_id, status, close_state) WHERE status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> '';
CREATE INDEX measures_ongoing_idx ON measures (round_id) WHERE status = 'ongoing' AND report_every > 0;
CREATE INDEX measures_open_idx ON measures (round_id, deadline, unit_id, close_state) WHERE status NOT IN ('completed', 'ongoing');
CREATE INDEX measures_round_idx ON measures (round_id, problem_id, seq);

CREATE TABLE progress (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    day TEXT NOT NULL,
    content TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX progress_measure_idx ON progress (measure_id, day);
CREATE INDEX progress_round_idx ON progress (round_id);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    progress_id BIGINT NOT NULL REFERENCES progress(id),
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX attachments_progress_idx ON attachments (progress_id);
CREATE INDEX attachments_unit_idx ON attachments (unit_id, sha256, size);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    unit_id BIGINT NOT NULL DEFAULT 0,
    at TEXT NOT NULL,
    actor_user_id BIGINT NOT NULL DEFAULT 0,
    actor_name TEXT NOT NULL,
    actor_via TEXT NOT NULL DEFAULT '',
    actor_addr TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);

CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY,
    last_id BIGINT NOT NULL,
    last_hash TEXT NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    principal INTEGER NOT NULL DEFAULT 0,
    person_name TEXT,
    must_change INTEGER NOT NULL DEFAULT 0,
    person_id BIGINT REFERENCES persons(id),
    CONSTRAINT users_name_key UNIQUE (name)
);
CREATE UNIQUE INDEX users_person_key ON users (unit_id, person_name);
CREATE INDEX users_unit_idx ON users (unit_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    id_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    addr TEXT NOT NULL DEFAULT '',
    CONSTRAINT sessions_id_hash_key UNIQUE (id_hash)
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT tokens_hash_key UNIQUE (token_hash)
);

CREATE TABLE close_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    round_id BIGINT NOT NULL REFERENCES rounds(id),
    problem_id BIGINT NOT NULL REFERENCES problems(id),
    measure_id BIGINT NOT NULL DEFAULT 0,
    action TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    by_name TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    evidence_progress_id BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX close_steps_problem_idx ON close_steps (problem_id, id);
CREATE INDEX close_steps_round_idx ON close_steps (round_id, id);

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    measure_id BIGINT NOT NULL DEFAULT 0,
    colour TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    read_at TEXT NOT NULL DEFAULT '',
    email_state TEXT NOT NULL DEFAULT '',
    email_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    email_attempts INTEGER NOT NULL DEFAULT 0,
    email_claimed_at TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    record_kind TEXT NOT NULL DEFAULT '',
    record_id BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX notifications_email_idx ON notifications (id) WHERE email_state IN ('pending', 'sending');
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, id);

CREATE TABLE warn_states (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    colour TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    CONSTRAINT warn_states_measure_key UNIQUE (measure_id)
);

CREATE TABLE digests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    CONSTRAINT digests_user_day_key UNIQUE (user_id, day)
);

CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    version BIGINT NOT NULL DEFAULT 1,
    state TEXT NOT NULL DEFAULT 'published',
    drafter_id BIGINT NOT NULL DEFAULT 0,
    drafted_by TEXT NOT NULL DEFAULT '',
    approver_id BIGINT NOT NULL DEFAULT 0,
    approved_by TEXT NOT NULL DEFAULT '',
    return_reason TEXT NOT NULL DEFAULT '',
    replaces BIGINT NOT NULL DEFAULT 0,
    replace_reason TEXT NOT NULL DEFAULT '',
    figures TEXT NOT NULL DEFAULT '{}',
    seq INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX publications_round_idx ON publications (round_id);
CREATE INDEX publications_unit_idx ON publications (unit_id);

CREATE TABLE opinions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    secret_hash TEXT NOT NULL DEFAULT '',
    due_on TEXT NOT NULL DEFAULT '',
    draft TEXT NOT NULL DEFAULT '',
    drafted_by TEXT NOT NULL DEFAULT '',
    drafted_at TEXT NOT NULL DEFAULT '',
    review_note TEXT NOT NULL DEFAULT '',
    CONSTRAINT opinions_ref_key UNIQUE (ref)
);
CREATE INDEX opinions_publication_idx ON opinions (publication_id);
CREATE INDEX opinions_unit_idx ON opinions (unit_id, status);

CREATE TABLE round_counts (
    round_id BIGINT PRIMARY KEY REFERENCES rounds(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    problems INTEGER NOT NULL,
    not_started INTEGER NOT NULL,
    in_progress INTEGER NOT NULL,
    basically_completed INTEGER NOT NULL,
    ongoing INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    open_due INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE login_devices (
    id_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (id_hash, user_id)
);
CREATE INDEX login_devices_user_idx ON login_devices (user_id);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    type TEXT NOT NULL,
    book TEXT NOT NULL,
    number INTEGER NOT NULL,
    date TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    chair_id BIGINT REFERENCES persons(id),
    chair_name TEXT NOT NULL DEFAULT '',
    recorder TEXT NOT NULL DEFAULT '',
    non_members TEXT NOT NULL DEFAULT '',
    minutes_sha256 TEXT NOT NULL DEFAULT '',
    minutes_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_book_idx ON meetings (unit_id, type, date);
CREATE INDEX meetings_unit_idx ON meetings (unit_id, date);

CREATE TABLE meeting_attendance (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seq INTEGER NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    presence TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_attendance_meeting_idx ON meeting_attendance (meeting_id, seq);

CREATE TABLE meeting_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount BIGINT NOT NULL DEFAULT 0,
    decision TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_items_kind_idx ON meeting_items (unit_id, kind);
CREATE INDEX meeting_items_meeting_idx ON meeting_items (meeting_id, seq);

CREATE TABLE meeting_statements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    item_id BIGINT NOT NULL REFERENCES meeting_items(id),
    seq INTEGER NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_statements_item_idx ON meeting_statements (item_id, seq);

CREATE TABLE voucher_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    periods TEXT NOT NULL,
    vouchers INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE vouchers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    import_id BIGINT REFERENCES voucher_imports(id),
    period TEXT NOT NULL,
    date TEXT NOT NULL,
    word TEXT NOT NULL DEFAULT '',
    number INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    attachments INTEGER NOT NULL DEFAULT 0,
    maker TEXT NOT NULL DEFAULT '',
    approver TEXT NOT NULL DEFAULT '',
    poster TEXT NOT NULL DEFAULT '',
    debit BIGINT NOT NULL DEFAULT 0,
    decision_item_id BIGINT REFERENCES meeting_items(id),
    sample INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    imported_at TEXT NOT NULL
);
CREATE INDEX vouchers_date_idx ON vouchers (unit_id, date);
CREATE INDEX vouchers_unit_idx ON vouchers (unit_id, period, word, number);

CREATE TABLE voucher_lines (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    voucher_id BIGINT NOT NULL REFERENCES vouchers(id),
    seq INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    account_code TEXT NOT NULL DEFAULT '',
    account_name TEXT NOT NULL DEFAULT '',
    debit BIGINT NOT NULL DEFAULT 0,
    credit BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX voucher_lines_voucher_idx ON voucher_lines (voucher_id, seq);

CREATE TABLE dues_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT NOT NULL REFERENCES dues_members(id),
    year INTEGER NOT NULL,
    base BIGINT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT dues_bases_key UNIQUE (member_id, year)
);

CREATE TABLE dues_payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT NOT NULL REFERENCES dues_members(id),
    month TEXT NOT NULL,
    paid BIGINT NOT NULL,
    paid_on TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT dues_payments_key UNIQUE (member_id, month)
);
CREATE INDEX dues_payments_unit_idx ON dues_payments (unit_id, month);

CREATE TABLE problem_records (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    problem_id BIGINT NOT NULL REFERENCES problems(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX problem_records_problem_idx ON problem_records (problem_id, seq);

CREATE TABLE voucher_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    period TEXT NOT NULL,
    word TEXT NOT NULL DEFAULT '',
    number INTEGER NOT NULL,
    decision_item_id BIGINT NOT NULL REFERENCES meeting_items(id),
    linked_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX voucher_links_item_idx ON voucher_links (decision_item_id);
CREATE UNIQUE INDEX voucher_links_live_idx ON voucher_links (unit_id, period, word, number) WHERE voided_at IS NULL;

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    void_reason TEXT NOT NULL DEFAULT '',
    redo_due_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX proposals_session_idx ON proposals (unit_id, session);
CREATE INDEX proposals_unit_idx ON proposals (unit_id, year, status);

CREATE TABLE proposal_signers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX proposal_assignments_handler_idx ON proposal_assignments (handler_unit_id);
CREATE INDEX proposal_assignments_proposal_idx ON proposal_assignments (proposal_id);

CREATE TABLE proposal_replies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE proposal_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL DEFAULT '',
    sha256 TEXT NOT NULL DEFAULT '',
    sessions TEXT NOT NULL DEFAULT '',
    proposals INTEGER NOT NULL DEFAULT 0,
    imported_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX proposal_imports_unit_idx ON proposal_imports (unit_id, created_at);

CREATE TABLE cppcc_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    term TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '',
    committee TEXT NOT NULL DEFAULT '',
    standing INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    joined_on TEXT NOT NULL DEFAULT '',
    left_on TEXT NOT NULL DEFAULT '',
    township TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cppcc_members_person_idx ON cppcc_members (person_id);
CREATE INDEX cppcc_members_unit_idx ON cppcc_members (unit_id, term, name);

CREATE TABLE member_activities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    member_id BIGINT NOT NULL REFERENCES cppcc_members(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    on_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX member_activities_member_idx ON member_activities (member_id, on_date);
CREATE INDEX member_activities_unit_idx ON member_activities (unit_id, on_date);

CREATE TABLE suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX suggestions_member_idx ON suggestions (member_id, on_date);
CREATE INDEX suggestions_unit_idx ON suggestions (unit_id, on_date);

CREATE TABLE townships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX townships_unit_idx ON townships (unit_id, seq);

CREATE TABLE liaison_posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    township_id BIGINT NOT NULL REFERENCES townships(id),
    person_id BIGINT REFERENCES persons(id),
    member_id BIGINT REFERENCES cppcc_members(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    from_date TEXT NOT NULL DEFAULT '',
    to_date TEXT NOT NULL DEFAULT '',
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX liaison_posts_township_idx ON liaison_posts (township_id, role);

CREATE TABLE liaison_invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    township_id BIGINT NOT NULL REFERENCES townships(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    on_date TEXT NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL DEFAULT '',
    attended INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX liaison_invitations_township_idx ON liaison_invitations (township_id, on_date);

CREATE TABLE work_calendars (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    year INTEGER NOT NULL,
    days TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT work_calendars_year_key UNIQUE (unit_id, year)
);

CREATE TABLE sign_in_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL,
    persons INTEGER NOT NULL,
    sign_ins INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE sign_ins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    import_id BIGINT REFERENCES sign_in_imports(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    name TEXT NOT NULL,
    on_date TEXT NOT NULL,
    first_in INTEGER NOT NULL DEFAULT -1,
    last_out INTEGER NOT NULL DEFAULT -1,
    source TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sign_ins_person_idx ON sign_ins (person_id, on_date);
CREATE INDEX sign_ins_unit_idx ON sign_ins (unit_id, on_date, person_id);

CREATE TABLE leaves (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',
    approved_on TEXT NOT NULL DEFAULT '',
    expected_return TEXT NOT NULL DEFAULT '',
    returned_on TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX leaves_unit_idx ON leaves (unit_id, from_date);

CREATE TABLE travel_persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE retired_posts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE archive_kinds (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TABLE notes_checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE INDEX notes_checks_person_idx ON notes_checks (person_id, period);
CREATE INDEX notes_checks_unit_idx ON notes_checks (unit_id, on_date);
