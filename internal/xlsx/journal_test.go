package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

func readJ(t *testing.T, file []byte, name string) (*xlsx.Journal, error) {
	t.Helper()
	return xlsx.ReadJournal(context.Background(), bytes.NewReader(file), xlsx.JournalOptions{Name: name})
}

func mustJ(t *testing.T, file []byte, name string) *xlsx.Journal {
	t.Helper()
	j, err := readJ(t, file, name)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// brief is a voucher in one line: period ref date summary attachments
// maker/approver/poster, then each line code:name:debit:credit.
func brief(v *zhenggai.Voucher) string {
	s := fmt.Sprintf("%s %s %s %s %d %s/%s/%s", v.Period, v.Ref(), v.Date, v.Summary, v.Attachments, v.Maker, v.Approver, v.Poster)
	for _, l := range v.Lines {
		s += fmt.Sprintf(" | %d %s:%s:%d:%d", l.Seq, l.AccountCode, l.AccountName, l.Debit, l.Credit)
	}
	return s
}

func wantVouchers(t *testing.T, j *xlsx.Journal, want ...string) {
	t.Helper()
	if len(j.Vouchers) != len(want) {
		for _, v := range j.Vouchers {
			t.Log(brief(v))
		}
		t.Fatalf("%d vouchers, want %d", len(j.Vouchers), len(want))
	}
	for i, v := range j.Vouchers {
		if got := brief(v); got != want[i] {
			t.Errorf("voucher %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
}

func d(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }

// 用友 U8: title and period lines above the header, 凭证号 "记-0001" on
// every line, date cells, 制单/审核/记账, subtotal rows.
func TestJournalYonyou(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"序时账"},
		[]any{"核算单位：某县委巡察办"},
		[]any{"期间：2019.03-2019.04", nil, nil, nil, nil, "金额单位：元"},
		[]any{"日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方", "制单", "审核", "记账"},
		[]any{d(2019, 3, 5), "记-0001", "支付办公用品费", "5001", "业务活动费用", 1260.5, nil, "王芳", "李明", "张伟"},
		[]any{d(2019, 3, 5), "记-0001", "支付办公用品费", "1011", "零余额账户用款额度", nil, 1260.5, "王芳", "李明", "张伟"},
		[]any{nil, nil, "本月合计", nil, nil, 1260.5, 1260.5},
		[]any{nil, nil, "本年累计", nil, nil, 1260.5, 1260.5},
		[]any{d(2019, 4, 2), "记-0001", "计提累计折旧", "5801", "固定资产折旧费", 300, nil, "王芳", "", ""},
		[]any{d(2019, 4, 2), "记-0001", "计提累计折旧", "1602", "固定资产累计折旧", nil, 200, "王芳", "", ""},
		// The date repeated, the number left out: the same voucher.
		[]any{d(2019, 4, 2), nil, "计提累计折旧", "1602", "固定资产累计折旧", nil, 100},
	)
	j := mustJ(t, file, "序时账.xlsx")
	wantVouchers(t, j,
		"2019-03 记-1 2019-03-05 支付办公用品费 0 王芳/李明/张伟 | 1 5001:业务活动费用:126050:0 | 2 1011:零余额账户用款额度:0:126050",
		// Numbers restart each period: 记-1 of April is another voucher.
		"2019-04 记-1 2019-04-02 计提累计折旧 0 王芳// | 1 5801:固定资产折旧费:30000:0 | 2 1602:固定资产累计折旧:0:20000 | 3 1602:固定资产累计折旧:0:10000")
	if fmt.Sprint(j.Periods) != "[2019-03 2019-04]" || j.Lines != 5 || len(j.SHA256) != 64 {
		t.Errorf("periods %v, lines %d, sha %q", j.Periods, j.Lines, j.SHA256)
	}
}

// 金蝶 KIS: 会计期间 column, 凭证字号 and date on the first line only,
// dates typed as text, 附件数, 过账.
func TestJournalKingdee(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"某县人大常委会办公室"},
		[]any{"凭证查询"},
		[]any{"日期", "会计期间", "凭证字号", "摘要", "科目代码", "科目名称", "借方金额", "贷方金额", "附件数", "制单", "审核", "过账"},
		[]any{"2019.3.5", "2019年第3期", "记 - 15", "报销差旅费", "5001.02", "业务活动费用-商品和服务费用", "2,316.40", "", 3, "王芳", "李明", "张伟"},
		[]any{"", "", "", "报销差旅费", "1002", "银行存款", "", "2,316.40"},
		[]any{"2019/3/31", "2019年第3期", "记 - 16", "冲销", "5001.02", "业务活动费用-商品和服务费用", "(100.00)", "", "1", "王芳", "", ""},
		[]any{"", "", "", "冲销", "1002", "银行存款", "", "-100"},
	)
	j := mustJ(t, file, "凭证.xlsx")
	wantVouchers(t, j,
		"2019-03 记-15 2019-03-05 报销差旅费 3 王芳/李明/张伟 | 1 5001.02:业务活动费用-商品和服务费用:231640:0 | 2 1002:银行存款:0:231640",
		"2019-03 记-16 2019-03-31 冲销 1 王芳// | 1 5001.02:业务活动费用-商品和服务费用:-10000:0 | 2 1002:银行存款:0:-10000")
}

// 政府会计制度: one payment booked in the financial (5xxx) and the budget
// (7xxx) accounts; 凭证字 and 凭证号 in two columns; the expense is
// counted once.
func TestJournalGovernment(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"凭证日期", "凭证字", "凭证号", "摘要", "科目编码", "科目名称", "借方金额（元）", "贷方金额（元）", "附单据数", "制单人", "审核人", "记账人"},
		[]any{"2020-10-28", "记", 7, "购置电脑", "5001", "业务活动费用", "5000", "", "2", "覃丽", "李明", "张伟"},
		[]any{"2020-10-28", "记", 7, "购置电脑", "1011", "零余额账户用款额度", "", "5000"},
		[]any{"2020-10-28", "记", 7, "购置电脑", "7201", "事业支出", "5000", ""},
		[]any{"2020-10-28", "记", 7, "购置电脑", "8101", "资金结存", "", "5000"},
	)
	j := mustJ(t, file, "政府会计.xlsx")
	if len(j.Vouchers) != 1 || len(j.Vouchers[0].Lines) != 4 {
		t.Fatalf("%+v", j.Vouchers)
	}
	v := j.Vouchers[0]
	if v.Ref() != "记-7" || v.Attachments != 2 {
		t.Errorf("%s", brief(v))
	}
	if got := v.Expense(zhenggai.DefaultExpensePrefixes, zhenggai.DefaultBudgetPrefixes); got != 500000 {
		t.Errorf("expense %d, want 500000 (once)", got)
	}
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// CSV in GBK, as a Windows machine exports it: 记字第15号, code and name
// in one cell, dates in every form, amounts with ¥ and separators.
func TestJournalCSV(t *testing.T) {
	t.Parallel()
	text := "序时账\r\n单位：某县委巡察办\r\n" +
		"制单日期,凭证字号,摘要,科目,借方金额,贷方金额,单据数,制单人,审核人,过账人\r\n" +
		"2019年3月5日,记字第15号,付印刷费,5001 业务活动费用,\"￥1,234.50\",,2,王芳,李明,\r\n" +
		",,付印刷费,1011 零余额账户用款额度,,\"1,234.50\",,,,\r\n" +
		"20190306,记字第16号,收回备用金,1001 库存现金,300,,,王芳,,\r\n" +
		"20190306,记字第16号,收回备用金,1215 其他应收款,,300.00,,王芳,,\r\n" +
		",,本月合计,,\"1,534.50\",\"1,534.50\",,,,\r\n"
	for _, enc := range []struct {
		name string
		file []byte
	}{
		{"GBK", gbk(t, text)},
		{"UTF-8", []byte(text)},
		{"UTF-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
	} {
		j, err := readJ(t, enc.file, "序时账.csv")
		if err != nil {
			t.Fatalf("%s: %v", enc.name, err)
		}
		wantVouchers(t, j,
			"2019-03 记-15 2019-03-05 付印刷费 2 王芳/李明/ | 1 5001:业务活动费用:123450:0 | 2 1011:零余额账户用款额度:0:123450",
			"2019-03 记-16 2019-03-06 收回备用金 0 王芳// | 1 1001:库存现金:30000:0 | 2 1215:其他应收款:0:30000")
	}
}

// Excel serial numbers and dates typed as 2019.3.5, in a workbook whose
// date column holds numbers.
func TestJournalSerialDates(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"日期", "凭证字号", "摘要", "科目编码", "借方金额", "贷方金额"},
		[]any{43529, "记-1", "付款", "5001", 10, nil}, // 43529 is 2019-03-05
		[]any{nil, nil, "付款", "1002", nil, 10},
	)
	j := mustJ(t, file, "")
	if len(j.Vouchers) != 1 || j.Vouchers[0].Date != zhenggai.NewDate(2019, 3, 5) {
		t.Fatalf("%+v", j.Vouchers)
	}
}

// Every bad row is named, with its column and a reason, and nothing is
// returned.
func TestJournalBadRows(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"某县委巡察办序时账"},
		[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "借方金额", "贷方金额"},
		[]any{"2019-03-05", "记-1", "付款", "5001", "业务活动费用", "100", ""}, // 3: 记-1 unbalanced
		[]any{"", "", "付款", "1002", "银行存款", "", "90"},
		[]any{"2019-13-05", "记-2", "付款", "5001", "业务活动费用", "100", ""},  // 5: bad date
		[]any{"2019-03-06", "记-3", "付款", "5001", "业务活动费用", "一百", ""},   // 6: bad amount
		[]any{"2019-03-06", "记-3", "付款", "1002", "银行存款", "100", "100"}, // 7: both sides
		[]any{"2019-03-07", "记-4", "付款", "", "", "", "100"},            // 8: no account
		[]any{"2019-03-07", "第X号", "付款", "1002", "银行存款", "100", ""},    // 9: bad ref
		[]any{"2019-03-07", "", "付款", "1002", "银行存款", "100", ""},       // 10: no ref
		[]any{"2019-03-08", "记-1", "付款", "1002", "银行存款", "", "10"},     // 11: 记-1 of March dated apart
		[]any{"2019-03-09", "记-5", "付款", "1002", "银行存款", "1.234", ""},  // 12: past the fen
	)
	_, err := readJ(t, file, "")
	var rej *sheet.Rejected
	if !errors.As(err, &rej) {
		t.Fatalf("error %v, want rejected rows", err)
	}
	if zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("code %v", zhenggai.ErrorCode(err))
	}
	got := map[int]string{}
	for _, e := range rej.Rows {
		got[e.Row] += e.Column + ":" + e.Reason + ";"
	}
	for row, want := range map[int]string{
		5:  "日期",
		6:  "借方金额:“一百”",
		7:  "借方金额和贷方金额不能同时填写",
		8:  "科目编码:科目不能为空",
		9:  "凭证字号:“第X号”不是凭证字号",
		10: "凭证字号:凭证号不能为空",
		11: "日期:与第3行同一凭证（记-1）的日期",
		12: "借方金额:“1.234”最多精确到分",
	} {
		if !strings.Contains(got[row], want) {
			t.Errorf("row %d: %q, want %q", row, got[row], want)
		}
	}
	// The balance is checked once the rows are good; here they are not,
	// so it is checked in a file of its own.
	file = book(t,
		[]any{"日期", "凭证字号", "摘要", "科目编码", "借方金额", "贷方金额"},
		[]any{"2019-03-05", "记-1", "付款", "5001", "100", ""},
		[]any{"", "", "付款", "1002", "", "90"},
		[]any{"2019-03-05", "记-2", "付款", "5001", "100", ""},
		[]any{"", "", "付款", "1002", "", "100"},
		[]any{"2019-04-01", "记-1", "付款", "5001", "5", ""},
	)
	_, err = readJ(t, file, "")
	if !errors.As(err, &rej) || len(rej.Rows) != 2 {
		t.Fatalf("%v", err)
	}
	if r := rej.Rows[0]; r.Row != 2 || !strings.Contains(r.Reason, "凭证记-1（2019年3月）借贷不平：借方合计100元，贷方合计90元，相差10元") {
		t.Errorf("%+v", r)
	}
	if r := rej.Rows[1]; r.Row != 6 || !strings.Contains(r.Reason, "2019年4月") {
		t.Errorf("%+v", r)
	}
}

func TestJournalHeader(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		header []any
		want   string
	}{
		{[]any{"日期", "摘要", "科目编码", "借方金额", "贷方金额"}, "凭证字号"},
		{[]any{"凭证字号", "摘要", "科目编码", "借方金额", "贷方金额"}, "日期"},
		{[]any{"日期", "凭证字号", "摘要", "科目编码", "借方金额"}, "贷方金额"},
		{[]any{"甲", "乙", "丙"}, "未找到表头"},
	} {
		file := book(t, c.header, []any{"2019-03-05", "记-1", "付款", "5001", "1", "1"})
		_, err := readJ(t, file, "")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.header, err, c.want)
		}
	}
	// An empty journal is refused.
	if _, err := readJ(t, book(t, []any{"日期", "凭证字号", "摘要", "科目编码", "借方金额", "贷方金额"}), ""); err == nil ||
		!strings.Contains(err.Error(), "没有凭证分录") {
		t.Errorf("empty: %v", err)
	}
}

func TestParseVoucherRef(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"记-15": "记 15", "记字第15号": "记 15", "记 15": "记 15", "记15": "记 15", "记-0015": "记 15", "15": " 15",
		"记 - 15": "记 15", "银付-3": "银付 3", "记字015号": "记 15", "０１５": " 15", "记—15": "记 15",
		"第X号": "bad", "记-0": "bad", "记-15-2": "bad", "": "bad", "15号码": "bad",
	} {
		w, n, ok := xlsx.ParseVoucherRef(in)
		got := fmt.Sprintf("%s %d", w, n)
		if !ok {
			got = "bad"
		}
		if got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

// What the export writes, the importer reads back the same.
func TestJournalRoundTrip(t *testing.T) {
	t.Parallel()
	in := []zhenggai.Voucher{
		{Period: "2019-03", Date: zhenggai.NewDate(2019, 3, 5), Word: "记", Number: 1, Summary: "支付办公用品费", Attachments: 2,
			Maker: "王芳", Approver: "李明", Poster: "张伟", Lines: []zhenggai.VoucherLine{
				{Seq: 1, Summary: "支付办公用品费", AccountCode: "5001", AccountName: "业务活动费用", Debit: 126050},
				{Seq: 2, Summary: "支付办公用品费", AccountCode: "1011", AccountName: "零余额账户用款额度", Credit: 126050}}},
		// An adjustment booked in March's period, dated in April.
		{Period: "2019-03", Date: zhenggai.NewDate(2019, 4, 1), Word: "转", Number: 2, Summary: "冲销", Lines: []zhenggai.VoucherLine{
			{Seq: 1, Summary: "冲销", AccountCode: "5001", AccountName: "业务活动费用", Debit: -99999999999},
			{Seq: 2, Summary: "冲销 另", AccountCode: "1002", AccountName: "银行存款", Credit: -99999999999}}},
		{Period: "2019-04", Date: zhenggai.NewDate(2019, 4, 1), Number: 1, Summary: "无字凭证", Lines: []zhenggai.VoucherLine{
			{Seq: 1, Summary: "无字凭证", AccountCode: "7201", AccountName: "事业支出", Debit: 1},
			{Seq: 2, Summary: "无字凭证", AccountCode: "8101", AccountName: "资金结存", Credit: 1}}},
	}
	var buf bytes.Buffer
	err := xlsx.WriteJournal(&buf, "某县委巡察办序时账", func(fn func(*zhenggai.Voucher) error) error {
		for i := range in {
			if err := fn(&in[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	j := mustJ(t, buf.Bytes(), "")
	if len(j.Vouchers) != len(in) {
		t.Fatalf("%d vouchers", len(j.Vouchers))
	}
	for k := range in {
		if got, want := brief(j.Vouchers[k]), brief(&in[k]); got != want {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
		for n, l := range j.Vouchers[k].Lines {
			if l.Summary != in[k].Lines[n].Summary {
				t.Errorf("line summary %q", l.Summary)
			}
		}
	}
}

func TestJournalCanceled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	file := book(t, []any{"日期", "凭证字号", "摘要", "科目编码", "借方金额", "贷方金额"})
	if _, err := xlsx.ReadJournal(ctx, bytes.NewReader(file), xlsx.JournalOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("%v", err)
	}
}

// A header of two rows: 金额 over 借方 and 贷方, as 用友 prints it.
func TestJournalTwoRowHeader(t *testing.T) {
	t.Parallel()
	file := book(t,
		[]any{"序时账"},
		[]any{"日期", "凭证字号", "摘要", "科目编码", "科目名称", "金额"},
		[]any{nil, nil, nil, nil, nil, "借方", "贷方"},
		[]any{"2019-03-05", "记-1", "付款", "5001", "业务活动费用", 100, nil},
		[]any{nil, nil, "付款", "1002", "银行存款", nil, 100},
	)
	j := mustJ(t, file, "")
	wantVouchers(t, j, "2019-03 记-1 2019-03-05 付款 0 // | 1 5001:业务活动费用:10000:0 | 2 1002:银行存款:0:10000")
}
