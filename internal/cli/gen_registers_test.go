package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenRegisters: gen --registers writes registers for the units asked
// and reports them; gen --journal writes a journal of the lines asked.
func TestGenRegisters(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	code, out, errs := run(t, "", "gen", "--data", data, "--seed", "5", "--units", "3", "--rounds", "1", "--problems", "2",
		"--measures", "1", "--progress", "1", "--today", "2024-06-30", "--registers", "--register-units", "2",
		"--register-meetings", "50", "--register-lines", "1200", "--register-members", "10")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"另有登记簿（2个单位）", "党员 20 名", "党费缴纳记录 1200 条"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The county preset signs in the last year; a count the flag refuses.
	if strings.Contains(out, "签到 0 人次") || !strings.Contains(out, "人次，请假") {
		t.Errorf("no sign-ins from the county preset:\n%s", out)
	}
	if code, _, errs := run(t, "", "gen", "--data", filepath.Join(dir, "six"), "--units", "1", "--registers",
		"--register-signin-years", "6"); code == 0 || !strings.Contains(errs, "--register-signin-years") {
		t.Errorf("six years of sign-ins: exit %d: %s", code, errs)
	}
	if code, out, errs := run(t, "", "audit", "verify", "--data", data); code != 0 {
		t.Errorf("audit verify: exit %d\n%s%s", code, out, errs)
	}

	file := filepath.Join(dir, "序时账.csv")
	if code, out, errs := run(t, "", "gen", "--journal", file, "--lines", "500", "--seed", "2"); code != 0 || !strings.Contains(out, "500 行分录") {
		t.Fatalf("gen --journal: exit %d: %s%s", code, out, errs)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), "\n"); n != 501 || !strings.HasPrefix(string(b), "日期,凭证字号,摘要,科目编码") {
		t.Errorf("journal of %d rows: %.80s", n, b)
	}
	if code, _, errs := run(t, "", "gen", "--journal", file, "--lines", "1"); code != 1 || !strings.Contains(errs, "--lines") {
		t.Errorf("one line: exit %d: %s", code, errs)
	}
}
