package textimport

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// ntext is a text folded for matching, with a map back to the original so
// that titles and paragraphs keep the characters the author typed.
type ntext struct {
	orig string
	norm string
	off  []int // off[i] is the byte of orig that norm byte i comes from; nil when norm == orig
	// gaps are where text of the original was left out of norm (page
	// furniture, the line breaks of a wrapped text), in order; relined
	// says that norm's lines are not the original's.
	gaps    []gap
	relined bool
}

// gap is a place in norm, at, before which the original's text up to
// origEnd is kept and after which it resumes at off[at].
type gap struct{ at, origEnd int }

// fold maps a rune to the form the parser matches on: full-width ASCII
// forms to half-width, every kind of space to ' '.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E: // （ ） ： ， ． ； ０-９ …
		return r - 0xFEE0
	case r == 0x3000, r == 0xA0, r == 0xFEFF, r == 0x202F, r == 0x205F, r >= 0x2000 && r <= 0x200B:
		return ' '
	case r == '\t', r == '\v', r == '\f', r == 0x7F:
		return ' '
	case r < 0x20 && r != '\n' && r != '\r':
		return ' '
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return '\n'
	case r == 0x2236: // ∶ RATIO, typed as a colon in some offices
		return ':'
	case r == 0xFF61: // ｡ half-width ideographic full stop
		return '。'
	}
	return r
}

func normalize(s string) ntext {
	if !needsFold(s) {
		return ntext{orig: s, norm: s}
	}
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		f := fold(r)
		if f == r {
			b.WriteString(s[i : i+n])
			for k := 0; k < n; k++ {
				off = append(off, i+k)
			}
		} else {
			m := b.Len()
			b.WriteRune(f)
			for k := m; k < b.Len(); k++ {
				off = append(off, i)
			}
		}
		i += n
	}
	off = append(off, len(s))
	return ntext{orig: s, norm: b.String(), off: off}
}

// needsFold reports whether fold changes anything in s. It decodes only
// the runes whose lead byte fold can touch: CJK text starts with E4–E9.
func needsFold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20:
			if c != '\n' && c != '\r' {
				return true
			}
		case c == 0x7F:
			return true
		case c == 0xE3: // 。、“ share it; only U+3000 folds
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		case c == 0xC2 || c == 0xE2 || c == 0xEF:
			if r, _ := utf8.DecodeRuneInString(s[i:]); fold(r) != r {
				return true
			}
		}
	}
	return false
}

// slice returns the original text behind norm[i:j].
func (t *ntext) slice(i, j int) string {
	if i < 0 {
		i = 0
	}
	if j > len(t.norm) {
		j = len(t.norm)
	}
	if i >= j {
		return ""
	}
	if t.off == nil {
		return t.orig[i:j]
	}
	if len(t.gaps) == 0 {
		return t.orig[t.off[i]:t.off[j]]
	}
	// The pieces between the gaps inside [i, j).
	k := sort.Search(len(t.gaps), func(k int) bool { return t.gaps[k].at > i })
	var b strings.Builder
	from := t.off[i]
	for ; k < len(t.gaps) && t.gaps[k].at <= j; k++ {
		b.WriteString(t.orig[from:t.gaps[k].origEnd])
		from = t.off[t.gaps[k].at]
		if t.gaps[k].at == j {
			return b.String()
		}
	}
	b.WriteString(t.orig[from:t.off[j]])
	return b.String()
}

// checkInput rejects what is not UTF-8 text. A rune cut in half at the very
// end (a truncated file) is dropped with a warning rather than refused.
func checkInput(s string) (string, []string, error) {
	var warns []string
	if len(s) >= 2 && (s[0] == 0xFF && s[1] == 0xFE || s[0] == 0xFE && s[1] == 0xFF) {
		return "", nil, invalid("文本是UTF-16编码，请另存为UTF-8编码后再导入")
	}
	if !utf8.ValidString(s) {
		cut := len(s)
		for k := 0; k < utf8.UTFMax && cut > 0; k++ {
			cut--
			if utf8.RuneStart(s[cut]) {
				break
			}
		}
		if cut < len(s) && utf8.ValidString(s[:cut]) && !utf8.FullRuneInString(s[cut:]) {
			s = s[:cut]
			warns = append(warns, "文本末尾有一个不完整的字符（文件可能被截断），已忽略")
		} else {
			return "", nil, invalid("文本不是有效的UTF-8编码（可能是GBK等其他编码），请转换为UTF-8编码后再导入")
		}
	}
	controls := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0 {
			return "", nil, invalid("文件含有二进制内容，不是纯文本，无法导入")
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			controls++
		}
	}
	if controls > 8 && controls*100 > len(s) {
		return "", nil, invalid("文件含有大量控制字符，不是纯文本，无法导入")
	}
	if strings.TrimFunc(s, func(r rune) bool { return fold(r) == ' ' || r == '\n' || r == '\r' }) == "" {
		return "", nil, invalid("文本为空，未能识别为巡察整改进展情况报告")
	}
	return s, warns, nil
}

func invalid(msg string) error { return zhenggai.Errorf(zhenggai.EINVALID, "%s", msg) }
