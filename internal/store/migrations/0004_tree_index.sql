-- The unit tree is walked from an office down to its units.
CREATE INDEX units_parent_idx ON units (parent_id);
