package zhenggai

import (
	"strings"
	"testing"
)

func TestFenText(t *testing.T) {
	tests := []struct {
		fen  Fen
		want string
	}{
		{0, "0元"},
		{5, "0.05元"},
		{50, "0.5元"},
		{300000, "3000元"},
		{231640, "2316.4元"},
		{999999, "9999.99元"},
		{1_000_000, "1万元"},
		{1_000_400, "1万元"},      // 10004元: 万元 to the hundredth
		{1_260_000, "1.26万元"},   // 12600元
		{1_264_999, "1.26万元"},   // 12649.99元 rounds down
		{1_265_000, "1.27万元"},   // 12650元 rounds half up
		{3_200_000, "3.2万元"},    // trailing zero dropped
		{12_345_678, "12.35万元"}, // 123456.78元
		{MaxFen, "1000000万元"},   // 100亿元
		{-231640, "-2316.4元"},   // never stored, but a difference may be
		{-1_260_000, "-1.26万元"},
	}
	for _, tt := range tests {
		if got := tt.fen.Text(); got != tt.want {
			t.Errorf("Fen(%d).Text() = %q, want %q", tt.fen, got, tt.want)
		}
	}
	for fen, want := range map[Fen]string{0: "0", 5: "0.05", 126050: "1260.5", 1260000: "12600", -5: "-0.05"} {
		if got := fen.Yuan(); got != want {
			t.Errorf("Fen(%d).Yuan() = %q, want %q", fen, got, want)
		}
	}
}

func TestParseYuan(t *testing.T) {
	tests := []struct {
		in   string
		fen  Fen
		fail string // part of the reason; "" when it parses
	}{
		{"12600", 1_260_000, ""},
		{"1,260.50", 126_050, ""},
		{"1 260.5", 126_050, ""},
		{"￥300", 30_000, ""},
		{"300元", 30_000, ""},
		{"１２６００．５", 1_260_050, ""},
		{"1.26万元", 1_260_000, ""},
		{"1.26万", 1_260_000, ""},
		{"1.234567万元", 1_234_567, ""}, // 12345.67元
		{"0.05", 5, ""},
		{".5", 50, ""},
		{"12.300", 1_230, ""},
		{"0", 0, ""},
		{"10000000000", MaxFen, ""}, // 100亿元
		{"", 0, "须为金额"},
		{"12.", 0, "须为金额"},
		{"一万", 0, "须为金额"},
		{"1e5", 0, "须为金额"},
		{"1.2.3", 0, "须为金额"},
		{"12.345", 0, "两位小数"},
		{"1.2345678万", 0, "两位小数"},
		{"-5", 0, "负数"},
		{"－5元", 0, "负数"},
		{"10000000000.01", 0, "过大"},
		{"99999999999999999999", 0, "过大"},
		{"1000001万", 0, "过大"},
		{"1000000万", MaxFen, ""},
		{"9227000000000万", 0, "过大"}, // w*per would overflow int64
	}
	for _, tt := range tests {
		got, err := ParseYuan(tt.in)
		switch {
		case tt.fail == "" && (err != nil || got != tt.fen):
			t.Errorf("ParseYuan(%q) = %d, %v; want %d", tt.in, got, err, tt.fen)
		case tt.fail != "" && (err == nil || !strings.Contains(err.Error(), tt.fail)):
			t.Errorf("ParseYuan(%q) = %d, %v; want an error saying %s", tt.in, got, err, tt.fail)
		}
	}
}

// FuzzParseYuan: whatever is typed, an amount read is within bounds and
// reads back the same from how a form shows it; nothing panics.
func FuzzParseYuan(f *testing.F) {
	for _, s := range []string{"12600", "1,260.50", "￥300元", "１２６００．５", "1.26万元", ".5", "12.", "-5", "1e5",
		"99999999999999999999", "1.2345678万", "0000000000000000000001", "万", "元", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fen, err := ParseYuan(s)
		if err != nil {
			return
		}
		if fen < 0 || fen > MaxFen {
			t.Fatalf("ParseYuan(%q) = %d, out of bounds", s, fen)
		}
		if again, err := ParseYuan(fen.Yuan()); err != nil || again != fen {
			t.Fatalf("ParseYuan(%q) = %d, shown as %q, reads back as %d, %v", s, fen, fen.Yuan(), again, err)
		}
		if _, err := ParseCount(s); err == nil && strings.ContainsAny(s, ".万") {
			t.Fatalf("ParseCount(%q) took an amount", s)
		}
	})
}
