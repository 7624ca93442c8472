package zhenggai

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters, for what users type.
const (
	MaxName    = 100   // names of units, groups, people
	MaxTitle   = 1000  // category and problem titles
	MaxContent = 20000 // measure and progress texts
)

// checkText is the one check of every text a user types or sends, the
// public's opinions included.
func checkText(v *ValidationError, field, label, s string, required bool, max int) {
	switch {
	case required && strings.TrimSpace(s) == "":
		v.Add(field, label+"不能为空")
	case !utf8.ValidString(s):
		v.Add(field, label+"含有无法识别的字符")
	case strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' }):
		// NUL and the like: invisible, refused by PostgreSQL, and they
		// would break the Word and Excel files made from the text.
		v.Add(field, label+"含有不可见的控制字符，请删除后再保存")
	case strings.ContainsFunc(s, Invisible):
		i := strings.IndexFunc(s, Invisible)
		r, _ := utf8.DecodeRuneInString(s[i:])
		v.Add(field, label+"含有不可见的字符（"+CodePoint(r)+"，在第"+strconv.Itoa(utf8.RuneCountInString(s[:i])+1)+
			"个字处），多为从网页或其他文档复制时带入，请删除后再保存")
	case utf8.RuneCountInString(s) > max:
		v.Add(field, label+"过长（最多"+strconv.Itoa(max)+"字）")
	}
}

// CheckText adds to v what is wrong with a typed text: empty when
// required, control characters, longer than max characters.
func CheckText(v *ValidationError, field, label, s string, required bool, max int) {
	checkText(v, field, label, s, required, max)
}

// Invisible reports whether r is a character that shows nothing, or
// changes how the text around it shows, and so can make a record read
// otherwise than it says, on pages and in Excel and Word: Unicode format
// characters (category Cf: U+200B zero width space, U+200E and U+202E
// direction marks and overrides, U+FEFF, U+00AD soft hyphen…), the line
// and paragraph separators U+2028 and U+2029, private-use characters
// (no font agrees on them) and noncharacters.
func Invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Co, r) ||
		r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}

// StripInvisible removes the Invisible characters of s, for texts pasted
// or imported from elsewhere, which carry them without their author
// knowing; n counts those removed.
func StripInvisible(s string) (out string, n int) {
	if !strings.ContainsFunc(s, Invisible) {
		return s, 0
	}
	out = strings.Map(func(r rune) rune {
		if Invisible(r) {
			n++
			return -1
		}
		return r
	}, s)
	return out, n
}

// CodePoint names a character the way a message can show it: U+202E.
func CodePoint(r rune) string {
	const hex = "0123456789ABCDEF"
	b := []byte{}
	for v := uint32(r); v > 0 || len(b) < 4; v >>= 4 {
		b = append([]byte{hex[v&15]}, b...)
	}
	return "U+" + string(b)
}

// Clip shortens a text quoted in a message, a subject or a preview to n
// characters, marking the cut with "…". Line breaks and other control
// characters become spaces and bytes that are not UTF-8 are replaced, so
// that what is quoted cannot break the line it stands in; spaces around
// it go.
func Clip(s string, n int) string {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD")))
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// Sentence ends s with exactly one full stop (a message that ends with one
// already, or with other closing punctuation, gets no second).
func Sentence(s string) string {
	s = strings.TrimSpace(s)
	t := strings.TrimRight(s, "。.；;，,：: ")
	if strings.HasSuffix(t, "！") || strings.HasSuffix(t, "？") {
		return t
	}
	if t == "" {
		return ""
	}
	return t + "。"
}
