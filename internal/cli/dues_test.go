package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestDuesCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		out  string
	}{
		{[]string{"--kind", "in_service", "--base", "5100"}, "76.50\n"},
		{[]string{"--kind", "in_service", "--base", "3000"}, "15.00\n"},
		{[]string{"--kind", "in_service", "--base", "3000.01"}, "30.00\n"},
		{[]string{"--kind", "in_service", "--base", "10000.01"}, "200.00\n"},
		{[]string{"--kind", "retired", "--base", "5000"}, "25.00\n"},
		{[]string{"--kind", "retired", "--base", "5000.01"}, "50.00\n"},
		{[]string{"--kind", "in_service", "--base", "4567.50"}, "45.68\n"},
		{[]string{"--kind", "in_service", "--base", "4567.50", "--rounding", "down"}, "45.67\n"},
		{[]string{"--kind", "student"}, "0.20\n"},
		{[]string{"--kind", "dibao", "--base", "0"}, "0.20\n"},
		{[]string{"--kind", "farmer", "--fixed", "0.5"}, "0.50\n"},
		{[]string{"--kind", "在职", "--base", "1,234.56"}, "6.17\n"},
		// Worked by hand from 中组发〔2008〕3号: the whole base at one rate.
		{[]string{"--kind", "in_service", "--base", "4999.99"}, "50.00\n"}, // × 1% = 49.9999
		{[]string{"--kind", "in_service", "--base", "5000.00"}, "50.00\n"}, // × 1%
		{[]string{"--kind", "in_service", "--base", "5000.01"}, "75.00\n"}, // × 1.5% = 75.00015
		{[]string{"--kind", "in_service", "--base", "10000"}, "150.00\n"},  // × 1.5%
		{[]string{"--kind", "in_service", "--base", "2999.99"}, "15.00\n"}, // × 0.5% = 14.99995
		{[]string{"--kind", "in_service", "--base", "2999.90"}, "15.00\n"}, // × 0.5% = 14.9995
		{[]string{"--kind", "in_service", "--base", "2999.00"}, "15.00\n"}, // × 0.5% = 14.995 → 15.00 half up
		{[]string{"--kind", "in_service", "--base", "2999.00", "--rounding", "down"}, "14.99\n"},
		{[]string{"--kind", "retired", "--base", "6000"}, "60.00\n"}, // × 1%
		{[]string{"--kind", "退休", "--base", "4321.10"}, "21.61\n"},   // × 0.5% = 21.6055
		{[]string{"--kind", "unemployed", "--base", "8000"}, "0.20\n"},
		{[]string{"--kind", "学生"}, "0.20\n"},
	} {
		code, out, errs := run(t, "", append([]string{"dues"}, c.args...)...)
		if code != 0 || out != c.out {
			t.Errorf("dues %v: exit %d, %q, %s; want %q", c.args, code, out, errs, c.out)
		}
	}
}

func TestDuesCommandJSON(t *testing.T) {
	code, out, errs := run(t, "", "dues", "--kind", "in_service", "--base", "5100", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Kind, Base, Rate, Tier, Due string
		DueFen                      int64 `json:"due_fen"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	if got.Kind != "in_service" || got.Base != "5100.00" || got.Rate != "1.5%" || got.Due != "76.50" || got.DueFen != 7650 ||
		got.Tier != "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%" {
		t.Errorf("got %+v", got)
	}
}

func TestDuesCommandBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "--kind"},
		{[]string{"--kind", "cadre", "--base", "1"}, "党员类别"},
		{[]string{"--kind", "in_service"}, "--base"},
		{[]string{"--kind", "in_service", "--base", "-5"}, "缴费基数不能为负数"},
		{[]string{"--kind", "in_service", "--base", "五千"}, "缴费基数须为金额"},
		{[]string{"--kind", "in_service", "--base", "1.234"}, "最多精确到分"},
		{[]string{"--kind", "farmer", "--fixed", "2"}, "0.20元至1.00元"},
		{[]string{"--kind", "student", "--fixed", "0.5"}, "农民党员"},
		{[]string{"--kind", "retired", "--base", "1", "--rounding", "up"}, "取整方式"},
		{[]string{"--kind", "retired", "--base", "1", "extra"}, "多余的参数"},
		{[]string{"--nosuch"}, "用法"},
	} {
		code, out, errs := run(t, "", append([]string{"dues"}, c.args...)...)
		if code != 2 || out != "" || !strings.Contains(errs, c.msg) {
			t.Errorf("dues %v: exit %d, out %q, stderr %s; want exit 2 and %q", c.args, code, out, errs, c.msg)
		}
	}
	if code, _, errs := run(t, "", "dues", "--help"); code != 0 || !strings.Contains(errs, "中组发〔2008〕3号") {
		t.Errorf("--help: exit %d, %s", code, errs)
	}
}

func duesBook(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(t.TempDir(), "党费.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRegisterDues: a branch's sheet is imported (dry run first, then for
// real), exported, and the export reads back as the same register.
func TestRegisterDues(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatalf("seed: %s", errs)
	}
	file := duesBook(t,
		[]any{"2019年党费缴纳登记表"},
		[]any{"序号", "姓名", "类别", "缴费基数（元）", "1月", "2月", "3月"},
		[]any{1, "王明", "在职", 5100, 76.5, 77, ""},
		[]any{2, "张三", "学生", "", 0.2, 0.2, 0.2})
	code, out, errs := run(t, "", "register", "import", "dues", file, "--data", data, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run: exit %d %s", code, errs)
	}
	var sum struct {
		DryRun            bool `json:"dry_run"`
		Members, Payments int
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || !sum.DryRun || sum.Members != 2 || sum.Payments != 5 {
		t.Fatalf("dry run: %v %s", err, out)
	}
	if code, out, errs = run(t, "", "register", "import", "dues", file, "--data", data); code != 0 || !strings.Contains(out, "已导入党员2名") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, out, errs = run(t, "", "register", "export", "dues", "--data", data, "-o", exp); code != 0 {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "register", "import", "dues", exp, "--data", data, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("re-read: exit %d %s", code, errs)
	}
	var again struct {
		Members, NewMembers, Payments int
		Preview                       []struct {
			Name      string
			Paid, Due int64
		}
	}
	if err := json.Unmarshal([]byte(out), &again); err != nil {
		t.Fatal(err)
	}
	wang := again.Preview[len(again.Preview)-1]
	if again.Members != 2 || again.NewMembers != 0 || again.Payments != 5 || len(again.Preview) != 2 ||
		wang.Name != "王明" || wang.Paid != 15350 || wang.Due != 12*7650 {
		t.Errorf("export read back: %s", out)
	}
	bad := duesBook(t, []any{"2019年"}, []any{"姓名", "类别", "1月"}, []any{"李四", "干部", 1})
	if code, _, errs = run(t, "", "register", "import", "dues", bad, "--data", data); code == 0 || !strings.Contains(errs, "第3行“类别”") {
		t.Errorf("bad sheet: exit %d %s", code, errs)
	}
}
