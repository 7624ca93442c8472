package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestPGRebind(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT 1`:                                  `SELECT 1`,
		`SELECT a FROM t WHERE x = ? AND y = ?`:     `SELECT a FROM t WHERE x = $1 AND y = $2`,
		`SELECT '?', "?" FROM t WHERE x = ?`:        `SELECT '?', "?" FROM t WHERE x = $1`,
		`INSERT INTO t VALUES (?, 'it''s ?', ?)`:    `INSERT INTO t VALUES ($1, 'it''s ?', $2)`,
		`UPDATE t SET a = ? WHERE id = ? AND v = ?`: `UPDATE t SET a = $1 WHERE id = $2 AND v = $3`,
	} {
		if got := (pgDialect{}).rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPGErrors(t *testing.T) {
	d := pgDialect{}
	wrap := func(code, msg string) error {
		return errors.Join(errors.New("context"), &pgconn.PgError{Code: code, Message: msg})
	}
	if !d.uniqueViolation(wrap("23505", "")) || !d.foreignKeyViolation(wrap("23503", "")) || d.uniqueViolation(wrap("23503", "")) {
		t.Error("constraint errors")
	}
	if !d.retryable(wrap("40001", "")) || !d.retryable(wrap("40P01", "")) || d.retryable(wrap("23505", "")) ||
		!d.retryable(wrap("0A000", "cached plan must not change result type")) || d.retryable(wrap("0A000", "other")) {
		t.Error("retryable errors")
	}
	if !d.badValue(wrap("22021", "")) || d.badValue(errors.New("x")) {
		t.Error("bad values")
	}
}

// racyDialect is SQLite that takes PostgreSQL's serialization failure
// for a lost race, so that the retries of Store.write can be watched.
type racyDialect struct{ sqliteDialect }

func (racyDialect) retryable(err error) bool { return pgCode(err) == "40001" }

func TestWriteRetriesLostRaces(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.d = racyDialect{}
	lost := &pgconn.PgError{Code: "40001", Message: "could not serialize access"}
	for _, tc := range []struct {
		name      string
		failFirst int
		failWith  error
		calls     int
		ok        bool
	}{
		{"wins at once", 0, nil, 1, true},
		{"loses twice", 2, lost, 3, true},
		{"always loses", 100, lost, writeAttempts, false},
		{"other error", 100, errors.New("boom"), 1, false},
	} {
		calls := 0
		err := s.write(ctx, func(tx *sql.Tx) error {
			calls++
			if _, err := tx.ExecContext(ctx, `INSERT INTO units (name, created_at) VALUES (?, '')`, tc.name); err != nil {
				return err
			}
			if calls <= tc.failFirst {
				return tc.failWith
			}
			return nil
		})
		if calls != tc.calls || (err == nil) != tc.ok {
			t.Errorf("%s: %d calls, %v", tc.name, calls, err)
		}
		var n int
		s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM units WHERE name = ?`, tc.name).Scan(&n)
		if want := map[bool]int{true: 1, false: 0}[tc.ok]; n != want {
			t.Errorf("%s: %d rows, want %d: a lost attempt left its writes", tc.name, n, want)
		}
	}
}

// TestNormaliseWidths: whatever width a driver hands an integer in, the
// snapshot has the same JSON.
func TestNormaliseWidths(t *testing.T) {
	for _, v := range []any{int64(7), int32(7), int16(7), int8(7), int(7), uint8(7), uint16(7), uint32(7)} {
		js, err := canonicalJSON(rowMap([]string{"N"}, []any{v}))
		if err != nil || js != `{"n":7}` {
			t.Errorf("%T: %s %v", v, js, err)
		}
	}
	if js, _ := canonicalJSON(rowMap([]string{"b", "s"}, []any{true, []byte("文字")})); js != `{"b":1,"s":"文字"}` {
		t.Errorf("bool and bytes: %s", js)
	}
}
