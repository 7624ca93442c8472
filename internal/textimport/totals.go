package textimport

import (
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// totals is what the totals sentence declares, with the words it counts
// in, so that a mismatch is reported in the report's own terms.
type totals struct {
	d        zhenggai.Declared
	catWord  string // 问题 (seed) or 方面
	probWord string // 具体问题 (seed) or 问题
	ongoing  int    // 长期坚持: Declared has no place for it
	counts   bool   // the sentence counts problems
	status   bool   // the sentence counts completions
	// levels are all the counts of kinds of problem the sentence states
	// (4个方面12类问题45个具体问题), in order: the categories are the one
	// that matches the headings when the nearest does not.
	levels []countPair
}

type field uint8

const (
	fRate field = iota
	fBasic
	fNot
	fProgress
	fOngoing
	fDone
	fMeasures   // 整改措施86项, 整改任务58个
	fCountAfter // 具体问题38个
)

// totalKeys are tried in order at each position, so that 完成率 and 基本完成
// win over 完成.
var totalKeys = []struct {
	kw string
	f  field
}{
	{"完成率", fRate},
	{"整改率", fRate},
	{"销号率", fRate},
	{"到位率", fRate},
	{"基本完成", fBasic},
	{"尚未完成", fNot},
	{"未完成", fNot},
	{"尚未整改", fNot},
	{"未整改", fNot},
	{"正在整改", fProgress},
	{"序时推进", fProgress},
	{"推进中", fProgress},
	{"整改到位率", fRate},
	{"整改到位", fDone},
	{"已整改", fDone},
	{"已销号", fDone},
	{"正在推进", fProgress},
	{"持续推进", fProgress},
	{"持续整改", fProgress},
	{"整改中", fProgress},
	{"长期坚持", fOngoing},
	{"整改措施", fMeasures},
	{"整改任务", fMeasures},
	{"完成", fDone},
	{"具体问题", fCountAfter},
	{"问题", fCountAfter},
}

// levelWords are the kinds of problem a count may be of, longest first.
var levelWords = []string{"具体问题", "个方面", "大方面", "方面", "类问题", "大类", "大项", "类", "项问题", "问题"}

// measureWords follow a count of measures (86项整改措施, 58个整改任务).
var measureWords = []string{"整改措施", "具体整改措施", "整改任务", "项措施", "条措施"}

type countPair struct {
	n    int
	word string
}

// numberAfter finds the number a keyword refers to: 已完成整改35个 skips
// 整改, 基本完成取得阶段性成果并持续整改问题4个 skips more; the search stops
// at punctuation. The number must carry a unit (个
// 项 条 件, or % for a rate) so that 学习10次 is not a total.
func numberAfter(s string, i int, rate bool) (n, end int, ok bool) {
	for k := 0; k < 16 && i < len(s); k++ {
		if isDigit(s[i]) {
			break
		}
		if !rate { // 已完成整改二十个
			if n, j := countAt(s, i); j > i && !isDigit(s[i]) {
				for _, u := range []string{"个", "项", "条", "件"} {
					if hasAt(s, j, u) && !hasAt(s, j+len(u), "方面") {
						return n, j + len(u), true
					}
				}
			}
		}
		if strings.IndexByte(",;:()", s[i]) >= 0 || hasAt(s, i, "、") || hasAt(s, i, "。") {
			return 0, i, false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	n, j := atoi(s, i)
	if j == i {
		return 0, i, false
	}
	if rate {
		if hasAt(s, j, ".") { // 92.1%
			_, j2 := atoi(s, j+1)
			if j2 > j+1 {
				j = j2
			}
		}
		if hasAt(s, j, "%") {
			return n, j + 1, true
		}
		return 0, j, false
	}
	j = skipSpaces(s, j)
	for _, u := range []string{"个", "项", "条", "件"} {
		if hasAt(s, j, u) && !hasAt(s, j+len(u), "方面") { // 完成整改5个方面: not problems
			return n, j + len(u), true
		}
	}
	return 0, j, false
}

// countBefore lists the runes after which a count in Chinese numerals
// starts (反馈的六个方面, 共三类问题); after any other ideograph 一 and 二
// are parts of words (逐一, 统一).
const countBefore = "的了共有出馈为计及在等含对将面类项"

// countHere reads a count at s[i:] in digits or Chinese numerals; j == i
// when there is none.
func countHere(s string, i int) (n, j int) {
	if isDigit(s[i]) {
		if i > 0 && isDigit(s[i-1]) {
			return 0, i
		}
		return atoi(s, i)
	}
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if r >= 0x4E00 && r <= 0x9FFF && !strings.ContainsRune(countBefore, r) {
			return 0, i
		}
	}
	return countAt(s, i)
}

// statusAfter reads the status words that may follow a count (8项正在推进,
// 2个基本完成, 1个未完成).
func statusAfter(s string, j int) (field, bool) {
	j = skipSpaces(s, j)
	for _, w := range []struct {
		w string
		f field
	}{
		{"正在", fProgress}, {"序时推进", fProgress}, {"持续推进", fProgress}, {"持续整改", fProgress},
		{"基本完成", fBasic}, {"未完成", fNot}, {"尚未完成", fNot}, {"长期坚持", fOngoing},
		{"已完成", fDone}, {"已整改到位", fDone}, {"完成整改", fDone}, {"整改到位", fDone}, {"已销号", fDone},
	} {
		if hasAt(s, j, w.w) {
			return w.f, true
		}
	}
	return 0, false
}

// scanTotals reads 巡察反馈的14个问题38个具体问题,已完成整改35个,基本完成整改3个
// and the like. The first figure of each kind counts: 已完成整改35个，其中
// 立行立改完成12个 does not make 12 the completed.
func scanTotals(s string) totals {
	var t totals
	var pairs []countPair
	set := map[field]bool{}
	for i := 0; i < len(s); {
		matched := false
		for _, k := range totalKeys {
			if s[i] != k.kw[0] {
				continue
			}
			if !hasAt(s, i, k.kw) {
				continue
			}
			matched = true
			j := i + len(k.kw)
			if k.f == fCountAfter || k.f == fMeasures {
				// 问题38个, 问题共9个, 整改措施86项, 整改措施二十七条: only a
				// number right after the word counts.
				j = skipSpaces(s, j)
				for _, w := range []string{"共", "合计", "总计", "计"} {
					if hasAt(s, j, w) {
						j = skipSpaces(s, j+len(w))
						break
					}
				}
				n, e := atoi(s, j)
				if e == j && k.f == fMeasures {
					if m, e2 := countAt(s, j); e2 > j && (hasAt(s, e2, "条") || hasAt(s, e2, "项") || hasAt(s, e2, "个")) {
						n, e = m, e2
					}
				}
				if e > j {
					if k.f == fMeasures {
						if !set[fMeasures] {
							t.d.Measures, set[fMeasures] = n, true
						}
					} else {
						pairs = append(pairs, countPair{n, k.kw})
					}
					j = e
				}
				i = j
				break
			}
			n, e, ok := numberAfter(s, j, k.f == fRate)
			if !ok {
				i = j
				break
			}
			t.status = true
			if !set[k.f] {
				set[k.f] = true
				switch k.f {
				case fRate:
					t.d.RatePercent = n
				case fBasic:
					t.d.BasicallyCompleted = n
				case fNot:
					t.d.NotCompleted = n
				case fProgress:
					t.d.InProgress = n
				case fOngoing:
					t.ongoing = n
				case fDone:
					t.d.Completed = n
				}
			}
			i = e
			break
		}
		if matched {
			continue
		}
		if n, j := countHere(s, i); j > i {
			j = skipSpaces(s, j)
			unit := false
			for _, u := range []string{"个", "项", "条", "类", "大", "方面"} {
				if hasAt(s, j, u) {
					if u != "方面" {
						j += len(u)
					}
					unit = u == "个" || u == "项" || u == "条"
					break
				}
			}
			// 其余8项正在按计划推进, 3个基本完成: the count before its status.
			if f, ok := statusAfter(s, j); unit && ok {
				if !set[f] {
					set[f] = true
					t.status = true
					switch f {
					case fBasic:
						t.d.BasicallyCompleted = n
					case fNot:
						t.d.NotCompleted = n
					case fProgress:
						t.d.InProgress = n
					case fOngoing:
						t.ongoing = n
					case fDone:
						t.d.Completed = n
					}
				}
				i = j
				continue
			}
			found := false
			for _, w := range measureWords {
				if hasAt(s, j, w) {
					if !set[fMeasures] {
						t.d.Measures, set[fMeasures] = n, true
					}
					j += len(w)
					found = true
					break
				}
			}
			if !found {
				for _, w := range levelWords {
					if hasAt(s, j, w) {
						pairs = append(pairs, countPair{n, strings.TrimPrefix(w, "个")})
						j += len(w)
						break
					}
				}
			}
			i = max(j, i+1)
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	t.levels = pairs

	// 14个问题38个具体问题: the count before 具体问题 is the categories;
	// 3个方面12个问题: 方面 are the categories.
	for k, pr := range pairs {
		if pr.word == "具体问题" {
			t.d.Problems, t.probWord = pr.n, pr.word
			if k > 0 {
				t.d.Categories, t.catWord = pairs[k-1].n, pairs[k-1].word
			}
			t.counts = true
			t.allDone(s)
			return t
		}
	}
	for _, pr := range pairs {
		switch {
		case pr.word == "问题" && t.d.Problems == 0:
			t.d.Problems, t.probWord = pr.n, pr.word
		case pr.word != "问题" && t.d.Categories == 0:
			t.d.Categories, t.catWord = pr.n, pr.word
		}
	}
	t.counts = t.d.Problems > 0 || t.d.Categories > 0
	t.allDone(s)
	return t
}

// allDone reads 已全部完成整改 as every declared problem completed.
func (t *totals) allDone(s string) {
	if t.d.Problems == 0 || t.d.Completed > 0 || t.d.BasicallyCompleted > 0 || t.d.InProgress > 0 || t.d.NotCompleted > 0 {
		return
	}
	if saysAllDone(s) {
		t.d.Completed = t.d.Problems
		t.status = true
	}
}

// saysAllDone reports whether a sentence says every problem was rectified.
func saysAllDone(s string) bool {
	return containsAny(s, []string{"全部完成整改", "全部整改完成", "已全部整改", "全部整改到位", "均已完成整改", "均已整改到位", "均已整改完成", "全部销号", "已全部完成"})
}

// totalsSentence is a sentence outside the problems that states figures.
type totalsSentence struct {
	t    totals
	sent string
	line int
	rank int // 0 counts and completions, 1 counts, 2 completions, 3 neither
}

// readTotals finds the totals sentence outside the problems: the first
// that counts problems and completions, else the first that counts
// problems, else the first that counts completions. Reports often spread
// the totals over two sentences (巡察反馈问题共9个。截至9月30日，已整改到位7
// 个…; 对反馈的3个方面12项问题，细化为41项整改任务。截至6月30日，已完成38项):
// what the chosen one lacks is taken from the others before the problems.
func (p *parser) readTotals() zhenggai.Declared {
	var cands []totalsSentence
	best := -1
	stop := len(p.lines)
	if len(p.regions) > 0 {
		stop = p.regions[0][0]
	}
lines:
	for i := 0; i < len(p.lines); i++ {
		if best >= 0 && cands[best].rank == 0 && (i >= stop || i > cands[best].line+2) {
			break // found; a sentence nearby may lend to it
		}
		if p.inRegion(i) && !p.intro(i) || p.lines[i].kind == kTrailer || p.lines[i].kind == kSkip {
			continue
		}
		if i&1023 == 0 && p.stopped() {
			break
		}
		for _, sent := range sentences(p.text(i)) {
			if !strings.Contains(sent, "问题") && !strings.Contains(sent, "完成") && !strings.Contains(sent, "整改") && !strings.Contains(sent, "推进") {
				continue
			}
			t := scanTotals(sent)
			r := 3
			switch {
			case t.counts && t.status:
				r = 0
			case t.counts:
				r = 1
			case t.status:
				r = 2
			}
			if r == 3 && t.d.Measures == 0 {
				continue
			}
			cands = append(cands, totalsSentence{t, sent, i, r})
			if best < 0 || r < cands[best].rank {
				best = len(cands) - 1
			}
			if len(cands) == 64 { // a report states its totals once or twice, near the top
				break lines
			}
		}
	}
	if best < 0 || cands[best].rank == 3 {
		return zhenggai.Declared{}
	}
	bt := cands[best]
	p.totals = bt.t
	p.totalsAt, p.totalsSen = bt.line, bt.sent
	p.totalsUsed = map[int][]string{bt.line: {bt.sent}}
	use := func(c totalsSentence) {
		p.totalsUsed[c.line] = append(p.totalsUsed[c.line], c.sent)
	}
	// Only sentences before the problems lend what the chosen one lacks:
	// after them, a figure is about something else.
	t := &p.totals
	asOfSent := bt.sent
	for k, c := range cands {
		if k == best || c.line >= stop && c.line > bt.line {
			continue
		}
		switch {
		case !t.counts && c.t.counts:
			t.d.Categories, t.d.Problems, t.catWord, t.probWord, t.levels = c.t.d.Categories, c.t.d.Problems, c.t.catWord, c.t.probWord, c.t.levels
			t.counts = true
			use(c)
		case t.counts && t.d.Categories == 0 && c.t.d.Categories > 0 && (c.t.d.Problems == 0 || c.t.d.Problems == t.d.Problems):
			t.d.Categories, t.catWord = c.t.d.Categories, c.t.catWord
			t.levels = append(t.levels, c.t.levels...)
			use(c)
		}
		if t.d.Measures == 0 && c.t.d.Measures > 0 {
			// Not used up: 制定整改方案，明确整改任务21项 is also a
			// sentence of the work done, kept for the report.
			t.d.Measures = c.t.d.Measures
		}
	}
	if !t.status {
		// The completions, in a sentence of their own after the counts.
		for k, c := range cands {
			if k == best || c.line >= stop && c.line > bt.line {
				continue
			}
			if c.t.d.Problems > 0 && t.d.Problems > 0 && c.t.d.Problems != t.d.Problems {
				continue // another round's figures (上轮巡察反馈的9个问题…)
			}
			if c.t.status {
				d := c.t.d
				t.d.Completed, t.d.BasicallyCompleted, t.d.InProgress, t.d.NotCompleted, t.d.RatePercent = d.Completed, d.BasicallyCompleted, d.InProgress, d.NotCompleted, d.RatePercent
				t.ongoing, t.status = c.t.ongoing, true
				asOfSent = c.sent
				use(c)
				break
			}
			if t.d.Problems > 0 && saysAllDone(c.sent) {
				t.d.Completed, t.status = t.d.Problems, true
				asOfSent = c.sent
				use(c)
				break
			}
		}
	}
	d := t.d
	var ok bool
	if d.AsOf, ok = p.asOfIn(asOfSent); !ok && asOfSent != bt.sent {
		d.AsOf, ok = p.asOfIn(bt.sent)
	}
	if !ok {
		// 截至2023年10月31日 in a sentence of its own before the figures.
		for _, c := range cands {
			if c.line == bt.line || c.line == bt.line-1 {
				if v, ok2 := p.asOfIn(c.sent); ok2 {
					d.AsOf, ok = v, true
					break
				}
			}
		}
	}
	if !ok {
		d.AsOf = p.signed()
	}
	return d
}

// asOfIn reads 截止10月28日 in the totals sentence. Without a year the year
// is the feedback's (or the on-site period's), the next one when the month
// is earlier. ok is false when the sentence states no date (截至目前, or
// nothing): the report's date is then the one it was signed.
func (p *parser) asOfIn(sent string) (zhenggai.Date, bool) {
	k := -1
	for _, w := range []string{"截止", "截至"} {
		if i := strings.Index(sent, w); i >= 0 && (k < 0 || i < k) {
			k = i + len(w)
		}
	}
	if k < 0 {
		return zhenggai.Date{}, false
	}
	for _, w := range []string{"到", "于", " "} {
		if hasAt(sent, k, w) {
			k += len(w)
		}
	}
	d, _, ok := scanDate(sent, skipSpaces(sent, k))
	if !ok {
		d, ok = monthEnd(sent, skipSpaces(sent, k)) // 截至3月底
	}
	if !ok || d.m == 0 {
		return zhenggai.Date{}, false
	}
	if d.y == 0 {
		base := p.im.Round.FeedbackDate
		if base.IsZero() {
			base = p.im.Round.OnsiteEnd
		}
		if base.IsZero() {
			base = p.signed()
		}
		if !base.IsZero() {
			d.y = base.Year()
			if d.m < base.Month() {
				d.y++
			}
		}
	}
	return p.toDate(d, "截至日期"), true
}

// monthEnd reads 2022年3月底 (or 月末) at s[i:] as the month's last day.
func monthEnd(s string, i int) (pdate, bool) {
	var d pdate
	if y, j := atoi(s, i); j-i == 4 && hasAt(s, j, "年") {
		d.y, i = y, skipSpaces(s, j+len("年"))
	}
	m, j := atoi(s, i)
	if j == i || m < 1 || m > 12 || !hasAt(s, j, "月") {
		return d, false
	}
	j += len("月")
	if !hasAt(s, j, "底") && !hasAt(s, j, "末") {
		return d, false
	}
	d.m = m
	d.d = 31
	switch m {
	case 4, 6, 9, 11:
		d.d = 30
	case 2:
		d.d = 28
		if y := d.y; y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			d.d = 29
		}
	}
	return d, true
}

// signed is the date under the signature: the last line that is a full
// date alone; else the date the page says it was published.
func (p *parser) signed() zhenggai.Date {
	if d := p.signature(); !d.IsZero() {
		return d
	}
	return p.published
}

func (p *parser) signature() zhenggai.Date {
	for i := len(p.lines) - 1; i >= 0; i-- {
		if p.lines[i].date {
			if v := p.lineDate(i); !v.IsZero() {
				return v
			}
		}
	}
	return zhenggai.Date{}
}

// checkDeclared compares the declared totals with what was parsed.
func (p *parser) checkDeclared() {
	d, t := p.im.Declared, p.totals
	if !t.counts && !t.status {
		p.warnf("未找到整改总体情况（如“截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改35个”），公布的数字均记为0")
		return
	}
	if n := len(p.im.Categories); d.Categories > 0 && d.Categories != n && n > 0 {
		// 4个方面12类问题45个具体问题: the count the headings show is the one
		// the categories are counted in.
		for _, l := range t.levels {
			if l.n == n && l.n != d.Problems {
				d.Categories, t.catWord = n, l.word
				p.im.Declared.Categories, p.totals.catWord = n, l.word
				break
			}
		}
	}
	if n := len(p.im.Categories); d.Categories > 0 && d.Categories != n {
		p.warnf("公布%d个%s，实际解析出%d个", d.Categories, t.catWord, n)
	}
	if n := p.im.ProblemCount(); d.Problems > 0 && d.Problems != n {
		p.warnf("公布%d个%s，实际解析出%d个", d.Problems, t.probWord, n)
	}
	if sum := d.Completed + d.BasicallyCompleted + d.InProgress + d.NotCompleted + t.ongoing; d.Problems > 0 && sum > d.Problems {
		p.warnf("公布的已完成、基本完成等数字之和（%d个）大于公布的%s数（%d个）", sum, t.probWord, d.Problems)
	}
	if t.ongoing > 0 {
		p.warnf("公布“长期坚持”%d个，导入结果中没有对应的数字，未导入", t.ongoing)
	}
	if d.RatePercent > 100 {
		p.warnf("公布的完成率%d%%大于100%%", d.RatePercent)
	}
}
