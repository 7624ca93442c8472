package xlsx_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"
)

func sampleNotesChecks() []*zhenggai.NotesCheck {
	d := zhenggai.NewDate
	return []*zhenggai.NotesCheck{
		{Name: "王红", CheckerName: "钟明", On: d(2020, 9, 28), Period: "2020-Q3", Result: zhenggai.NotesPass},
		{Name: "李强", CheckerName: "钟明", On: d(2020, 10, 20), Period: "2020-10", Result: zhenggai.NotesNone, Remark: "未见学习笔记"},
	}
}

func TestNotesChecksRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := xlsx.WriteNotesChecks(&buf, "学习笔记检查", sampleNotesChecks()); err != nil {
		t.Fatal(err)
	}
	im, err := xlsx.ParseNotesChecks(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleNotesChecks()
	if len(im.Checks) != len(want) {
		t.Fatalf("%d checks", len(im.Checks))
	}
	for i, c := range im.Checks {
		if *c != *want[i] {
			t.Errorf("row %d: %+v, want %+v", i, c, want[i])
		}
	}
	if !strings.Contains(im.Where[1], "第4行") {
		t.Errorf("where %q", im.Where[1])
	}
}

// TestNotesChecksHeaders: the headers in their usual variants, periods and
// results as offices write them; a bad cell named, nothing returned.
func TestNotesChecksHeaders(t *testing.T) {
	b := namedSheets(t, []string{"Sheet1"}, [][]any{
		{"编号", "姓名", "检查季度", "检查时间", "检查人员", "检查结果", "存在问题"},
		{1, "王 红", "2020年第三季度", "2020-9-28", "钟明", "良好", ""},
		{2, "李强", "2020-10-01", "2020/10/20", "钟明", "无", "未见笔记"},
	})
	im, err := xlsx.ParseNotesChecks(context.Background(), bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Checks) != 2 || im.Checks[0].Name != "王红" || im.Checks[0].Period != "2020-Q3" || im.Checks[0].Result != zhenggai.NotesPass ||
		im.Checks[1].Period != "2020-10" || im.Checks[1].Result != zhenggai.NotesNone {
		t.Fatalf("read %+v %+v", im.Checks[0], im.Checks[1])
	}
	bad := namedSheets(t, []string{"学习笔记检查"}, [][]any{
		{"序号", "被检查人", "检查期间", "检查日期", "检查人", "检查结论"},
		{1, "王红", "第三季度", "2020-9-28", "钟明", "很好"},
	})
	im, err = xlsx.ParseNotesChecks(context.Background(), bytes.NewReader(bad))
	if err == nil || im != nil || !strings.Contains(err.Error(), "检查期间") || !strings.Contains(err.Error(), "检查结论") {
		t.Fatalf("bad cells: %v", err)
	}
}

func FuzzParseNotesChecks(f *testing.F) {
	var buf bytes.Buffer
	if err := xlsx.WriteNotesChecks(&buf, "学习笔记检查", sampleNotesChecks()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("序号\t被检查人\t检查期间\t检查日期\t检查人\t检查结论\n1\t王红\t2020Q3\t2020-9-28\t钟明\t合格\n2\t李强\t2020年10月\t44000\t钟明\t无笔记"))
	f.Add(testkit.MergeBomb(f, 5, 40, "A3:XFD1048576"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if !bytes.HasPrefix(b, []byte("PK")) {
			b = namedSheets(t, []string{xlsx.NotesCheckSheet}, tsvRows(string(b)))
		}
		im, err := xlsx.ParseNotesChecks(context.Background(), bytes.NewReader(b))
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if im != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		for _, c := range im.Checks {
			if c.Name == "" || c.CheckerName == "" || c.On.IsZero() || !c.Period.Valid() || !c.Result.Valid() {
				t.Fatalf("accepted %+v", c)
			}
		}
	})
}
