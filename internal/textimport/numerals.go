package textimport

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxCN is the largest Chinese numeral read: no report has a hundred
// categories or a hundred measures for one problem.
const maxCN = 99

var cnDigits = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

func cnDigit(r rune) int {
	switch r {
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
	return 0
}

// leadingCN reads a Chinese numeral of 1..99 (一, 十, 十四, 二十一) at the
// start of s and returns its value and length in bytes, or 0, 0.
func leadingCN(s string) (n, size int) {
	r, w := utf8.DecodeRuneInString(s)
	if r == '十' {
		n, size = 10, w
		r2, w2 := utf8.DecodeRuneInString(s[size:])
		if d := cnDigit(r2); d > 0 {
			n, size = n+d, size+w2
		}
		return n, size
	}
	d := cnDigit(r)
	if d == 0 {
		return 0, 0
	}
	n, size = d, w
	r2, w2 := utf8.DecodeRuneInString(s[size:])
	if r2 == '十' {
		n, size = d*10, size+w2
		r3, w3 := utf8.DecodeRuneInString(s[size:])
		if d3 := cnDigit(r3); d3 > 0 {
			n, size = n+d3, size+w3
		}
	}
	return n, size
}

// cnNumeral writes n (1..99) the Chinese way; other numbers in digits.
func cnNumeral(n int) string {
	switch {
	case n <= 0 || n > maxCN:
		return strconv.Itoa(n)
	case n < 10:
		return cnDigits[n]
	case n < 20:
		return "十" + cnDigits[n-10]
	}
	return cnDigits[n/10] + "十" + cnDigits[n%10]
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// atoi reads up to 9 ASCII digits at s[i:] (digits are folded to ASCII
// before matching); j == i when there is none.
func atoi(s string, i int) (n, j int) {
	j = i
	for j < len(s) && j-i < 9 && isDigit(s[j]) {
		n = n*10 + int(s[j]-'0')
		j++
	}
	return n, j
}

func hasAt(s string, i int, p string) bool {
	return i >= 0 && i <= len(s) && strings.HasPrefix(s[i:], p)
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// excerpt shortens a line for a warning.
func excerpt(s string) string {
	const max = 24
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	n := 0
	for i := range s {
		if n == max {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// excerptTail shortens a line for a warning from its start, keeping its end:
// where a text breaks off.
func excerptTail(s string) string {
	const max = 24
	n := utf8.RuneCountInString(s)
	if n <= max {
		return s
	}
	k := 0
	for i := range s {
		if k == n-max {
			return "…" + s[i:]
		}
		k++
	}
	return s
}

// cnYearDigit reads one digit of a year written 二〇二〇.
func cnYearDigit(r rune) (int, bool) {
	switch r {
	case '〇', '○', '零', 'O', 'o', '0':
		return 0, true
	}
	if d := cnDigit(r); d > 0 {
		return d, true
	}
	return 0, false
}

// cnDate reads a date written in Chinese numerals (二〇二〇年十月二十八日), as
// documents are signed, when it is the whole of s.
func cnDate(s string) (pdate, bool) {
	var d pdate
	i, digits := 0, 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		v, ok := cnYearDigit(r)
		if !ok {
			break
		}
		d.y = d.y*10 + v
		digits++
		i += w
	}
	if digits != 4 || !hasAt(s, i, "年") {
		return d, false
	}
	i += len("年")
	m, k := leadingCN(s[i:])
	if m < 1 || m > 12 || !hasAt(s, i+k, "月") {
		return d, false
	}
	i += k + len("月")
	day, k := leadingCN(s[i:])
	if day < 1 || day > 31 || !(hasAt(s, i+k, "日") || hasAt(s, i+k, "号")) || i+k+len("日") != len(s) {
		return d, false
	}
	d.m, d.d = m, day
	return d, true
}

func trimEnd(s string, a, b int) int {
	for b > a && s[b-1] == ' ' {
		b--
	}
	return b
}
