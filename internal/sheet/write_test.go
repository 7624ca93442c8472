package sheet_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai/internal/sheet"
)

// TestWriter: a sheet as offices print it — title merged over the
// columns, grey header repeated on every page, widths, A4 landscape — and
// cells that show as they should in Excel: 元 to the fen with thousands
// separators, Chinese dates, percentages; a second sheet beside it.
func TestWriter(t *testing.T) {
	w := sheet.NewWriter()
	defer w.Close()
	s, err := w.Sheet("凭证", sheet.Layout{Title: "某县政协机关2020年凭证", Print: true, Freeze: true,
		Margins: &[4]float64{0.6, 0.6, 0.4, 0.4},
		Columns: []sheet.OutColumn{{"日期", 15}, {"摘要", 30}, {"金额（元）", 14}, {"附单据数", 8}, {"占比", 8}, {"时间", 20}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row(sheet.Day(day(2020, 10, 28)), sheet.Cell{Style: sheet.Text, Value: "支付办公用品费"}, sheet.Yuan(126050),
		sheet.Cell{Style: sheet.Count, Value: 3}, sheet.Ratio(17, 20),
		sheet.Cell{Style: sheet.DateTime, Value: day(2020, 10, 28)}); err != nil {
		t.Fatal(err)
	}
	if err := s.Row(sheet.Day(day(2020, 10, 29)), sheet.Cell{Style: sheet.Text, Value: "冲销"}, sheet.Yuan(-30000),
		sheet.Cell{Style: sheet.Count}, sheet.Ratio(0, 0), sheet.Cell{Style: sheet.Percent1, Value: 0.8532}); err != nil {
		t.Fatal(err)
	}
	if err := s.Merge(0, 3, 4); err != nil {
		t.Fatal(err)
	}
	s2, err := w.Sheet("说明", sheet.Layout{Columns: []sheet.OutColumn{{Header: "项目", Width: 20}, {Header: "内容"}}})
	if err != nil {
		t.Fatal(err)
	}
	s2.Row(sheet.Cell{Style: sheet.Text, Value: "单位"}, sheet.Cell{Style: sheet.Text, Value: "00123"})
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}

	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("凭证")
	want := [][]string{
		{"某县政协机关2020年凭证"},
		{"日期", "摘要", "金额（元）", "附单据数", "占比", "时间"},
		{"2020年10月28日", "支付办公用品费", "1,260.50", "3", "85%", "2020年10月28日 00:00"},
		{"2020年10月29日", "冲销", "-300.00", "", "", "85.3%"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d: %q, want %q", i+1, rows[i], want[i])
		}
	}
	merged, _ := f.GetMergeCells("凭证")
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if strings.Join(refs, " ") != "A1:F1 A3:A4" {
		t.Errorf("merged %v", refs)
	}
	if w, _ := f.GetColWidth("凭证", "B"); w != 30 {
		t.Errorf("width of B %v", w)
	}
	titles := ""
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == "凭证" {
			titles = d.RefersTo
		}
	}
	if titles != "'凭证'!$1:$2" {
		t.Errorf("print titles %q", titles)
	}
	if p, _ := f.GetPageLayout("凭证"); p.Orientation == nil || *p.Orientation != "landscape" || p.Size == nil || *p.Size != 9 {
		t.Errorf("page %+v", p)
	}
	if p, _ := f.GetPanes("凭证"); !p.Freeze || p.YSplit != 2 {
		t.Errorf("panes %+v", p)
	}
	style, _ := f.GetCellStyle("凭证", "A2")
	if st, _ := f.GetStyle(style); st.Fill.Color[0] != "D9D9D9" || st.Font.Family != "黑体" {
		t.Errorf("header style %+v", st)
	}
	if rows, _ := f.GetRows("说明"); len(rows) != 2 || rows[1][1] != "00123" {
		t.Errorf("second sheet %q", rows)
	}
	if typ, _ := f.GetCellType("说明", "B2"); typ == excelize.CellTypeNumber {
		t.Error("text written as a number")
	}
}

// TestWriteReadFen: any amount written as 元 reads back as the same fen.
func TestWriteReadFen(t *testing.T) {
	amounts := []int64{0, 1, 5, 10, 30, 99, 100, 126050, 231640, 999999999, 123456789012, sheet.MaxFen, -1, -126050, -sheet.MaxFen}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		amounts = append(amounts, rng.Int64N(2*sheet.MaxFen+1)-sheet.MaxFen, rng.Int64N(10_000_000))
	}
	w := sheet.NewWriter()
	defer w.Close()
	s, _ := w.Sheet("Sheet1", sheet.Layout{Columns: []sheet.OutColumn{{Header: "日期"}, {Header: "摘要"}, {Header: "借方金额"}}})
	for _, a := range amounts {
		if err := s.Row(sheet.Day(day(2020, 10, 28)), sheet.Cell{Style: sheet.Text, Value: "x"}, sheet.Yuan(a)); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, _, err := readJournal(t, buf.Bytes(), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range got {
		if e.Debit != amounts[i] || e.Date != day(2020, 10, 28) {
			t.Fatalf("%d fen read back as %d, %v", amounts[i], e.Debit, e.Date)
		}
	}
}
