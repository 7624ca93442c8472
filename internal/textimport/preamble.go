package textimport

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// pdate is a date as written, with 0 for a part left out (6月19日, 19日).
type pdate struct{ y, m, d int }

// scanDate reads 2020年5月11日, 5月11日 or 11日 (also 号) at s[i:].
func scanDate(s string, i int) (p pdate, end int, ok bool) {
	n, j := atoi(s, i)
	if j == i {
		return p, i, false
	}
	if d, e, ok := numericDate(s, i); ok {
		return d, e, true
	}
	j = skipSpaces(s, j)
	if hasAt(s, j, "年") {
		p.y = n
		j = skipSpaces(s, j+len("年"))
		k := j
		if n, k = atoi(s, j); k == j {
			return p, j, false
		}
		j = skipSpaces(s, k)
	}
	if hasAt(s, j, "月") {
		p.m = n
		j = skipSpaces(s, j+len("月"))
		k := j
		if n, k = atoi(s, j); k == j {
			return p, j, false
		}
		j = skipSpaces(s, k)
	}
	if hasAt(s, j, "日") || hasAt(s, j, "号") {
		p.d = n
		return p, j + len("日"), true
	}
	return p, j, false
}

// numericDate reads 2021.3.15, 2021-03-15 or 2021/3/15 at s[i:]: a year
// of four digits, the same separator twice, a real month and day, and no
// digit or decimal point after (2021.3.15.2 is no date).
func numericDate(s string, i int) (p pdate, end int, ok bool) {
	y, j := atoi(s, i)
	if j-i != 4 || y < 1949 || y > 2100 || j >= len(s) || strings.IndexByte(".-/", s[j]) < 0 {
		return p, i, false
	}
	sep := s[j]
	m, k := atoi(s, j+1)
	if k == j+1 || k-j > 3 || m < 1 || m > 12 || k >= len(s) || s[k] != sep {
		return p, i, false
	}
	d, e := atoi(s, k+1)
	if e == k+1 || e-k > 3 || d < 1 || d > 31 {
		return p, i, false
	}
	if e < len(s) && (isDigit(s[e]) || s[e] == sep && e+1 < len(s) && isDigit(s[e+1])) {
		return p, i, false
	}
	return pdate{y, m, d}, e, true
}

type dateHit struct {
	a, b    pdate // b is the end of a range
	isRange bool
	end     int // where the date ends in its sentence
}

var connectors = []string{"至", "到", "——", "—", "–", "-", "~"}

// findDates lists the dates of s with at least a month and a day; a range
// (5月11日至6月19日) is one hit.
func findDates(s string) []dateHit {
	var out []dateHit
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			i++
			continue
		}
		a, j, ok := scanDate(s, i)
		if !ok || a.m == 0 {
			i = max(j, i+1)
			continue
		}
		h := dateHit{a: a}
		k := skipSpaces(s, j)
		if hasAt(s, k, "起") { // 3月1日起至4月4日
			k = skipSpaces(s, k+len("起"))
		}
		for _, c := range connectors {
			if hasAt(s, k, c) {
				if b, e, ok := scanDate(s, skipSpaces(s, k+len(c))); ok {
					h.b, h.isRange, j = b, true, e
				}
				break
			}
		}
		h.end = j
		out = append(out, h)
		i = j
	}
	return out
}

// sentences splits s at 。!? and line ends.
func sentences(s string) []string {
	var out []string
	for _, sp := range sentenceSpans(s) {
		out = append(out, s[sp[0]:sp[1]])
	}
	return out
}

// sentenceSpans is sentences as offsets into s.
func sentenceSpans(s string) [][2]int {
	var out [][2]int
	for start := 0; start < len(s); {
		i := strings.IndexAny(s[start:], "。!?\n")
		if i < 0 {
			out = append(out, [2]int{start, len(s)})
			break
		}
		if i > 0 {
			out = append(out, [2]int{start, start + i})
		}
		_, w := utf8.DecodeRuneInString(s[start+i:])
		start += i + w
	}
	return out
}

// span is the folded text of lines [from, to) and where it starts. Noise
// lines (索引号/发布机构 tables, 发布时间 lines, a repeated title) are blanked
// with spaces, so that offsets still map back to the original text.
func (p *parser) span(from, to int) (string, int) {
	if from >= to {
		return "", 0
	}
	a, b := p.lines[from].a, p.lines[to-1].b
	s := p.t.norm[a:b]
	var buf []byte
	for i := from; i < to; i++ {
		if l := p.lines[i]; l.noise {
			if buf == nil {
				buf = []byte(s)
			}
			for k := l.a; k < l.b; k++ {
				buf[k-a] = ' '
			}
		}
	}
	if buf != nil {
		s = string(buf)
	}
	return s, a
}

// lineAt is the line that holds byte off of the folded text.
func (p *parser) lineAt(off int) int {
	lo, hi := 0, len(p.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if p.lines[m].b <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// readRound reads the round from the preamble (lines before pre), then
// from section 一 (lines pre..start) for what the preamble lacks.
func (p *parser) readRound(pre, start int) zhenggai.ImportedRound {
	r := p.im.Round // the title and signature, read before
	type seg struct {
		s    string
		base int
	}
	var segs []seg
	for _, sp := range [][2]int{{0, pre}, {pre, start}} {
		if s, base := p.span(sp[0], sp[1]); s != "" {
			segs = append(segs, seg{s, base})
		}
	}
	fact := func(off int) { p.factLines[p.lineAt(off)] = true }

	// The group is the one of the sentence 巡察组对…进行了巡察; else the
	// first named anywhere.
	for _, sg := range segs {
		if i, j, ok := findGroupOfUnit(sg.s); ok {
			r.Inspector = p.t.slice(sg.base+i, sg.base+j)
			fact(sg.base + i)
			break
		}
	}
	for _, sg := range segs {
		if r.Inspector != "" {
			break
		}
		if i, j, ok := findInspector(sg.s); ok {
			r.Inspector = p.t.slice(sg.base+i, sg.base+j)
			fact(sg.base + i)
		}
	}
	// 市委巡察组对…进行了巡察, under a title that says 市委第三巡察组: the
	// group's full name.
	if body, ok := unnumbered(r.Inspector); ok {
		full := ""
		for _, sg := range segs {
			for _, g := range groupMentions(sg.s, 16) {
				name := sg.s[g[0]:g[2]]
				if _, un := unnumbered(name); !un && strings.HasPrefix(name, body) && g[0] < g[1] {
					if full != "" && full != name {
						full = "-" // two groups of that body: neither is sure
					} else if full == "" {
						full = name
					}
				}
			}
		}
		if full != "" && full != "-" {
			for _, sg := range segs {
				if k := strings.Index(sg.s, full); k >= 0 {
					r.Inspector = p.t.slice(sg.base+k, sg.base+k+len(full))
					break
				}
			}
		}
	}
	// The unit is in the sentence 巡察组对…进行了巡察, which need not follow
	// the first mention of the group: a title line may name it first.
	for _, sg := range segs {
		if i, j, ok := findUnitAfterGroup(sg.s); ok {
			r.Unit = p.t.slice(sg.base+i, sg.base+j)
			fact(sg.base + i)
			break
		}
	}
	if r.Unit == "" {
		for _, sg := range segs {
			if i, j, ok := findUnitByFeedback(sg.s); ok {
				r.Unit = p.t.slice(sg.base+i, sg.base+j)
				fact(sg.base + i)
				break
			}
		}
	}
	if r.Unit == "" {
		// 学校党委于11月下旬对机械优集学院开展了巡察: no group named.
		for _, sg := range segs {
			if i, j, ok := findUnitNoGroup(sg.s); ok {
				r.Unit = p.t.slice(sg.base+i, sg.base+j)
				fact(sg.base + i)
				break
			}
		}
	}

	r.Kind = zhenggai.KindInspection
	switch {
	case r.Inspector != "":
		if strings.HasSuffix(r.Inspector, "组") && strings.Contains(r.Inspector, "巡视") {
			r.Kind = zhenggai.KindTour
		}
	default:
		for _, sg := range segs {
			a, b := strings.Index(sg.s, "巡视"), strings.Index(sg.s, "巡察")
			if a >= 0 && (b < 0 || a < b) {
				r.Kind = zhenggai.KindTour
			}
			if a >= 0 || b >= 0 {
				break
			}
		}
	}
	word := string(r.Kind)
	p.im.Round.Kind = r.Kind // kindWord, for the warnings below

	p.unitNamed = r.Unit != ""
	// Our own unit named as 我局/我校/本单位: the issuer's name says which.
	if strings.HasPrefix(r.Unit, "我") || strings.HasPrefix(r.Unit, "本") {
		if iss := p.issuer(); iss != "" {
			r.Unit = iss
		}
	}
	if r.Unit == "" {
		if iss := p.issuer(); iss != "" {
			r.Unit = iss
			p.warnf("开头未写明被%s单位，已取报告标题或落款中的“%s”，请核对", word, iss)
		}
	}

	var onsite, fb, begin *dateHit
	months := ""
	var ctx pdate // 2023年3月，县委统一部署开展第五轮巡察: the year the dates leave out
	fbMonth := "" // 2021年9月，中央巡视组向…反馈: a feedback dated to the month
	for _, sg := range segs {
		for _, sp := range sentenceSpans(sg.s) {
			sent := sg.s[sp[0]:sp[1]]
			hits := findDates(sent)
			for k := range hits {
				if onsite == nil && hits[k].isRange {
					onsite = &hits[k]
					fact(sg.base + sp[0])
				}
			}
			// The feedback sentence; not the totals one, which says
			// 巡察反馈的14个问题 beside its 截止 date.
			isFb := strings.Contains(sent, "反馈") && !strings.Contains(sent, "截止") && !strings.Contains(sent, "截至")
			if fb == nil && isFb {
				for k := range hits {
					if !hits[k].isRange {
						fb = &hits[k]
						fact(sg.base + sp[0])
						break
					}
				}
			}
			// 巡察组于3月18日进驻…, 从3月17日起对…开展巡察: a start alone.
			if begin == nil && !isFb && len(hits) > 0 && !hits[0].isRange && mentionsGroup(sent) &&
				(strings.Contains(sent, "进驻") || strings.Contains(sent, "起")) {
				begin = &hits[0]
				// 3月7日进驻…，4月22日撤离: the end in the same sentence.
				for k := 1; k < len(hits); k++ {
					if e := skipSpaces(sent, hits[k].end); !hits[k].isRange && (hasAt(sent, e, "撤离") || hasAt(sent, e, "结束") || hasAt(sent, e, "离开")) {
						begin = &dateHit{a: hits[0].a, b: hits[k].a, isRange: true}
						break
					}
				}
			}
			if months == "" && mentionsGroup(sent) {
				months = monthRange(sent)
			}
			if ctx.y == 0 && (strings.Contains(sent, "巡察") || strings.Contains(sent, "巡视")) {
				ctx = yearMonth(sent)
			}
			if fbMonth == "" && isFb && len(hits) == 0 {
				if ym := yearMonth(sent); ym.y > 0 {
					fbMonth = fmt.Sprintf("%d年%d月", ym.y, ym.m)
				}
			}
		}
	}
	if onsite == nil && begin != nil {
		onsite = &dateHit{a: begin.a, b: begin.b, isRange: begin.isRange}
	}

	var a, b, f pdate
	if onsite != nil {
		a, b = onsite.a, onsite.b
	}
	if fb != nil {
		f = fb.a
	}
	ranged := onsite != nil && onsite.isRange
	if onsite != nil {
		if a.y == 0 {
			a.y = f.y
			if a.y > 0 && (a.m > f.m || a.m == f.m && a.d > f.d) {
				a.y-- // 12月20日至1月10日…2021年1月27日反馈
			}
		}
		if ranged {
			if b.m == 0 {
				b.m = a.m
			}
			if b.y == 0 && a.y > 0 {
				b.y = a.y
				if b.m < a.m { // 12月20日至1月10日
					b.y++
				}
			}
		}
	}
	if fb != nil && f.y == 0 && a.y > 0 {
		// Carried from the on-site period, never before its start.
		f.y = a.y
		if f.m < a.m || f.m == a.m && f.d < a.d {
			f.y++
		}
	}
	// place sets the year of the earliest date stated and carries it to the
	// others, each never before the one it follows.
	place := func(y int) {
		if onsite == nil {
			f.y = y
			return
		}
		a.y = y
		if ranged {
			b.y = y
			if b.m < a.m {
				b.y++
			}
		}
		if fb != nil {
			f.y = a.y
			if f.m < a.m || f.m == a.m && f.d < a.d {
				f.y++
			}
		}
	}
	first := func() int {
		if onsite == nil {
			return f.m
		}
		return a.m
	}
	if a.y == 0 && f.y == 0 && (onsite != nil || fb != nil) && ctx.y > 0 {
		// The year stated once for the round, before the dates.
		y := ctx.y
		if first() < ctx.m {
			y++
		}
		place(y)
	}
	if a.y == 0 && f.y == 0 && (onsite != nil || fb != nil) {
		// No year anywhere in the preamble: the report was published or
		// signed after the feedback, in that year or the next.
		if pub := p.signed(); !pub.IsZero() {
			y := pub.Year()
			if first() > int(pub.Month()) {
				y--
			}
			place(y)
		}
	}
	if onsite != nil {
		r.OnsiteStart = p.toDate(a, word+"进驻日期")
		if ranged {
			r.OnsiteEnd = p.toDate(b, word+"结束日期")
		}
		if !r.OnsiteStart.IsZero() && !r.OnsiteEnd.IsZero() && r.OnsiteEnd.Before(r.OnsiteStart) {
			p.warnf("%s结束日期%s早于进驻日期%s", word, r.OnsiteEnd.Chinese(), r.OnsiteStart.Chinese())
		}
	}
	if fb != nil {
		r.FeedbackDate = p.toDate(f, word+"反馈日期")
	}

	if r.Inspector == "" {
		example := "市委第七巡察组"
		if r.Kind == zhenggai.KindTour {
			example = "省委第一巡视组"
		}
		p.warnf("未找到%s组名称（如“%s”）", word, example)
	}
	if r.Unit == "" {
		p.warnf("未找到被%s单位名称", word)
	}
	switch {
	case onsite == nil && months != "":
		p.warnf("%s时间只写到月份（%s），未导入进驻和结束日期，请在导入后补填", word, months)
	case onsite == nil:
		p.warnf("未找到%s进驻时间（如“2020年5月11日至6月19日”）", word)
	case !ranged:
		p.warnf("只找到%s进驻日期，未找到结束日期", word)
	}
	switch {
	case fb == nil && fbMonth != "":
		p.warnf("%s反馈日期只写到月份（%s），未导入，请在导入后补填", word, fbMonth)
	case fb == nil:
		p.warnf("未找到%s反馈日期", word)
	}
	return r
}

// yearMonth finds 2023年3月 in s: a year stated with its month, as a
// preamble opens before its dates leave the year out.
func yearMonth(s string) pdate {
	for i := 0; i+4 < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		y, j := atoi(s, i)
		if j-i != 4 || y < 1949 || y > 2100 || !hasAt(s, j, "年") {
			continue
		}
		m, k := atoi(s, j+len("年"))
		if k > j+len("年") && m >= 1 && m <= 12 && hasAt(s, k, "月") {
			return pdate{y: y, m: m}
		}
	}
	return pdate{}
}

// unnumbered reports whether a group's name gives no number (市委巡察组,
// 省委巡视组), and returns the body that sent it (市委).
func unnumbered(name string) (string, bool) {
	for _, suf := range []string{"巡察组", "巡视组"} {
		if body, ok := strings.CutSuffix(name, suf); ok && body != "" {
			r, _ := utf8.DecodeLastRuneInString(body)
			if zhenggai.NumeralDigit(r) <= 0 && r != '十' && !isDigit(body[len(body)-1]) && !strings.Contains(body, "第") &&
				!strings.HasSuffix(body, "机动") && !strings.HasSuffix(body, "专项") && !strings.HasSuffix(body, "联动") {
				return body, true
			}
		}
	}
	return "", false
}

// mentionsGroup reports whether a sentence names an inspection group.
func mentionsGroup(s string) bool {
	_, _, ok := findInspector(s)
	return ok || strings.Contains(s, "巡察组") || strings.Contains(s, "巡视组")
}

// monthRange finds an on-site period written to the month only
// (2020年10月至2021年1月), for the warning that says no day was given.
func monthRange(s string) string {
	month := func(i int) int { // end of [YYYY年]M月 at s[i:] with no day after it, -1
		if _, j := atoi(s, i); j-i == 4 && hasAt(s, j, "年") {
			i = j + len("年")
		}
		_, j := atoi(s, i)
		if j == i || !hasAt(s, j, "月") {
			return -1
		}
		j += len("月")
		if j < len(s) && isDigit(s[j]) {
			return -1
		}
		for _, w := range []string{"上旬", "中旬", "下旬", "初", "底", "末", "中"} {
			if hasAt(s, j, w) {
				return j + len(w)
			}
		}
		return j
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && isDigit(s[i-1]) {
			continue
		}
		_, j := atoi(s, i)
		if j-i != 4 || !hasAt(s, j, "年") {
			continue
		}
		e := month(i)
		if e < 0 {
			continue
		}
		for _, c := range connectors {
			if hasAt(s, e, c) {
				if end := month(e + len(c)); end > 0 {
					return s[i:end]
				}
			}
		}
	}
	return ""
}

// toDate checks a date as read; a day that does not exist, or a year
// left out with nothing to take it from, is warned about and left unset.
func (p *parser) toDate(d pdate, what string) zhenggai.Date {
	if d.y == 0 {
		p.warnf("%s“%d月%d日”缺少年份，未能确定", what, d.m, d.d)
		return zhenggai.Date{}
	}
	v := zhenggai.NewDate(d.y, d.m, d.d)
	if !v.Valid() || d.y < 1949 || d.y > 2100 {
		p.warnf("%s“%d年%d月%d日”不是有效日期", what, d.y, d.m, d.d)
		return zhenggai.Date{}
	}
	return v
}

// groupStops end the walk back from 巡察组 to the start of its name.
const groupStops = " ,.;:!?()[]<>\"'\n。、“”‘’《》【】"

var groupStopWords = []string{"关于", "根据", "按照", "部署", "安排", "要求", "期间", "组建", "派出", "成立", "代表", "组长", "同志", "落实",
	"由", "了", "在", "是", "的", "和", "及", "与", "个", "对", "就", "向", "将", "经", "被"}

// groupAt reads a group's name at s[k:], where 巡察 or 巡视 stands:
// 巡察组, 巡察二组, 巡察第二组, 巡视组. end is after its 组.
func groupAt(s string, k int) (end int, ok bool) {
	j := k + len("巡察")
	if hasAt(s, j, "组") {
		return j + len("组"), true
	}
	if hasAt(s, j, "第") {
		j += len("第")
	}
	if n, w := zhenggai.LeadingNumeral(s[j:]); n > 0 {
		j += w
	} else if _, e := atoi(s, j); e > j && e-j <= 2 {
		j = e
	} else {
		return 0, false
	}
	if hasAt(s, j, "组") && !hasAt(s, j, "组织") {
		return j + len("组"), true
	}
	return 0, false
}

// groupMentions lists the groups named in s, as (start of the name, the
// position of 巡察/巡视, end); a few are enough, and a bound keeps a
// hostile text from costing mentions × sentence length.
func groupMentions(s string, max int) [][3]int {
	var out [][3]int
	// The next 巡察 and the next 巡视, each searched again only once passed,
	// so that a text of many of one does not cost a search of the other
	// at each.
	next := [2]int{-2, -2}
	words := [2]string{"巡察", "巡视"}
	for from := 0; from < len(s) && len(out) < max; {
		for w := range next {
			if next[w] != -1 && next[w] < from {
				if k := strings.Index(s[from:], words[w]); k >= 0 {
					next[w] = from + k
				} else {
					next[w] = -1
				}
			}
		}
		k := next[0]
		if k < 0 || next[1] >= 0 && next[1] < k {
			k = next[1]
		}
		if k < 0 {
			break
		}
		if end, ok := groupAt(s, k); ok {
			st := groupStart(s, k)
			if strings.Contains(s[st:k], "组") { // 巡视组组长…: not a name
				st = k
			}
			out = append(out, [3]int{st, k, end})
			from = end
			continue
		}
		from = k + len("巡察")
	}
	return out
}

// findInspector finds the group's name, e.g. 市委第七巡察组, 区委巡察二组,
// 县委第三专项巡察组: the first group with a qualifier before it, walked
// back to punctuation, a date or a word such as 根据.
func findInspector(s string) (i, j int, ok bool) {
	for _, g := range groupMentions(s, 16) {
		if g[0] < g[1] {
			return g[0], g[2], true
		}
	}
	return 0, 0, false
}

func groupStart(s string, k int) int {
	i := k
	for n := 0; n < 30 && i > 0; n++ {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if strings.ContainsRune(groupStops, r) {
			break
		}
		if r == '日' && i-w > 0 && isDigit(s[i-w-1]) { // the end of a date
			break
		}
		stop := false
		for _, sw := range groupStopWords {
			if strings.HasSuffix(s[:i], sw) {
				stop = true
				break
			}
		}
		if stop {
			break
		}
		i -= w
	}
	return i
}

// findGroupOfUnit finds the named group whose sentence says whom it
// inspected.
func findGroupOfUnit(s string) (i, j int, ok bool) {
	for _, g := range groupMentions(s, 8) {
		if g[0] == g[1] {
			continue
		}
		if _, _, ok := findUnit(s, g[2]); ok {
			return g[0], g[2], true
		}
	}
	return 0, 0, false
}

// findUnitAfterGroup tries findUnit after each mention of a group.
func findUnitAfterGroup(s string) (i, j int, ok bool) {
	for _, g := range groupMentions(s, 8) {
		if i, j, ok := findUnit(s, g[2]); ok {
			return i, j, ok
		}
	}
	return 0, 0, false
}

var unitVerbs = []string{"进行了", "开展了", "实施了", "进行", "开展", "实施", "的巡察", "的巡视"}

// findUnit reads 对桑植县政协党组进行了巡察 (or 进驻…开展巡察) in the
// sentence after the group.
func findUnit(s string, from int) (i, j int, ok bool) {
	end := len(s)
	if k := strings.IndexAny(s[from:], "。;\n"); k >= 0 {
		end = from + k
	}
	sent := s[from:end]
	// 市委第二巡察组巡察市中心医院党委情况反馈会议召开: the unit right
	// after the group and its verb.
	for _, v := range []string{"巡察", "巡视"} {
		if hasAt(sent, 0, v) {
			a := len(v)
			b := -1
			for _, e := range []string{"情况", "反馈", "工作", "的"} {
				if k := strings.Index(sent[a:], e); k > 0 && (b < 0 || a+k < b) {
					b = a + k
				}
			}
			if b > 0 {
				if i, j, ok := checkName(s, from+a, from+b); ok && endsLikeUnit(s[i:j]) && !containsAny(s[i:j], []string{"反馈", "整改", "意见"}) {
					return i, j, ok
				}
			}
		}
	}
	d, w := strings.Index(sent, "对"), len("对")
	if e := strings.Index(sent, "进驻"); e >= 0 && (d < 0 || e < d) {
		d, w = e, len("进驻")
	}
	if d < 0 {
		return 0, 0, false
	}
	a := d + w
	b := -1
	for _, v := range unitVerbs {
		if k := strings.Index(sent[a:], v); k >= 0 && (b < 0 || a+k < b) {
			b = a + k
		}
	}
	if b < 0 {
		return 0, 0, false
	}
	// 对…进行了巡察, not 对…进行了深入了解: the clause names an inspection.
	clause := sent[b:]
	if k := strings.IndexAny(clause, ",;"); k >= 0 {
		clause = clause[:k]
	}
	// 进驻县交通运输局，开展了为期一个月的巡察: the name ends at the comma.
	if w == len("进驻") {
		if k := strings.IndexByte(sent[a:b], ','); k > 0 {
			b, clause = a+k, sent[b:]
		}
	}
	if !strings.Contains(clause, "巡察") && !strings.Contains(clause, "巡视") {
		return 0, 0, false
	}
	return checkName(s, from+a, from+trimTask(sent, a, b))
}

// trimTask cuts what a 专项巡察 inspects off the unit's name:
// 对蒲城县党睦镇党委落实脱贫攻坚开展了专项巡察 inspected the 镇党委.
func trimTask(s string, a, b int) int {
	for _, e := range []string{"党委", "党组", "党工委", "党总支", "党支部"} {
		k := strings.LastIndex(s[a:b], e)
		if k < 0 {
			continue
		}
		end := a + k + len(e)
		for _, w := range []string{"落实", "贯彻", "执行", "履行", "推进", "开展", "巡视", "巡察", "在"} {
			if hasAt(s, end, w) {
				return end
			}
		}
	}
	return b
}

// findUnitNoGroup reads 对机械优集学院开展了巡察 in a sentence that names
// no group: the inspecting body did.
func findUnitNoGroup(s string) (i, j int, ok bool) {
	for _, sp := range sentenceSpans(s) {
		sent := s[sp[0]:sp[1]]
		if !strings.Contains(sent, "巡察") && !strings.Contains(sent, "巡视") {
			continue
		}
		k := strings.Index(sent, "对")
		if k < 0 {
			continue
		}
		if i, j, ok := findUnit(s, sp[0]+k); ok {
			return i, j, ok
		}
	}
	return 0, 0, false
}

// findUnitByFeedback reads 向桑植县政协党组反馈 when the group sentence
// names no unit.
func findUnitByFeedback(s string) (i, j int, ok bool) {
	for _, sp := range sentenceSpans(s) {
		sent := s[sp[0]:sp[1]]
		f := strings.Index(sent, "反馈")
		if f < 0 {
			continue
		}
		x := strings.LastIndex(sent[:f], "向")
		if x < 0 {
			continue
		}
		if i, j, ok := checkName(s, sp[0]+x+len("向"), sp[0]+f); ok {
			return i, j, ok
		}
	}
	return 0, 0, false
}

func checkName(s string, a, b int) (int, int, bool) {
	a = skipSpaces(s, a)
	b = trimEnd(s, a, b)
	if a >= b {
		return 0, 0, false
	}
	name := s[a:b]
	if utf8.RuneCountInString(name) > 40 || strings.ContainsAny(name, ",.;:!?。、“”") {
		return 0, 0, false
	}
	for _, w := range []string{"被巡察", "被巡视", "各", "相关", "有关"} {
		if strings.HasPrefix(name, w) { // 向被巡察单位党组织反馈: no unit's name
			return 0, 0, false
		}
	}
	if n, k := countAt(name, 0); n > 0 && (hasAt(name, k, "家") || hasAt(name, k, "个")) {
		return 0, 0, false // 向40家被巡察单位党组织反馈: many units
	}
	if genericBody(name) {
		return 0, 0, false // 向局党组反馈: the unit named before, not a name
	}
	return a, b, true
}

// genericBody reports whether a name is a body's kind without its name
// (局党组, 镇党委, 集团党委, 学校党委), as a report calls its own unit once it
// has named it.
func genericBody(name string) bool {
	for _, e := range signerEnds {
		if strings.HasSuffix(name, e) {
			head := strings.TrimSuffix(name, e)
			if utf8.RuneCountInString(head) <= 1 {
				return true
			}
			for _, g := range []string{"街道", "集团", "公司", "学校", "医院", "中心", "学院", "机关", "支部", "本单位", "本局"} {
				if head == g {
					return true
				}
			}
		}
	}
	return false
}
