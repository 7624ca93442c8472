package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// TestRegisterStudy: a notes checks' workbook is checked (--dry-run),
// imported and exported by the command line; a row naming someone off
// the roster is refused by its row.
func TestRegisterStudy(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "t"})
	st, err := store.OpenSQLite(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := st.Rounds(ctx)
	if err != nil || len(rounds) == 0 {
		t.Fatal(err)
	}
	for _, n := range []string{"钟书记", "王红", "李强"} {
		if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: rounds[0].UnitID, Name: n, Kind: zhenggai.PersonStaff, Party: "中共党员"}); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	d := zhenggai.NewDate
	write := func(name string, cs []*zhenggai.NotesCheck) string {
		t.Helper()
		var buf bytes.Buffer
		if err := xlsx.WriteNotesChecks(&buf, "学习笔记检查", cs); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return file
	}
	good := write("学习笔记检查.xlsx", []*zhenggai.NotesCheck{
		{Name: "王红", CheckerName: "钟书记", On: d(2020, 9, 28), Period: "2020-Q3", Result: zhenggai.NotesPass},
		{Name: "李强", CheckerName: "钟书记", On: d(2020, 9, 28), Period: "2020-Q3", Result: zhenggai.NotesNone, Remark: "未见笔记"},
	})
	code, out, errs := run(t, "", "register", "import", "study", good, "--data", data, "--dry-run")
	if code != 0 || !strings.Contains(out, "检查通过（未写入）：学习笔记检查2人次，其中合格1、记录不全0、无笔记1") {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	if code, out, errs = run(t, "", "register", "import", "study", good, "--data", data); code != 0 || !strings.Contains(out, "已导入") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	bad := write("坏.xlsx", []*zhenggai.NotesCheck{{Name: "查无此人", CheckerName: "钟书记", On: d(2020, 9, 28), Period: "2020-Q3", Result: zhenggai.NotesPass}})
	if code, _, errs := run(t, "", "register", "import", "study", bad, "--data", data); code == 0 || !strings.Contains(errs, "第3行：被检查人“查无此人”不在本单位人员名册中") {
		t.Fatalf("bad: exit %d %s", code, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, _, errs := run(t, "", "register", "export", "study", "--data", data, "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(exp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if im, err := xlsx.ParseNotesChecks(context.Background(), f); err != nil || len(im.Checks) != 2 || im.Checks[1].Remark != "未见笔记" {
		t.Fatalf("exported: %+v %v", im, err)
	}
}
