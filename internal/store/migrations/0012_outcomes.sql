-- What a measure produced (整改成效), summed into the round's outcomes:
-- the rules it made or revised (names without 《》, one a line), money
-- refunded, recovered and saved (fen), and persons dealt with.
ALTER TABLE measures ADD COLUMN rule_names TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN recovered_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN saved_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN talks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN organisational INTEGER NOT NULL DEFAULT 0;
ALTER TABLE measures ADD COLUMN disciplinary INTEGER NOT NULL DEFAULT 0;
