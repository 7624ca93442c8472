package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// TestRegisterProposals: a list is checked (--dry-run, nothing written),
// imported, refused as a re-import, and exported as the list it was.
func TestRegisterProposals(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "提案.csv")
	list := "序号,提案号,届次,年度,案由,提案人,联名人,审查结果,承办单位,交办日期,答复日期,答复类别,满意度\n" +
		"1,1,九届四次,2020,关于饮水安全的建议,王明,李华,,县水利局,2020-02-10,2020-04-30,A类,满意\n" +
		"2,2,九届四次,2020,关于旅游的建议,李华,,并入第1号\n"
	if err := os.WriteFile(file, []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "proposals", file, "--data", data, "--dry-run", "--json")
	var sum struct {
		DryRun    bool   `json:"dry_run"`
		Proposals int    `json:"proposals"`
		SHA256    string `json:"sha256"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || !sum.DryRun || sum.Proposals != 2 || len(sum.SHA256) != 64 {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	counts := func() int {
		st, err := store.OpenSQLite(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, err := st.UnitNamed(context.Background(), "桑植县政协党组")
		if err != nil {
			t.Fatal(err)
		}
		c, err := st.ProposalCounts(context.Background(), u.ID, store.ProposalScope{Session: "九届四次"})
		if err != nil {
			t.Fatal(err)
		}
		return c.Received
	}
	if n := counts(); n != 0 {
		t.Fatalf("dry run wrote %d proposals", n)
	}
	code, out, errs = run(t, "", "register", "import", "proposals", file, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入提案2件（九届四次）") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, "", "register", "import", "proposals", file, "--data", data); code == 0 || !strings.Contains(errs, "九届四次第1号已在提案登记簿中") {
		t.Fatalf("re-import: exit %d %s %s", code, out, errs)
	}
	if n := counts(); n != 2 {
		t.Fatalf("%d proposals after a refused re-import", n)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, out, errs := run(t, "", "register", "export", "proposals", "--data", data, "-o", exp); code != 0 {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	b, err := os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseProposals(context.Background(), bytes.NewReader(b), "导出.xlsx")
	if err != nil || len(im.Rows) != 2 || im.Rows[1].MergedNumber != "1" || len(im.Rows[0].P.Signers) != 2 {
		t.Fatalf("the export read back: %v %+v", err, im)
	}
}
