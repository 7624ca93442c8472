package sheet_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/sheet"
)

var head = []any{"日期", "凭证字号", "摘要", "借方金额", "贷方金额", "附单据数"}

// TestDateCells: a date cell (a serial number with a date format), a
// date-and-time cell, a serial typed as a number, and text in every form
// read as the same day.
func TestDateCells(t *testing.T) {
	rows := [][]any{head,
		{dayTime(2020, 10, 28), "记-1"},
		{time.Date(2020, 10, 28, 9, 30, 0, 0, time.UTC), "记-2"},
		{44132, "记-3"},
		{44132.75, "记-4"},
		{"2020-10-28", "记-5"}, {"2020/10/28", "记-6"}, {"2020.10.28", "记-7"}, {"2020年10月28日", "记-8"},
		{"20201028", "记-9"}, {20201028, "记-10"}, {"2020-10-28 09:30:00", "记-11"}, {"2020/10/28 9:30", "记-12"},
		{"2020-1-5", "记-13"}, {"2020年1月5日", "记-14"}, {"２０２０年１０月２８日", "记-15"},
	}
	got, _, err := readJournal(t, xlsxOf(t, rows), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)-1 {
		t.Fatalf("%d lines", len(got))
	}
	for i, e := range got {
		want := day(2020, 10, 28)
		if e.Voucher == "记-13" || e.Voucher == "记-14" {
			want = day(2020, 1, 5)
		}
		if e.Date != want {
			t.Errorf("%s: %v, want %v", e.Voucher, e.Date, want)
		}
		if e.Voucher != rows[i+1][1] {
			t.Errorf("line %d is %s", i, e.Voucher)
		}
	}
	// A workbook saved with the 1904 date system.
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &head)
	f.SetSheetRow("Sheet1", "A2", &[]any{42670, "记-1"})
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	got, b, err := readJournal(t, buf.Bytes(), sheet.Options{})
	if err != nil || !b.Date1904() || got[0].Date != day(2020, 10, 28) {
		t.Errorf("1904 system: %v %v", got, err)
	}
}

// TestDateTimeCells: a clock's export, a punch per row with its date and
// time, read as both.
func TestDateTimeCells(t *testing.T) {
	spec := sheet.Spec{What: "打卡记录", Columns: []sheet.Column{
		{Name: "姓名", Required: true}, {Name: "日期", Required: true}, {Name: "打卡时间", Aliases: []string{"时间"}, Required: true}}}
	file := xlsxOf(t, [][]any{{"姓名", "日期", "打卡时间"},
		{"王芳", dayTime(2020, 10, 28), "08:59"},
		{"王芳", "2020-10-28", 0.75},
		{"李明", "2020/10/28 17:31:05", "下午5:31"},
		{"李明", "2020-10-28", "9点"},
	})
	b, err := sheet.Open(t.Context(), bytes.NewReader(file), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tab, _ := b.Table("Sheet1", &spec)
	var got []string
	for tab.Next() {
		r := tab.Row()
		name, _ := r.Text(0)
		d, _, _, _ := r.DateTime(1)
		c, ok := r.Clock(2)
		if ok {
			got = append(got, name+" "+d.String()+" "+c.String())
		}
	}
	want := []string{"王芳 2020-10-28 8h59m0s", "王芳 2020-10-28 18h0m0s", "李明 2020-10-28 17h31m0s"}
	if strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("got %q", got)
	}
	errs := b.Errors()
	if len(errs) != 1 || errs[0].Row != 5 || errs[0].Column != "打卡时间" || errs[0].Reason != "“9点”不是时间，应写作9:30或09:30:00" {
		t.Errorf("errors %+v", errs)
	}
}

// TestAmountCells: number cells and text cells, in 元 and in 万元.
func TestAmountCells(t *testing.T) {
	rows := [][]any{{"日期", "摘要", "借方金额", "贷方金额（万元）"},
		{"2020-10-28", "数字", 1260.5, 0.12605},
		{"2020-10-28", "计算所得", 2316.4000000000001, 0.1},
		{"2020-10-28", "文字", "1,260.50", "0.126050"},
		{"2020-10-28", "符号", "￥1,260.50", "1260.50元"},
		{"2020-10-28", "全角", "１２６０．５０", "０．１２６０５"},
		{"2020-10-28", "红字", "(1,260.50)", "-0.12605"},
		{"2020-10-28", "零", "-", "0"},
	}
	got, _, err := readJournal(t, xlsxOf(t, rows), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]int64{{126050, 126050}, {231640, 100000}, {126050, 126050}, {126050, 126050}, {126050, 126050},
		{-126050, -126050}, {0, 0}}
	for i, e := range got {
		if e.Debit != want[i][0] || e.Credit != want[i][1] {
			t.Errorf("%s: %d %d, want %v", e.Summary, e.Debit, e.Credit, want[i])
		}
	}
}

// TestRowErrors: every bad cell of every row is listed, with the sheet,
// the row as Excel numbers it, the column's header and the reason; and
// nothing is returned to import.
func TestRowErrors(t *testing.T) {
	rows := [][]any{{"某单位序时账"}, head,
		{"2020-10-28", "记-1", "正常", 100, "", 1},
		{"2020-10-28", "记-2", "多一位小数", "12.345", "", 1},
		{"下个月", "记-3", "日期不对", 100, "", "两张"},
		{"2020-02-30", "记-4", "没有这一天", "一百元", "12,60", -1},
		{"1980-01-01", "记-5", strings.Repeat("长", 201), 100, "", 1},
		{nil, "记-6", "没有日期_x0001_", 100},
		{2020, "记-7", "只写了年份", 100},
	}
	got, _, err := readJournal(t, xlsxOf(t, rows), sheet.Options{})
	if got != nil {
		t.Error("something returned to import")
	}
	want := []string{
		"Sheet1第4行“借方金额”：“12.345”最多精确到分（元后两位小数）",
		"Sheet1第5行“日期”：“下个月”不是日期，应写作2020年10月28日、2020-10-28或2020.10.28",
		"Sheet1第5行“附单据数”：“两张”须为整数",
		"Sheet1第6行“日期”：“2020-02-30”不是有效日期",
		"Sheet1第6行“借方金额”：“一百元”须为金额（元），如 12600 或 1260.50",
		"Sheet1第6行“贷方金额”：“12,60”千分位逗号位置不对，应写作 1,260.50 或 1260.50",
		"Sheet1第6行“附单据数”：“-1”不能为负数",
		"Sheet1第7行“日期”：“1980-01-01”的年份应在1990至2100之间",
		"Sheet1第7行“摘要”：内容过长（最多200字）",
		"Sheet1第8行“日期”：日期不能为空",
		"Sheet1第8行“摘要”：含有不可见的控制字符，请删除后再导入",
		"Sheet1第9行“日期”：“2020”不是日期，应写作2020年10月28日、2020-10-28或2020.10.28",
	}
	rej := rejected(t, err)
	if len(rej) != len(want) {
		t.Fatalf("%d errors: %v", len(rej), rej)
	}
	for i, e := range rej {
		if e.String() != want[i] {
			t.Errorf("error %d:\n got %s\nwant %s", i, e, want[i])
		}
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "序时账中有12处错误，未导入任何内容：\nSheet1第4行") || zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("message %q", msg)
	}
	// More than MaxListed are counted, not listed.
	many := [][]any{head}
	for range 25 {
		many = append(many, []any{"明天", "记-1"})
	}
	_, _, err = readJournal(t, xlsxOf(t, many), sheet.Options{})
	if msg := err.Error(); !strings.HasSuffix(msg, "\n……另有5处") || strings.Count(msg, "\n") != 21 || len(rejected(t, err)) != 25 {
		t.Errorf("25 bad rows: %q", msg)
	}
}

// TestMergedCells: a voucher's date and number merged over its lines read
// on every line; an amount merged over lines counts once, on the first.
func TestMergedCells(t *testing.T) {
	rows := [][]any{head,
		{"2020-10-28", "记-1", "支付会议费", 3000, nil, 3},
		{nil, nil, "支付会议费", nil, 3000},
		{"2020-10-29", "记-2", "报销差旅费", 800, nil, 2},
		{nil, nil, "报销差旅费", nil, 500},
		{nil, nil, "报销差旅费", nil, 300},
	}
	file := xlsxOf(t, rows, "A2:A3", "B2:B3", "F2:F3", "A4:A6", "B4:B6", "D4:D6")
	got, _, err := readJournal(t, file, sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, e := range got {
		s = append(s, e.String())
	}
	want := []string{
		"2020-10-28|记-1|支付会议费|||300000|0|3||",
		"2020-10-28|记-1|支付会议费|||0|300000|3||", // 附单据数 is not Once: a merged count reads on every line
		"2020-10-29|记-2|报销差旅费|||80000|0|2||",
		"2020-10-29|记-2|报销差旅费|||0|50000|0||", // 借方 is Once: 800 counts on the first line only
		"2020-10-29|记-2|报销差旅费|||0|30000|0||",
	}
	if strings.Join(s, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(s, "\n"), strings.Join(want, "\n"))
	}
}

func ptr[T any](v T) *T { return &v }
