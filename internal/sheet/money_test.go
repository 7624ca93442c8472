package sheet_test

import (
	"errors"
	"testing"

	"zhenggai"
	"zhenggai/internal/sheet"
)

// TestParseFen: every form an amount takes, typed or kept by Excel, in a
// 元 column and in a 万元 column, reads as its fen.
func TestParseFen(t *testing.T) {
	cases := []struct {
		in   string
		wan  bool
		want int64
	}{
		{"12600", false, 1_260_000},
		{"1260.5", false, 126_050},
		{"1260.50", false, 126_050},
		{"1,260.50", false, 126_050},
		{"12,345,678.90", false, 1_234_567_890},
		{"1 260.50", false, 126_050},
		{"￥1,260.50", false, 126_050},
		{"¥300", false, 30_000},
		{"￥ 300.00", false, 30_000},
		{"300元", false, 30_000},
		{"300.5 元", false, 30_050},
		{"１２６０．５０", false, 126_050}, // full-width digits
		{"１，２６０．５０元", false, 126_050},
		{".5", false, 50},
		{"0.05", false, 5},
		{"0", false, 0},
		{"007", false, 700},
		{"1.26万", false, 1_260_000},
		{"1.26万元", false, 1_260_000},
		{"0.000001万元", false, 1},
		// Negative, as journals write a reversal.
		{"-1,260.50", false, -126_050},
		{"－300", false, -30_000},
		{"−300", false, -30_000}, // U+2212
		{"-￥300", false, -30_000},
		{"￥-300", false, -30_000},
		{"(1,260.50)", false, -126_050},
		{"（300）", false, -30_000},
		{"(￥300.00)", false, -30_000},
		// A dash alone is Excel's accounting format's zero.
		{"-", false, 0},
		{"—", false, 0},
		{"--", false, 0},
		// What Excel keeps: shortest form, exponents, binary noise.
		{"2316.4", false, 231_640},
		{"2316.4000000000001", false, 231_640},
		{"0.30000000000000004", false, 30},
		{"1.2345E+5", false, 12_345_000},
		{"1.5E-1", false, 15},
		// A 万元 column.
		{"1.26", true, 1_260_000},
		{"0.386", true, 386_000},
		{"1,234.5", true, 1_234_500_000},
		{"300元", true, 30_000}, // the cell's unit wins
		{"0.5万", true, 500_000},
		{"3860.5", true, 3_860_500_000},
		{"10000000000", false, sheet.MaxFen},
	}
	for _, c := range cases {
		got, err := sheet.ParseFen(c.in, c.wan)
		if err != nil || got != c.want {
			t.Errorf("%q (万元 %v): %d %v, want %d", c.in, c.wan, got, err, c.want)
		}
	}
	if sheet.MaxFen != zhenggai.MaxFen {
		t.Errorf("sheet.MaxFen %d, zhenggai.MaxFen %d: the bounds drifted apart", sheet.MaxFen, zhenggai.MaxFen)
	}
}

// TestParseFenRefused: what is not an amount, or is past the fen, is
// refused with the reason a row error gives; nothing is rounded.
func TestParseFenRefused(t *testing.T) {
	cases := []struct {
		in   string
		wan  bool
		want error
		msg  string
	}{
		{"12.345", false, sheet.ErrPastFen, "最多精确到分（元后两位小数）"},
		{"0.001", false, sheet.ErrPastFen, ""},
		{"1.5E-2", false, sheet.ErrPastFen, ""},
		{"0.0000001万", false, sheet.ErrPastFen, ""},
		{"0.1234567", true, sheet.ErrPastFen, ""},
		{"2316.41000001", false, sheet.ErrPastFen, ""}, // typed, not noise
		{"一万元", false, sheet.ErrNotYuan, "须为金额（元），如 12600 或 1260.50"},
		{"abc", true, sheet.ErrNotWan, "须为金额（万元），如 1.26"},
		{"", false, sheet.ErrNotYuan, ""},
		{"元", false, sheet.ErrNotYuan, ""},
		{"12.", false, sheet.ErrNotYuan, ""},
		{"1.2.3", false, sheet.ErrNotYuan, ""},
		{"1e400", false, sheet.ErrNotYuan, ""},
		{"NaN", false, sheet.ErrNotYuan, ""},
		{"Inf", false, sheet.ErrNotYuan, ""},
		{"0x10", false, sheet.ErrNotYuan, ""},
		{"+5", false, sheet.ErrNotYuan, ""},
		{"5-", false, sheet.ErrNotYuan, ""},
		{"(5", false, sheet.ErrNotYuan, ""},
		{"--5", false, sheet.ErrNotYuan, ""},
		{"$5", false, sheet.ErrNotYuan, ""},
		{"12,60", false, sheet.ErrGrouping, "千分位逗号位置不对，应写作 1,260.50 或 1260.50"}, // a decimal comma would be 100 times off
		{"1,2600", false, sheet.ErrGrouping, ""},
		{",260", false, sheet.ErrGrouping, ""},
		{"1234,567", false, sheet.ErrGrouping, ""},
		{"10000000000.01", false, sheet.ErrTooLarge, "过大（最多100亿元）"},
		{"-10000000000.01", false, sheet.ErrTooLarge, ""},
		{"1000001万", false, sheet.ErrTooLarge, ""},
		{"99999999999999999999", false, sheet.ErrTooLarge, ""},
		{"1E+20", false, sheet.ErrTooLarge, ""},
		{"9227000000000", true, sheet.ErrTooLarge, ""}, // found by FuzzParseFen: 万 × 13 digits overflowed int64
	}
	for _, c := range cases {
		got, err := sheet.ParseFen(c.in, c.wan)
		if !errors.Is(err, c.want) {
			t.Errorf("%q (万元 %v): %d %v, want %v", c.in, c.wan, got, err, c.want)
		}
		if c.msg != "" && (err == nil || err.Error() != c.msg) {
			t.Errorf("%q: message %v, want %q", c.in, err, c.msg)
		}
	}
}

// TestParseCount: whole numbers of things, with their unit.
func TestParseCount(t *testing.T) {
	cases := []struct {
		in   string
		want int
		err  string
	}{
		{"3", 3, ""},
		{"３", 3, ""},
		{"3人", 3, ""},
		{"3 张", 3, ""},
		{"3.0", 3, ""},
		{"2.9999999999999996", 3, ""},
		{"0", 0, ""},
		{"10000", 10000, ""},
		{"10001", 0, "须在0至10000之间"},
		{"99999999999999999999", 0, "须在0至10000之间"},
		{"1.5", 0, "须为整数"},
		{"-1", 0, "不能为负数"},
		{"三", 0, "须为整数"},
		{"3个", 0, "须为整数"}, // not a unit of this column
		{"", 0, "须为整数"},
		{".5", 0, "须为整数"},
		{"1e3", 0, "须为整数"},
	}
	for _, c := range cases {
		got, err := sheet.ParseCount(c.in, 10000, "人", "张")
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != c.want || msg != c.err {
			t.Errorf("%q: %d %q, want %d %q", c.in, got, msg, c.want, c.err)
		}
	}
}
