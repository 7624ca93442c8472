package testkit

import (
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zhenggai/internal/store"

	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// Raw is an installation's database opened behind the program's back, as
// someone with a SQLite shell or psql would, with foreign keys off
// (SQLite: foreign_keys(0); PostgreSQL: session_replication_role =
// replica, which a superuser may set, and which skips the foreign key
// triggers). Exec and QueryRow take ? placeholders on both; DB is the
// connection itself, for SQL written for one engine.
type Raw struct {
	DB *sql.DB
	pg bool
}

// Raw opens the installation's database behind the program's back, on
// one connection, closed when the test ends.
func (e *Env) Raw(t testing.TB) *Raw {
	t.Helper()
	var conn *sql.DB
	var err error
	if e.DSN == "" {
		conn, err = sql.Open("sqlite", "file:"+filepath.Join(e.Dir, store.DBFile)+"?_pragma=foreign_keys(0)&_pragma=busy_timeout(10000)")
	} else {
		u, perr := url.Parse(e.DSN)
		if perr != nil {
			t.Fatal(perr)
		}
		q := u.Query()
		q.Set("session_replication_role", "replica")
		u.RawQuery = q.Encode()
		conn, err = sql.Open("pgx", u.String())
	}
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	t.Cleanup(func() { conn.Close() })
	return &Raw{DB: conn, pg: e.DSN != ""}
}

// rebind writes ? placeholders as PostgreSQL's $n.
func (r *Raw) rebind(q string) string {
	if !r.pg {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (r *Raw) Exec(q string, args ...any) (sql.Result, error) { return r.DB.Exec(r.rebind(q), args...) }

func (r *Raw) QueryRow(q string, args ...any) *sql.Row { return r.DB.QueryRow(r.rebind(q), args...) }

func (r *Raw) Query(q string, args ...any) (*sql.Rows, error) {
	return r.DB.Query(r.rebind(q), args...)
}

func (r *Raw) Close() error { return r.DB.Close() }

// Fingerprint is a cheap fingerprint of everything a SQLite installation
// stores: the rows of every table, the sum of the versions of every
// versioned table, and the files kept. Two equal fingerprints mean nothing
// was written in between (an update always raises a version). Sessions and
// tokens are left out: using them is not a write of the caller's.
func Fingerprint(tb testing.TB, db *sql.DB, dir string) string {
	tb.Helper()
	rows, err := db.Query(`SELECT m.name, (SELECT COUNT(*) FROM pragma_table_info(m.name) WHERE name = 'version')
		FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name`)
	if err != nil {
		tb.Fatal(err)
	}
	type table struct {
		name      string
		versioned bool
	}
	var tables []table
	for rows.Next() {
		var t table
		if err := rows.Scan(&t.name, &t.versioned); err != nil {
			tb.Fatal(err)
		}
		if t.name != "sessions" && t.name != "tokens" && t.name != "api_tokens" && t.name != "login_attempts" {
			tables = append(tables, t)
		}
	}
	rows.Close()
	var b strings.Builder
	for _, t := range tables {
		q := `SELECT COUNT(*), 0 FROM "` + t.name + `"`
		if t.versioned {
			q = `SELECT COUNT(*), COALESCE(SUM(version), 0) FROM "` + t.name + `"`
		}
		var n, v int64
		if err := db.QueryRow(q).Scan(&n, &v); err != nil {
			tb.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:%d/%d ", t.name, n, v)
	}
	files := 0
	filepath.WalkDir(filepath.Join(dir, "files"), func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return nil
	})
	fmt.Fprintf(&b, "files:%d", files)
	return b.String()
}
