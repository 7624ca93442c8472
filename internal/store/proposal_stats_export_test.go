package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

// InsertProposalsForTest writes whole proposals as they stand (drafts,
// voided ones, replies awaiting review, second rounds), which no import
// or step would write at once: the data the counts are held to.
func InsertProposalsForTest(ctx context.Context, st *Store, unitID int64, ps []zhenggai.Proposal) error {
	return st.write(ctx, func(tx *sql.Tx) error {
		now := st.stamp()
		for i := range ps {
			id, err := st.insertImportedProposal(ctx, tx, unitID, &ps[i], "", "test", now, "test")
			if err != nil {
				return err
			}
			if ps[i].Voided {
				if _, err := tx.ExecContext(ctx, st.d.rebind(`UPDATE proposals SET voided_at = ?, voided_by = 'test', void_reason = '重复' WHERE id = ?`), now, id); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
