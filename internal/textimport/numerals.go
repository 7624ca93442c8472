package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// maxCN is the last item marker looked for (九十九是): no report has a
// hundred measures for one problem.
const maxCN = 99

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
	if r == 'O' || r == 'o' || r == '0' {
		return 0, true
	}
	d := zhenggai.NumeralDigit(r)
	return d, d >= 0
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
	m, k := zhenggai.LeadingNumeral(s[i:])
	if m < 1 || m > 12 || !hasAt(s, i+k, "月") {
		return d, false
	}
	i += k + len("月")
	day, k := zhenggai.LeadingNumeral(s[i:])
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
