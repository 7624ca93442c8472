-- The self-inspection rules that prove a mechanism measure (长效机制的验证),
-- their IDs one a line (selfcheck.Rules). A column of the measure, not a
-- table of its own: the rules are part of what the measure says, edited on
-- its form, audited in its row's snapshot and versioned with it, and never
-- queried by rule; a table would need its own audit and version for no read.
ALTER TABLE measures ADD COLUMN proof_rules TEXT NOT NULL DEFAULT '';
