package cli_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"zhenggai/internal/cli"
	"zhenggai/internal/testkit"
)

// TestAuditVerifySchema: audit verify and serve against what someone with
// a SQLite shell or psql adds behind the program's back, on each backend.
// A clean installation verifies clean and says its schema and sessions
// are the program's. A trigger that rewrites the owner of every saved
// measure, a view, an index and a session no login created are each named
// by verify (exit 1); serve refuses to start while the trigger is there,
// and once it is dropped starts with a warning for each of the others.
func TestAuditVerifySchema(t *testing.T) {
	t.Parallel()
	testkit.EachEmptyBackend(t, func(t *testing.T, env *testkit.Env) {
		t.Parallel()
		testAuditVerifySchema(t, env.Dir, env.DSN)
	})
}

func testAuditVerifySchema(t *testing.T, dir, dsn string) {
	at := where(dir, dsn)
	if code, _, errs := run(t, "", argv([]string{"import"}, append(at, seedFile(t))...)...); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	if code, _, errs := run(t, "", argv([]string{"user", "add", "admin", "--role", "admin"}, at...)...); code != 0 {
		t.Fatalf("user add: %s", errs)
	}
	code, out, errs := run(t, "", argv([]string{"audit", "verify"}, at...)...)
	if code != 0 || !regexp.MustCompile(`表结构与本程序的迁移一致（\d+张表、\d+个索引），没有外来的触发器、视图、索引或函数；0个登录会话都由登录建立。`).MatchString(out) {
		t.Fatalf("clean: exit %d\n%s\n%s", code, out, errs)
	}

	db := rawSQL(t, dir, dsn)
	exec := func(q string) {
		t.Helper()
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	dropTrigger := `DROP TRIGGER measures_owner`
	if dsn != "" {
		exec(`CREATE FUNCTION set_owner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.owner := '刘四'; RETURN NEW; END $$`)
		exec(`CREATE TRIGGER measures_owner BEFORE UPDATE OF content ON measures FOR EACH ROW EXECUTE FUNCTION set_owner()`)
		dropTrigger = `DROP TRIGGER measures_owner ON measures`
	} else {
		exec(`CREATE TRIGGER measures_owner AFTER UPDATE OF content ON measures BEGIN
			UPDATE measures SET owner = '刘四' WHERE id = NEW.id; END`)
	}
	exec(`CREATE VIEW contacts AS SELECT name, contact FROM opinions`)
	exec(`CREATE INDEX measures_owner_idx ON measures (owner)`)
	exec(`INSERT INTO sessions (id_hash, user_id, created_at, expires_at, addr)
		VALUES ('` + strings.Repeat("0", 64) + `', 1, '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '10.0.0.66')`)

	code, out, errs = run(t, "", argv([]string{"audit", "verify"}, at...)...)
	for _, w := range []string{
		"1. 数据库中有不是本程序建立的触发器 measures_owner（表 measures）",
		"数据库中有不是本程序建立的视图 contacts",
		"数据库中有不是本程序建立的索引 measures_owner_idx（表 measures）",
		"登录会话 #1（用户 admin，2026-01-01T00:00:00Z 起，至 2099-01-01T00:00:00Z，地址 10.0.0.66）不是由登录产生的",
	} {
		if code != 1 || !strings.Contains(out, w) {
			t.Errorf("verify does not say %q: exit %d\n%s", w, code, out)
		}
	}
	if !strings.Contains(errs, "错误：第一处问题：数据库中有不是本程序建立的触发器 measures_owner") {
		t.Errorf("first problem: %s", errs)
	}

	serve := argv([]string{"serve"}, append(at, "--addr", "127.0.0.1:0")...)
	code, _, errs = run(t, "", serve...)
	if code != 1 || !strings.Contains(errs, "不是本程序建立的触发器 measures_owner") || !strings.Contains(errs, "拒绝启动") {
		t.Errorf("serve with a foreign trigger: exit %d\n%s", code, errs)
	}
	exec(dropTrigger)
	errs = startThenStop(t, serve)
	for _, w := range []string{"警告：数据库中有不是本程序建立的视图 contacts", "警告：数据库中有不是本程序建立的索引 measures_owner_idx",
		"警告：登录会话 #1（用户 admin"} {
		if !strings.Contains(errs, w) {
			t.Errorf("serve does not warn %q:\n%s", w, errs)
		}
	}
}

// startThenStop runs a serving command until it says it started, stops
// it, and returns what it wrote on stderr.
func startThenStop(t *testing.T, args []string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, errb := &syncBuffer{}, &syncBuffer{}
	done := make(chan int)
	go func() { done <- cli.RunContext(ctx, args, strings.NewReader(""), out, errb) }()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(out.String(), "已启动"); time.Sleep(20 * time.Millisecond) {
		select {
		case code := <-done:
			t.Fatalf("%v exited %d: %s", args, code, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%v did not start: %s %s", args, out.String(), errb.String())
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("%v exit %d after stop: %s", args, code, errb.String())
	}
	return errb.String()
}
