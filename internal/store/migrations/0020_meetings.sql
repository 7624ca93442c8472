-- Meetings (会议记录): each type keeps its own numbered book; a meeting's
-- expected members and how each stood, its agenda items (三重一大 kinds,
-- the sum of a 大额资金 item) and every statement in speaking order.
-- Persons are named by id; the name as the minutes wrote it is kept.
CREATE TABLE meetings (
    id {{ID}},
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
    -- detail repeats the attendance, items and statements as JSON, so that
    -- the meeting's audited snapshot shows every change to them (their own
    -- tables are not audited; readers use those).
    detail TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_unit_idx ON meetings (unit_id, date);
CREATE INDEX meetings_book_idx ON meetings (unit_id, type, date);

CREATE TABLE meeting_attendance (
    id {{ID}},
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
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    seq INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount BIGINT NOT NULL DEFAULT 0,
    decision TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_items_meeting_idx ON meeting_items (meeting_id, seq);
CREATE INDEX meeting_items_kind_idx ON meeting_items (unit_id, kind);

CREATE TABLE meeting_statements (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    item_id BIGINT NOT NULL REFERENCES meeting_items(id),
    seq INTEGER NOT NULL,
    person_id BIGINT REFERENCES persons(id),
    name TEXT NOT NULL,
    position TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_statements_item_idx ON meeting_statements (item_id, seq);
