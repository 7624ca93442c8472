package store

import (
	"context"
	"database/sql"

	"zhenggai"
)

// SetAuditForTest switches the audit trail of st on or off (benchmarks of
// what it costs). Never off outside tests.
func SetAuditForTest(st *Store, on bool) { st.noAudit = !on }

// RoundPageInGoForTest is RoundPage the way that reads every round's
// colours, whatever the query: the reference for the SQL way.
func RoundPageInGoForTest(ctx context.Context, st *Store, sc zhenggai.Scope, today zhenggai.Date, q RoundQuery) (*RoundPage, error) {
	return st.roundPageInGo(ctx, sc, today, q.clean())
}

// RebuildRoundCountsForTest recomputes every round's kept counts, as
// migrate-data does, after a test changed records behind the store's back.
func RebuildRoundCountsForTest(ctx context.Context, st *Store) error {
	tx, err := st.wdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := st.rebuildRoundCounts(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// OpenPgxForTest opens a pool on dsn as the store does.
func OpenPgxForTest(dsn string) (*sql.DB, error) { return openPgx(dsn) }
