-- A notice refers to its record (kind and id, and the measure of a
-- problem it is about); the pages and the API build the link, so the
-- stored page address goes. The messages of before keep theirs: a
-- warning's and a closing request's measure, a problem step's address.
ALTER TABLE notifications ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN record_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN record_id BIGINT NOT NULL DEFAULT 0;
UPDATE notifications SET kind = CASE WHEN colour <> '' THEN 'warning' ELSE 'closing' END;
UPDATE notifications SET record_kind = 'problem', record_id = (SELECT m.problem_id FROM measures m WHERE m.id = notifications.measure_id)
    WHERE measure_id <> 0 AND EXISTS (SELECT 1 FROM measures m WHERE m.id = notifications.measure_id);
UPDATE notifications SET record_kind = 'problem', record_id = CAST(SUBSTR(link, 11) AS BIGINT)
    WHERE measure_id = 0 AND link LIKE '/problems/%' AND link NOT LIKE '%#%' AND LENGTH(link) BETWEEN 11 AND 28;
ALTER TABLE notifications DROP COLUMN link;

-- Opinions reach someone: an answer deadline set when one arrives (working
-- days, a unit setting), and an answer drafted by the assignee (a leader
-- or owner of the problem) that the unit's office reviews before it
-- stands as the answer.
ALTER TABLE opinions ADD COLUMN due_on TEXT NOT NULL DEFAULT '';
ALTER TABLE opinions ADD COLUMN draft TEXT NOT NULL DEFAULT '';
ALTER TABLE opinions ADD COLUMN drafted_by TEXT NOT NULL DEFAULT '';
ALTER TABLE opinions ADD COLUMN drafted_at TEXT NOT NULL DEFAULT '';
ALTER TABLE opinions ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
