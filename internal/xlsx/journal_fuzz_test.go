package xlsx_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// FuzzJournal: no journal, as a workbook or as CSV text, makes ReadJournal
// panic (EINTERNAL) or run away, and whatever it accepts keeps the
// promises an import relies on: vouchers balanced, numbered, in the
// periods listed, with lines on an account.
func FuzzJournal(f *testing.F) {
	f.Add([]byte("日期,凭证字号,摘要,科目编码,借方金额,贷方金额\n2019-03-05,记-1,付款,5001,100,\n,,付款,1002,,100\n"))
	f.Add([]byte("序时账\n单位：某局\n制单日期,凭证字,凭证号,摘要,科目,借方,贷方,附件数\n2019年3月5日,记,15,付款,5001 业务活动费用,\"1,234.50\",,2\n,,,付款,1011 零余额,,(1234.50)\n,,,本月合计,,1234.5,1234.5\n"))
	f.Add([]byte("日期\t会计期间\t凭证字号\t摘要\t科目代码\t借方金额\t贷方金额\n43529\t3\t记字第1号\t付\t5001\t1\t\n\t\t\t付\t1002\t\t1\n"))
	f.Add([]byte("日期,凭证字号,摘要,科目,方向,金额\n2019-03-05 10:00:00,银付15,付,5001 业务活动费用/办公费,借,-100\n2019-03-05,银付15,付,1002,贷,-100\n"))
	f.Add([]byte("日期,凭证字号,科目编码,借方金额,贷方金额\n2019-03-05,记-1,5001,100,100\n2019-13-01,X,,一百,\n"))
	f.Add(book(f, []any{"日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方"},
		[]any{"2019.3.5", "记-0001", "付款", "5001", "业务活动费用", 10.5, nil},
		[]any{"2019.3.5", "记-0001", "付款", "1002", "银行存款", nil, 10.5}))
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		j, err := xlsx.ReadJournal(ctx, bytes.NewReader(b), xlsx.JournalOptions{Name: "序时账.csv",
			Limits: sheet.Limits{MaxBytes: 1 << 20, MaxUnzipped: 8 << 20, MaxRows: 5000, MaxTime: 5 * time.Second}})
		if zhenggai.ErrorCode(err) == zhenggai.EINTERNAL {
			t.Fatalf("internal error: %v", err)
		}
		if err != nil {
			if j != nil {
				t.Fatal("rejected, yet something returned")
			}
			return
		}
		if len(j.Vouchers) == 0 || len(j.Periods) == 0 {
			t.Fatal("accepted with no vouchers")
		}
		in := map[string]bool{}
		for _, p := range j.Periods {
			in[p] = true
		}
		lines := 0
		for _, v := range j.Vouchers {
			d, c := v.Totals()
			if d != c || v.Number < 1 || !in[v.Period] || !v.Date.Valid() || len(v.Lines) == 0 {
				t.Fatalf("voucher %+v", v)
			}
			for _, l := range v.Lines {
				if l.AccountCode == "" && l.AccountName == "" {
					t.Fatalf("line without account: %+v", l)
				}
			}
			lines += len(v.Lines)
		}
		if lines != j.Lines {
			t.Fatalf("%d lines counted, %d in vouchers", j.Lines, lines)
		}
	})
}
