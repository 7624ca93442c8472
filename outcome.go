package zhenggai

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Outcomes are what rectification produced, in the figures progress
// reports state ("建立完善制度12项，清退违规资金3.2万元，谈话提醒、批评教育5人").
// A report's own figures are kept as declared (Declared.Outcomes); the
// program's are summed from what each measure records, so the two can be
// compared like the totals.
type Outcomes struct {
	Rules          int `json:"rules"`          // 建立完善制度 N 项
	RefundedFen    Fen `json:"refunded_fen"`   // 清退违规资金
	RecoveredFen   Fen `json:"recovered_fen"`  // 追回资金
	SavedFen       Fen `json:"saved_fen"`      // 挽回经济损失
	Talks          int `json:"talks"`          // 谈话提醒、批评教育 (persons)
	Organisational int `json:"organisational"` // 组织处理 (persons)
	Disciplinary   int `json:"disciplinary"`   // 党纪政务处分 (persons)
}

// IsZero reports whether nothing was stated or recorded.
func (o Outcomes) IsZero() bool { return o == Outcomes{} }

// Add returns the sum of two sets of outcomes.
func (o Outcomes) Add(p Outcomes) Outcomes {
	return Outcomes{
		Rules:          o.Rules + p.Rules,
		RefundedFen:    o.RefundedFen + p.RefundedFen,
		RecoveredFen:   o.RecoveredFen + p.RecoveredFen,
		SavedFen:       o.SavedFen + p.SavedFen,
		Talks:          o.Talks + p.Talks,
		Organisational: o.Organisational + p.Organisational,
		Disciplinary:   o.Disciplinary + p.Disciplinary,
	}
}

// Bounds on what one measure records: far beyond any real case, and small
// enough that a round's sums cannot overflow (MaxFen, in money.go, for
// amounts).
const (
	MaxPersons   = 10000 // persons of each kind
	MaxRuleNames = 50    // rules one measure names
)

// OutcomeKind is one figure of Outcomes, in the order reports state them.
type OutcomeKind int

const (
	OutcomeRules OutcomeKind = iota
	OutcomeRefunded
	OutcomeRecovered
	OutcomeSaved
	OutcomeTalks
	OutcomeOrganisational
	OutcomeDisciplinary
)

// OutcomeKinds are all the figures, in the order a report states them.
var OutcomeKinds = []OutcomeKind{OutcomeRules, OutcomeRefunded, OutcomeRecovered, OutcomeSaved,
	OutcomeTalks, OutcomeOrganisational, OutcomeDisciplinary}

var outcomeLabels = [...]string{"建立完善制度", "清退违规资金", "追回资金", "挽回经济损失",
	"谈话提醒、批评教育", "组织处理", "党纪政务处分"}

// Label is the figure's name as reports write it.
func (k OutcomeKind) Label() string { return outcomeLabels[k] }

// Money reports whether the figure is an amount (fen) rather than a count.
func (k OutcomeKind) Money() bool {
	return k == OutcomeRefunded || k == OutcomeRecovered || k == OutcomeSaved
}

// Value is one figure: fen for money, a count otherwise.
func (o Outcomes) Value(k OutcomeKind) int64 {
	switch k {
	case OutcomeRules:
		return int64(o.Rules)
	case OutcomeRefunded:
		return int64(o.RefundedFen)
	case OutcomeRecovered:
		return int64(o.RecoveredFen)
	case OutcomeSaved:
		return int64(o.SavedFen)
	case OutcomeTalks:
		return int64(o.Talks)
	case OutcomeOrganisational:
		return int64(o.Organisational)
	case OutcomeDisciplinary:
		return int64(o.Disciplinary)
	}
	return 0
}

// Text is one figure as a report writes it: 14项, 1.26万元, 3860元, 5人.
func (o Outcomes) Text(k OutcomeKind) string {
	v := o.Value(k)
	switch {
	case k.Money():
		return Fen(v).Text()
	case k == OutcomeRules:
		return strconv.FormatInt(v, 10) + "项"
	}
	return strconv.FormatInt(v, 10) + "人"
}

// Sentence lists the figures that are not zero the way progress reports
// do: "建立完善制度14项，清退违规资金1.26万元，谈话提醒、批评教育3人". It has
// no closing punctuation, and is "" when there is nothing to state.
func (o Outcomes) Sentence() string {
	var parts []string
	for _, k := range OutcomeKinds {
		if o.Value(k) != 0 {
			parts = append(parts, k.Label()+o.Text(k))
		}
	}
	return strings.Join(parts, "，")
}

// OutcomeMismatches compares the figures a report declared with those
// summed from the measures, one Chinese sentence per figure that
// disagrees. Figures the report did not state (zero) are not compared;
// amounts are compared as written (a report's 3.26万元 agrees with
// 32,612.50元), since a report states them to the hundredth of 万元.
func OutcomeMismatches(declared, counted Outcomes) []string {
	var out []string
	for _, k := range OutcomeKinds {
		if declared.Value(k) == 0 {
			continue
		}
		if d, c := declared.Text(k), counted.Text(k); d != c {
			out = append(out, "公布"+k.Label()+d+"，逐项统计为"+c)
		}
	}
	return out
}

// ParseCount reads a number of persons or rules: 3, ３, 3人, 3名, 3项.
func ParseCount(s string) (int, error) {
	s = strings.TrimSpace(foldDigits(s))
	for _, u := range []string{"人", "名", "项", "个"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, u))
	}
	if strings.HasPrefix(s, "-") {
		return 0, errors.New("不能为负数")
	}
	if s == "" || !allDigits(s) {
		return 0, errors.New("须为整数")
	}
	if len(strings.TrimLeft(s, "0")) > 5 {
		return 0, fmt.Errorf("须在0至%d之间", MaxPersons)
	}
	n, _ := strconv.Atoi(s)
	if n > MaxPersons {
		return 0, fmt.Errorf("须在0至%d之间", MaxPersons)
	}
	return n, nil
}

// ParseRuleNames reads the rules a measure names as people type them: one
// a line, or several on a line separated by 、，； or written one after
// another in 《》 (a 、 inside 《》 belongs to the name). Names are cleaned
// by CleanRuleName; empty ones and repeats are dropped.
func ParseRuleNames(s string) []string {
	var names []string
	var cur strings.Builder
	depth := 0
	flush := func() {
		names = append(names, cur.String())
		cur.Reset()
	}
	for _, r := range s {
		switch {
		case r == '《':
			if depth == 0 && strings.HasSuffix(strings.TrimSpace(cur.String()), "》") {
				flush() // 《甲》《乙》
			}
			depth++
		case r == '》' && depth > 0:
			depth--
		case r == '\n' || r == '\r':
			depth = 0 // a line ends a name, whatever its brackets
			flush()
			continue
		case depth == 0 && strings.ContainsRune("、，,；;", r):
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return CleanRuleNames(names)
}

// CleanRuleNames cleans each name, dropping empty ones and repeats.
func CleanRuleNames(names []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, n := range names {
		n = CleanRuleName(n)
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// CleanRuleName is a rule's name as stored: trimmed, without a closing
// stop, and without the 《》 (or 〈〉) around the whole, which RuleTitle
// puts back; so 《档案管理制度》 and 档案管理制度 are the same rule. Brackets
// inside a name (关于《…》的补充规定) stay; brackets without their pair go.
func CleanRuleName(s string) string {
	trim := func(s string) string {
		return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("。.，,、；;：:", r)
		})
	}
	s = trim(s)
	if !balanced(s, '《', '》') || !balanced(s, '〈', '〉') {
		// A bracket without its pair (《未闭合的制度): all of them go, so
		// that the name reads back the same once RuleTitle wraps it.
		s = trim(strings.Map(func(r rune) rune {
			if strings.ContainsRune("《》〈〉", r) {
				return -1
			}
			return r
		}, s))
	}
	for again := true; again; {
		again = false
		for _, b := range [][2]rune{{'《', '》'}, {'〈', '〉'}} {
			if wraps(s, b[0], b[1]) {
				s, again = trim(s[len(string(b[0])):len(s)-len(string(b[1]))]), true
			}
		}
	}
	return s
}

// balanced reports whether every open bracket in s has its close.
func balanced(s string, open, close rune) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case open:
			depth++
		case close:
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// wraps reports whether the bracket s opens with is the one it ends with:
// 《关于《甲》的规定》 is wrapped, 《甲》和《乙》 is not.
func wraps(s string, open, close rune) bool {
	if !strings.HasPrefix(s, string(open)) || !strings.HasSuffix(s, string(close)) {
		return false
	}
	depth := 0
	for i, r := range s {
		switch r {
		case open:
			depth++
		case close:
			depth--
		}
		if depth <= 0 {
			return i+len(string(close)) == len(s)
		}
	}
	return false
}

// RuleTitle writes a rule's name as documents cite it: 《档案管理制度》.
func RuleTitle(name string) string { return "《" + name + "》" }

// SumOutcomes adds up what the measures produced. A rule that several
// measures name (one drafts it, another revises it) is one rule: the
// count is of distinct names, which are returned in the order met.
func SumOutcomes(ms []*Measure) (Outcomes, []string) {
	var o Outcomes
	names := []string{}
	seen := map[string]bool{}
	for _, m := range ms {
		mo := m.Outcomes()
		mo.Rules = 0
		o = o.Add(mo)
		for _, n := range m.RuleNames {
			if !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	o.Rules = len(names)
	return o, names
}

// check validates figures a report declared: a round's, so larger than
// one measure's may be, but never negative.
func (o Outcomes) check(v *ValidationError) {
	for _, k := range OutcomeKinds {
		n, limit := o.Value(k), int64(100*MaxPersons)
		if k.Money() {
			limit = int64(100 * MaxFen)
		}
		if n < 0 || n > limit {
			v.Add("declared", "公布的"+k.Label()+"数字不正确（不能为负数或过大）")
			return
		}
	}
}
