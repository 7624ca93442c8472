package sheet_test

import (
	"strings"
	"testing"

	"zhenggai/internal/sheet"
)

// TestMatch: a header cell names its column however an office wrote it.
func TestMatch(t *testing.T) {
	cases := []struct {
		cell string
		col  int
		unit string
	}{
		{"日期", jDate, ""},
		{"制单日期", jDate, ""},
		{"凭证日期", jDate, ""},
		{"日  期", jDate, ""},
		{"日\n期", jDate, ""},
		{"日\r\n期", jDate, ""},
		{"　日期　", jDate, ""}, // ideographic spaces
		{"*日期", jDate, ""},  // a required column's star
		{"＊日期", jDate, ""},
		{"\ufeff日期", jDate, ""}, // invisible
		{"借方", jDebit, ""},
		{"借方金额", jDebit, ""},
		{"借方金额（元）", jDebit, "元"},
		{"借方金额(元)", jDebit, "元"},
		{"借方金额 (元)", jDebit, "元"},
		{"借方金额\n（元）", jDebit, "元"},
		{"借方金额【元】", jDebit, "元"},
		{"借方金额[万元]", jDebit, "万元"},
		{"借方（万元）", jDebit, "万元"},
		{"借方金额（单位：元）", jDebit, "元"},
		{"借方金额(单位:万元)", jDebit, "万元"},
		{"附单据数（张）", jAttach, "张"},
		{"DEBIT", jDebit, ""}, // Latin folded to lower case
		{"ｄｅｂｉｔ", jDebit, ""}, // full-width Latin
		{"借方金额（人）", -1, ""},   // a unit the column does not take
		{"摘要（元）", -1, ""},
		{"借方金额（元", -1, ""},
		{"金额", -1, ""},
		{"", -1, ""},
		{"  ", -1, ""},
	}
	for _, c := range cases {
		col, unit, ok := journal.Match(c.cell)
		if c.col < 0 {
			if ok {
				t.Errorf("%q matched column %d", c.cell, col)
			}
			continue
		}
		if !ok || col != c.col || unit != c.unit {
			t.Errorf("%q: %d %q %v, want %d %q", c.cell, col, unit, ok, c.col, c.unit)
		}
	}
	if got := sheet.Fold("　序 号\n（元）ＡＢＣ＊"); got != "序号(元)abc" {
		t.Errorf("Fold: %q", got)
	}
}

var line = []any{"2020-10-28", "记-1", "支付办公用品费", "5201", "办公费", "1,260.50", "", 2, "王芳", "李明"}

// TestHeaderForms: the header is found below title rows, in any order and
// any of the packages' names, and each line reads the same.
func TestHeaderForms(t *testing.T) {
	want := entry{Date: day(2020, 10, 28), Voucher: "记-1", Summary: "支付办公用品费", Code: "5201", Account: "办公费", Debit: 126050,
		Attach: 2, Maker: "王芳", Checker: "李明"}
	cases := []struct {
		name   string
		above  [][]any
		header []any
		line   []any
	}{
		{"standard", nil, []any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数", "制单人", "审核人"}, line},
		{"short names", nil, []any{"凭证日期", "凭证号", "摘要", "科目代码", "科目", "借方", "贷方", "附件数", "制单", "审核"}, line},
		{"title rows above", [][]any{{"序时账"}, {}, {"编制单位：某县政协机关", nil, nil, nil, "2020年度"}},
			[]any{"制单日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额（元）", "贷方金额（元）", "附单据数", "制单人", "审核人"}, line},
		{"other order, extra columns ignored", nil,
			[]any{"审核人", "制单人", "辅助核算", "借方", "贷方", "科目名称", "科目编码", "摘要", "凭证字号", "日期", "附件数", "记账人"},
			[]any{"李明", "王芳", "部门：办公室", "1,260.50", "", "办公费", "5201", "支付办公用品费", "记-1", "2020-10-28", 2, "张三"}},
		{"spaces, breaks, full width, stars", nil,
			[]any{"*日 期", "凭证\n字号", "摘　要", "科目\r\n编码", "科目名称", "借方金额\n（元）", "贷方金额(元)", "附单据数（张）", "制单人", "审核人"}, line},
		{"万元 columns", nil, []any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方（万元）", "贷方（万元）", "附单据数", "制单人", "审核人"},
			[]any{"2020-10-28", "记-1", "支付办公用品费", "5201", "办公费", "0.126050", "", 2, "王芳", "李明"}},
		{"header on row 10", [][]any{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}},
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数", "制单人", "审核人"}, line},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := append(append(append([][]any{}, c.above...), c.header), c.line)
			got, b, err := readJournal(t, xlsxOf(t, rows), sheet.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0] != want {
				t.Errorf("read %v, want %v", got, want)
			}
			if c.above != nil && len(b.Errors()) != 0 {
				t.Errorf("errors %v", b.Errors())
			}
		})
	}
}

// TestHeaderTitle: the text above the header is the table's title.
func TestHeaderTitle(t *testing.T) {
	file := xlsxOf(t, [][]any{{}, {nil, "某县政协机关2020年序时账\u200b"}, {"日期", "摘要", "借方", "贷方"}, line[:4]})
	b, err := sheet.Open(t.Context(), strings.NewReader(string(file)), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tab, err := b.Table("Sheet1", &journal)
	if err != nil {
		t.Fatal(err)
	}
	for tab.Next() {
	}
	if tab.Title() != "某县政协机关2020年序时账" || tab.Header() != 3 || !tab.Found() || !tab.Has(jSummary) || tab.Has(jCode) {
		t.Errorf("title %q header %d", tab.Title(), tab.Header())
	}
}

// TestHeaderRefused: a header that cannot be read is a bad row naming the
// cell; nothing below it is read.
func TestHeaderRefused(t *testing.T) {
	strict := journal
	strict.Unknown = sheet.Refuse
	strict.Columns = append([]sheet.Column{}, journal.Columns...)
	strict.Columns[jDebit].Required = true
	cases := []struct {
		name string
		spec *sheet.Spec
		rows [][]any
		want []sheet.RowError
	}{
		{"no header within 10 rows", &journal,
			[][]any{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}, {"h"}, {"i"}, {"j"}, {"日期", "摘要", "借方"}, line},
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Reason: "未找到表头：序时账的前10行中应有一行依次写着日期、凭证字号、摘要、科目编码、科目名称、借方金额、贷方金额、附单据数、制单人、审核人"}}},
		{"two known names are no header", &journal, [][]any{{"日期", "摘要", "金额"}, line},
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Reason: "未找到表头：序时账的前10行中应有一行依次写着日期、凭证字号、摘要、科目编码、科目名称、借方金额、贷方金额、附单据数、制单人、审核人"}}},
		{"a required column missing", &journal, [][]any{{"凭证号", "摘要", "借方", "贷方"}, line},
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Reason: "表头缺少“日期”列"}}},
		{"the same column twice", &journal, [][]any{{"日期", "摘要", "借方", "借方金额"}, line},
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Column: "D列", Reason: "表头“借方金额”与C列重复"}}},
		{"an unknown column, refused", &strict, [][]any{{"日期", "摘要", "借方", "辅助核算"}, line},
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Column: "D列", Reason: "表头“辅助核算”不是序时账的列；序时账的列为日期、凭证字号、摘要、科目编码、科目名称、借方金额、贷方金额、附单据数、制单人、审核人"}}},
		{"a unit the column does not take", &strict, [][]any{{"日期", "摘要", "借方金额（人）", "贷方"}, line},
			[]sheet.RowError{
				{Sheet: "Sheet1", Row: 1, Column: "C列", Reason: "表头“借方金额（人）”不是序时账的列；序时账的列为日期、凭证字号、摘要、科目编码、科目名称、借方金额、贷方金额、附单据数、制单人、审核人"},
				{Sheet: "Sheet1", Row: 1, Reason: "表头缺少“借方金额”列"}}},
		{"an empty sheet", &journal, nil,
			[]sheet.RowError{{Sheet: "Sheet1", Row: 1, Reason: "未找到表头：序时账的前10行中应有一行依次写着日期、凭证字号、摘要、科目编码、科目名称、借方金额、贷方金额、附单据数、制单人、审核人"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := sheet.Open(t.Context(), strings.NewReader(string(xlsxOf(t, c.rows))), sheet.Options{What: "序时账"})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			tab, err := b.Table("Sheet1", c.spec)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for tab.Next() {
				n++
			}
			if n != 0 || tab.Found() || tab.Err() != nil {
				t.Errorf("%d rows read, found %v, err %v", n, tab.Found(), tab.Err())
			}
			got := rejected(t, b.Rejected())
			if len(got) != len(c.want) {
				t.Fatalf("errors %+v, want %+v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("error %d:\n got %+v\nwant %+v", i, got[i], c.want[i])
				}
			}
		})
	}
}

// TestHeaderTwoRows: 金额 over 借方 and 贷方 is read as one header, whether
// the upper cells are merged down or not; the lines start below it.
func TestHeaderTwoRows(t *testing.T) {
	upper := []any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "金额", nil, "附单据数", "制单人", "审核人"}
	lower := []any{nil, nil, nil, nil, nil, "借方", "贷方"}
	want := entry{Date: day(2020, 10, 28), Voucher: "记-1", Summary: "支付办公用品费", Code: "5201", Account: "办公费", Debit: 126050,
		Attach: 2, Maker: "王芳", Checker: "李明"}
	for _, merged := range []bool{false, true} {
		var merges []string
		if merged {
			merges = []string{"A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:H2", "I1:I2", "J1:J2"}
		}
		got, _, err := readJournal(t, xlsxOf(t, [][]any{upper, lower, line, line}, merges...), sheet.Options{})
		if err != nil {
			t.Fatalf("merged %v: %v", merged, err)
		}
		if len(got) != 2 || got[0] != want || got[1] != want {
			t.Errorf("merged %v: %v", merged, got)
		}
	}
	// A first line that names nothing is a line, not a header's second row.
	got, _, err := readJournal(t, xlsxOf(t, [][]any{{"日期", "摘要", "借方", "贷方"}, {"2020-10-28", "借方", 5}}), sheet.Options{})
	if err != nil || len(got) != 1 || got[0].Summary != "借方" || got[0].Debit != 500 {
		t.Errorf("a line under the header: %v %v", got, err)
	}
}
