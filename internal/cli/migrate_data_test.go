package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/demo"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// demoInstallation makes a SQLite installation in dir as the demo command
// does (the demo round with its evidence files and accounts), plus an API
// token, a live session and warning settings, and returns the admin's password.
func demoInstallation(t *testing.T, dir string) string {
	t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:demo", Via: "cli"})
	st, err := store.Open(ctx, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files, err := attach.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := demo.Load(ctx, st, files, zhenggai.NewDate(2020, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := demo.Accounts(ctx, st, r)
	if err != nil {
		t.Fatal(err)
	}
	admin, _, err := st.UserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateToken(ctx, admin.ID, "api", strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateSession(ctx, strings.Repeat("cd", 32), admin.ID, time.Now().Add(time.Hour), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 7}); err != nil {
		t.Fatal(err)
	}
	for _, a := range accounts {
		if a.Login == "admin" {
			return a.Password
		}
	}
	t.Fatal("the demo made no admin")
	return ""
}

// migrated are the tables migrate-data carries over.
var migrated = []string{"units", "users", "tokens", "settings", "rounds", "categories", "problems", "measures",
	"progress", "attachments", "audit_log", "audit_head"}

// dumpRows reads every migrated table behind the program's back, in id
// order, each value with its Go type as the driver gives it.
func dumpRows(t *testing.T, dir, dsn string) map[string]string {
	t.Helper()
	db := rawSQL(t, dir, dsn)
	out := map[string]string{}
	for _, table := range migrated {
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		var b strings.Builder
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				if x, ok := v.([]byte); ok {
					v = string(x)
				}
				fmt.Fprintf(&b, "%s=%T:%v ", strings.ToLower(cols[i]), v, v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
		out[table] = b.String()
	}
	db.Close()
	return out
}

// evidence lists the files of a data folder's files/.
func evidence(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, "files"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func verifyOK(t *testing.T, name string, at []string) string {
	t.Helper()
	code, out, errs := run(t, "", argv([]string{"audit", "verify"}, at...)...)
	if code != 0 {
		t.Fatalf("audit verify of %s: exit %d\n%s\n%s", name, code, out, errs)
	}
	m := regexp.MustCompile(`最后一条为第(\d+)条，哈希 ([0-9a-f]{64})`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("audit verify of %s printed no head: %s", name, out)
	}
	return m[1] + " " + m[2]
}

// TestMigrateDataRoundTrip moves the demo installation from SQLite to
// PostgreSQL and back to SQLite: every copy holds the same rows (ids,
// audit trail, accounts and tokens; not sessions) and the same evidence
// files, passes audit verify with the same head, and serves: the demo's
// admin signs in on PostgreSQL with the password the demo printed.
func TestMigrateDataRoundTrip(t *testing.T) {
	t.Parallel()
	a := filepath.Join(t.TempDir(), "county")
	password := demoInstallation(t, a)
	pg := testkit.PostgresDSN(t)
	pgFiles := filepath.Join(t.TempDir(), "city-files")
	c := filepath.Join(t.TempDir(), "back")

	code, out, errs := run(t, "", "migrate-data", "--from", a, "--to", pg, "--data-to", pgFiles)
	if code != 0 {
		t.Fatalf("SQLite → PostgreSQL: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"迁移完成", "整改措施 97，整改进展 194，佐证材料记录 97，销号记录", "登录会话未迁移", "佐证材料：已复制 97 个文件", "审计日志核对通过",
		"启动：zhenggai serve --db '" + store.RedactDSN(pg) + "' --data " + pgFiles} {
		if !strings.Contains(out, want) {
			t.Errorf("SQLite → PostgreSQL output lacks %q:\n%s", want, out)
		}
	}
	code, out, errs = run(t, "", "migrate-data", "--from", pg, "--data-from", pgFiles, "--to", c)
	if code != 0 {
		t.Fatalf("PostgreSQL → SQLite: exit %d\n%s\n%s", code, out, errs)
	}
	if !strings.Contains(out, "审计日志核对通过") || !strings.Contains(out, "启动：zhenggai serve --data "+c) {
		t.Errorf("PostgreSQL → SQLite output:\n%s", out)
	}

	// The same rows everywhere…
	rowsA, rowsP, rowsC := dumpRows(t, a, ""), dumpRows(t, "", pg), dumpRows(t, c, "")
	for _, table := range migrated {
		if rowsA[table] == "" {
			t.Errorf("the demo has no %s", table)
		}
		if rowsP[table] != rowsA[table] || rowsC[table] != rowsA[table] {
			t.Errorf("%s differs after the round trip:\nSQLite     %.300s\nPostgreSQL %.300s\nback       %.300s", table, rowsA[table], rowsP[table], rowsC[table])
		}
	}
	// …but not the sessions.
	for name, at := range map[string][2]string{"PostgreSQL": {"", pg}, "back": {c, ""}} {
		st, err := store.Open(context.Background(), at[0], at[1])
		if err != nil {
			t.Fatal(err)
		}
		if n, err := st.Count(context.Background(), "sessions"); n != 0 || err != nil {
			t.Errorf("%s: %d sessions (%v)", name, n, err)
		}
		st.Close()
	}
	// The same evidence files.
	if fa, fp, fc := evidence(t, a), evidence(t, pgFiles), evidence(t, c); len(fa) != 97 ||
		strings.Join(fa, ",") != strings.Join(fp, ",") || strings.Join(fa, ",") != strings.Join(fc, ",") {
		t.Errorf("evidence files: %d in the source, %d on PostgreSQL's folder, %d back", len(fa), len(fp), len(fc))
	}
	// Each verifies, to the same head.
	headA := verifyOK(t, "the source", where(a, ""))
	if headP := verifyOK(t, "PostgreSQL", where(pgFiles, pg)); headP != headA {
		t.Errorf("head on PostgreSQL %s, source %s", headP, headA)
	}
	if headC := verifyOK(t, "the copy back", where(c, "")); headC != headA {
		t.Errorf("head back on SQLite %s, source %s", headC, headA)
	}
	// The program runs on the copy: sign in and read a page with evidence.
	startAndGet(t, []string{"serve", "--db", pg, "--data", pgFiles, "--addr", "127.0.0.1:0"}, "admin "+password,
		"/problems/1", "学习")
}

// TestMigrateDataRefuses: migrate-data writes only into an empty database
// and never mixes two installations.
func TestMigrateDataRefuses(t *testing.T) {
	t.Parallel()
	a := filepath.Join(t.TempDir(), "a")
	demoInstallation(t, a)
	pg := testkit.PostgresDSN(t)
	b := filepath.Join(t.TempDir(), "b")
	if code, out, errs := run(t, "", "migrate-data", "--from", a, "--to", b); code != 0 {
		t.Fatalf("SQLite → SQLite: exit %d\n%s\n%s", code, out, errs)
	}
	before := dumpRows(t, b, "")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"target with data", []string{"--from", a, "--to", b}, 1, "已有数据"},
		{"same folder", []string{"--from", a, "--to", a}, 1, "同一个数据库"},
		{"no source", []string{"--from", filepath.Join(t.TempDir(), "none"), "--to", pg}, 1, "没有 zhenggai 的数据"},
		{"empty PostgreSQL source", []string{"--from", testkit.PostgresDSN(t), "--to", filepath.Join(t.TempDir(), "x")}, 1, "没有 zhenggai 的数据"},
		{"--data-from with a folder", []string{"--from", a, "--data-from", b, "--to", pg}, 2, "--data-from 只用于"},
		{"no --to", []string{"--from", a}, 2, ""},
	}
	for _, tc := range cases {
		code, out, errs := run(t, "", append([]string{"migrate-data"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, want %d with %q\n%s\n%s", tc.name, code, tc.code, tc.want, out, errs)
		}
	}
	if after := dumpRows(t, b, ""); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a refused migration changed the target")
	}
	// PostgreSQL to a folder needs to know where the evidence files are.
	if code, out, _ := run(t, "", "migrate-data", "--from", a, "--to", pg); code != 0 || !strings.Contains(out, "佐证材料：仍在 "+filepath.Join(a, "files")) {
		t.Fatalf("SQLite → PostgreSQL without --data-to: exit %d\n%s", code, out)
	}
	code, _, errs := run(t, "", "migrate-data", "--from", pg, "--to", filepath.Join(t.TempDir(), "c"))
	if code != 1 || !strings.Contains(errs, "请用 --data-from 指定佐证材料所在的数据目录") {
		t.Errorf("PostgreSQL → SQLite without --data-from: exit %d %q", code, errs)
	}
}

// TestCommandsOnPostgres runs the commands that open data with --db, and
// checks that backup and restore refuse it with the way to do it.
func TestCommandsOnPostgres(t *testing.T) {
	t.Parallel()
	pg := testkit.PostgresDSN(t)
	files := t.TempDir()
	if code, _, errs := run(t, "", "serve", "--db", pg, "--data", files, "--addr", "127.0.0.1:0"); code != 1 || !strings.Contains(errs, "还没有 zhenggai 的数据") {
		t.Errorf("serve on an empty database: exit %d %q", code, errs)
	}
	code, out, errs := run(t, "", "user", "add", "admin", "--role", "admin", "--db", pg)
	if code != 0 || !strings.Contains(out, "初始密码") {
		t.Fatalf("user add: exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := run(t, "", "user", "list", "--db", pg); code != 0 || !strings.Contains(out, "admin") {
		t.Errorf("user list: exit %d\n%s", code, out)
	}
	if code, out, errs := run(t, "", "token", "create", "--db", pg); code != 0 || !regexp.MustCompile(`zt_\S+\s*$`).MatchString(out) {
		t.Errorf("token create: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, "", "import", "--db", pg, seedFile(t)); code != 0 || !strings.Contains(errs, "已导入为巡察轮次 #1（数据库 ") {
		t.Errorf("import: exit %d %q", code, errs)
	}
	if code, _, errs := run(t, "", "demo", "--db", pg, "--addr", "127.0.0.1:0"); code != 1 || !strings.Contains(errs, "已有数据") {
		t.Errorf("demo into a database with data: exit %d %q", code, errs)
	}
	verifyOK(t, "PostgreSQL", where(files, pg))
	if _, err := os.Stat(filepath.Join(files, store.DBFile)); err == nil {
		t.Error("a command on PostgreSQL made a SQLite database in --data")
	}
	code, _, errs = run(t, "", "backup", "--db", pg, filepath.Join(t.TempDir(), "b.zip"))
	if code != 1 || !strings.Contains(errs, "pg_dump") {
		t.Errorf("backup --db: exit %d %q", code, errs)
	}
	code, _, errs = run(t, "", "restore", "--db", pg, filepath.Join(t.TempDir(), "b.zip"))
	if code != 1 || !strings.Contains(errs, "pg_restore") || !strings.Contains(errs, "migrate-data") {
		t.Errorf("restore --db: exit %d %q", code, errs)
	}
	if code, _, errs := run(t, "", "serve", "--db", "mysql://x", "--data", files); code != 1 || !strings.Contains(errs, "postgres://") {
		t.Errorf("serve with a URL that is not PostgreSQL: exit %d %q", code, errs)
	}
}

// TestDemoOnPostgres: the demo loads into an empty PostgreSQL database and
// serves from it.
func TestDemoOnPostgres(t *testing.T) {
	t.Parallel()
	pg := testkit.PostgresDSN(t)
	out := startAndGet(t, []string{"demo", "--db", pg, "--data", filepath.Join(t.TempDir(), "demo"), "--addr", "127.0.0.1:0"}, "", "/rounds/1", "35")
	if !strings.Contains(out, "数据库：") {
		t.Errorf("demo on PostgreSQL does not say where: %s", out)
	}
	verifyOK(t, "the demo on PostgreSQL", []string{"--db", pg})
}

// TestMain: the tests on PostgreSQL mostly wait for it; see testkit.Main.
func TestMain(m *testing.M) { testkit.Main(m) }
