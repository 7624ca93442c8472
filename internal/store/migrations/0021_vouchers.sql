-- Finance vouchers (财务凭证), imported from the accounting software's
-- journal: one row per voucher and one per entry line, amounts in fen.
-- An import replaces whole periods; it is the audited record
-- (voucher_imports), the vouchers and lines it wrote are not logged one
-- by one (a county's five years are a million lines).
CREATE TABLE voucher_imports (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    periods TEXT NOT NULL,
    vouchers INTEGER NOT NULL,
    lines INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE vouchers (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    import_id BIGINT REFERENCES voucher_imports(id),
    period TEXT NOT NULL,
    date TEXT NOT NULL,
    word TEXT NOT NULL DEFAULT '',
    number INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    attachments INTEGER NOT NULL DEFAULT 0,
    maker TEXT NOT NULL DEFAULT '',
    approver TEXT NOT NULL DEFAULT '',
    poster TEXT NOT NULL DEFAULT '',
    debit BIGINT NOT NULL DEFAULT 0,
    decision_item_id BIGINT REFERENCES meeting_items(id),
    sample INTEGER NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    imported_at TEXT NOT NULL
);
CREATE INDEX vouchers_unit_idx ON vouchers (unit_id, period, word, number);
CREATE INDEX vouchers_date_idx ON vouchers (unit_id, date);

CREATE TABLE voucher_lines (
    id {{ID}},
    unit_id BIGINT NOT NULL REFERENCES units(id),
    voucher_id BIGINT NOT NULL REFERENCES vouchers(id),
    seq INTEGER NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    account_code TEXT NOT NULL DEFAULT '',
    account_name TEXT NOT NULL DEFAULT '',
    debit BIGINT NOT NULL DEFAULT 0,
    credit BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX voucher_lines_voucher_idx ON voucher_lines (voucher_id, seq);
