-- A unit's names as offices write them: its full name (全称, as its
-- signature reads) and the aliases documents have used, one a line. A
-- name typed or imported finds the unit by any of them (zhenggai.UnitKey).
ALTER TABLE units ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
