package textimport

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// invisibleName names the invisible characters offices meet in pasted
// text, for the warning that says they were removed.
var invisibleName = map[rune]string{
	0x00AD: "软连字符",
	0x200B: "零宽空格",
	0x200C: "零宽不连字",
	0x200D: "零宽连字",
	0x200E: "从左至右标记",
	0x200F: "从右至左标记",
	0x202A: "从左至右嵌入",
	0x202B: "从右至左嵌入",
	0x202C: "方向格式结束",
	0x202D: "从左至右覆盖",
	0x202E: "从右至左覆盖",
	0x2060: "词连接符",
	0x2066: "从左至右隔离",
	0x2067: "从右至左隔离",
	0x2068: "方向隔离",
	0x2069: "方向隔离结束",
	0xFEFF: "零宽不换行空格",
	0x2028: "行分隔符",
	0x2029: "段分隔符",
}

// invisible reports whether r is a character a pasted report must not
// carry into titles and paragraphs: a format character (category Cf,
// which hides or reorders text: U+202E shows "abc" as "cba"), a private-use
// character (shown as nothing or as a box, different on every machine) or
// a noncharacter.
func invisible(r rune) bool {
	if r < 0xAD || r >= 0x3000 && r < 0xE000 { // CJK text: none there
		return false
	}
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || noncharacter(r)
}

func noncharacter(r rune) bool {
	return r >= 0xFDD0 && r <= 0xFDEF || r&0xFFFE == 0xFFFE && r <= unicode.MaxRune
}

// stripInvisible removes invisible characters from s and says which it
// removed. U+2028 and U+2029 separate lines and paragraphs, so they become
// line breaks rather than nothing. A byte-order mark at the very start is
// what Notepad writes and goes without a word.
func stripInvisible(s string) (string, []string) {
	s = strings.TrimPrefix(s, "\ufeff")
	if !hasInvisible(s) {
		return s, nil
	}
	counts := map[string]int{}
	var order []string
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == 0x2028, r == 0x2029:
			b.WriteByte('\n')
		case invisible(r):
		default:
			b.WriteRune(r)
			continue
		}
		name, ok := invisibleName[r]
		switch {
		case ok:
			name = fmt.Sprintf("U+%04X%s", r, name)
		case unicode.Is(unicode.Co, r):
			name = "私用区字符"
		case noncharacter(r):
			name = "非字符"
		default:
			name = fmt.Sprintf("U+%04X格式字符", r)
		}
		if counts[name] == 0 {
			order = append(order, name)
		}
		counts[name]++
	}
	parts := make([]string, len(order))
	total := 0
	for i, n := range order {
		parts[i] = fmt.Sprintf("%s%d个", n, counts[n])
		total += counts[n]
	}
	msg := fmt.Sprintf("文本中有%d个不可见字符（%s），已删除（行、段分隔符已换成换行），以免带入标题和正文", total, strings.Join(parts, "、"))
	return b.String(), []string{msg}
}

// hasInvisible decodes only what can be invisible: every such character
// is above U+00AC, so ASCII bytes are skipped.
func hasInvisible(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xC2 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0x2028 || r == 0x2029 || invisible(r) {
			return true
		}
		i += n
	}
	return false
}
