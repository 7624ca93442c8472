-- The warning colours of a list of rounds without reading every unfinished
-- measure. A measure overdue today stays overdue until someone changes it,
-- so red = a round's unfinished measures with a deadline (kept in
-- round_counts with the other counts, in the transaction of every change)
-- less those not yet due, which an index on the deadline reads as one
-- range from today on: in a province that has worked for some years,
-- the few recent ones rather than every measure ever late.
ALTER TABLE round_counts ADD COLUMN open_due INTEGER NOT NULL DEFAULT 0;

-- status and close_state are there for SQLite, which reads a partial
-- index's own conditions from the row unless the index holds them.
CREATE INDEX measures_due_idx ON measures (deadline, round_id, unit_id, status, close_state)
    WHERE status NOT IN ('completed', 'ongoing') AND close_state <> 'approved' AND deadline <> '';

-- The list of rounds, newest feedback first, a page at a time.
CREATE INDEX rounds_feedback_idx ON rounds (feedback_date, id);

-- A round's ledger read in index order (no sort), and each measure's
-- latest report (its 整改进展 date) read from the index alone instead of
-- from every report it has.
DROP INDEX measures_round_idx;
CREATE INDEX measures_round_idx ON measures (round_id, problem_id, seq);
DROP INDEX problems_round_idx;
CREATE INDEX problems_round_idx ON problems (round_id, seq);
DROP INDEX progress_measure_idx;
CREATE INDEX progress_measure_idx ON progress (measure_id, day);
