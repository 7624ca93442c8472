-- Closing (销号) and warnings that reach people.

-- Closing state of measures and problems; a problem in state 'accepted'
-- is locked. Mechanism and re-report period belong to 长期坚持 measures.
ALTER TABLE measures ADD COLUMN close_state TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN mechanism TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN report_every INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN close_state TEXT NOT NULL DEFAULT '';

-- Every step of closing, never updated or deleted.
CREATE TABLE close_steps (
    id {{ID}},
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

-- Who is told: an e-mail address, and the unit's principal leader (主要负责人),
-- who gets the red warnings.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN principal INTEGER NOT NULL DEFAULT 0;

-- The in-app inbox. email_state: '' none wanted, 'pending', 'sent'.
CREATE TABLE notifications (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    measure_id BIGINT NOT NULL DEFAULT 0,
    colour TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    read_at TEXT NOT NULL DEFAULT '',
    email_state TEXT NOT NULL DEFAULT '',
    email_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, id);

-- The last colour each measure's people were told of, so that a colour is
-- sent once per change, not on every run.
CREATE TABLE warn_states (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    measure_id BIGINT NOT NULL REFERENCES measures(id),
    colour TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    CONSTRAINT warn_states_measure_key UNIQUE (measure_id)
);

-- Daily digests sent, one per person and day.
CREATE TABLE digests (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    CONSTRAINT digests_user_day_key UNIQUE (user_id, day)
);
