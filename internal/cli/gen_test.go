package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/testkit"
)

// TestGen generates a little data on each backend (on PostgreSQL through
// --db), which audit verify accepts, and refuses to generate twice.
func TestGen(t *testing.T) {
	testkit.EachEmptyBackend(t, func(t *testing.T, env *testkit.Env) { testGen(t, where(env.Dir, env.DSN)) })
}

func testGen(t *testing.T, at []string) {
	args := argv([]string{"gen"}, append(at, "--seed", "5", "--units", "3", "--rounds", "1", "--problems", "4",
		"--measures", "2", "--progress", "2", "--today", "2024-06-30")...)
	code, out, errs := run(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"单位 3 个", "巡察轮次 3 个", "具体问题 12 个", "整改措施 24 项", "整改进展 48 条", "初始密码：", "admin"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, out, errs := run(t, "", argv([]string{"audit", "verify"}, at...)...); code != 0 {
		t.Errorf("audit verify: exit %d\n%s%s", code, out, errs)
	}
	if code, out, _ := run(t, "", argv([]string{"user", "list"}, at...)...); code != 0 || strings.Count(out, "系统管理员") != 2 {
		t.Errorf("users after gen (exit %d):\n%s", code, out)
	}
	// A folder with rounds is refused, and left as it was.
	code, _, errs = run(t, "", args...)
	if code != 1 || !strings.Contains(errs, "已有 3 个巡察轮次") {
		t.Errorf("second gen into the same folder: exit %d: %s", code, errs)
	}
}

func TestGenFlags(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--size", "country"}, "规模"},
		{[]string{"--today", "2024-13-01"}, "--today"},
		{[]string{"--today", "2999-01-01"}, "不能晚于今天"},
		{[]string{"--units", "0"}, "单位数"},
		{[]string{"--measures", "100"}, "整改措施数"},
	} {
		code, _, errs := run(t, "", append([]string{"gen", "--data", data}, c.args...)...)
		if code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d: %s", c.args, code, errs)
		}
	}
	if code, _, _ := run(t, "", "gen", "--data", data, "extra"); code != 2 {
		t.Errorf("an argument: exit %d", code)
	}
}
