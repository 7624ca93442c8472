package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// A report copied out of a PDF comes as the PDF laid it out: every line
// of the page is a line of text, so sentences, dates and headings break
// wherever the line was full (2023年\n10月31日, 省委第\n三巡视组); page
// numbers (— 3 —, -3-, 第3页 共5页) and the running header stand between
// the last line of a page and the first of the next. unwrap removes the
// page furniture and joins the lines the layout broke, before anything is
// read, so that the rest of the parser sees paragraphs as the author wrote
// them.

// pline is a physical line of the folded text: [a, b) its trimmed content,
// end the start of the next line.
type pline struct {
	start     int // where the line starts, before its indent
	a, b, end int
	cols      int
	drop      bool
}

// unwrap returns t with page furniture removed and wrapped lines joined;
// t itself when it holds neither.
func unwrap(t ntext) ntext {
	s := t.norm
	var ls []pline
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] != '\n' && s[j] != '\r' {
			j++
		}
		end := j
		if end < len(s) {
			if s[end] == '\r' && end+1 < len(s) && s[end+1] == '\n' {
				end++
			}
			end++
		}
		a, b := i, j
		for a < b && s[a] == ' ' {
			a++
		}
		for b > a && s[b-1] == ' ' {
			b--
		}
		ls = append(ls, pline{start: i, a: a, b: b, end: end})
		i = end
	}
	furniture := dropFurniture(s, ls)
	for k := range ls {
		// Measured as laid out: full-width punctuation, folded here, takes
		// two columns on the page.
		if t.off != nil {
			ls[k].cols = cols(t.orig[t.off[ls[k].a]:t.off[ls[k].b]])
		} else {
			ls[k].cols = cols(s[ls[k].a:ls[k].b])
		}
	}
	width := lineWidth(s, ls)
	if !furniture && width == 0 {
		return t
	}
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int, 0, len(s)+1)
	src := func(i int) int {
		if t.off == nil {
			return i
		}
		return t.off[i]
	}
	var gaps []gap
	cursor := 0 // the byte of the original after the last one written
	emit := func(from, to int) {
		if from == to {
			return
		}
		if src(from) != cursor {
			gaps = append(gaps, gap{at: b.Len(), origEnd: cursor})
		}
		b.WriteString(s[from:to])
		for k := from; k < to; k++ {
			off = append(off, src(k))
		}
		cursor = src(to)
	}
	prev := -1 // the last line written, when its terminator is still owed
	for k := range ls {
		l := ls[k]
		if l.drop {
			continue
		}
		if l.a == l.b { // a blank line: a paragraph break, kept
			if prev >= 0 {
				emit(ls[prev].b, ls[prev].end)
				prev = -1
			}
			emit(l.a, l.end)
			continue
		}
		if prev >= 0 {
			if width > 0 && joins(s, ls[prev], l, width) {
				emit(l.a, l.b) // the line the layout broke: its content follows on
				prev = k
				continue
			}
			emit(ls[prev].b, ls[prev].end)
		}
		emit(l.start, l.b) // a line that starts a paragraph keeps its indent
		prev = k
	}
	if prev >= 0 {
		emit(ls[prev].b, ls[prev].end)
	}
	if cursor != src(len(s)) {
		gaps = append(gaps, gap{at: b.Len(), origEnd: cursor})
	}
	off = append(off, src(len(s)))
	return ntext{orig: t.orig, norm: b.String(), off: off, gaps: gaps, relined: true}
}

// pageNumber reports whether a line is a page number as a PDF prints it:
// — 3 —, -3-, - 3 -, 第3页, 第3页 共12页, 第 3 页/共 12 页.
func pageNumber(s string) bool {
	if s == "" {
		return false
	}
	dashes := "-—–―－~"
	t := strings.TrimLeft(s, dashes+" ")
	if len(t) < len(s) {
		u := strings.TrimRight(t, dashes+" ")
		if len(u) == len(t) {
			return false
		}
		n, j := atoi(u, 0)
		return j > 0 && j == len(u) && j <= 4 && n > 0
	}
	if !strings.HasPrefix(s, "第") {
		return false
	}
	i := skipSpaces(s, len("第"))
	_, j := atoi(s, i)
	if j == i || j-i > 4 {
		return false
	}
	j = skipSpaces(s, j)
	if !hasAt(s, j, "页") {
		return false
	}
	j = skipSpaces(s, j+len("页"))
	if j == len(s) {
		return true
	}
	for _, sep := range []string{",", "/", "、"} {
		if hasAt(s, j, sep) {
			j = skipSpaces(s, j+len(sep))
		}
	}
	if !hasAt(s, j, "共") {
		return false
	}
	j = skipSpaces(s, j+len("共"))
	k := j
	if _, k = atoi(s, j); k == j {
		return false
	}
	k = skipSpaces(s, k)
	return hasAt(s, k, "页") && skipSpaces(s, k+len("页")) == len(s)
}

// dropFurniture marks the page numbers, and the running header or footer
// printed beside them on two pages or more, for removal; it reports
// whether it marked any.
func dropFurniture(s string, ls []pline) bool {
	var pages []int
	for k, l := range ls {
		if pageNumber(s[l.a:l.b]) {
			ls[k].drop = true
			pages = append(pages, k)
		}
	}
	if len(pages) == 0 {
		return false
	}
	// The non-blank lines just before and after each page number.
	near := func(k, step int) int {
		// A few lines away at most: a run of page numbers must not cost
		// its length squared.
		for n, k := 0, k+step; n < 4 && k >= 0 && k < len(ls); n, k = n+1, k+step {
			if ls[k].a < ls[k].b && !ls[k].drop {
				return k
			}
		}
		return -1
	}
	count := map[string]int{}
	for _, p := range pages {
		for _, step := range []int{-1, 1} {
			if k := near(p, step); k >= 0 && utf8.RuneCountInString(s[ls[k].a:ls[k].b]) <= 40 {
				count[s[ls[k].a:ls[k].b]]++
			}
		}
	}
	for _, p := range pages {
		for _, step := range []int{-1, 1} {
			if k := near(p, step); k >= 0 && count[s[ls[k].a:ls[k].b]] >= 2 {
				ls[k].drop = true
			}
		}
	}
	// The header of the first page, above the title.
	if k := near(-1, 1); k >= 0 && count[s[ls[k].a:ls[k].b]] >= 2 {
		ls[k].drop = true
	}
	return true
}

// cols is the width of s as laid out: two columns for a Chinese character
// or a full-width form, one for the rest.
func cols(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// lineWidth finds the width the layout wrapped the lines at: the width
// most lines broken mid-sentence reach; 0 when the text does not look
// wrapped. A line broken by the layout is long, ends inside a sentence,
// holds punctuation (it is prose, not a heading) and the next line goes on
// with the sentence; in a text typed or pasted from Word, a line is a
// paragraph and ends its sentence, or is a heading.
func lineWidth(s string, ls []pline) int {
	long := 0
	hist := map[int]int{}
	next := -1 // the next line with content, from the end
	for k := len(ls) - 1; k >= 0; k-- {
		l := ls[k]
		if l.drop || l.a == l.b {
			continue
		}
		if l.cols >= 30 {
			long++
			t := s[l.a:l.b]
			if next >= 0 && !endsSentence(t) && strings.ContainsAny(t, ",;:、") {
				var c line
				classify(&c, s[ls[next].a:ls[next].b])
				if c.kind == kText && !itemStart(s[ls[next].a:ls[next].b]) {
					hist[l.cols]++
				}
			}
		}
		next = k
	}
	best, width := 0, 0
	for c := range hist {
		m := 0
		for d := c - 4; d <= c; d++ {
			m += hist[d]
		}
		if m > best || m == best && c > width {
			best, width = m, c
		}
	}
	if best < 4 || best*5 < long {
		return 0
	}
	// A layout breaks every line at the width: a typed text's paragraphs
	// run longer than its headings.
	over := 0
	for _, l := range ls {
		if !l.drop && l.cols > width+4 {
			over++
		}
	}
	if over*10 > long {
		return 0
	}
	return width
}

// endsSentence reports whether a line ends a sentence (。!?), after which a
// line is a new paragraph even in a wrapped text.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '。' || r == '!' || r == '?'
}

// joins reports whether line l continues line p, broken by the layout: p
// is full and ends mid-sentence, and l is no heading, label or closing line
// of its own.
func joins(s string, p, l pline, width int) bool {
	if p.cols < width-4 || endsSentence(s[p.a:p.b]) {
		return false
	}
	var c line
	classify(&c, s[l.a:l.b])
	return c.kind == kText && !itemStart(s[l.a:l.b])
}

// itemStart reports whether a line starts an item (一是, 二是…): a new
// line in a typed text, and harmless to leave unjoined in a wrapped one.
func itemStart(s string) bool {
	n, k := zhenggai.LeadingNumeral(s)
	return n > 0 && hasAt(s, k, "是")
}
