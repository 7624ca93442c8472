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
	{"基本完成", fBasic},
	{"尚未完成", fNot},
	{"未完成", fNot},
	{"尚未整改", fNot},
	{"未整改", fNot},
	{"正在整改", fProgress},
	{"序时推进", fProgress},
	{"推进中", fProgress},
	{"整改到位", fDone},
	{"已整改", fDone},
	{"已销号", fDone},
	{"正在推进", fProgress},
	{"持续推进", fProgress},
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
			if !hasAt(s, i, k.kw) {
				continue
			}
			matched = true
			j := i + len(k.kw)
			if k.f == fCountAfter || k.f == fMeasures {
				// 问题38个, 整改措施86项: only a number right after the word counts.
				if n, e := atoi(s, skipSpaces(s, j)); e > skipSpaces(s, j) {
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
			for _, u := range []string{"个", "项", "条", "类", "大", "方面"} {
				if hasAt(s, j, u) {
					if u != "方面" {
						j += len(u)
					}
					break
				}
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
	for _, w := range []string{"全部完成整改", "全部整改完成", "已全部整改", "全部整改到位", "均已完成整改", "均已整改到位", "均已整改完成", "全部销号", "已全部完成"} {
		if strings.Contains(s, w) {
			t.d.Completed = t.d.Problems
			t.status = true
			return
		}
	}
}

// readTotals finds the totals sentence outside the problems: the first
// that counts problems and completions, else the first that counts
// problems, else the first that counts completions.
func (p *parser) readTotals() zhenggai.Declared {
	var best totals
	var bestSent string
	rank := 3 // 0 counts and completions, 1 counts, 2 completions
	for i := 0; i < len(p.lines) && rank > 0; i++ {
		if p.inRegion(i) || p.lines[i].kind == kTrailer {
			continue
		}
		if i&1023 == 0 && p.stopped() {
			break
		}
		for _, sent := range sentences(p.text(i)) {
			if !strings.Contains(sent, "问题") && !strings.Contains(sent, "完成") && !strings.Contains(sent, "整改") {
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
			if r < rank {
				best, bestSent, rank = t, sent, r
				p.totalsAt, p.totalsSen = i, sent
			}
			if rank == 0 {
				break
			}
		}
	}
	p.totals = best
	if rank == 3 {
		return zhenggai.Declared{}
	}
	d := best.d
	d.AsOf = p.asOf(bestSent)
	return d
}

// asOf reads 截止10月28日 in the totals sentence. Without a year the year
// is the feedback's (or the on-site period's), the next one when the month
// is earlier; 截至目前 or no date at all is the date the report is signed.
func (p *parser) asOf(sent string) zhenggai.Date {
	k := -1
	for _, w := range []string{"截止", "截至"} {
		if i := strings.Index(sent, w); i >= 0 && (k < 0 || i < k) {
			k = i + len(w)
		}
	}
	if k >= 0 {
		for _, w := range []string{"到", "于", " "} {
			if hasAt(sent, k, w) {
				k += len(w)
			}
		}
		d, _, ok := scanDate(sent, skipSpaces(sent, k))
		if !ok {
			d, ok = monthEnd(sent, skipSpaces(sent, k)) // 截至3月底
		}
		if ok && d.m > 0 {
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
			return p.toDate(d, "截至日期")
		}
	}
	return p.signed()
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
