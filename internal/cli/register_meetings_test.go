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

// TestRegisterMeetings: a book of meetings is checked (--dry-run, nothing
// written), imported, refused whole when one row is bad, and exported.
func TestRegisterMeetings(t *testing.T) {
	data := t.TempDir()
	if code, _, errs := run(t, "", "import", "--data", data, seedFile(t)); code != 0 {
		t.Fatal(errs)
	}
	ms := []*zhenggai.Meeting{
		{Type: "党组会议", Date: zhenggai.NewDate(2019, 3, 4), Attendance: []zhenggai.Attendance{{Name: "王明", Presence: zhenggai.Present}},
			Items: []zhenggai.AgendaItem{{Seq: 1, Title: "购车", Kind: zhenggai.ItemLargeFund, Amount: 1000000,
				Statements: []zhenggai.Statement{{Seq: 1, Name: "王明", Position: zhenggai.PosAgree}}}}},
		{Type: "党组会议", Date: zhenggai.NewDate(2019, 4, 4)},
	}
	file := filepath.Join(t.TempDir(), "会议.xlsx")
	var buf bytes.Buffer
	if err := xlsx.WriteMeetings(&buf, "会议记录", ms); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "", "register", "import", "meetings", file, "--data", data, "--dry-run", "--json")
	var sum struct {
		DryRun                      bool `json:"dry_run"`
		Meetings, Items, Statements int
	}
	if code != 0 || json.Unmarshal([]byte(out), &sum) != nil || !sum.DryRun || sum.Meetings != 2 || sum.Statements != 1 {
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
		list, err := st.Meetings(context.Background(), u.ID, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	if n := count(); n != 0 {
		t.Fatalf("dry run wrote %d meetings", n)
	}
	code, out, errs = run(t, "", "register", "import", "meetings", file, "--data", data)
	if code != 0 || !strings.Contains(out, "已导入会议记录：会议2次，议题1项，表态发言1条") {
		t.Fatalf("import: exit %d %s %s", code, out, errs)
	}
	exp := filepath.Join(t.TempDir(), "导出.xlsx")
	if code, out, errs := run(t, "", "register", "export", "meetings", "--data", data, "-o", exp); code != 0 || !strings.Contains(out, "已导出") {
		t.Fatalf("export: exit %d %s %s", code, out, errs)
	}
	f, err := os.Open(exp)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	im, err := xlsx.ParseMeetings(context.Background(), f)
	if err != nil || len(im.Meetings) != 2 || im.Meetings[1].Number != 2 || im.Meetings[0].Items[0].Amount != 1000000 {
		t.Fatalf("exported: %+v %v", im, err)
	}
	// The export again: both numbers are taken, and nothing is written.
	code, _, errs = run(t, "", "register", "import", "meetings", exp, "--data", data)
	if code == 0 || !strings.Contains(errs, "会议第3行：2019年第1次党组会议已登记") || !strings.Contains(errs, "会议第4行：2019年第2次党组会议已登记") {
		t.Fatalf("second import: exit %d %s", code, errs)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d meetings, want 2", n)
	}
}
