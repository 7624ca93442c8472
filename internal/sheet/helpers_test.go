package sheet_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// journal is a register's workbook as the layer means it to be written: a
// column list (an accounting package's 序时账, headers in the names the
// packages give them) and its checks (read below). The English aliases
// let a test make a file whose header is ASCII.
const (
	jDate = iota
	jVoucher
	jSummary
	jCode
	jAccount
	jDebit
	jCredit
	jAttach
	jMaker
	jChecker
)

var journal = sheet.Spec{
	What: "序时账",
	Columns: []sheet.Column{
		jDate:    {Name: "日期", Aliases: []string{"制单日期", "凭证日期", "date"}, Required: true, MinYear: 1990},
		jVoucher: {Name: "凭证字号", Aliases: []string{"凭证号", "voucher"}, Max: 20},
		jSummary: {Name: "摘要", Aliases: []string{"summary"}, Max: 200},
		jCode:    {Name: "科目编码", Aliases: []string{"科目代码", "code"}, Max: 40},
		jAccount: {Name: "科目名称", Aliases: []string{"科目"}, Max: 100},
		jDebit:   {Name: "借方金额", Aliases: []string{"借方", "debit"}, Units: []string{"元", "万元"}, Signed: true, Once: true},
		jCredit:  {Name: "贷方金额", Aliases: []string{"贷方", "credit"}, Units: []string{"元", "万元"}, Signed: true, Once: true},
		jAttach:  {Name: "附单据数", Aliases: []string{"附件数", "单据数"}, Units: []string{"张"}},
		jMaker:   {Name: "制单人", Aliases: []string{"制单"}, Max: 20},
		jChecker: {Name: "审核人", Aliases: []string{"审核"}, Max: 20},
	},
	Unknown: sheet.Ignore,
}

// entry is one line of a journal as read.
type entry struct {
	Date          zhenggai.Date
	Voucher       string
	Summary       string
	Code, Account string
	Debit, Credit int64
	Attach        int
	Maker         string
	Checker       string
}

func (e entry) String() string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%d|%d|%d|%s|%s", e.Date, e.Voucher, e.Summary, e.Code, e.Account, e.Debit, e.Credit,
		e.Attach, e.Maker, e.Checker)
}

// readJournal reads a journal file, all or nothing: the lines, or the
// error Open, the table or the book's bad rows give.
func readJournal(t testing.TB, file []byte, opt sheet.Options) ([]entry, *sheet.Book, error) {
	t.Helper()
	return readJournalCtx(context.Background(), file, opt)
}

func readJournalCtx(ctx context.Context, file []byte, opt sheet.Options) ([]entry, *sheet.Book, error) {
	opt.What, opt.CSV = "序时账", true
	b, err := sheet.Open(ctx, bytes.NewReader(file), opt)
	if err != nil {
		return nil, nil, err
	}
	defer b.Close()
	tab, err := b.Table(b.Sheets()[0], &journal)
	if err != nil {
		return nil, b, err
	}
	defer tab.Close()
	var out []entry
	for tab.Next() {
		r := tab.Row()
		var e entry
		e.Date, _ = r.Date(jDate)
		if r.Blank(jDate) {
			r.Bad(jDate, "日期不能为空")
		}
		e.Voucher, _ = r.Text(jVoucher)
		e.Summary, _ = r.Text(jSummary)
		e.Code, _ = r.Text(jCode)
		e.Account, _ = r.Text(jAccount)
		e.Debit, _ = r.Fen(jDebit)
		e.Credit, _ = r.Fen(jCredit)
		e.Attach, _ = r.Count(jAttach, 999)
		e.Maker, _ = r.Text(jMaker)
		e.Checker, _ = r.Text(jChecker)
		out = append(out, e)
	}
	if err := tab.Err(); err != nil {
		return nil, b, err
	}
	if err := b.Rejected(); err != nil {
		return nil, b, err
	}
	return out, b, nil
}

// xlsxOf makes a workbook whose first sheet holds rows from A1 down, each
// value as excelize stores it (a time.Time is a date cell); merges are
// ranges like "A3:A5".
func xlsxOf(t testing.TB, rows [][]any, merges ...string) []byte {
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
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// csvOf writes rows as CSV lines, cells quoted where they must be.
func csvOf(rows [][]string, comma string) string {
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteString(comma)
			}
			if strings.ContainsAny(c, ",\"\n\t") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	return b.String()
}

func day(y, m, d int) zhenggai.Date { return zhenggai.NewDate(y, m, d) }

func dayTime(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// rejected is the bad rows of an error, or the test fails.
func rejected(t testing.TB, err error) []sheet.RowError {
	t.Helper()
	rej, ok := err.(*sheet.Rejected)
	if !ok {
		t.Fatalf("error %v, want rejected rows", err)
	}
	return rej.Rows
}
