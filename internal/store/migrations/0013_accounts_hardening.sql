-- Hardening after an attack test (issue 11): names that give rights,
-- passwords set by an administrator, the public's receipts, and the
-- browsers people have signed in from.

-- person_name is the name by which an enabled leader or owner is matched
-- with the measures he leads or owns: his display name, trimmed; NULL for
-- the other roles and disabled accounts. One person, one name within a
-- unit. Where two enabled accounts of a unit already share a name, the
-- oldest keeps it and the others get none, and so no rights by name,
-- until an administrator renames them (the users page names them); no
-- display name is rewritten here.
ALTER TABLE users ADD COLUMN person_name TEXT;
UPDATE users SET person_name = TRIM(display_name)
    WHERE role IN ('leader', 'responsible') AND disabled = 0 AND TRIM(display_name) <> ''
    AND NOT EXISTS (SELECT 1 FROM users o WHERE o.unit_id = users.unit_id AND o.id < users.id AND o.disabled = 0
        AND o.role IN ('leader', 'responsible') AND TRIM(o.display_name) = TRIM(users.display_name));
CREATE UNIQUE INDEX users_person_key ON users (unit_id, person_name);

-- must_change: the password was set by an administrator (user add, a
-- reset); its owner must change it at his next sign-in.
ALTER TABLE users ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;

-- The digest of the secret the sender's browser keeps, which alone opens
-- the opinion's thank-you page; '' for opinions sent before.
ALTER TABLE opinions ADD COLUMN secret_hash TEXT NOT NULL DEFAULT '';

-- Browsers that have signed in as a user (a long-lived cookie, kept as
-- its digest): they keep signing in while strangers' failures slow the
-- account down. Not audited, like sessions; not copied by migrate-data.
CREATE TABLE login_devices (
    id_hash TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    used_at TEXT NOT NULL,
    PRIMARY KEY (id_hash, user_id)
);
CREATE INDEX login_devices_user_idx ON login_devices (user_id);
