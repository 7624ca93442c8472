package sheet

import (
	"strings"
	"unicode"

	"zhenggai"
)

// Fold makes a header cell, or a keyword typed in a cell (已完成, 长期坚持),
// comparable with the names a Spec gives: offices write 序  号, 责任\n领导,
// *日期 (a required column's star), （元） or (元), ＡＢＣ or abc. Spaces
// of every kind, line breaks, stars and invisible characters go;
// full-width ASCII becomes half-width, Latin letters lower case, and
// 【】 are brackets like ().
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		r = narrow(r)
		switch {
		case unicode.IsSpace(r) || r == '*' || zhenggai.Invisible(r):
			return -1
		case r == '【':
			return '['
		case r == '】':
			return ']'
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// Narrow makes full-width ASCII in s half-width (０８：５５ is 08:55),
// leaving spaces and line breaks where they are: for cells whose parts
// are split by them (a time and the day of the week under a day).
func Narrow(s string) string { return strings.Map(narrow, s) }

// narrow makes a full-width ASCII character half-width: （ → (, ０ → 0,
// Ａ → A; the ideographic space is a space.
func narrow(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000':
		return ' '
	}
	return r
}

// splitUnit takes a unit in brackets off the end of a folded header:
// 金额(元) is 金额 and 元, 追回资金[万元] 追回资金 and 万元, 金额(单位:元)
// 金额 and 元. A header without one is returned whole, with no unit. A unit
// is short (at most four characters); what a Column accepts is its own.
func splitUnit(h string) (base, unit string) {
	for _, b := range [][2]string{{"(", ")"}, {"[", "]"}} {
		if !strings.HasSuffix(h, b[1]) {
			continue
		}
		i := strings.LastIndex(h, b[0])
		if i <= 0 {
			continue
		}
		u := h[i+len(b[0]) : len(h)-len(b[1])]
		u = strings.TrimPrefix(strings.TrimPrefix(u, "单位:"), "单位")
		if n := len([]rune(u)); n == 0 || n > 4 {
			continue
		}
		return h[:i], u
	}
	return h, ""
}
