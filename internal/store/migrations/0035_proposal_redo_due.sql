-- The due date of the second reply after 不满意 (3 months from the form),
-- kept apart from the first reply's (due_on, extended_to): the on-time
-- rate counts the first reply against its own due date.
ALTER TABLE proposals ADD COLUMN redo_due_on TEXT NOT NULL DEFAULT '';
