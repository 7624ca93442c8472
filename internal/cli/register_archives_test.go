package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/xlsx"
)

// TestRegisterArchives: a catalogue is checked (--dry-run, nothing
// written), imported, imported again (the same files updated), and
// exported with what each file lacks.
func TestRegisterArchives(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	files := []*zhenggai.ArchiveFile{
		{Kind: zhenggai.KindElection, Year: 2017, EventOn: zhenggai.NewDate(2017, 10, 27), Title: "机关党委换届选举",
			Documents: []zhenggai.ArchiveDocument{{Slot: "候选人名单", Paper: true, Place: "办公室档案柜", CheckedBy: "覃丽", CheckedOn: zhenggai.NewDate(2020, 9, 1)}}},
		{Kind: zhenggai.KindGroupHandbook, Year: 2019},
	}
	file := filepath.Join(t.TempDir(), "档案目录.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteArchives(&buf, "档案目录", zhenggai.DefaultArchiveKinds(), files); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "archives", file, "--data", data, "--dry-run", "--json")
	var sum struct {
		DryRun              bool `json:"dry_run"`
		Files, Added, Paper int
	}
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || !sum.DryRun || sum.Files != 2 || sum.Added != 2 || sum.Paper != 1 {
		t.Fatalf("dry run: exit %d %s %s", code, out, errs)
	}
	count := func() int {
		st, err := store.OpenSQLite(context.Background(), data)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		u, err := st.UnitNamed(context.Background(), "桑植县政协党组")
		if err != nil {
			t.Fatal(err)
		}
		list, err := st.ArchiveFiles(context.Background(), store.ArchiveFileQuery{UnitID: u.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if n := count(); n != 0 {
		t.Fatalf("dry run wrote %d files", n)
	}
	code, out, errs = run(t, "", "register", "import", "archives", file, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入档案目录：案卷2卷（新增2卷，更新0卷），登记纸质存档材料1项") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "", "register", "import", "archives", file, "--data", data)
	if code != 0 || !strings.Contains(out, "新增0卷，更新2卷") || count() != 2 {
		t.Fatalf("again: exit %d %s %s", code, out, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, out, errs := run(t, "", "register", "export", "archives", "--data", data, "-o", exp); code != 0 || !strings.Contains(out, "已导出") {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	b, err := os.ReadFile(exp)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := xlsx.ParseArchives(context.Background(), bytes.NewReader(b), zhenggai.DefaultArchiveKinds())
	if err != nil || len(rows) != 2 || rows[0].File.Title != "机关党委换届选举" || len(rows[0].Paper) != 1 {
		t.Fatalf("exported: %+v %v", rows, err)
	}
}
