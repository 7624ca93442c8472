-- Review before publishing: a publication is drafted, submitted, and goes
-- public only when a second person approves it (or is returned with a
-- reason). Those published before this version were public already.
-- figures are the totals it states, compared by later previews; seq is
-- its place among its round's publications that went public (第N次);
-- replaces is the live publication its approval withdraws (republish).
ALTER TABLE publications ADD COLUMN state TEXT NOT NULL DEFAULT 'published';
ALTER TABLE publications ADD COLUMN drafter_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN drafted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN approver_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN return_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN replaces BIGINT NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN replace_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN figures TEXT NOT NULL DEFAULT '{}';
ALTER TABLE publications ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE publications SET drafted_by = published_by, seq = (SELECT COUNT(*) FROM publications q
    WHERE q.round_id = publications.round_id AND q.id <= publications.id);

-- 原台账记载: the status an imported ledger or report recorded for a
-- problem, and where it came from; kept apart from the office's closing.
ALTER TABLE problems ADD COLUMN recorded_status TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN recorded_source TEXT NOT NULL DEFAULT '';
