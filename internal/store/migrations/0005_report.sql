-- The progress report (disclosure): texts of a round that the data cannot
-- derive, and problems withheld from publication with their reason. The
-- contact lines and signature are unit settings (settings table).

ALTER TABLE rounds ADD COLUMN report_leading_group TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN report_work TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN report_follow_up TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN withheld INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN withheld_reason TEXT NOT NULL DEFAULT '';
