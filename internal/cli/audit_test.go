package cli_test

import (
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhenggai/internal/store"
	"zhenggai/internal/testkit"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// where is the --data (and on PostgreSQL --db) of an installation.
func where(dir, dsn string) []string {
	if dsn != "" {
		return []string{"--db", dsn, "--data", dir}
	}
	return []string{"--data", dir}
}

func argv(a []string, more ...string) []string { return append(append([]string(nil), a...), more...) }

// rawSQL opens an installation's database behind the program's back, as
// someone with a SQLite shell or psql would.
func rawSQL(t *testing.T, dir, dsn string) *sql.DB {
	t.Helper()
	driver, name := "sqlite", "file:"+filepath.Join(dir, store.DBFile)
	if dsn != "" {
		driver, name = "pgx", dsn
	}
	db, err := sql.Open(driver, name)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// TestAuditVerify runs zhenggai audit verify and log on each backend: on
// PostgreSQL through --db, tampered with by plain SQL as psql would.
func TestAuditVerify(t *testing.T) {
	t.Parallel()
	testkit.EachEmptyBackend(t, func(t *testing.T, env *testkit.Env) {
		t.Parallel()
		testAuditVerify(t, env.Dir, env.DSN)
	})
}

func testAuditVerify(t *testing.T, dir, dsn string) {
	at := where(dir, dsn)
	if code, _, errs := run(t, "", argv([]string{"import"}, append(at, seedFile(t))...)...); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := run(t, "", argv([]string{"audit", "verify"}, at...)...)
	// The seed: 1 unit, 1 round, 14 categories, 38 problems, 97 measures.
	if code != 0 || !strings.Contains(out, "审计日志完整：共151条记录，151个业务记录与日志一致。") {
		t.Fatalf("clean data: exit %d\n%s\n%s", code, out, errs)
	}
	if !regexp.MustCompile(`最后一条为第151条，哈希 [0-9a-f]{64}`).MatchString(out) {
		t.Errorf("no head hash to write down: %s", out)
	}
	// The log names who imported.
	code, out, _ = run(t, "", argv([]string{"audit", "log"}, append(at, "--entity", "measures", "--id", "12")...)...)
	if code != 0 || !strings.Contains(out, "cli:import") || !strings.Contains(out, "新建 measures #12") {
		t.Errorf("audit log: exit %d\n%s", code, out)
	}

	// Someone edits a measure with a SQLite shell or psql.
	db := rawSQL(t, dir, dsn)
	if _, err := db.Exec(`UPDATE measures SET owner = '某人' WHERE id = 12`); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, "", argv([]string{"audit", "verify"}, at...)...)
	if code != 1 || !strings.Contains(out, "measures #12 的当前内容与审计日志不符（被绕过程序修改：owner") ||
		!strings.Contains(errs, "measures #12") {
		t.Errorf("tampered measure: exit %d\n%s\n%s", code, out, errs)
	}
	// …and then a log entry.
	if _, err := db.Exec(`UPDATE audit_log SET actor_name = '管理员' WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", argv([]string{"audit", "verify"}, at...)...)
	if code != 1 || !strings.Contains(out, "1. 第3条记录被修改") {
		t.Errorf("tampered log: exit %d\n%s", code, out)
	}

	// A folder (or PostgreSQL database) without zhenggai's data is not
	// given one, and says so.
	empty := filepath.Join(t.TempDir(), "none")
	if dsn == "" {
		if code, _, errs := run(t, "", "audit", "verify", "--data", empty); code != 3 || !strings.Contains(errs, "没有数据库") {
			t.Errorf("no database: exit %d %q", code, errs)
		}
	} else {
		fresh := testkit.PostgresDSN(t)
		if code, _, errs := run(t, "", "audit", "verify", "--db", fresh); code != 3 || !strings.Contains(errs, "没有 zhenggai 的数据") {
			t.Errorf("empty PostgreSQL database: exit %d %q", code, errs)
		}
		if ok, err := store.Exists(t.Context(), "", fresh); ok || err != nil {
			t.Errorf("audit verify made a schema in an empty database: %v %v", ok, err)
		}
	}
	if code, _, _ := run(t, "", "audit"); code != 2 {
		t.Errorf("audit without subcommand: exit %d", code)
	}
	if code, _, _ := run(t, "", "audit", "verify", "--help"); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}
