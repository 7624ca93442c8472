-- The records behind a problem of a self-inspection round (自查): the
-- meetings, vouchers and dues members a finding named, linked from the
-- problem as its evidence (佐证). Written with the round, in its
-- transaction; kind is the registry's kind (meeting, voucher,
-- dues_member), label the record's name when the finding was made.
CREATE TABLE problem_records (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    problem_id BIGINT NOT NULL REFERENCES problems(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    record_id BIGINT NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX problem_records_problem_idx ON problem_records (problem_id, seq);
