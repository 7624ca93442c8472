-- Void (作废), never delete: a round, category, problem, measure, progress
-- entry or evidence file imported twice or entered by mistake is voided with
-- a reason. It leaves every list, count, warning, report and the public
-- site, and stays in its history with who voided it, when and why. NULL
-- voided_at: live.
ALTER TABLE rounds ADD COLUMN voided_at TEXT;
ALTER TABLE rounds ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN voided_at TEXT;
ALTER TABLE categories ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN voided_at TEXT;
ALTER TABLE problems ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN voided_at TEXT;
ALTER TABLE measures ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE measures ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN voided_at TEXT;
ALTER TABLE progress ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN voided_at TEXT;
ALTER TABLE attachments ADD COLUMN voided_by TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';
