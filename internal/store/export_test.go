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

// RoundSummaries lists the rounds of a scope, newest feedback first, with
// their status counts and warning colours as of today, in three queries
// whatever the number of rounds. The status counts are the ones the store
// keeps per round (round_counts.go); the colours are counted from the
// unfinished measures due soon, with each unit's thresholds. Both agree
// with zhenggai.BuildLedger (a test holds them together).
func (s *Store) RoundSummaries(ctx context.Context, sc zhenggai.Scope, today zhenggai.Date) (out []*zhenggai.RoundSummary, err error) {
	err = s.readSnapshot(ctx, func(db queryer) error {
		out, err = s.roundSummaries(ctx, db, sc, today)
		return err
	})
	return out, err
}

// RoundCountsDrift lists the rounds whose kept counts differ from the
// counts their measures give now: what audit verify reports when the
// table was edited, or measures changed, behind the program's back.
func (s *Store) RoundCountsDrift(ctx context.Context) ([]int64, error) {
	return s.roundCountsDrift(ctx, s.rdb)
}

// SchemaTablesForTest lists the tables of st's database, from its catalog.
func SchemaTablesForTest(ctx context.Context, st *Store) ([]string, error) {
	return st.tables(ctx, st.rdb)
}

// UniqueKeysForTest names the UNIQUE constraints the store maps to a
// field and a message.
func UniqueKeysForTest() []string {
	var out []string
	for _, k := range uniqueKeys {
		out = append(out, k.name)
	}
	return out
}
