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
	"sync"
	"sync/atomic"
	"time"

	"zhenggai"

	_ "modernc.org/sqlite" // pure Go, no cgo
)

// DBFile is the name of the SQLite database inside a data folder.
const DBFile = "zhenggai.db"

// Store is the database. On SQLite reads go through a pool and writes
// through a single connection, so that SQLite never sees two writers; on
// PostgreSQL, which has many writers, both go through one pool.
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
	// marks are the rounds whose counts a transaction must recompute
	// before it commits (round_counts.go).
	marks struct {
		sync.Mutex
		on bool
		m  map[*sql.Tx]map[int64]bool
	}
	// MailQueued: SMTP is set up, so the notices to be e-mailed that a
	// write sends (an opinion's) are queued for the sender (notify).
	MailQueued bool
	// commits counts the write transactions this process ended (see
	// LocalCommits).
	commits atomic.Uint64
}

// LocalCommits changes whenever this process commits (or tries to commit)
// a write: a reader that checked Generation may skip the next check while
// it stays the same and little time has passed.
func (s *Store) LocalCommits() uint64 { return s.commits.Load() }

// Open opens the database of an installation: with dsn "" the SQLite
// database in the data folder dataDir (created if needed), with a
// postgres:// URL that PostgreSQL database (dataDir is then not used by
// the store: it holds only the attachments). Either way the schema is
// brought up to date.
func Open(ctx context.Context, dataDir, dsn string) (*Store, error) {
	switch {
	case dsn == "":
		return OpenSQLite(ctx, dataDir)
	case IsDSN(dsn):
		return OpenPostgres(ctx, dsn)
	}
	return nil, fmt.Errorf("不支持的数据库地址 %q：应为 postgres://用户@主机:端口/库名", RedactDSN(dsn))
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
	// Readers map the file rather than read it page by page: a county's
	// registers (hundreds of MB) are far beyond the default 2 MB page
	// cache, and a self-inspection scans a million voucher lines.
	rq := url.Values{}
	for k, v := range q {
		rq[k] = append([]string(nil), v...)
	}
	rq.Add("_pragma", "mmap_size(1073741824)")
	rdb, err := sql.Open("sqlite", "file:"+path+"?"+rq.Encode())
	if err != nil {
		wdb.Close()
		return nil, err
	}
	rdb.SetMaxOpenConns(8)
	rdb.SetMaxIdleConns(8)
	return newStore(ctx, rdb, wdb, sqliteDialect{})
}

// newStore brings the schema of the database up to date and prepares
// what the audit trail needs.
func newStore(ctx context.Context, rdb, wdb *sql.DB, d dialect) (*Store, error) {
	s := &Store{rdb: rdb, wdb: wdb, d: d, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	// Only now is there a round_counts table to keep: migrations before it
	// have no such table, and its own migration fills it.
	s.marks.on = true
	if err := s.prepareAudit(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Backend names the engine: "sqlite" or "postgres".
func (s *Store) Backend() string { return s.d.name() }

// Close closes the pools.
func (s *Store) Close() error {
	if s.rdb == s.wdb {
		return s.wdb.Close()
	}
	return errors.Join(s.wdb.Close(), s.rdb.Close())
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	return s.rdb.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
}

// writeAttempts is how many times a write that lost a race with another
// transaction (PostgreSQL: serialization failure or deadlock) is run.
const writeAttempts = 5

// write runs fn in a transaction on the writer. On PostgreSQL a
// transaction that lost a race with another is run again from the start,
// a few times: fn must therefore not depend on what an earlier run of it
// changed (take versions and "is it new?" from before the call, and set
// results, not increment them).
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.writeOnce(ctx, fn)
		if err == nil || attempt == writeAttempts || !s.d.retryable(err) {
			return s.wrapErr(s.mapErr(err))
		}
		// Back off a little, more each time, so that the winners finish.
		t := time.NewTimer(time.Duration(attempt*attempt) * 5 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return s.wrapErr(s.mapErr(err))
		case <-t.C:
		}
	}
}

func (s *Store) writeOnce(ctx context.Context, fn func(tx *sql.Tx) error) (err error) {
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			s.takeMarks(tx)
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	if err = s.refreshRoundCounts(ctx, tx); err != nil {
		return err
	}
	defer s.commits.Add(1)
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
		return s.uniqueError(err, nil, nil)
	case s.d.foreignKeyViolation(err):
		return zhenggai.Errorf(zhenggai.EINVALID, "引用的记录不存在")
	case s.d.badValue(err):
		return zhenggai.Errorf(zhenggai.EINVALID, "内容中含有数据库不能保存的值（如 NUL 控制字符或过大的数字），请修改后再保存")
	}
	return err
}

// wrapErr names the store method an internal error (not a domain error,
// not the caller's cancellation) came from.
func (s *Store) wrapErr(err error) error {
	var ze *zhenggai.Error
	var ve *zhenggai.ValidationError
	if err == nil || errors.As(err, &ze) || errors.As(err, &ve) || errors.Is(err, context.Canceled) ||
		errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%s: %w", methodName(), err)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func parseDate(s string) zhenggai.Date {
	// The store writes dates as 2020-10-28 only: read those without
	// time.Parse, which a self-inspection calls a hundred thousand times.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return zhenggai.NewDate(y, m, d)
		}
	}
	d, _ := zhenggai.ParseDate(s)
	return d
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// SetClock replaces the clock that stamps what is written (records'
// times, audit entries, closing steps); nil puts the real one back. Only
// the demo calls it, so that its invented history happens on the sample
// report's dates. It must not run while other writes do.
func (s *Store) SetClock(now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	s.now = now
}
