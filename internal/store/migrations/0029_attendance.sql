-- Attendance and leave (考勤与请销假). The work calendar: a unit's own
-- holidays and make-up working days (调休) of a year, one row per unit and
-- year (the days as lines, so the history shows what changed); years
-- without a row use the built-in State Council schedule.
CREATE TABLE work_calendars (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    year INTEGER NOT NULL,
    days TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT work_calendars_year_key UNIQUE (unit_id, year)
);

-- An import of the clock's or the office app's export (or a sign-in
-- entered by hand) is the audited record; it replaces the sign-ins of
-- the dates it covers for the persons it names. The sign-ins are too many
-- to log one by one (200 staff, 250 days a year).
CREATE TABLE sign_in_imports (
    id {{ID}},
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
    id {{ID}},
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
CREATE INDEX sign_ins_unit_idx ON sign_ins (unit_id, on_date, person_id);
CREATE INDEX sign_ins_person_idx ON sign_ins (person_id, on_date);

-- Leave requests (请假) with their approval and return (销假).
CREATE TABLE leaves (
    id {{ID}},
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
