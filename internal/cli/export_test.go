package cli_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/store"
)

// TestExportImportXLSX: the seed imported from text, exported as Excel,
// read back with --dry-run --json, then imported: the two rounds have the
// same ledger.
func TestExportImportXLSX(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	file := filepath.Join(t.TempDir(), "台账.xlsx")
	code, _, errs := run(t, "", "export", "--data", data, "--round", "1", "--format", "xlsx", "-o", file)
	if code != 0 || !strings.Contains(errs, "已导出巡察轮次 #1") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, out, errs := run(t, "", "import", "--data", data, "--dry-run", "--json", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var im zhenggai.Imported
	if err := json.Unmarshal([]byte(out), &im); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if im.Round.Inspector != "市委第七巡察组" || im.Round.FeedbackDate != zhenggai.NewDate(2020, 7, 27) ||
		len(im.Categories) != 14 || im.ProblemCount() != 38 || im.Declared.Completed != 35 {
		t.Errorf("dry run read %+v, %d categories, %d problems", im.Round, len(im.Categories), im.ProblemCount())
	}
	if code, _, errs := run(t, "", "import", "--data", data, file); code != 0 || !strings.Contains(errs, "#2") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	st, err := store.OpenSQLite(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := func(id int64) string {
		l, err := st.Ledger(context.Background(), id, zhenggai.NewDate(2020, 10, 28))
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, c := range l.Categories {
			b.WriteString(c.Title + "\n")
			for _, p := range c.Problems {
				b.WriteString(p.Title + "\n")
				for _, m := range p.Measures {
					b.WriteString(strings.Join([]string{m.Content, m.Leader, m.Owner, m.Deadline.String(), string(m.Kind), string(m.Status)}, "|") + "\n")
				}
			}
		}
		return b.String()
	}
	if a, b := text(1), text(2); a != b || !strings.Contains(a, "学习停留在表面") {
		t.Errorf("ledgers differ:\n%s\n---\n%s", a, b)
	}
}

// TestImportXLSXBadRows: every bad row is listed, and nothing is written.
func TestImportXLSXBadRows(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"序号", "问题类别", "具体问题", "整改措施", "责任领导", "责任委室", "责任人", "整改时限", "整改进展", "完成情况", "备注"},
		{1, "（一）学习不深入", "学习停留在表面。", "集中学习。", "", "", "", "下个月"},
		{2, nil, "", "建立制度。"},
		{3, nil, "问题三。", "措施。", "", "", "", "", "", "差不多"},
	}
	for i, r := range rows {
		f.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &r)
	}
	file := filepath.Join(t.TempDir(), "坏台账.XLSX")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(t.TempDir(), "data")
	code, _, errs := run(t, "", "import", "--data", data, "--inspector", "县委第一巡察组", "--unit", "县档案馆党支部", file)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"有3处错误", "第2行“整改时限”", "第3行“具体问题”", "第4行“完成情况”", "未导入任何内容"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("a refused import created the data folder: %v", err)
	}
	// --json gives the rows to a script.
	code, out, _ := run(t, "", "import", "--dry-run", "--json", file)
	var got struct {
		Errors []struct {
			Sheet  string
			Row    int
			Column string
			Reason string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); code != 1 || err != nil || len(got.Errors) != 3 ||
		got.Errors[0].Row != 2 || got.Errors[0].Column != "整改时限" || got.Errors[0].Sheet != "Sheet1" {
		t.Errorf("exit %d, JSON %v %+v:\n%s", code, err, got, out)
	}
}

func TestExportUnknownRound(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(t.TempDir(), "x.xlsx")
	code, _, errs := run(t, "", "export", "--data", data, "--round", "9", "-o", out)
	if code != 1 || !strings.Contains(errs, "错误") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed export left a file")
	}
	if code, _, _ := run(t, "", "export", "--data", data, "--round", "1", "--format", "docx", "-o", out); code != 1 {
		t.Errorf("unknown format: exit %d", code)
	}
}
