package textimport

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"zhenggai"
)

// markers[k] is the k-th item marker: 一是, 二是, … 十一是, … 九十九是.
var markers = func() []string {
	m := make([]string, maxCN+1)
	for k := 1; k <= maxCN; k++ {
		m[k] = zhenggai.Numeral(k) + "是"
	}
	return m
}()

// atItemStart reports whether a marker at s[i:] starts an item: at the
// start of the text or after sentence punctuation, so that 统一是 or
// 唯一是 inside a sentence is left alone.
func atItemStart(s string, i int) bool {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:j])
	return strings.ContainsRune("。;!?,:\n", r)
}

// findMarker finds the first marker that starts an item in s[from:].
func findMarker(s, m string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], m)
		if i < 0 {
			return -1
		}
		i += from
		if atItemStart(s, i) {
			return i
		}
		from = i + len(m)
	}
	return -1
}

// splitMeasures splits a 整改情况 paragraph at 一是/二是/三是…, taken only
// in sequence. A paragraph without such a list is one measure. The text
// before 一是 (a lead-in) stays in the rectification only.
func splitMeasures(rect string) []zhenggai.ImportedMeasure {
	ms := []zhenggai.ImportedMeasure{}
	if strings.TrimSpace(rect) == "" {
		return ms
	}
	t := normalize(rect)
	s := t.norm

	type item struct{ mark, body int }
	var items []item
	pos, k := 0, 1
	if i := findMarker(s, markers[1], 0); i >= 0 {
		items = append(items, item{i, i + len(markers[1])})
		pos, k = i+len(markers[1]), 2
	} else if strings.HasPrefix(s, "一") && findMarker(s, markers[2], len("一")) >= 0 {
		// 一不断深化…二是…: the 是 was left out of the first marker.
		items = append(items, item{0, len("一")})
		pos, k = len("一"), 2
	}
	if len(items) > 0 {
		for ; k <= maxCN; k++ {
			i := findMarker(s, markers[k], pos)
			if i < 0 {
				break
			}
			items = append(items, item{i, i + len(markers[k])})
			pos = i + len(markers[k])
		}
	} else {
		// (1)…(2)…, ①…②…, 1.…2.… or (一)…(二)… at the start of lines, in
		// sequence.
		var st style
		for at := 0; at < len(s); {
			end := strings.IndexByte(s[at:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += at
			}
			a := skipSpaces(s, at)
			if a < end {
				if hs, n, body := heading(s[a:end]); (hs == stParenNum || hs == stCircled || hs == stNum || hs == stParenCN) &&
					n == len(items)+1 && (st == stNone || hs == st) {
					st = hs
					items = append(items, item{a, a + body})
				}
			}
			at = end + 1
		}
	}

	add := func(a, b int) {
		for a < b {
			// A colon or comma right after the marker is not content.
			if s[a] == ' ' || s[a] == '\n' || s[a] == ':' || s[a] == ',' {
				a++
			} else if hasAt(s, a, "、") {
				a += len("、")
			} else {
				break
			}
		}
		for b > a {
			// A comma or semicolon before the next marker separates items;
			// a full stop is kept, it ends the item's sentence as written.
			if s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == ',' || s[b-1] == ';' {
				b--
			} else if b-len("、") >= a && hasAt(s, b-len("、"), "、") {
				b -= len("、")
			} else {
				break
			}
		}
		if c := t.slice(a, b); strings.IndexFunc(c, isWordRune) >= 0 { // not 。 alone
			ms = append(ms, zhenggai.ImportedMeasure{Content: c, Kind: measureKind(c)})
		}
	}
	if len(items) == 0 {
		add(0, len(s))
		return ms
	}
	for n, it := range items {
		end := len(s)
		if n+1 < len(items) {
			end = items[n+1].mark
		}
		add(it.body, end)
	}
	return ms
}

func isWordRune(r rune) bool {
	return !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r)
}

// mechanismWords mark a measure that builds a rule meant to last (长效机制).
// This is a heuristic: offices do not label their measures, and a word
// such as 规定 also appears in 学习中央八项规定精神. Users correct the kind.
var mechanismWords = []string{"制度", "办法", "机制", "台账", "台帐", "规定", "细则", "修订完善", "建立", "制定"}

func measureKind(content string) zhenggai.MeasureKind {
	for _, w := range mechanismWords {
		if strings.Contains(content, w) {
			return zhenggai.MeasureMechanism
		}
	}
	return zhenggai.MeasureImmediate
}
