package textimport

import (
	"strings"
	"unicode/utf8"
)

type lineKind uint8

const (
	kText     lineKind = iota
	kSection           // 一、组织整改落实情况
	kCategory          // (一)反馈问题:… or (一)…
	kProblem           // 1.… 1、… １．…
	kLabel             // 整改情况:…
	kTrailer           // contact lines, source, signature date: the report is over
)

// line is one non-blank line; a, b bound its trimmed text in the folded
// text, so the original is t.slice(a, b).
type line struct {
	no   int // 1-based, as an editor counts
	a, b int
	kind lineKind
	num  int  // number of a section, category or problem
	fb   bool // a category that says 反馈问题
	date bool // a trailer that is a date alone (the signature date)
	body int  // where the text after the marker starts, relative to a
}

func (p *parser) splitLines() {
	s := p.t.norm
	p.lines = make([]line, 0, strings.Count(s, "\n")+1)
	no, start := 1, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '\n' && s[i] != '\r' {
			continue
		}
		a, b := start, i
		for a < b && s[a] == ' ' {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		if a < b {
			l := line{no: no, a: a, b: b}
			classify(&l, s[a:b])
			p.lines = append(p.lines, l)
		}
		if i < len(s) && s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		no++
		start = i + 1
	}
}

// labels introduce the progress paragraph of a problem; longest first.
var labels = []string{"整改进展情况", "整改落实情况", "整改完成情况", "整改情况", "整改进展", "整改结果", "落实情况", "进展情况"}

// trailers start the lines that close a report.
var trailers = []string{"欢迎广大", "欢迎社会各界", "联系电话", "举报电话", "邮政信箱", "电子邮箱", "来源:", "编辑:", "责任编辑", "本文链接", "原文链接", "附件:"}

func classify(l *line, s string) {
	// 一、… section heading: short, and not a sentence.
	if n, k := leadingCN(s); n > 0 {
		sep := 0
		switch {
		case hasAt(s, k, "、"):
			sep = len("、")
		case hasAt(s, k, "."):
			sep = 1
		}
		if sep > 0 {
			rest := strings.TrimSpace(s[k+sep:])
			if rest != "" && utf8.RuneCountInString(rest) <= 40 && !strings.Contains(rest, "。") {
				l.kind, l.num, l.body = kSection, n, k+sep
				return
			}
		}
	}
	// (一)… category heading.
	if s[0] == '(' {
		if n, k := leadingCN(s[1:]); n > 0 && hasAt(s, 1+k, ")") {
			body := skipSpaces(s, 2+k)
			if hasAt(s, body, "反馈问题") {
				j := skipSpaces(s, body+len("反馈问题"))
				if hasAt(s, j, ":") {
					l.fb, body = true, j+1
				}
			}
			l.kind, l.num, l.body = kCategory, n, body
			return
		}
	}
	// 1.… problem: the number must not be the start of 1.5 or 2020年.
	if n, j := atoi(s, 0); j > 0 && j <= 4 {
		k := skipSpaces(s, j)
		sep := 0
		switch {
		case hasAt(s, k, "、"):
			sep = len("、")
		case hasAt(s, k, "."):
			sep = 1
		}
		if sep > 0 && n > 0 {
			body := skipSpaces(s, k+sep)
			if body < len(s) && !isDigit(s[body]) {
				l.kind, l.num, l.body = kProblem, n, body
				return
			}
		}
	}
	if i, ok := labelAt(s, 0); ok {
		l.kind, l.body = kLabel, i
		return
	}
	for _, t := range trailers {
		if strings.HasPrefix(s, t) {
			l.kind = kTrailer
			return
		}
	}
	if d, end, ok := scanDate(s, 0); ok && d.y > 0 && d.m > 0 && end == len(s) {
		l.kind, l.date = kTrailer, true
	}
}

// labelAt reports whether a 整改情况: label starts at s[i:], and where the
// text after it starts.
func labelAt(s string, i int) (int, bool) {
	for _, lb := range labels {
		if hasAt(s, i, lb) {
			j := skipSpaces(s, i+len(lb))
			if hasAt(s, j, ":") {
				return j + 1, true
			}
		}
	}
	return 0, false
}

// inlineLabel finds a 整改情况: label inside a problem line, for reports
// that put the progress on the same line as the problem.
func inlineLabel(s string) (at, after int, ok bool) {
	if strings.IndexByte(s, ':') < 0 { // every label ends in a colon
		return 0, 0, false
	}
	for _, lb := range labels {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], lb)
			if i < 0 {
				break
			}
			i += from
			if j, ok := labelAt(s, i); ok {
				return i, j, true
			}
			from = i + len(lb)
		}
	}
	return 0, 0, false
}

// isSignature reports whether a line looks like the signing body above
// the date (中共政协桑植县委员会党组): short and without punctuation.
func isSignature(s string) bool {
	return utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, ",.;:!?。、“”0123456789")
}
