package textimport

import (
	"sort"
	"strings"
	"unicode/utf8"

	"zhenggai"
)

// outcomeWords name what rectification produced, in the words reports use;
// the figure a clause states goes to the nearest such word before it (or,
// failing one, after it: 对5人进行谈话提醒).
var outcomeWords = []struct {
	w string
	f outcomeField
}{
	{"建章立制", oRules},
	{"制度", oRules},
	{"清退", oRefunded},
	{"退还", oRefunded},
	{"追回", oRecovered},
	{"追缴", oRecovered},
	{"收回", oRecovered},
	{"收缴", oRecovered},
	{"退缴", oRecovered},
	{"挽回", oSaved},
	// 第一种形态: the words of talks and criticism, all counted as 谈话提醒、批评教育.
	{"谈话提醒", oTalks},
	{"提醒谈话", oTalks},
	{"批评教育", oTalks},
	{"批评帮助", oTalks},
	{"诫勉", oTalks},
	{"责令检查", oTalks},
	{"约谈", oTalks},
	{"函询", oTalks},
	{"组织处理", oOrganisational},
	{"党纪政务处分", oDisciplinary},
	{"党纪处分", oDisciplinary},
	{"政务处分", oDisciplinary},
	{"纪律处分", oDisciplinary},
	{"政纪处分", oDisciplinary},
}

type outcomeField uint8

const (
	oNone outcomeField = iota
	oRules
	oRefunded
	oRecovered
	oSaved
	oTalks
	oOrganisational
	oDisciplinary
)

// unit is what a figure counts: rules (项, 个, 条, 件), money, persons.
func (f outcomeField) money() bool  { return f == oRefunded || f == oRecovered || f == oSaved }
func (f outcomeField) person() bool { return f >= oTalks }

// readOutcomes sums the outcome figures the report states outside its
// problems (建立完善制度12项，清退违规资金3.2万元，谈话提醒、批评教育5人…).
// A clause repeated word for word is counted once.
func (p *parser) readOutcomes() zhenggai.Outcomes {
	var o zhenggai.Outcomes
	seen := map[string]bool{}
	for i := range p.lines {
		if p.inRegion(i) && !p.intro(i) || p.lines[i].kind == kTrailer || p.lines[i].kind == kSkip {
			continue
		}
		if i&1023 == 0 && p.stopped() {
			break
		}
		t := p.text(i)
		if !strings.Contains(t, "制度") && !strings.Contains(t, "元") && !strings.Contains(t, "人") && !strings.Contains(t, "名") {
			continue
		}
		for _, c := range clauses(t) {
			if seen[c] {
				continue
			}
			seen[c] = true
			o = o.Add(scanOutcomes(c))
		}
	}
	return o
}

// clauses splits s at the punctuation that ends a clause; 、 joins words
// of one clause (谈话提醒、批评教育5人).
func clauses(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(",;:。!?()", r)
	})
}

// wordAt is an outcome word found in a clause.
type wordAt struct {
	pos, end int
	f        outcomeField
}

// scanOutcomes reads the figures of one clause.
func scanOutcomes(c string) zhenggai.Outcomes {
	var o zhenggai.Outcomes
	words := outcomeWordsIn(c)
	if len(words) == 0 {
		return o
	}
	for i := 0; i < len(c); {
		n, frac, j := number(c, i)
		if j == i {
			_, w := utf8.DecodeRuneInString(c[i:])
			i += w
			continue
		}
		k := skipSpaces(c, j)
		switch {
		case hasAt(c, k, "万元"), hasAt(c, k, "亿元"), hasAt(c, k, "元"):
			f := nearest(words, i, k, func(f outcomeField) bool { return f.money() })
			fen := zhenggai.Fen(toFen(n, frac, c[k:]))
			switch f {
			case oRefunded:
				o.RefundedFen += fen
			case oRecovered:
				o.RecoveredFen += fen
			case oSaved:
				o.SavedFen += fen
			}
		case frac == "" && (hasAt(c, k, "人") || hasAt(c, k, "名")):
			switch nearest(words, i, k, func(f outcomeField) bool { return f.person() }) {
			case oTalks:
				o.Talks += int(n)
			case oOrganisational:
				o.Organisational += int(n)
			case oDisciplinary:
				o.Disciplinary += int(n)
			}
		case frac == "" && (hasAt(c, k, "项") || hasAt(c, k, "个") || hasAt(c, k, "条") || hasAt(c, k, "件")):
			if nearest(words, i, k, func(f outcomeField) bool { return f == oRules }) == oRules {
				o.Rules += int(n)
			}
		}
		i = j
	}
	return o
}

// outcomeWordsIn lists the outcome words of a clause in order; where two
// overlap (党纪政务处分, 政务处分) the longer, listed first, holds.
func outcomeWordsIn(c string) []wordAt {
	var out []wordAt
	for _, w := range outcomeWords {
		for from := 0; ; {
			k := strings.Index(c[from:], w.w)
			if k < 0 {
				break
			}
			out = append(out, wordAt{from + k, from + k + len(w.w), w.f})
			from += k + len(w.w)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// nearest is the outcome word of the kind ok accepts nearest before the
// figure at c[i:] (within the clause), else the first after it. The word
// is looked for within a window of the figure (a report names what it
// counts within a few words), so that a hostile line of figures costs its
// length, not its length squared.
func nearest(words []wordAt, i, after int, ok func(outcomeField) bool) outcomeField {
	const window = 120 // bytes: 40 Chinese characters
	k := sort.Search(len(words), func(n int) bool { return words[n].pos >= i })
	for b := k - 1; b >= 0 && words[b].pos >= i-window; b-- {
		if ok(words[b].f) {
			return words[b].f
		}
	}
	for a := sort.Search(len(words), func(n int) bool { return words[n].pos >= after }); a < len(words) && words[a].pos < after+window; a++ {
		if ok(words[a].f) {
			return words[a].f
		}
	}
	return oNone
}

// number reads 66.57 at s[i:]: the integer part and the digits after the
// point; j == i when there is no number there.
func number(s string, i int) (n int64, frac string, j int) {
	if i > 0 && isDigit(s[i-1]) || i < len(s) && !isDigit(s[i]) {
		return 0, "", i
	}
	j = i
	for j < len(s) && isDigit(s[j]) && j-i < 15 {
		n = n*10 + int64(s[j]-'0')
		j++
	}
	if j == i {
		return 0, "", i
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) && k-j <= 8 {
			k++
		}
		frac, j = s[j+1:k], k
	}
	return n, frac, j
}

// toFen converts an amount written n.frac in 元, 万元 or 亿元 to fen,
// exactly: 66.57万元 is 66,570,000 fen.
func toFen(n int64, frac, unit string) int64 {
	scale := int64(100)
	switch {
	case strings.HasPrefix(unit, "万元"):
		scale = 1_000_000
	case strings.HasPrefix(unit, "亿元"):
		scale = 10_000_000_000
	}
	if n > (1<<62)/scale {
		return 0 // no report states such a sum: a misread figure
	}
	fen := n * scale
	div := int64(1)
	var f int64
	for _, d := range frac {
		f = f*10 + int64(d-'0')
		div *= 10
	}
	return fen + f*scale/div
}
