-- What an imported report says that its data cannot give back: its title
-- line and its signature (落款: the signing body's full name and the date),
-- and the figures it declares beyond the totals: the measures (整改措施N项)
-- and the outcomes (建立完善制度N项, money refunded, recovered and saved in
-- integer fen, persons talked to, dealt with by the organisation,
-- disciplined).
ALTER TABLE rounds ADD COLUMN report_title TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN report_signature TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN report_signed TEXT NOT NULL DEFAULT '';
ALTER TABLE rounds ADD COLUMN declared_measures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_rules INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_refunded_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_recovered_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_saved_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_talks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_organisational INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN declared_disciplinary INTEGER NOT NULL DEFAULT 0;
