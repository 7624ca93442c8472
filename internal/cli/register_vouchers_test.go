package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/store"
)

const journalCSV = "某县委巡察办序时账\n" +
	"日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,附单据数,制单人,审核人\n" +
	"2019-03-05,记-1,支付办公用品费,5001,业务活动费用,\"1,260.50\",,2,王芳,李明\n" +
	",,支付办公用品费,1011,零余额账户用款额度,,\"1,260.50\",,,\n" +
	"2019-04-02,记-1,购置电脑,5001,业务活动费用,5000,,1,王芳,\n" +
	",,购置电脑,1011,零余额账户用款额度,,5000,,,\n" +
	",,本月合计,,,5000,5000,,,\n"

// TestRegisterVouchers: the command line checks a journal (--dry-run
// --json), imports it, exports it as a workbook that imports back, and
// refuses a bad one naming the row.
func TestRegisterVouchers(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	st, err := store.OpenSQLite(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	units, _ := st.Units(context.Background())
	st.Close()
	unit := units[len(units)-1].Name
	dir := t.TempDir()
	file := filepath.Join(dir, "序时账.csv")
	if err := os.WriteFile(file, []byte(journalCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "vouchers", file, "--unit", unit, "--data", data, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("dry run: %d %s", code, errs)
	}
	var sum struct {
		Periods  []string `json:"periods"`
		Vouchers int      `json:"vouchers"`
		Lines    int      `json:"lines"`
		Replaced int      `json:"replaced"`
		DryRun   bool     `json:"dry_run"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !sum.DryRun || sum.Vouchers != 2 || sum.Lines != 4 || strings.Join(sum.Periods, ",") != "2019-03,2019-04" || sum.Replaced != 0 {
		t.Fatalf("dry run: %+v", sum)
	}
	count := func() int {
		st, err := store.OpenSQLite(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, _ := st.UnitNamed(context.Background(), unit)
		p, err := st.Vouchers(context.Background(), store.VoucherQuery{UnitID: u.ID})
		if err != nil {
			t.Fatal(err)
		}
		return p.Total
	}
	if n := count(); n != 0 {
		t.Fatalf("dry run wrote %d vouchers", n)
	}
	code, out, errs = run(t, "", "register", "import", "vouchers", file, "--unit", unit, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入财务凭证：会计期间2个（2019年3月至2019年4月），凭证2张，分录4行") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d vouchers", n)
	}
	// Export, then import the export: it replaces both periods.
	book := filepath.Join(dir, "导出.xlsx")
	if code, out, errs := run(t, "", "register", "export", "vouchers", "--unit", unit, "--data", data, "-o", book); code != 0 {
		t.Fatalf("export: %s %s", out, errs)
	}
	code, out, errs = run(t, "", "register", "import", "vouchers", book, "--unit", unit, "--data", data, "--json")
	if code != 0 {
		t.Fatalf("re-import: %s", errs)
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Replaced != 2 || sum.Lines != 4 || sum.DryRun {
		t.Fatalf("re-import: %+v %v", sum, err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d vouchers after re-import", n)
	}
	// A bad journal: the row named, nothing written.
	bad := strings.Replace(journalCSV, "\"1,260.50\",,2", "\"1,260.50\",,二", 1)
	bad = strings.Replace(bad, ",,购置电脑,1011,零余额账户用款额度,,5000", ",,购置电脑,1011,零余额账户用款额度,,4000", 1)
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = run(t, "", "register", "import", "vouchers", file, "--unit", unit, "--data", data)
	if code == 0 || !strings.Contains(errs, "第3行“附单据数”") {
		t.Fatalf("bad journal: %d %s", code, errs)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d vouchers after a refused import", n)
	}
}
