package xlsx_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// bookMerged is book with cells merged (A1:J1 …), as exports title them.
func bookMerged(t testing.TB, merges [][2]string, rows ...[]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		if err := f.MergeCell("Sheet1", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Journals as real exports write them: merged title cells, 凭证字号 in
// every form, times after dates, full-path account names, red entries,
// 方向 + 金额, GBK CSV without BOM, 50,000 columns.
func TestJournalOfficeForms(t *testing.T) {
	t.Parallel()
	h := "日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额"
	cases := []struct {
		name, file string
		data       []byte
		want       []string
	}{
		{"U8 merged title, times, 记-0015, path name", "x.xlsx", bookMerged(t, [][2]string{{"A1", "J1"}, {"A2", "J2"}},
			[]any{"序  时  账"},
			[]any{"2019年3月—2019年3月"},
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "制单人", "审核人", "记账人"},
			[]any{"2019-03-05 10:23:11", "记-0015", "付办公费", "500101", "业务活动费用/商品和服务费用/办公费", "12,600.00", nil, "王芳", "李明", "张伟"},
			[]any{"2019-03-05 10:23:11", "记-0015", "付办公费", "1011", "零余额账户用款额度", nil, "12,600.00", "王芳", "李明", "张伟"},
		), []string{"2019-03 记-15 2019-03-05 付办公费 0 王芳/李明/张伟 | 1 500101:业务活动费用/商品和服务费用/办公费:1260000:0 | 2 1011:零余额账户用款额度:0:1260000"}},
		{"方向 and 金额, 银付15", "x.xlsx", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "方向", "金额"},
			[]any{"2019-03-05", "银付15", "付办公费", "5001", "业务活动费用", "借", "100"},
			[]any{"2019-03-05", "银付15", "付办公费", "1002", "银行存款", "贷方", "100"},
			[]any{nil, nil, "本月合计", nil, nil, nil, "200"},
		), []string{"2019-03 银付-15 2019-03-05 付办公费 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000"}},
		{"明细账 方向 is the balance's", "x.xlsx", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方", "贷方", "方向", "余额"},
			[]any{"2019-03-05", "付-3", "付", "5001", "业务活动费用", "100", nil, "借", "100"},
			[]any{"2019-03-05", "付-3", "付", "1002", "银行存款", nil, "100", "平", "0"},
		), []string{"2019-03 付-3 2019-03-05 付 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000"}},
		{"red entries, minus and brackets", "x.xlsx", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"},
			[]any{"2019-03-05", "付-3", "冲销", "5001", "业务活动费用", "-100.00", nil},
			[]any{"2019-03-05", "付-3", "冲销", "1002", "银行存款", nil, "-100.00"},
			[]any{"2019-03-06", "付-4", "冲销", "5001", "业务活动费用", "(200.00)", nil},
			[]any{"2019-03-06", "付-4", "冲销", "1002", "银行存款", nil, "(200.00)"},
		), []string{"2019-03 付-3 2019-03-05 冲销 0 // | 1 5001:业务活动费用:-10000:0 | 2 1002:银行存款:0:-10000",
			"2019-03 付-4 2019-03-06 冲销 0 // | 1 5001:业务活动费用:-20000:0 | 2 1002:银行存款:0:-20000"}},
		{"code and path in one cell, 记字第15号", "x.xlsx", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目", "借方金额", "贷方金额"},
			[]any{"2019/3/5", "记字第15号", "付", "5001 业务活动费用/商品和服务费用/办公费", "100", nil},
			[]any{"2019/3/5", "记字第15号", "付", "1002银行存款", nil, "100"},
		), []string{"2019-03 记-15 2019-03-05 付 0 // | 1 5001:业务活动费用/商品和服务费用/办公费:10000:0 | 2 1002:银行存款:0:10000"}},
		{"U8 凭证类别 记账凭证, amounts with 元 and ¥", "x.xlsx", book(t,
			[]any{"制单日期", "凭证类别", "凭证号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数"},
			[]any{"2019年03月05日", "记账凭证", "0015", "付", "5001", "业务活动费用", "1,260.50元", nil, "2张"},
			[]any{"2019年03月05日", "记账凭证", "0015", "付", "1002", "银行存款", nil, "1260.5", "2"},
			[]any{"2019年03月06日", "银行付款凭证", "1", "付", "5001", "业务活动费用", "¥100", nil, "2"},
			[]any{"2019年03月06日", "银行付款凭证", "1", "付", "1002", "银行存款", nil, "100", "2"},
		), []string{"2019-03 记-15 2019-03-05 付 2 // | 1 5001:业务活动费用:126050:0 | 2 1002:银行存款:0:126050",
			"2019-03 银付-1 2019-03-06 付 2 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000"}},
		{"GBK CSV without BOM", "x.csv", gbk(t, h+"\r\n2019-3-5,记-1,付,5001,业务活动费用,100,\r\n2019-3-5,记-1,付,1002,银行存款,,100\r\n"),
			[]string{"2019-03 记-1 2019-03-05 付 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000"}},
		{"50,000 columns", "x.csv", []byte(h + strings.Repeat(",x", 50000) + "\n2019-3-5,记-1,付,5001,业务活动费用,100," + strings.Repeat(",1", 50000) +
			"\n2019-3-5,记-1,付,1002,银行存款,,100\n"),
			[]string{"2019-03 记-1 2019-03-05 付 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantVouchers(t, mustJ(t, c.data, c.file), c.want...)
		})
	}
}

// Files refused, each with a Chinese message naming what is wrong.
func TestJournalOfficeRefusals(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "文件是空的"},
		{"old .xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "另存为”Excel工作簿（.xlsx）"},
		{"HTML saved as .xls", []byte("<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>日期</td></tr></table></body></html>"), "网页（HTML）"},
		{"Excel 2003 XML", []byte("<?xml version=\"1.0\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>"), "另存为”Excel工作簿（.xlsx）"},
		{"header only", book(t, []any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"}), "没有凭证分录"},
		{"方向 without 金额", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "方向", "发生金额"},
			[]any{"2019-03-05", "记-1", "付", "5001", "业务活动费用", "借", "100"},
		), "或“方向”和“金额”两列"},
		{"bad direction", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "方向", "金额"},
			[]any{"2019-03-05", "记-1", "付", "5001", "业务活动费用", "借", "100"},
			[]any{"2019-03-05", "记-1", "付", "1002", "银行存款", "平", "100"},
		), "第3行“方向”：“平”不是借贷方向"},
		{"direction blank", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "方向", "金额"},
			[]any{"2019-03-05", "记-1", "付", "5001", "业务活动费用", "借", "100"},
			[]any{"2019-03-05", "记-1", "付", "1002", "银行存款", "", "100"},
		), "第3行“方向”：借贷方向不能为空"},
		{"amount in words", book(t,
			[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"},
			[]any{"2019-03-05", "记-1", "付", "5001", "业务活动费用", "一百元", nil},
			[]any{"2019-03-05", "记-1", "付", "1002", "银行存款", nil, "100"},
		), "第2行“借方金额”：“一百元”须为金额"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			j, err := readJ(t, c.data, "序时账.xlsx")
			if err == nil {
				t.Fatalf("read %d vouchers, want refused", len(j.Vouchers))
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v\nwant it to say %q", err, c.want)
			}
		})
	}
}

// A file on disk over the limit is refused from its size, not read
// through for its hash first.
func TestJournalFileTooLarge(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "序时账.csv")
	if err := os.WriteFile(path, append([]byte("日期,凭证字号\n"), make([]byte, 10<<10)...), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = xlsx.ReadJournal(context.Background(), f, xlsx.JournalOptions{Name: "序时账.csv", Limits: sheet.Limits{MaxBytes: 4 << 10}})
	if err == nil || !strings.Contains(err.Error(), "文件过大（10KB，最大4KB）") {
		t.Errorf("%v", err)
	}
	if off, _ := f.Seek(0, io.SeekCurrent); off != 0 {
		t.Errorf("read %d bytes of a file refused for its size", off)
	}
}

// Account names without codes are read, with a warning that the
// self-inspection cannot see them as expenses.
func TestJournalNoCodeWarning(t *testing.T) {
	t.Parallel()
	j := mustJ(t, book(t,
		[]any{"日期", "凭证字号", "摘要", "科目", "借方金额", "贷方金额"},
		[]any{"2019-03-05", "记-1", "付", "业务活动费用/商品和服务费用/办公费", "100", nil},
		[]any{"2019-03-05", "记-1", "付", "1002 银行存款", nil, "100"},
	), "x.xlsx")
	if len(j.Warnings) != 1 || !strings.Contains(j.Warnings[0], "有1行分录的科目没有科目编码（如第2行）") {
		t.Errorf("%q", j.Warnings)
	}
}

// An export opening with a 说明 sheet: the journal is read from the
// sheet that has its header.
func TestJournalSecondSheet(t *testing.T) {
	t.Parallel()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "本表由财务软件导出，金额单位：元")
	f.NewSheet("序时账")
	for i, r := range [][]any{
		{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"},
		{"2019-03-05", "记-1", "付", "5001", "业务活动费用", 100, nil},
		{"2019-03-05", "记-1", "付", "1002", "银行存款", nil, 100},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("序时账", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	wantVouchers(t, mustJ(t, buf.Bytes(), "x.xlsx"), "2019-03 记-1 2019-03-05 付 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000")
}
