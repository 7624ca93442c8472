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
}

type field uint8

const (
	fRate field = iota
	fBasic
	fNot
	fProgress
	fOngoing
	fDone
	fCountAfter // 具体问题38个
)

// totalKeys are tried in order at each position, so that 完成率 and 基本完成
// win over 完成.
var totalKeys = []struct {
	kw string
	f  field
}{
	{"完成率", fRate},
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
	{"完成", fDone},
	{"具体问题", fCountAfter},
	{"问题", fCountAfter},
}

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
		if hasAt(s, j, u) {
			return n, j + len(u), true
		}
	}
	return 0, j, false
}

// scanTotals reads 巡察反馈的14个问题38个具体问题,已完成整改35个,基本完成整改3个
// and the like.
func scanTotals(s string) totals {
	var t totals
	var pairs []countPair
	for i := 0; i < len(s); {
		matched := false
		for _, k := range totalKeys {
			if !hasAt(s, i, k.kw) {
				continue
			}
			matched = true
			j := i + len(k.kw)
			if k.f == fCountAfter {
				// 问题38个: only a number right after the word counts.
				if n, e := atoi(s, skipSpaces(s, j)); e > skipSpaces(s, j) {
					pairs = append(pairs, countPair{n, k.kw})
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
			i = e
			break
		}
		if matched {
			continue
		}
		if isDigit(s[i]) && (i == 0 || !isDigit(s[i-1])) {
			n, j := atoi(s, i)
			j = skipSpaces(s, j)
			for _, u := range []string{"个", "项", "条", "类", "大"} {
				if hasAt(s, j, u) {
					j += len(u)
					break
				}
			}
			if j > i {
				for _, w := range []string{"具体问题", "方面", "类问题", "大类", "类", "问题"} {
					if hasAt(s, j, w) {
						pairs = append(pairs, countPair{n, w})
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

	// 14个问题38个具体问题: the count before 具体问题 is the categories;
	// 3个方面12个问题: 方面 are the categories.
	for k, pr := range pairs {
		if pr.word == "具体问题" {
			t.d.Problems, t.probWord = pr.n, pr.word
			if k > 0 {
				t.d.Categories, t.catWord = pairs[k-1].n, pairs[k-1].word
			}
			t.counts = true
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
	return t
}

// readTotals finds the totals sentence outside the problems (lines before
// start or from end on): the first that counts problems, else the first
// that counts completions.
func (p *parser) readTotals(start, end int) zhenggai.Declared {
	var best totals
	var bestSent string
	rank := 3 // 0 counts and completions, 1 counts, 2 completions
	for i := 0; i < len(p.lines) && rank > 0; i++ {
		if i >= start && i < end || p.lines[i].noise {
			continue
		}
		for _, sent := range sentences(p.text(i)) {
			if !strings.Contains(sent, "问题") && !strings.Contains(sent, "完成") {
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
		if d, _, ok := scanDate(sent, skipSpaces(sent, k)); ok && d.m > 0 {
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
			d, _, _ := scanDate(p.text(i), 0)
			v := zhenggai.NewDate(d.y, d.m, d.d)
			if v.Valid() && d.y >= 1949 && d.y <= 2100 {
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
