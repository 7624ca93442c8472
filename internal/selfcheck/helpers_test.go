package selfcheck

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
)

func day(s string) zhenggai.Date {
	d, err := zhenggai.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func period(from, to string) zhenggai.Period { return zhenggai.Period{Start: day(from), End: day(to)} }

// meeting of a type in its own book, chaired by person 1.
func meeting(id int64, typ, date string) zhenggai.Meeting {
	return zhenggai.Meeting{ID: id, Type: typ, Book: typ, Number: int(id), Date: day(date), ChairID: 1, ChairName: "p1"}
}

// attendance of persons 1..n, the first present of them present, the
// rest on leave.
func attendance(n, present int) []zhenggai.Attendance {
	var out []zhenggai.Attendance
	for i := 1; i <= n; i++ {
		p := zhenggai.OnLeave
		if i <= present {
			p = zhenggai.Present
		}
		out = append(out, zhenggai.Attendance{PersonID: int64(i), Name: "p" + string(rune('0'+i)), Presence: p})
	}
	return out
}

// item of a kind with statements by the persons given, in that order.
func item(id int64, kind zhenggai.ItemKind, amount zhenggai.Fen, persons ...int64) zhenggai.AgendaItem {
	it := zhenggai.AgendaItem{ID: id, Seq: 1, Title: "议题", Kind: kind, Amount: amount}
	for i, p := range persons {
		it.Statements = append(it.Statements, zhenggai.Statement{Seq: i + 1, PersonID: p, Position: zhenggai.PosAgree})
	}
	return it
}

// voucher with one expense line of amount on account 5 and its credit.
func voucher(id int64, date string, amount zhenggai.Fen) zhenggai.Voucher {
	d := day(date)
	return zhenggai.Voucher{ID: id, Period: d.String()[:7], Date: d, Word: "记", Number: int(id), Summary: "办公用品",
		Attachments: 2, Maker: "甲", Approver: "乙", Poster: "丙",
		Lines: []zhenggai.VoucherLine{
			{Seq: 1, Summary: "办公用品", AccountCode: "5101", Debit: amount},
			{Seq: 2, Summary: "办公用品", AccountCode: "1002", Credit: amount},
		}}
}

// check runs one rule with its defaults (and the settings given).
func check(t *testing.T, r Rule, regs *Registers, p zhenggai.Period, set map[string]string) []Finding {
	t.Helper()
	stored := map[string]string{}
	for k, v := range set {
		stored["selfcheck."+r.ID+"."+k] = v
	}
	fs, err := r.Check(context.Background(), regs, p, r.Values(stored))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// want holds the findings to a count and, joined, to contain each text.
func want(t *testing.T, fs []Finding, n int, texts ...string) {
	t.Helper()
	if len(fs) != n {
		t.Fatalf("%d findings, want %d: %+v", len(fs), n, fs)
	}
	var all []string
	for _, f := range fs {
		all = append(all, f.Text)
	}
	joined := strings.Join(all, "\n")
	for _, s := range texts {
		if !strings.Contains(joined, s) {
			t.Errorf("findings %q lack %q", joined, s)
		}
	}
}
