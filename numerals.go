package zhenggai

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Chinese numerals number what offices write: categories (一)…(十四),
// sections 一、二、, measures 一是、二是, groups 第七巡察组. Numeral writes
// them and LeadingNumeral reads them back; nothing else in the program
// does either.

// MaxNumeral is the largest number written in Chinese numerals: a round
// has at most 999 categories, and a problem at most 999 measures.
const MaxNumeral = 999

var numeralDigits = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes n (1 to MaxNumeral) the way offices number things: 一,
// 十, 十四, 二十, 二十一, 一百, 一百零五, 一百一十. Other numbers are written
// in digits.
func Numeral(n int) string {
	if n <= 0 || n > MaxNumeral {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(numeralDigits[h] + "百")
		if t == 0 && u > 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			b.WriteString(numeralDigits[t])
		}
		b.WriteString("十")
	}
	b.WriteString(numeralDigits[u])
	return b.String()
}

// NumeralDigit is the value of one Chinese digit: 0 for 零 and 〇 (and
// the ○ typed for it), 1 to 9 for 一 to 九, -1 for any other rune.
func NumeralDigit(r rune) int {
	switch r {
	case '零', '〇', '○':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// LeadingNumeral reads the Chinese numeral at the start of s, as Numeral
// writes it (and 一十四, 一百〇五, which some write), and returns its value
// and its length in bytes; 0, 0 when s does not begin with one. It reads
// the longest numeral there: of 二十一是, 二十一.
func LeadingNumeral(s string) (n, size int) {
	digit := func(i int) (d, w int) { // 1 to 9 at s[i:]; w == 0 when none
		r, w := utf8.DecodeRuneInString(s[i:])
		if d = NumeralDigit(r); d > 0 {
			return d, w
		}
		return 0, 0
	}
	at := func(i int, u string) bool { return strings.HasPrefix(s[i:], u) }
	i := 0
	if d, w := digit(0); w > 0 && at(w, "百") {
		n, i = d*100, w+len("百")
		if r, w := utf8.DecodeRuneInString(s[i:]); NumeralDigit(r) == 0 { // 一百零五
			if d, w2 := digit(i + w); w2 > 0 {
				return n + d, i + w + w2
			}
			return n, i
		}
	}
	tens := false
	if d, w := digit(i); w > 0 && at(i+w, "十") {
		n, i, tens = n+d*10, i+w+len("十"), true
	} else if at(i, "十") {
		n, i, tens = n+10, i+len("十"), true
	}
	if d, w := digit(i); w > 0 && (tens || n == 0) { // not 一百五, which is not 105
		n, i = n+d, i+w
	}
	return n, i
}

// ParseNumeral reads s, the whole of it, as a Chinese numeral; 0 when it
// is not one.
func ParseNumeral(s string) int {
	n, size := LeadingNumeral(s)
	if size != len(s) {
		return 0
	}
	return n
}

// foldDigits makes full-width digits and signs half-width: ０-９ ． ， －.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '－':
			return '-'
		}
		return r
	}, s)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
