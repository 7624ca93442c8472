// Package store keeps the domain in a SQL database: one store over
// database/sql, with a small dialect layer for each engine.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"zhenggai"

	_ "modernc.org/sqlite" // pure Go, no cgo
)

// DBFile is the name of the SQLite database inside a data folder.
const DBFile = "zhenggai.db"

// Store is the database. Reads go through a pool; writes go through a
// single connection so that SQLite never sees two writers.
type Store struct {
	rdb *sql.DB
	wdb *sql.DB
	d   dialect
	// now is the clock, replaceable in tests.
	now     func() time.Time
	ledgers ledgerCache
	// noAudit writes without the audit trail; only tests set it (export_test.go),
	// to measure what the trail costs.
	noAudit    bool
	auditStmts auditStmts
	auditHead  auditHead
}

// OpenSQLite opens (creating if needed) the database in the data folder
// dir and brings its schema up to date.
func OpenSQLite(ctx context.Context, dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	path := filepath.Join(dir, DBFile)
	q := url.Values{}
	for _, p := range []string{
		"foreign_keys(1)",
		"journal_mode(WAL)",
		"busy_timeout(10000)",
		// FULL: an acknowledged write survives a power cut, not only a crash.
		"synchronous(FULL)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	wdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	wdb.SetMaxOpenConns(1)
	rdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		wdb.Close()
		return nil, err
	}
	rdb.SetMaxOpenConns(8)
	rdb.SetMaxIdleConns(8)
	s := &Store{rdb: rdb, wdb: wdb, d: sqliteDialect{}, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.prepareAudit(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close closes both pools.
func (s *Store) Close() error {
	return errors.Join(s.wdb.Close(), s.rdb.Close())
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.rdb.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// write runs fn in a transaction on the single writer.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return s.mapErr(err)
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
			err = s.mapErr(err)
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	// Invalidate even if Commit fails: its outcome may be unknown.
	defer s.ledgers.invalidate()
	return tx.Commit()
}

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// mapErr turns driver errors into domain errors.
func (s *Store) mapErr(err error) error {
	var ze *zhenggai.Error
	var ve *zhenggai.ValidationError
	switch {
	case err == nil, errors.As(err, &ze), errors.As(err, &ve):
		return err
	case errors.Is(err, sql.ErrNoRows):
		return zhenggai.Errorf(zhenggai.ENOTFOUND, "记录不存在")
	case s.d.uniqueViolation(err):
		return zhenggai.Errorf(zhenggai.ECONFLICT, "序号或名称与已有记录重复")
	case s.d.foreignKeyViolation(err):
		return zhenggai.Errorf(zhenggai.EINVALID, "引用的记录不存在")
	}
	return err
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func parseDate(s string) zhenggai.Date {
	d, _ := zhenggai.ParseDate(s)
	return d
}
