package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRegisterAttendance: an attendance export and a leave list are read
// by the command line; a name not on the roster is refused naming its
// row, nothing written; the export writes the register.
func TestRegisterAttendance(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	file := func(name, text string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	att := file("打卡记录.csv", "工号,姓名,部门,打卡时间\n1,查无此人,办公室,2020-07-28 08:01:00\n")
	if code, _, errs := run(t, "", "register", "import", "attendance", att, "--data", data); code == 0 ||
		!strings.Contains(errs, "第2行：姓名“查无此人”不在本单位人员名册中") {
		t.Fatalf("stranger: exit %d %s", code, errs)
	}
	bad := file("坏.csv", "姓名,考勤日期,签到时间,签退时间\n王明,2020-07-28,早上,17:30\n")
	if code, _, errs := run(t, "", "register", "import", "attendance", bad, "--data", data); code == 0 || !strings.Contains(errs, "第2行") {
		t.Fatalf("bad time: exit %d %s", code, errs)
	}
	// A month matrix whose header has only days: the month is asked for.
	month := file("月度汇总.csv", "姓名,部门,1,2,3\n查无此人,办公室,08:55,正常,\n")
	if code, _, errs := run(t, "", "register", "import", "attendance", month, "--data", data); code == 0 || !strings.Contains(errs, "写明年月") {
		t.Fatalf("a matrix without its month: exit %d %s", code, errs)
	}
	exp := filepath.Join(t.TempDir(), "考勤.xlsx")
	if code, _, errs := run(t, "", "register", "export", "attendance", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	if code, _, errs := run(t, "", "register", "export", "leave", "--data", data, "-o", filepath.Join(t.TempDir(), "请假.xlsx")); code != 0 {
		t.Fatal(errs)
	}
}
