-- CPPCC members (政协委员) by term, and their activities. Attendance at
-- plenary and standing committee meetings is the meetings register's
-- (meeting_attendance by person).
CREATE TABLE cppcc_members (
    id {{ID}},
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
CREATE INDEX cppcc_members_unit_idx ON cppcc_members (unit_id, term, name);
CREATE INDEX cppcc_members_person_idx ON cppcc_members (person_id);

CREATE TABLE member_activities (
    id {{ID}},
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
