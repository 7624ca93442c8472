package cli_test

import (
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"zhenggai/internal/store"
)

func TestAuditVerify(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	code, out, errs := run(t, "", "audit", "verify", "--data", data)
	// The seed: 1 unit, 1 round, 14 categories, 38 problems, 97 measures.
	if code != 0 || !strings.Contains(out, "审计日志完整：共151条记录，151个业务记录与日志一致。") {
		t.Fatalf("clean data: exit %d\n%s\n%s", code, out, errs)
	}
	if !regexp.MustCompile(`最后一条为第151条，哈希 [0-9a-f]{64}`).MatchString(out) {
		t.Errorf("no head hash to write down: %s", out)
	}
	// The log names who imported.
	code, out, _ = run(t, "", "audit", "log", "--data", data, "--entity", "measures", "--id", "12")
	if code != 0 || !strings.Contains(out, "cli:import") || !strings.Contains(out, "新建 measures #12") {
		t.Errorf("audit log: exit %d\n%s", code, out)
	}

	// Someone edits a measure with a SQLite shell.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, store.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE measures SET owner = '某人' WHERE id = 12`); err != nil {
		t.Fatal(err)
	}
	code, out, errs = run(t, "", "audit", "verify", "--data", data)
	if code != 1 || !strings.Contains(out, "measures #12 的当前内容与审计日志不符（被绕过程序修改：owner") ||
		!strings.Contains(errs, "measures #12") {
		t.Errorf("tampered measure: exit %d\n%s\n%s", code, out, errs)
	}
	// …and then a log entry.
	if _, err := db.Exec(`UPDATE audit_log SET actor_name = '管理员' WHERE id = 3`); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "", "audit", "verify", "--data", data)
	if code != 1 || !strings.Contains(out, "1. 第3条记录被修改") {
		t.Errorf("tampered log: exit %d\n%s", code, out)
	}

	// A folder without a database is not created, and says so.
	empty := filepath.Join(t.TempDir(), "none")
	if code, _, errs := run(t, "", "audit", "verify", "--data", empty); code != 3 || !strings.Contains(errs, "没有数据库") {
		t.Errorf("no database: exit %d %q", code, errs)
	}
	if code, _, _ := run(t, "", "audit"); code != 2 {
		t.Errorf("audit without subcommand: exit %d", code)
	}
	if code, _, _ := run(t, "", "audit", "verify", "--help"); code != 0 {
		t.Errorf("--help: exit %d", code)
	}
}
