-- Township liaison groups (乡镇政协联络组): each township, who held which
-- post from when to when, and the invitations the group received.
CREATE TABLE townships (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL DEFAULT '',
    -- the group's posts and invitations as JSON, so that the township's
    -- history shows what changed in them
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
    id {{ID}},
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
    id {{ID}},
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
