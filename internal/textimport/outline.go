package textimport

import (
	"slices"
	"sort"
	"strings"

	"zhenggai"
)

// hnode is a heading of a region and the lines it governs.
type hnode struct {
	li, end int // its line, and the first line after what it governs
	st      style
	rank    int
	parent  *hnode // the heading it stands under; nil at the top of the region
	label   int    // its own 整改情况 label, -1 when none
	inRect  bool   // it numbers items of a rectification, not the feedback
}

// outline reads the headings of lines [a, b) as a tree: a heading closes
// those of its rank and deeper. Headings after a 整改情况 label, and
// numbered headings under an unnumbered problem, are items of its
// rectification (measures), not problems.
func (p *parser) outline(a, b int) []*hnode {
	var nodes, stack []*hnode
	pop := func(to, at int) {
		for len(stack) > to {
			stack[len(stack)-1].end = at
			stack = stack[:len(stack)-1]
		}
	}
	for i := a; i < b; i++ {
		if i&1023 == 0 && p.stopped() {
			return nil
		}
		l := &p.lines[i]
		switch l.kind {
		case kHeading:
			n := &hnode{li: i, st: l.st, label: -1}
			if l.st == stAuto {
				// A problem without a number closes the one before and
				// everything it held.
				for k := len(stack) - 1; k >= 0; k-- {
					if stack[k].st == stAuto {
						pop(k, i)
						break
					}
				}
				n.rank = 1
				if len(stack) > 0 {
					n.rank = stack[len(stack)-1].rank + 1
				}
			} else if p.rectItem(stack, i) {
				// （一）…（二）… under 整改措施:, numbered as the categories
				// above are: items of the rectification, not headings.
				n.rank, n.inRect = stack[len(stack)-1].rank+1, true
				nodes = append(nodes, n)
				stack = append(stack, n)
				continue
			} else {
				n.rank = l.st.rank()
				for len(stack) > 0 && stack[len(stack)-1].rank >= n.rank {
					pop(len(stack)-1, i)
				}
			}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				if top.inRect || top.label >= 0 || top.st == stAuto {
					n.inRect = true
				} else {
					n.parent = top
				}
			}
			nodes = append(nodes, n)
			stack = append(stack, n)
		case kLabel:
			if len(stack) > 0 {
				if top := stack[len(stack)-1]; !top.inRect && top.label < 0 {
					top.label = i
				}
			}
		}
	}
	pop(0, b)
	return nodes
}

// rectItem reports whether heading i, which by its style would close the
// problem above it, is an item of that problem's rectification: the first
// of a list right after its 整改措施: label, or the next of such a list.
func (p *parser) rectItem(stack []*hnode, i int) bool {
	if len(stack) == 0 {
		return false
	}
	l := p.lines[i]
	top := stack[len(stack)-1]
	if top.inRect {
		prev := p.lines[top.li]
		return top.st == l.st && prev.num == l.num-1 && l.st.rank() <= stackProblemRank(stack)
	}
	if top.label < 0 || top.label != i-1 || l.num != 1 || l.st.rank() > top.rank || l.st == stAuto || l.fb {
		return false
	}
	// The label stands alone on its line (整改措施：), introducing a list.
	lb := p.lines[top.label]
	return strings.TrimSpace(p.text(top.label)[lb.body:]) == ""
}

// stackProblemRank is the rank of the labelled heading the rectification's
// items stand under.
func stackProblemRank(stack []*hnode) int {
	for k := len(stack) - 1; k >= 0; k-- {
		if !stack[k].inRect {
			return stack[k].rank
		}
	}
	return 0
}

// roles decides which headings are problems and which their categories,
// from their words and nesting:
//   - unnumbered problems (问题:…, 关于“…”问题) are problems, under whatever
//     numbered heading holds them;
//   - else the shallowest style of heading that owns a 整改情况 label;
//   - else, with one style only, those are problems (no category above);
//   - else the style whose count the report declares, the one that reads
//     like problems (关于“…”问题) above one that does not, or the second.
//
// The category style is the one just above the problems'; none when the
// problems stand directly under the section.
func (p *parser) roles(nodes []*hnode) (prob, cat style) {
	count := map[style]int{}
	labelled := map[style]bool{}
	allFb := map[style]bool{}
	parentSt := map[style]int{}
	for _, n := range nodes {
		if n.inRect {
			continue
		}
		if count[n.st] == 0 {
			allFb[n.st] = true
		}
		count[n.st]++
		labelled[n.st] = labelled[n.st] || n.label >= 0
		allFb[n.st] = allFb[n.st] && p.lines[n.li].fb
		if n.st == stAuto && n.parent != nil {
			parentSt[n.parent.st]++
		}
	}
	var present []style
	for st := range count {
		if st != stAuto {
			present = append(present, st)
		}
	}
	sort.Slice(present, func(i, j int) bool { return present[i] < present[j] })
	above := func(st style) style {
		c := stNone
		for _, s := range present {
			if s < st {
				c = s
			}
		}
		return c
	}
	if count[stAuto] > 0 {
		best, n := stNone, 0
		for st, k := range parentSt {
			if k > n || k == n && st > best {
				best, n = st, k
			}
		}
		return stAuto, best
	}
	if len(present) == 0 {
		return stNone, stNone
	}
	for _, st := range present {
		if labelled[st] {
			prob = st
			break
		}
	}
	switch {
	case prob != stNone:
	case len(present) == 1:
		prob = present[0]
		if d := p.totals.d; d.Categories == count[prob] && d.Problems != count[prob] {
			// 反馈的六个方面: six headings with nothing under them are the
			// categories, their problems not listed.
			return stNone, prob
		}
	default:
		if d := p.totals.d.Problems; d > 0 {
			for _, st := range present {
				if count[st] == d && st != present[0] {
					prob = st
					break
				}
			}
		}
		if prob == stNone && p.readsAsProblems(nodes, present[0]) && !p.readsAsProblems(nodes, present[1]) {
			prob = present[0]
		}
		if prob == stNone {
			prob = present[1]
		}
	}
	cat = above(prob)
	if allFb[prob] {
		// (一)反馈问题:… are categories, even with no problem under them yet.
		return stNone, prob
	}
	return prob, cat
}

// readsAsProblems reports whether most headings of style st are written
// as problems are (关于“…”问题, …的问题) rather than as fields of work
// (…方面) or actions.
func (p *parser) readsAsProblems(nodes []*hnode, st style) bool {
	yes, all := 0, 0
	for _, n := range nodes {
		if n.inRect || n.st != st {
			continue
		}
		all++
		t := strings.TrimRight(p.text(n.li)[p.lines[n.li].body:], "。. ")
		if strings.Contains(t, "方面") {
			continue
		}
		if strings.HasSuffix(t, "问题") || strings.HasSuffix(t, "问题的整改") || strings.HasSuffix(t, "问题的整改情况") ||
			strings.HasPrefix(t, "关于“") {
			yes++
		}
	}
	return all > 0 && yes*2 > all
}

// placed records where a problem lies, to say where a text breaks off.
type placed struct {
	li, label, end int
	cat, prob      int
}

// build turns the headings of region [a, b) into categories and problems.
func (p *parser) build(a, b int) {
	nodes := p.outline(a, b)
	if p.err != nil {
		return
	}
	prob, cat := p.roles(nodes)
	covered := make([]bool, b-a)
	cover := func(from, to int) {
		for i := from; i < to; i++ {
			covered[i-a] = true
		}
	}
	var groups []*hnode
	var lastGroup *hnode
	dropping := false
	for _, n := range nodes {
		if n.inRect {
			continue
		}
		switch {
		case n.st == cat && cat != stNone:
			if g := n.parent; g != nil && g != lastGroup {
				// Categories numbered anew under each group heading.
				lastGroup = g
				p.groupStart = true
			}
			p.openCategory(n.li)
			cover(n.li, n.li+1)
			dropping = false
		case n.st == prob:
			ci := p.categoryFor(n, cat)
			if ci < 0 {
				l := p.lines[n.li]
				p.warnf("第%d行：具体问题“%s”出现在任何问题类别之前，未能导入", l.no, excerpt(p.src(n.li, 0)))
				cover(n.li, n.end)
				dropping = true
				continue
			}
			p.addProblem(n, ci)
			cover(n.li, n.end)
			dropping = false
		case cat != stNone && n.st.rank() < cat.rank() || cat == stNone && prob != stAuto && n.st.rank() < prob.rank():
			groups = append(groups, n)
			cover(n.li, n.li+1)
		case dropping:
			cover(n.li, n.end)
		}
	}
	if len(groups) > 0 {
		g := groups[0]
		p.warnf("第%d行“%s”等%d个标题在问题类别之上，作为分组未单独导入（问题类别和具体问题均已导入）",
			p.lines[g.li].no, excerpt(p.src(g.li, 0)), len(groups))
	}
	for i := a; i < b; i++ {
		if k := p.lines[i].kind; !covered[i-a] && k != kTrailer && k != kCut && k != kSkip && p.totalsUsed[i] == nil {
			p.unplaced(i)
		}
	}
}

// categoryFor is the category problem n goes in: the one its heading
// stands under, or, when the report has no categories, one made for all.
func (p *parser) categoryFor(n *hnode, cat style) int {
	if cat == stNone {
		if p.synthetic < 0 {
			word := p.kindWord()
			p.im.Categories = append(p.im.Categories, zhenggai.ImportedCategory{
				Seq: p.lastCat + 1, Title: word + "反馈的问题", Problems: []zhenggai.ImportedProblem{},
			})
			p.lastCat++
			p.synthetic = len(p.im.Categories) - 1
			p.warnf("报告中的具体问题没有上一级问题类别，已归入问题类别“%s反馈的问题”，导入后可修改", word)
		}
		return p.synthetic
	}
	for a := n.parent; a != nil; a = a.parent {
		if a.st == cat {
			return len(p.im.Categories) - 1
		}
	}
	return -1
}

func (p *parser) kindWord() string {
	if p.im.Round.Kind != "" {
		return string(p.im.Round.Kind)
	}
	return string(zhenggai.KindInspection)
}

func (p *parser) unplaced(i int) {
	p.warnf("第%d行未能归入任何具体问题，已忽略：“%s”", p.lines[i].no, excerpt(p.src(i, 0)))
}

func (p *parser) openCategory(i int) {
	l := p.lines[i]
	if p.groupStart && l.num == 1 && p.lastCat > 0 {
		p.lastCat = 0
		clear(p.seenCat)
		p.catRestarted = true
	}
	p.groupStart = false
	switch want := p.lastCat + 1; {
	case p.seenCat[l.num]:
		p.warnf("第%d行：问题类别序号(%s)重复", l.no, zhenggai.Numeral(l.num))
	case l.num != want:
		p.warnf("第%d行：问题类别序号应为(%s)，实际为(%s)", l.no, zhenggai.Numeral(want), zhenggai.Numeral(l.num))
	}
	p.seenCat[l.num] = true
	p.lastCat = l.num

	// The title loses a trailing 。 (a heading, not a sentence).
	s := p.t.norm
	a, b := skipSpaces(s, l.a+l.body), l.b
	for b > a {
		if hasAt(s, b-len("。"), "。") {
			b -= len("。")
		} else if s[b-1] == '.' || s[b-1] == ' ' || s[b-1] == ':' || s[b-1] == ';' {
			b--
		} else {
			break
		}
	}
	title := p.t.slice(a, b)
	if title == "" {
		p.warnf("第%d行：问题类别(%s)没有标题", l.no, zhenggai.Numeral(l.num))
	}
	p.im.Categories = append(p.im.Categories, zhenggai.ImportedCategory{
		Seq: l.num, Title: title, Problems: []zhenggai.ImportedProblem{},
	})
}

// addProblem reads problem n: its title (the heading, and the lines
// before its 整改情况 label, which continue it), and its rectification
// (what follows the label, or without a label all that follows).
func (p *parser) addProblem(n *hnode, ci int) {
	l := p.lines[n.li]
	c := &p.im.Categories[ci]
	num := l.num
	if num == autoNum {
		// 关于“…”问题 and 问题:… headings carry no number: count on.
		num = p.lastProb + 1
	}
	if len(c.Problems) == 0 && num == 1 && p.lastProb > 0 {
		// Numbering restarts in each category.
		p.lastProb = 0
		clear(p.seenProb)
		p.restarted = true
	}
	switch want := p.lastProb + 1; {
	case p.seenProb[num]:
		p.warnf("第%d行：具体问题序号%d重复", l.no, num)
	case num != want:
		p.warnf("第%d行：具体问题序号应为%d，实际为%d", l.no, want, num)
	}
	p.seenProb[num] = true
	p.lastProb = num

	pr := zhenggai.ImportedProblem{Seq: num, Measures: []zhenggai.ImportedMeasure{}}
	if l.st == stRow {
		p.addRow(n, &pr)
		c.Problems = append(c.Problems, pr)
		p.placed = append(p.placed, placed{li: n.li, label: n.li, end: n.end, cat: ci, prob: len(c.Problems) - 1})
		return
	}
	body := p.text(n.li)[l.body:]
	if l.st != stAuto {
		// （一）存在问题：…: the word names the field, the title follows.
		if _, b, ok := problemHeading(body); ok && b > 0 && b < len(body) {
			l.body += b
			body = body[b:]
		}
	}
	var rect []string
	var fieldAt []int // the lines of rect that are fields of the problem
	if at, after, ok := inlineLabel(body); ok {
		pr.Title = p.t.slice(l.a+l.body, trimEnd(p.t.norm, l.a+l.body, l.a+l.body+at))
		if s := p.src(n.li, l.body+after); s != "" {
			rect = append(rect, s)
		}
		n.label = n.li
	} else if at := inlineItems(body); at > 0 {
		// 1.关于…的问题。一是…二是…: the first sentence is the problem.
		pr.Title = p.t.slice(l.a+l.body, l.a+l.body+at)
		rect = append(rect, p.src(n.li, l.body+at))
		n.label = n.li
	} else {
		pr.Title = p.src(n.li, l.body)
	}
	from := n.li + 1
	if n.label > n.li {
		// Lines before the label continue the title, up to a field of the
		// problem's own (原因分析:, 责任领导:…), which belongs with its
		// rectification.
		var cont []string
		i := n.li + 1
		for ; i < n.label && !fieldLine(p.text(i)); i++ {
			cont = append(cont, p.src(i, 0))
		}
		pr.Title += strings.Join(cont, "")
		for ; i < n.label; i++ {
			if fieldLine(p.text(i)) {
				fieldAt = append(fieldAt, len(rect))
			}
			rect = append(rect, p.src(i, 0))
		}
		if s := p.src(n.label, p.lines[n.label].body); s != "" {
			rect = append(rect, s)
		}
		from = n.label + 1
	}
	for i := from; i < n.end; i++ {
		if p.lines[i].kind != kCut {
			if fieldLine(p.text(i)) {
				fieldAt = append(fieldAt, len(rect))
			}
			rect = append(rect, p.src(i, 0))
		}
	}
	pr.Rectification = strings.TrimSpace(strings.Join(rect, "\n"))
	// The problem's own fields (原因分析:, 整改时限:…) stay in the
	// rectification, out of its measures.
	work := rect
	if len(fieldAt) > 0 {
		work = nil
		for k, r := range rect {
			if !slices.Contains(fieldAt, k) {
				work = append(work, r)
			}
		}
	}
	pr.Measures = splitMeasures(strings.Join(work, "\n"))
	c.Problems = append(c.Problems, pr)
	p.placed = append(p.placed, placed{li: n.li, label: n.label, end: n.end, cat: ci, prob: len(c.Problems) - 1})
}

// fields head the lines a problem may carry besides its title and its
// rectification.
var fields = []string{"原因分析", "问题原因", "整改目标", "整改时限", "完成时限", "整改期限", "责任领导", "牵头领导",
	"责任单位", "牵头单位", "责任部门", "责任科室", "责任股室", "责任人", "整改责任人", "配合单位", "配合领导"}

// fieldLine reports whether s starts with a field and its colon.
func fieldLine(s string) bool {
	for _, f := range fields {
		if hasAt(s, 0, f) && hasAt(s, skipSpaces(s, len(f)), ":") {
			return true
		}
	}
	return false
}

// inlineItems finds where a heading's progress starts on its own line:
// after the first sentence, when 一是 follows it. 0 when it does not.
func inlineItems(body string) int {
	i := strings.Index(body, "。")
	if i < 0 {
		return 0
	}
	at := i + len("。")
	if hasAt(body, skipSpaces(body, at), markers[1]) {
		return at
	}
	return 0
}

// renumber makes numbers unique in the round, as the ledger needs them:
// reports that restart their numbering in each category, or repeat a
// number by mistake, are numbered 1 to N in the order written.
func (p *parser) renumber() {
	seen := map[int]bool{}
	dup := false
	for _, c := range p.im.Categories {
		for _, pr := range c.Problems {
			dup = dup || seen[pr.Seq]
			seen[pr.Seq] = true
		}
	}
	if dup {
		k := 0
		for ci := range p.im.Categories {
			for pi := range p.im.Categories[ci].Problems {
				k++
				p.im.Categories[ci].Problems[pi].Seq = k
			}
		}
		why := "有重复的序号"
		if p.restarted {
			why = "在各问题类别中分别编号"
		}
		p.warnf("具体问题%s，导入时按先后顺序统一编为1至%d号", why, k)
	}
	seenCat := map[int]bool{}
	dup = false
	for _, c := range p.im.Categories {
		dup = dup || seenCat[c.Seq]
		seenCat[c.Seq] = true
	}
	if dup {
		for ci := range p.im.Categories {
			p.im.Categories[ci].Seq = ci + 1
		}
		why := "有重复的序号"
		if p.catRestarted {
			why = "在各分组中分别编号"
		}
		p.warnf("问题类别%s，导入时按先后顺序统一编为(一)至(%s)", why, zhenggai.Numeral(len(p.im.Categories)))
	}
}

// closeCategories warns of categories left without a problem.
func (p *parser) closeCategories() {
	for _, c := range p.im.Categories {
		if len(c.Problems) == 0 {
			p.warnf("问题类别(%s)“%s”下没有解析到具体问题", zhenggai.Numeral(c.Seq), excerpt(c.Title))
		}
	}
}
