package zhenggai

import "testing"

func TestNumeral(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "一"}, {9, "九"}, {10, "十"}, {11, "十一"}, {14, "十四"}, {20, "二十"}, {21, "二十一"}, {99, "九十九"},
		{100, "一百"}, {105, "一百零五"}, {110, "一百一十"}, {115, "一百一十五"}, {300, "三百"}, {999, "九百九十九"},
		{0, "0"}, {-3, "-3"}, {1000, "1000"},
	}
	for _, tt := range tests {
		if got := Numeral(tt.n); got != tt.want {
			t.Errorf("Numeral(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestNumeralReadsBack: every numeral written is read back whole, followed
// by whatever the text goes on with.
func TestNumeralReadsBack(t *testing.T) {
	for n := 1; n <= MaxNumeral; n++ {
		s := Numeral(n)
		if got := ParseNumeral(s); got != n {
			t.Errorf("ParseNumeral(%q) = %d, want %d", s, got, n)
		}
		for _, rest := range []string{"是", "、", "）", "个问题", ""} {
			if got, size := LeadingNumeral(s + rest); got != n || size != len(s) {
				t.Errorf("LeadingNumeral(%q) = %d, %d; want %d, %d", s+rest, got, size, n, len(s))
			}
		}
	}
}

func TestLeadingNumeral(t *testing.T) {
	tests := []struct {
		s    string
		n    int
		size int // in bytes
	}{
		{"一十四是", 14, 9},
		{"一百〇五", 105, 12},
		{"一百五", 100, 6}, // not 105, nor 150: what follows 百 without 十 is not read
		{"二十一条", 21, 9},
		{"十是", 10, 3},
		{"零", 0, 0},
		{"〇", 0, 0},
		{"百", 0, 0},
		{"是一", 0, 0},
		{"", 0, 0},
		{"3是", 0, 0},
		{"\xff一", 0, 0},
		{"a", 0, 0},
		{"二二", 2, 3},
		{"十十", 10, 3},
	}
	for _, tt := range tests {
		if n, size := LeadingNumeral(tt.s); n != tt.n || size != tt.size {
			t.Errorf("LeadingNumeral(%q) = %d, %d; want %d, %d", tt.s, n, size, tt.n, tt.size)
		}
	}
	for _, s := range []string{"一百五", "二二", "十是", "", "abc", "十一 "} {
		if n := ParseNumeral(s); n != 0 {
			t.Errorf("ParseNumeral(%q) = %d, want 0", s, n)
		}
	}
}

func TestNumeralDigit(t *testing.T) {
	for r, want := range map[rune]int{'零': 0, '〇': 0, '○': 0, '一': 1, '五': 5, '九': 9, '十': -1, '百': -1, '0': -1, 'a': -1} {
		if got := NumeralDigit(r); got != want {
			t.Errorf("NumeralDigit(%q) = %d, want %d", r, got, want)
		}
	}
}
