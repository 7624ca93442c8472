-- Each round's problems counted by status, kept by the store in the
-- transaction of every change to a problem or a measure (round_counts.go),
-- so that a list of thousands of rounds reads one row per round instead of
-- every measure. It is derived data: not audited, and rebuilt, not copied,
-- by migrate-data; audit verify checks it against the measures.
CREATE TABLE round_counts (
    round_id BIGINT PRIMARY KEY REFERENCES rounds(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    problems INTEGER NOT NULL,
    not_started INTEGER NOT NULL,
    in_progress INTEGER NOT NULL,
    basically_completed INTEGER NOT NULL,
    ongoing INTEGER NOT NULL,
    completed INTEGER NOT NULL
);

-- A round's problems, read by round_counts and by a round's ledger.
CREATE INDEX problems_round_idx ON problems (round_id);

-- The warning colours of a list of rounds look only at unfinished measures
-- due soon; this index holds just those, by round, with what the count
-- needs, so that the count reads the index alone.
CREATE INDEX measures_open_idx ON measures (round_id, deadline, unit_id, close_state)
    WHERE status NOT IN ('completed', 'ongoing');

-- And at 长期坚持 measures with a re-report period, a few among many.
CREATE INDEX measures_ongoing_idx ON measures (round_id)
    WHERE status = 'ongoing' AND report_every > 0;

-- The problems waiting for an office's acceptance, a few among many.
CREATE INDEX problems_submitted_idx ON problems (round_id)
    WHERE close_state = 'submitted';

-- A round's closing steps in one read (the report as of a date).
CREATE INDEX close_steps_round_idx ON close_steps (round_id, id);
