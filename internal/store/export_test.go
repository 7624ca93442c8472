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

// The writes as they were before the helpers of rows.go, kept here only
// as the reference of BenchmarkHelpers: the same SQL written out by hand.

// UpdateMeasureByHandForTest is UpdateMeasure as written before updateRow.
func UpdateMeasureByHandForTest(ctx context.Context, s *Store, m *zhenggai.Measure) error {
	version := m.Version
	return s.write(ctx, func(tx *sql.Tx) error {
		old, err := s.measureGuard(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		reported, err := s.reported(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		if err := zhenggai.CheckStatusChange(m, old, reported); err != nil {
			return err
		}
		before, err := s.snapshot(ctx, tx, "measures", m.ID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, s.d.rebind(`UPDATE measures SET seq = ?, content = ?, leader = ?, office = ?,
			owner = ?, deadline = ?, kind = ?, status = ?, mechanism = ?, report_every = ?, rule_names = ?,
			refunded_fen = ?, recovered_fen = ?, saved_fen = ?, talks = ?, organisational = ?, disciplinary = ?,
			version = version + 1 WHERE id = ? AND version = ?`),
			m.Seq, m.Content, m.Leader, m.Office, m.Owner, m.Deadline.String(), string(m.Kind), string(m.Status),
			m.Mechanism, m.ReportEvery, joinRuleNames(m.RuleNames), m.RefundedFen, m.RecoveredFen, m.SavedFen,
			m.Talks, m.Organisational, m.Disciplinary, m.ID, version)
		if err != nil {
			return err
		}
		if err := s.checkUpdated(ctx, tx, res, "measures", "整改措施", m.ID); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, auditUpdate, "measures", m.ID, before); err != nil {
			return err
		}
		m.Version = version + 1
		return nil
	})
}

// CreateCategoryByHandForTest is CreateCategory as written before insertRow.
func CreateCategoryByHandForTest(ctx context.Context, s *Store, c *zhenggai.Category) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT unit_id FROM rounds WHERE id = ?`), c.RoundID).Scan(&c.UnitID); err != nil {
			return notFound(err, "巡察轮次")
		}
		c.Version = 1
		err := tx.QueryRowContext(ctx, s.d.rebind(`INSERT INTO categories (unit_id, round_id, seq, title, version)
			VALUES (?, ?, ?, ?, 1) RETURNING id`), c.UnitID, c.RoundID, c.Seq, c.Title).Scan(&c.ID)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, auditCreate, "categories", c.ID, "")
	})
}

// BackfillPersonsForTest runs migration 18's hook again: the names the
// ledger and the accounts use enter the roster and are linked.
func BackfillPersonsForTest(ctx context.Context, st *Store) error {
	return st.write(ctx, func(tx *sql.Tx) error { return st.backfillPersons(ctx, tx) })
}

// MoveVoucherLinksForTest runs migration 24's hook again: the links kept
// as settings or on vouchers move into voucher_links.
func MoveVoucherLinksForTest(ctx context.Context, st *Store) error {
	return st.write(ctx, func(tx *sql.Tx) error { return st.moveVoucherLinks(ctx, tx) })
}

// ReadDBForTest is the store's own read pool: a benchmark's bare SQL runs
// on the connections the store's queries run on.
func ReadDBForTest(st *Store) *sql.DB { return st.rdb }

// WriteDBForTest is the store's writer, for a bare write beside its own.
func WriteDBForTest(st *Store) *sql.DB { return st.wdb }
