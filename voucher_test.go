package zhenggai_test

import (
	"slices"
	"testing"

	"zhenggai"
)

func TestVoucherExpense(t *testing.T) {
	t.Parallel()
	line := func(code string, debit, credit zhenggai.Fen) zhenggai.VoucherLine {
		return zhenggai.VoucherLine{AccountCode: code, Debit: debit, Credit: credit}
	}
	exp, bud := zhenggai.DefaultExpensePrefixes, zhenggai.DefaultBudgetPrefixes
	for _, c := range []struct {
		name     string
		lines    []zhenggai.VoucherLine
		exp, bud []string
		want     zhenggai.Fen
	}{
		{"expense only", []zhenggai.VoucherLine{line("5001", 1000, 0), line("1002", 0, 1000)}, exp, bud, 1000},
		// 政府会计制度: the same payment on both sides; counted once.
		{"double booked", []zhenggai.VoucherLine{line("5001", 1000, 0), line("1011", 0, 1000),
			line("7201", 1000, 0), line("8001", 0, 1000)}, exp, bud, 1000},
		{"budget only", []zhenggai.VoucherLine{line("7201", 2500, 0), line("8001", 0, 2500)}, exp, bud, 2500},
		{"several expense lines", []zhenggai.VoucherLine{line("5001.01", 300, 0), line("5101", 700, 0), line("1002", 0, 1000)}, exp, bud, 1000},
		{"no expense", []zhenggai.VoucherLine{line("1002", 500, 0), line("1001", 0, 500)}, exp, bud, 0},
		// An expense line with a credit only (a refund) still means the
		// budget side is not added.
		{"expense credit only", []zhenggai.VoucherLine{line("5001", 0, 400), line("7201", 400, 0)}, exp, bud, 0},
		{"own prefixes", []zhenggai.VoucherLine{line("5201", 800, 0), line("5001", 100, 0)}, []string{"5201"}, bud, 800},
		{"reversal", []zhenggai.VoucherLine{line("5001", -600, 0), line("1002", 0, -600)}, exp, bud, -600},
		{"empty prefix takes nothing", []zhenggai.VoucherLine{line("5001", 100, 0)}, []string{""}, []string{""}, 0},
	} {
		v := zhenggai.Voucher{Lines: c.lines}
		if got := v.Expense(c.exp, c.bud); got != c.want {
			t.Errorf("%s: expense %d, want %d", c.name, got, c.want)
		}
	}
}

func TestAccountPrefixes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want []string
		bad  bool
	}{
		{"", []string{"5"}, false},
		{"  ", []string{"5"}, false},
		{"5001, 5101", []string{"5001", "5101"}, false},
		{"5001、5101；5201", []string{"5001", "5101", "5201"}, false},
		{"50a", nil, true},
	} {
		got, err := zhenggai.AccountPrefixes(c.in, []string{"5"})
		if (err != nil) != c.bad || !slices.Equal(got, c.want) {
			t.Errorf("%q: %v %v", c.in, got, err)
		}
	}
}

func TestVoucherRef(t *testing.T) {
	t.Parallel()
	if got := zhenggai.VoucherRef("记", 15); got != "记-15" {
		t.Error(got)
	}
	if got := zhenggai.VoucherRef("", 3); got != "3" {
		t.Error(got)
	}
	if got := zhenggai.PeriodChinese("2019-03"); got != "2019年3月" {
		t.Error(got)
	}
}
