package testkit

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"zhenggai/internal/store"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// DefaultTestPG is the PostgreSQL the tests use when ZHENGGAI_TEST_PG is
// not set: the machine's own, as .ci/run starts it (trust authentication
// on loopback). The tests connect to it as an administrator and make a
// database of their own for each test.
const DefaultTestPG = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// TestPGAdmin is the administrator's URL the tests create their
// databases through: $ZHENGGAI_TEST_PG or DefaultTestPG.
func TestPGAdmin() string {
	if s := os.Getenv("ZHENGGAI_TEST_PG"); s != "" {
		return s
	}
	return DefaultTestPG
}

var pgAdmin struct {
	once sync.Once
	db   *sql.DB
	err  error
}

func adminDB(t testing.TB) *sql.DB {
	t.Helper()
	pgAdmin.once.Do(func() {
		db, err := sql.Open("pgx", TestPGAdmin())
		if err != nil {
			pgAdmin.err = err
			return
		}
		db.SetMaxOpenConns(4)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			pgAdmin.err = err
			return
		}
		pgAdmin.db = db
		sweepTestDatabases(db)
	})
	if pgAdmin.err != nil {
		// Never a skip: a suite that silently leaves PostgreSQL out would
		// pass while the PostgreSQL store is broken.
		t.Fatalf("PostgreSQL is not reachable at %s: %v\n"+
			"The store's tests run on SQLite and on PostgreSQL, and do not skip PostgreSQL. Start it "+
			"(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, as .ci/run does), "+
			"or set ZHENGGAI_TEST_PG to the URL of a PostgreSQL where the tests may create databases.",
			store.RedactDSN(TestPGAdmin()), pgAdmin.err)
	}
	return pgAdmin.db
}

// sweepTestDatabases drops the test databases that test runs killed
// before their cleanup left behind: those made more than two hours ago.
func sweepTestDatabases(db *sql.DB) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := db.QueryContext(ctx, `SELECT datname FROM pg_database WHERE datname LIKE 'zg\_t\_%'`)
	if err != nil {
		return
	}
	var old []string
	for rows.Next() {
		var name string
		if rows.Scan(&name) != nil {
			continue
		}
		parts := strings.Split(name, "_") // zg, t, unix time, random
		if len(parts) != 4 {
			continue
		}
		if at, err := strconv.ParseInt(parts[2], 10, 64); err == nil && time.Since(time.Unix(at, 0)) > 2*time.Hour {
			old = append(old, name)
		}
	}
	rows.Close()
	for _, name := range old {
		db.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	}
}

// PostgresDSN creates a new, empty PostgreSQL database for the test
// (zg_t_, the time, a random part), dropped when the test ends, and
// returns its URL. If PostgreSQL cannot be reached the test fails.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	admin := adminDB(t)
	b := make([]byte, 8)
	rand.Read(b)
	name := fmt.Sprintf("zg_t_%d_%s", time.Now().Unix(), hex.EncodeToString(b))
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create test database %s: %v", name, err)
	}
	// A test's database need not survive a power cut: its commits do not
	// wait for the disk. Locking and visibility are as in production.
	if _, err := admin.ExecContext(ctx, `ALTER DATABASE `+name+` SET synchronous_commit = off`); err != nil {
		t.Fatalf("set up test database %s: %v", name, err)
	}
	t.Cleanup(func() {
		// FORCE: a connection the test left open does not keep it.
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(TestPGAdmin())
	if err != nil {
		t.Fatalf("ZHENGGAI_TEST_PG must be a postgres:// URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// Main runs a package's tests (call it from TestMain) with more of its
// parallel tests at once than there are cores, unless -parallel says
// otherwise: tests on PostgreSQL mostly wait for the database, for it to
// create theirs above all.
func Main(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.parallel" })
	if !set {
		flag.Set("test.parallel", strconv.Itoa(max(4, runtime.GOMAXPROCS(0))))
	}
	os.Exit(m.Run())
}

// Backend is one kind of database the program runs on, as a test makes
// one: the conformance suite runs each test on every backend.
type Backend struct {
	Name string // "sqlite" or "postgres"
	// New makes a new, empty installation for the test: its data folder
	// (attachments; on SQLite the database too) and the database URL to
	// pass as --db ("" on SQLite).
	New func(t testing.TB) (dir, dsn string)
}

// Backends are SQLite (a file in t.TempDir()) and PostgreSQL (a fresh
// database per test, see PostgresDSN).
func Backends() []Backend {
	return []Backend{
		{"sqlite", func(t testing.TB) (string, string) { return t.TempDir(), "" }},
		{"postgres", func(t testing.TB) (string, string) { t.Helper(); return t.TempDir(), PostgresDSN(t) }},
	}
}

// OpenPostgres is Open on a fresh PostgreSQL database; the attachments
// are in a folder of t.TempDir().
func OpenPostgres(t testing.TB) *Env {
	t.Helper()
	return OpenOn(t, Backends()[1])
}

// OpenOn is Open on a new installation of the backend b.
func OpenOn(t testing.TB, b Backend) *Env {
	t.Helper()
	return empty(t, b).open(t)
}

// empty makes a new installation of the backend b that nothing has opened
// yet: no tables, Store and Files nil. OpenStore opens it as the
// program's first start does; Raw reaches the empty database before.
func empty(t testing.TB, b Backend) *Env {
	t.Helper()
	dir, dsn := b.New(t)
	return &Env{Backend: b.Name, Dir: dir, DSN: dsn}
}

// Another makes a new installation of e's backend, opened: for a test
// that compares two.
func (e *Env) Another(t testing.TB) *Env {
	t.Helper()
	for _, b := range Backends() {
		if b.Name == e.Backend {
			return OpenOn(t, b)
		}
	}
	t.Fatalf("no backend %q", e.Backend)
	return nil
}

// EachBackend runs fn as a subtest on a fresh installation of each
// backend, SQLite then PostgreSQL: the one loop the tests of code that
// writes to the store share. fn may call t.Parallel.
func EachBackend(t *testing.T, fn func(t *testing.T, env *Env)) {
	t.Helper()
	for _, b := range Backends() {
		t.Run(b.Name, func(t *testing.T) { fn(t, OpenOn(t, b)) })
	}
}

// EachEmptyBackend is EachBackend on installations nothing has opened
// (see empty): for tests of the first start, of migrations from an older
// schema, and of commands that open the installation themselves.
func EachEmptyBackend(t *testing.T, fn func(t *testing.T, env *Env)) {
	t.Helper()
	for _, b := range Backends() {
		t.Run(b.Name, func(t *testing.T) { fn(t, empty(t, b)) })
	}
}

// BenchEachBackend is EachBackend for a benchmark.
func BenchEachBackend(b *testing.B, fn func(b *testing.B, env *Env)) {
	b.Helper()
	for _, be := range Backends() {
		b.Run(be.Name, func(b *testing.B) { fn(b, OpenOn(b, be)) })
	}
}
