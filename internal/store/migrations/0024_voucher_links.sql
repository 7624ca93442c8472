-- A voucher's link to the 大额资金 item that decided it, kept by the
-- voucher's period, word and number (凭证字号) rather than its row, so
-- that it survives the re-import that replaces the period's vouchers.
-- The one place the link is kept: vouchers.decision_item_id is no longer
-- written or read. Unlinking voids the row. The hook of this migration
-- (voucher_links.go) moves the links kept until now as settings
-- (vouchers.link.<period>.<word>.<number>) and on vouchers into it.
CREATE TABLE voucher_links (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    period TEXT NOT NULL,
    word TEXT NOT NULL DEFAULT '',
    number INTEGER NOT NULL,
    decision_item_id BIGINT NOT NULL REFERENCES meeting_items(id),
    linked_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1,
    voided_at TEXT,
    voided_by TEXT NOT NULL DEFAULT '',
    void_reason TEXT NOT NULL DEFAULT ''
);
-- One live link per voucher.
CREATE UNIQUE INDEX voucher_links_live_idx ON voucher_links (unit_id, period, word, number) WHERE voided_at IS NULL;
CREATE INDEX voucher_links_item_idx ON voucher_links (decision_item_id);
