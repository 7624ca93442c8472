package sheet_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// FuzzCSV: no CSV file, however broken, makes the reader panic or run
// past its bounds, and what it accepts keeps the promises a register's
// import relies on; what it refuses names a row and a reason.
func FuzzCSV(f *testing.F) {
	text := csvOf(journalCSV, ",")
	f.Add([]byte(text))
	f.Add(append([]byte{0xEF, 0xBB, 0xBF}, text...))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	f.Add(gbk)
	f.Add([]byte(csvOf(journalCSV, "\t")))
	f.Add([]byte("\xFF\xFE" + "日\x00期\x00"))
	f.Add([]byte("日期,摘要,借方,贷方\n2020-10-28,\"未闭合,1\n2020-02-30,x,12.345,(1,260.50)\n"))
	f.Add([]byte("金额\n日期,凭证号,借方,贷方\n,,借方,贷方\n44132.5,=\"001\",-,—\n20201028,a\"b,1e3,１２６０．５０\n"))
	f.Add([]byte("日期,摘要,借方\n2020年10月28日 下午5:30,\u200b摘要\u0001,1.26万\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		got, _, err := readJournalCtx(ctx, b, sheet.Options{Name: "x.csv", Limits: sheet.Limits{MaxRows: 1000}})
		if err != nil {
			if got != nil {
				t.Fatal("refused, yet something returned")
			}
			if rej, ok := err.(*sheet.Rejected); ok {
				headers := strings.Join(journal.Headers(), "|")
				for _, e := range rej.Rows {
					if e.Row < 1 || e.Reason == "" || e.Column != "" && !strings.Contains(headers, e.Column) && !strings.HasSuffix(e.Column, "列") {
						t.Fatalf("bad row error %+v", e)
					}
				}
			} else if zhenggai.ErrorCode(err) != zhenggai.EINVALID {
				t.Fatalf("error %v", err)
			}
			return
		}
		for _, e := range got {
			if !e.Date.Valid() || e.Date.IsZero() || e.Date.Year() < 1990 || e.Date.Year() > 2100 {
				t.Fatalf("date %v", e.Date)
			}
			for _, fen := range []int64{e.Debit, e.Credit} {
				if fen > sheet.MaxFen || fen < -sheet.MaxFen {
					t.Fatalf("amount %d", fen)
				}
			}
			if e.Attach < 0 || e.Attach > 999 {
				t.Fatalf("attachments %d", e.Attach)
			}
			for _, s := range []string{e.Voucher, e.Summary, e.Code, e.Account, e.Maker, e.Checker} {
				if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) || s != strings.TrimSpace(s) ||
					strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' || zhenggai.Invisible(r) }) ||
					utf8.RuneCountInString(s) > 200 {
					t.Fatalf("text %q", s)
				}
			}
		}
	})
}

// FuzzParseDate: whatever a cell holds, a date read from it is a day of
// the calendar with a time within the day, and a day reads back from its
// own forms.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2020-10-28", "2020/1/5", "2020.10.28", "2020年10月28日", "20201028", "2020-10-28 09:30:00",
		"2020-10-28T9:30", "2020年10月28日 下午5时30分", "44132.395833333336", "60", "２０２０年１０月２８日", "2020-02-30", "下个月",
		"2020-10-28 12:00 AM", "99999.99999999999"} {
		f.Add(s, false)
	}
	f.Add("42670", true)
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		d, clock, has, err := sheet.ParseDateTime(s, date1904)
		if err != nil {
			if d != (zhenggai.Date{}) || clock != 0 || has {
				t.Fatalf("%q refused, yet %v %v %v", s, d, clock, has)
			}
			return
		}
		if d.IsZero() || !d.Valid() || clock < 0 || clock >= 24*time.Hour || !has && clock != 0 {
			t.Fatalf("%q: %v %v %v", s, d, clock, has)
		}
		for _, form := range []string{d.String(), d.Chinese(), fmt.Sprintf("%d/%d/%d", d.Year(), d.Month(), d.Day()),
			fmt.Sprintf("%04d%02d%02d", d.Year(), d.Month(), d.Day())} {
			if d.Year() < 1000 {
				break
			}
			if back, err := sheet.ParseDate(form, false); err != nil || back != d {
				t.Fatalf("%q read as %v, whose form %q reads as %v %v", s, d, form, back, err)
			}
		}
	})
}

// FuzzParseFen: whatever a cell holds, an amount read from it is within
// bounds and exact: written back to the fen, and in brackets, it reads as
// itself and its negative.
func FuzzParseFen(f *testing.F) {
	for _, s := range []string{"1,260.50", "￥-300", "(1,260.50)", "1.26万元", "2316.4000000000001", "1.2345E+5", "12.345",
		"１２６０．５０", "-", "12,60", "0.000001万", "99999999999999999999", "1e-400", ".5"} {
		f.Add(s, false)
	}
	f.Add("0.386", true)
	f.Fuzz(func(t *testing.T, s string, wan bool) {
		fen, err := sheet.ParseFen(s, wan)
		if err != nil {
			if fen != 0 {
				t.Fatalf("%q refused, yet %d", s, fen)
			}
			return
		}
		if fen > sheet.MaxFen || fen < -sheet.MaxFen {
			t.Fatalf("%q: %d", s, fen)
		}
		abs := max(fen, -fen)
		yuan := fmt.Sprintf("%d.%02d", abs/100, abs%100)
		if back, err := sheet.ParseFen(yuan, false); err != nil || back != abs {
			t.Fatalf("%q read as %d, written %q reads as %d %v", s, fen, yuan, back, err)
		}
		if back, err := sheet.ParseFen("("+yuan+")", false); err != nil || back != -abs {
			t.Fatalf("%q read as %d, (%s) reads as %d %v", s, fen, yuan, back, err)
		}
	})
}
