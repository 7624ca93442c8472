// Package textimport reads a rectification progress report (巡察整改进展情况)
// written as plain text, such as the seed, into a zhenggai.Imported.
//
// The report is read line by line. Headings are recognised after folding
// full-width forms (（一）１．：，) to half-width; what is returned keeps
// the characters as written. Layout:
//
//   - preamble: 巡察组, unit, on-site period and feedback date;
//   - 一、组织整改落实情况: the totals sentence (截止10月28日,…已完成整改35个…);
//   - 二、…问题整改进展情况: (一) categories, 1. problems, 整改情况: paragraphs;
//   - 三、… and the contact lines, ignored.
//
// Without a 二、 section, (一)反馈问题 lines are categories wherever they
// are; without those either, (一) headings with problems under them, as
// in reports that write (一)在“…”方面.
//
// Problems are headed 1.…, or without a number 关于“…”问题 and 问题:…
// (paired with 整改:…); those are numbered on from the one before.
// Web-page furniture copied with a report (site path, 索引号/发布机构
// table, 发布时间/来源 line, a repeated title, 打印本页) is noise: it is
// not read for the round or the totals, and it ends the problems. A text
// that breaks off inside the problems is kept as read, with a warning
// naming the line and the problem where it stopped.
//
// What cannot be placed becomes a warning, never an error: an error means
// the text is not such a report at all.
package textimport

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// Parse reads a progress report written as plain text.
//
// Decisions worth knowing:
//   - Problem titles are kept exactly as written (trailing 。 kept); category
//     titles lose a trailing 。.
//   - A rectification spanning several lines keeps them joined by "\n".
//   - Lines between a problem and its 整改情况: label continue the title
//     (joined without a separator, as wrapped Chinese text is); when no
//     label follows they are the rectification itself.
//   - Problem numbers may run on across categories (seed) or restart at 1
//     in each category; anything else is warned about, not refused.
//   - A problem before any category cannot be placed: it is left out with
//     a warning.
//   - Measure kinds are a keyword heuristic (see measureKind); statuses are
//     left empty, the seed states none per problem.
func Parse(text string) (im *zhenggai.Imported, err error) {
	defer func() {
		// The parser is fuzzed not to panic; this is the last line of
		// defence so that one odd upload cannot take a server down.
		if r := recover(); r != nil {
			im, err = nil, zhenggai.Errorf(zhenggai.EINTERNAL, "解析文本时发生内部错误，请联系系统管理员")
		}
	}()
	return parse(text)
}

type parser struct {
	t     ntext
	lines []line
	im    *zhenggai.Imported
	warns []string

	ci, pi   int  // current category and problem, -1 when none
	labelled bool // the current problem's 整改情况: label was seen
	rect     []string
	pending  []string // lines after a problem title, before any label
	dropping bool     // inside a problem that could not be placed

	sectioned bool   // categories come from a 二、 section, 反馈问题 or not
	totals    totals // as declared, for checkDeclared

	lastCat, lastProb int
	seenCat, seenProb map[int]bool

	published zhenggai.Date // from a 发布时间/成文日期 line, when there is one
	lastRect  int           // line of the last rectification text read, -1 when none
}

func (p *parser) warnf(format string, args ...any) {
	p.warns = append(p.warns, fmt.Sprintf(format, args...))
}

// text is the folded text of line i.
func (p *parser) text(i int) string { return p.t.norm[p.lines[i].a:p.lines[i].b] }

// src is the original text of line i from its marker on, trimmed.
func (p *parser) src(i, from int) string {
	l := p.lines[i]
	a := skipSpaces(p.t.norm, l.a+from)
	return p.t.slice(a, l.b)
}

const notReport = "未能识别为巡察整改进展情况报告："

func parse(text string) (*zhenggai.Imported, error) {
	text, warns, err := checkInput(text)
	if err != nil {
		return nil, err
	}
	p := &parser{
		t:        normalize(text),
		im:       &zhenggai.Imported{Categories: []zhenggai.ImportedCategory{}},
		warns:    warns,
		ci:       -1,
		pi:       -1,
		seenCat:  map[int]bool{},
		seenProb: map[int]bool{},
		lastRect: -1,
	}
	p.splitLines()
	p.markRepeatedTitle()
	start, end := p.region()
	if start < 0 {
		msg := notReport + "未找到“(一)反馈问题”形式的问题类别"
		if n := p.count(kProblem); n > 0 {
			msg += fmt.Sprintf("（有%d行像具体问题，但不在任何问题类别之下）", n)
		}
		return nil, invalid(msg)
	}

	// The preamble is what precedes the first section heading; section 一
	// is searched too when the preamble lacks something.
	pre := start
	for i := 0; i < start; i++ {
		if p.lines[i].kind == kSection {
			pre = i
			break
		}
	}
	p.im.Round = p.readRound(pre, start)
	p.im.Declared = p.readTotals(start, end)

	for i := range p.lines {
		if i < start || i >= end {
			if l := p.lines[i]; l.kind == kCategory && l.fb {
				p.warnf("第%d行“%s”不在问题整改进展情况部分，未作为问题类别导入", l.no, excerpt(p.src(i, 0)))
			}
			continue
		}
		p.take(i)
	}
	p.closeProblem()
	p.closeCategory()

	if len(p.im.Categories) == 0 {
		return nil, invalid(notReport + "未找到“(一)反馈问题”形式的问题类别")
	}
	p.checkStopped(end)
	p.checkDeclared()
	p.im.Warnings = p.warns
	if p.im.Warnings == nil {
		p.im.Warnings = []string{}
	}
	return p.im, nil
}

func (p *parser) count(k lineKind) int {
	n := 0
	for _, l := range p.lines {
		if l.kind == k {
			n++
		}
	}
	return n
}

// region finds the lines that hold categories and problems: the section
// 二、…问题整改进展情况 when there is one with categories in it, else from
// the first (一)反馈问题 line to the next section heading or the closing
// lines. start is -1 when there is no category at all.
func (p *parser) region() (start, end int) {
	L := p.lines
	h := -1
	for i := range L {
		if L[i].kind == kSection && strings.Contains(p.text(i), "问题") {
			h = i
			break
		}
	}
	if h < 0 {
		for i := range L {
			if L[i].kind == kSection && L[i].num == 2 {
				h = i
				break
			}
		}
	}
	if h >= 0 {
		end = len(L)
		for i := h + 1; i < len(L); i++ {
			// Only a later section closes it: a stray 一、 inside a
			// paragraph does not.
			if L[i].kind == kSection && L[i].num > L[h].num {
				end = i
				break
			}
		}
		for i := h + 1; i < end; i++ {
			if L[i].kind == kCategory {
				p.sectioned = true
				return h + 1, p.cutTrailer(h+1, end)
			}
		}
	}
	for i := range L {
		if L[i].kind == kCategory && L[i].fb {
			end = len(L)
			for j := i + 1; j < len(L); j++ {
				if L[j].kind == kSection {
					end = j
					break
				}
			}
			return i, p.cutTrailer(i, end)
		}
	}
	// Neither: the first (一) heading with numbered problems under it, for
	// reports that head categories (一)在“…”方面.
	for i := range L {
		if L[i].kind != kCategory {
			continue
		}
		for j := i + 1; j < len(L) && L[j].kind != kCategory && L[j].kind != kSection; j++ {
			if L[j].kind == kProblem {
				end = len(L)
				for k := j + 1; k < len(L); k++ {
					if L[k].kind == kSection {
						end = k
						break
					}
				}
				p.sectioned = true
				return i, p.cutTrailer(i, end)
			}
		}
	}
	return -1, -1
}

// cutTrailer ends the region at the closing lines, and at the signing body
// when it stands just above the date.
func (p *parser) cutTrailer(start, end int) int {
	for i := start; i < end; i++ {
		if p.lines[i].kind != kTrailer {
			continue
		}
		if p.lines[i].date && i-1 > start && p.lines[i-1].kind == kText && isSignature(p.text(i-1)) {
			return i - 1
		}
		return i
	}
	// A signing body as the very last line, with no date under it.
	if last := len(p.lines) - 1; end == len(p.lines) && last > start && isSigner(p.text(last)) {
		return last
	}
	return end
}

// take places line i of the region.
func (p *parser) take(i int) {
	l := p.lines[i]
	kind := l.kind
	if kind == kCategory && !p.sectioned && !l.fb {
		kind = kText // outside a 二、 section only 反馈问题 headings count
	}
	if kind == kSection || kind == kTrailer {
		kind = kText
	}
	switch kind {
	case kCategory:
		p.closeProblem()
		p.closeCategory()
		p.dropping = false
		p.openCategory(i)
	case kProblem:
		p.closeProblem()
		if p.ci < 0 {
			p.warnf("第%d行：具体问题“%s”出现在任何问题类别之前，未能导入", l.no, excerpt(p.src(i, 0)))
			p.dropping = true
			return
		}
		p.dropping = false
		p.openProblem(i)
	case kLabel:
		switch {
		case p.pi >= 0 && !p.labelled:
			p.labelled = true
			if len(p.pending) > 0 {
				pr := p.problem()
				pr.Title += strings.Join(p.pending, "")
				p.pending = p.pending[:0]
			}
			if s := p.src(i, l.body); s != "" {
				p.rect = append(p.rect, s)
				p.lastRect = i
			}
		case p.pi >= 0:
			p.rect = append(p.rect, p.src(i, 0))
			p.lastRect = i
		case !p.dropping:
			p.unplaced(i)
		}
	default:
		switch {
		case p.pi >= 0 && p.labelled:
			p.rect = append(p.rect, p.src(i, 0))
			p.lastRect = i
		case p.pi >= 0:
			p.pending = append(p.pending, p.src(i, 0))
			p.lastRect = i
		case !p.dropping:
			p.unplaced(i)
		}
	}
}

func (p *parser) unplaced(i int) {
	p.warnf("第%d行未能归入任何具体问题，已忽略：“%s”", p.lines[i].no, excerpt(p.src(i, 0)))
}

func (p *parser) problem() *zhenggai.ImportedProblem {
	c := &p.im.Categories[p.ci]
	return &c.Problems[p.pi]
}

func (p *parser) openCategory(i int) {
	l := p.lines[i]
	switch want := p.lastCat + 1; {
	case p.seenCat[l.num]:
		p.warnf("第%d行：问题类别序号(%s)重复", l.no, cnNumeral(l.num))
	case l.num != want:
		p.warnf("第%d行：问题类别序号应为(%s)，实际为(%s)", l.no, cnNumeral(want), cnNumeral(l.num))
	}
	p.seenCat[l.num] = true
	p.lastCat = l.num

	// The title loses a trailing 。 (a heading, not a sentence).
	s := p.t.norm
	a, b := skipSpaces(s, l.a+l.body), l.b
	for b > a {
		if hasAt(s, b-len("。"), "。") {
			b -= len("。")
		} else if s[b-1] == '.' || s[b-1] == ' ' {
			b--
		} else {
			break
		}
	}
	title := p.t.slice(a, b)
	if title == "" {
		p.warnf("第%d行：问题类别(%s)没有标题", l.no, cnNumeral(l.num))
	}
	p.im.Categories = append(p.im.Categories, zhenggai.ImportedCategory{
		Seq: l.num, Title: title, Problems: []zhenggai.ImportedProblem{},
	})
	p.ci, p.pi = len(p.im.Categories)-1, -1
}

func (p *parser) closeCategory() {
	if p.ci < 0 {
		return
	}
	if c := p.im.Categories[p.ci]; len(c.Problems) == 0 {
		p.warnf("问题类别(%s)“%s”下没有解析到具体问题", cnNumeral(c.Seq), excerpt(c.Title))
	}
}

func (p *parser) openProblem(i int) {
	l := p.lines[i]
	c := &p.im.Categories[p.ci]
	if l.num == autoNum {
		// 关于“…”问题 and 问题:… headings carry no number: count on.
		l.num = p.lastProb + 1
	}
	if len(c.Problems) == 0 && l.num == 1 && p.lastProb > 0 {
		// Numbering restarts in each category.
		p.lastProb = 0
		clear(p.seenProb)
	}
	switch want := p.lastProb + 1; {
	case p.seenProb[l.num]:
		p.warnf("第%d行：具体问题序号%d重复", l.no, l.num)
	case l.num != want:
		p.warnf("第%d行：具体问题序号应为%d，实际为%d", l.no, want, l.num)
	}
	p.seenProb[l.num] = true
	p.lastProb = l.num

	body := p.text(i)[l.body:]
	pr := zhenggai.ImportedProblem{Seq: l.num, Measures: []zhenggai.ImportedMeasure{}}
	if at, after, ok := inlineLabel(body); ok {
		pr.Title = p.t.slice(l.a+l.body, trimEnd(p.t.norm, l.a+l.body, l.a+l.body+at))
		p.labelled = true
		if s := p.src(i, l.body+after); s != "" {
			p.rect = append(p.rect, s)
			p.lastRect = i
		}
	} else {
		pr.Title = p.src(i, l.body)
	}
	c.Problems = append(c.Problems, pr)
	p.pi = len(c.Problems) - 1
}

func trimEnd(s string, a, b int) int {
	for b > a && s[b-1] == ' ' {
		b--
	}
	return b
}

// closeProblem files the paragraph read for the current problem.
func (p *parser) closeProblem() {
	if p.pi < 0 {
		p.rect, p.pending, p.labelled = p.rect[:0], p.pending[:0], false
		return
	}
	pr := p.problem()
	lines := p.rect
	if !p.labelled {
		lines = p.pending
	}
	pr.Rectification = strings.TrimSpace(strings.Join(lines, "\n"))
	pr.Measures = splitMeasures(pr.Rectification)
	p.rect, p.pending, p.labelled = p.rect[:0], p.pending[:0], false
	p.pi = -1
}

// markRepeatedTitle marks as noise a preamble line that repeats an earlier
// one word for word: web pages print the title above the text and again
// as its heading.
func (p *parser) markRepeatedTitle() {
	seen := map[string]bool{}
	for i := range p.lines {
		l := &p.lines[i]
		if l.kind == kSection || l.kind == kCategory || l.kind == kProblem {
			return
		}
		if l.kind != kText {
			continue
		}
		t := p.text(i)
		if seen[t] {
			l.kind, l.noise = kTrailer, true
		}
		seen[t] = true
	}
}

// stops end a line that ends a sentence or a heading.
const stops = "。!?;…”’」』)》"

// checkStopped warns when the text breaks off inside the problems: the
// problems run to the last line, with no closing part after them, and the
// last line is a heading or a sentence cut short, or fewer problems were
// read than the report declares. What was read is kept.
func (p *parser) checkStopped(end int) {
	n := p.im.ProblemCount()
	if end < len(p.lines) || n == 0 {
		return
	}
	last := len(p.lines) - 1
	l := p.lines[last]
	t := p.text(last)
	r, _ := utf8.DecodeLastRuneInString(t)
	cut := l.kind == kCategory || l.kind == kProblem || l.kind == kLabel && l.body == len(t) ||
		!strings.ContainsRune(stops, r)
	if !cut && p.totals.d.Problems <= n {
		return
	}
	c := p.im.Categories[len(p.im.Categories)-1]
	if !cut {
		// The last problem read, which need not be in the last category: a
		// heading mistyped into plain text leaves that one empty.
		var pr *zhenggai.ImportedProblem
		for _, ci := range p.im.Categories {
			if k := len(ci.Problems); k > 0 {
				pr = &ci.Problems[k-1]
			}
		}
		p.warnf("文本在第%d行“%s”之后没有结束部分，读到的具体问题（%d个）少于公布的数量，其后内容可能缺失（可能复制不全或文件被截断）；最后读到的是具体问题%d“%s”",
			l.no, excerptTail(p.src(last, 0)), n, pr.Seq, excerpt(pr.Title))
		return
	}
	var where string
	if k := len(c.Problems); k == 0 {
		where = fmt.Sprintf("停在问题类别(%s)“%s”，其下尚无具体问题", cnNumeral(c.Seq), excerpt(c.Title))
	} else {
		part := "标题"
		if p.lastRect == last {
			part = "整改情况"
		}
		where = fmt.Sprintf("停在具体问题%d“%s”的%s中", c.Problems[k-1].Seq, excerpt(c.Problems[k-1].Title), part)
	}
	p.warnf("文本在第%d行“%s”处中断（%s），其后内容缺失（可能复制不全或文件被截断）；已导入此前读到的%d个问题类别、%d个具体问题",
		l.no, excerptTail(p.src(last, 0)), where, len(p.im.Categories), n)
}
