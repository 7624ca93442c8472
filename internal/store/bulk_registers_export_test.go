package store

import "context"

// RegisterChecksForTest counts, on the rows stored, the vouchers whose
// debit column is not their lines' debit total, those whose decision is
// no stored 大额资金 item of their unit, and those that link one.
func RegisterChecksForTest(ctx context.Context, st *Store) (badDebit, badDecision, linked int64, err error) {
	err = st.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM vouchers v
		WHERE v.debit <> (SELECT COALESCE(SUM(l.debit), 0) FROM voucher_lines l WHERE l.voucher_id = v.id)`).Scan(&badDebit)
	if err != nil {
		return
	}
	// The links are read as every reader does (voucher_links).
	item := linkedItem("v")
	err = st.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM vouchers v WHERE `+item+` <> 0
		AND NOT EXISTS (SELECT 1 FROM meeting_items i WHERE i.id = `+item+` AND i.unit_id = v.unit_id AND i.kind = 'large_fund')`).Scan(&badDecision)
	if err != nil {
		return
	}
	err = st.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM vouchers v WHERE `+item+` <> 0`).Scan(&linked)
	return
}
