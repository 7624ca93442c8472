package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"zhenggai"
	"zhenggai/internal/sheet"
)

var journalCSV = [][]string{
	{"某县政协机关序时账", "", "", ""},
	{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额", "附单据数", "制单人", "审核人"},
	{"2020/10/28", "记-0001", "支付办公用品费，含打印纸", "5201", "办公费", "1,260.50", "", "2", "王芳", "李明"},
	{"2020/10/28", "记-0001", "支付办公用品费，含打印纸", "1002", "银行存款", "", "1,260.50", "2", "王芳", "李明"},
	{"2020年10月29日", "记-0002", "报销差旅费（“长沙”）", "5204", "差旅费", "￥800.00", "", "3", "王芳", ""},
}

var journalWant = []string{
	"2020-10-28|记-0001|支付办公用品费，含打印纸|5201|办公费|126050|0|2|王芳|李明",
	"2020-10-28|记-0001|支付办公用品费，含打印纸|1002|银行存款|0|126050|2|王芳|李明",
	"2020-10-29|记-0002|报销差旅费（“长沙”）|5204|差旅费|80000|0|3|王芳|",
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCSVEncodings: a journal exported as CSV reads the same in each
// encoding offices' software writes: UTF-8 with or without a byte-order
// mark, GBK and GB18030 (Windows' default), and Excel's “Unicode 文本”
// (UTF-16 with tabs).
func TestCSVEncodings(t *testing.T) {
	text := csvOf(journalCSV, ",")
	tabs := csvOf(journalCSV, "\t")
	cases := []struct {
		name string
		file []byte
	}{
		{"UTF-8", []byte(text)},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"GBK", encode(t, simplifiedchinese.GBK, text)},
		{"GB18030", encode(t, simplifiedchinese.GB18030, text)},
		{"UTF-16LE tabs", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), tabs)},
		{"UTF-16BE", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text)},
		{"tab-separated UTF-8", []byte(tabs)},
		{"LF line ends", []byte(strings.ReplaceAll(text, "\r\n", "\n"))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, b, err := readJournal(t, c.file, sheet.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !b.CSV() || len(got) != len(journalWant) {
				t.Fatalf("csv %v, %d lines", b.CSV(), len(got))
			}
			for i, e := range got {
				if e.String() != journalWant[i] {
					t.Errorf("line %d:\n got %s\nwant %s", i, e, journalWant[i])
				}
			}
		})
	}
}

// TestCSVGBKLate: a GBK file whose Chinese comes only after its first
// megabyte is GBK all the same (the whole file is looked at).
func TestCSVGBKLate(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,voucher,summary,debit,credit\r\n")
	for b.Len() < 1<<20+100 {
		b.WriteString("2020-10-28,V-0001,office supplies,1260.50,\r\n")
	}
	b.WriteString("2020-10-28,记-0002,报销差旅费,800,\r\n")
	got, _, err := readJournal(t, encode(t, simplifiedchinese.GBK, b.String()), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if last := got[len(got)-1]; last.Voucher != "记-0002" || last.Summary != "报销差旅费" || last.Debit != 80000 {
		t.Errorf("last line %v", last)
	}
}

// TestCSVCells: what spreadsheets write to keep a cell text, quotes in and
// around cells, and cells over several lines; errors name the line a
// record starts on, as a text editor numbers it.
func TestCSVCells(t *testing.T) {
	file := "日期,凭证字号,摘要,借方金额,附单据数\n" +
		"2020-10-28,=\"0001\",\"两行的\n摘要\",100,1\n" + // lines 2-3
		"\n" + // line 4: empty
		"2020-10-28,0002,摘要 \"引号\" 在中间,200,1\n" + // line 5
		"2020-10-28,0003,\"多一位小数\",12.345,1\n" // line 6
	_, _, err := readJournal(t, []byte(file), sheet.Options{Name: "序时账.csv"})
	rej := rejected(t, err)
	if len(rej) != 1 || rej[0].String() != "序时账.csv第6行“借方金额”：“12.345”最多精确到分（元后两位小数）" {
		t.Fatalf("errors %v", rej)
	}
	got, _, err := readJournal(t, []byte(strings.Replace(file, "12.345", "12.34", 1)), sheet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Voucher != "0001" || got[0].Summary != "两行的\n摘要" || got[1].Summary != `摘要 "引号" 在中间` || len(got) != 3 {
		t.Errorf("cells %v", got)
	}
}

// TestCSVRefused: what is not a CSV file, or not one an office made.
func TestCSVRefused(t *testing.T) {
	unclosed := "日期,摘要,借方\n2020-10-28,\"没有收尾的引号,100\n" + strings.Repeat("2020-10-28,摘要,100\n", 60000)
	cases := []struct {
		name string
		file []byte
		opt  sheet.Options
		want string
	}{
		{"empty", nil, sheet.Options{}, "文件是空的"},
		{"binary", []byte("\x00\x01\x02 not text"), sheet.Options{}, "文件既不是Excel工作簿（.xlsx）也不是CSV文本文件"},
		{"an unclosed quote", []byte(unclosed), sheet.Options{}, "第2行起的一行超过1MB，不是正常的CSV文件（可能少了一个引号）"},
		{"too large", bytes.Repeat([]byte("a,b,c\n"), 1000), sheet.Options{Limits: sheet.Limits{MaxBytes: 4096}}, "文件过大（最大4KB）"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := readJournal(t, c.file, c.opt)
			if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
	// Text is no workbook where only a workbook is taken.
	_, err := sheet.Open(t.Context(), strings.NewReader(csvOf(journalCSV, ",")), sheet.Options{})
	if err == nil || err.Error() != "文件不是Excel工作簿（.xlsx）" {
		t.Errorf("CSV where a workbook is wanted: %v", err)
	}
}
