package zhenggai

import (
	"fmt"
	"sort"
	"strings"
)

// Ledger is a round with everything under it and every derived figure:
// the tree category → problem → measure that the dashboard, the tree page,
// the ledger table and the API all show. It is computed, never stored.
type Ledger struct {
	Round        *Round
	UnitFullName string // the round's unit's 全称, "" when not set (or not read: only store.RoundRecords reads it)
	Settings     Settings
	Today        Date
	Categories   []*CategoryNode
	Summary      Summary
}

// CategoryNode is a category with its problems.
type CategoryNode struct {
	*Category
	Problems []*ProblemNode
	Counts   StatusCounts // problems by status
}

// ProblemNode is a problem with its measures and derived status.
type ProblemNode struct {
	*Problem
	Category *Category
	Measures []*MeasureNode
	Status   Status
	Colour   Colour // the worst colour of its measures
	// Recorded: its status is (or reaches) what an imported ledger
	// recorded (原台账记载), not verified by the office's acceptance.
	Recorded bool
}

// MeasureNode is a measure with its deadline warning.
type MeasureNode struct {
	*Measure
	Colour   Colour
	DaysLeft int // days to the deadline; meaningless without one
	// Holds are the proof rules that still find something (proof.go);
	// a held 长期坚持 measure is at least yellow (HeldColour).
	Holds []ProofHold
}

// Summary is the round's figures, derived from its problems.
type Summary struct {
	Categories     int
	Problems       int
	Measures       int
	ProblemCounts  StatusCounts
	MeasureCounts  StatusCounts
	ColourCounts   ColourCounts // measures per warning colour
	CompletionRate int          // percent of problems completed or ongoing
	Mismatches     []string     // where declared totals disagree with the data
	Outcomes       Outcomes     // what the measures produced, summed
	RuleNames      []string     // the distinct rules they name, in ledger order
}

// BuildLedger assembles the tree and its figures. Problems whose category
// is missing and measures whose problem is missing are ignored.
func BuildLedger(r *Round, set Settings, today Date, cats []*Category, probs []*Problem, measures []*Measure) *Ledger {
	return BuildLedgerHeld(r, set, today, cats, probs, measures, nil)
}

// BuildLedgerHeld is BuildLedger with the holds of measures whose proof
// rules still find something, by measure ID: their colours count held.
func BuildLedgerHeld(r *Round, set Settings, today Date, cats []*Category, probs []*Problem, measures []*Measure, holds map[int64][]ProofHold) *Ledger {
	l := &Ledger{Round: r, Settings: set, Today: today}
	byCat := map[int64]*CategoryNode{}
	for _, c := range cats {
		n := &CategoryNode{Category: c, Counts: NewStatusCounts()}
		byCat[c.ID] = n
		l.Categories = append(l.Categories, n)
	}
	sort.SliceStable(l.Categories, func(i, j int) bool { return l.Categories[i].Seq < l.Categories[j].Seq })
	byProb := map[int64]*ProblemNode{}
	for _, p := range probs {
		cn := byCat[p.CategoryID]
		if cn == nil {
			continue
		}
		n := &ProblemNode{Problem: p, Category: cn.Category}
		byProb[p.ID] = n
		cn.Problems = append(cn.Problems, n)
	}
	s := Summary{
		Categories:    len(l.Categories),
		ProblemCounts: NewStatusCounts(),
		MeasureCounts: NewStatusCounts(),
		ColourCounts:  ColourCounts{Green: 0, Yellow: 0, Red: 0},
	}
	for _, m := range measures {
		pn := byProb[m.ProblemID]
		if pn == nil {
			continue
		}
		mn := &MeasureNode{Measure: m, Colour: HeldColour(MeasureColour(set, m, today), m, holds[m.ID]), Holds: holds[m.ID]}
		if !m.Deadline.IsZero() {
			mn.DaysLeft = today.DaysUntil(m.Deadline)
		}
		pn.Measures = append(pn.Measures, mn)
		pn.Colour = Worse(pn.Colour, mn.Colour)
		s.Measures++
		s.MeasureCounts[m.Status]++
		if mn.Colour != NoColour {
			s.ColourCounts[mn.Colour]++
		}
	}
	var live []*Measure // in ledger order, so that rules are listed as the ledger reads
	for _, cn := range l.Categories {
		sort.SliceStable(cn.Problems, func(i, j int) bool { return cn.Problems[i].Seq < cn.Problems[j].Seq })
		for _, pn := range cn.Problems {
			sort.SliceStable(pn.Measures, func(i, j int) bool { return pn.Measures[i].Seq < pn.Measures[j].Seq })
			sts := make([]Status, len(pn.Measures))
			for i, m := range pn.Measures {
				sts[i] = m.Status
				live = append(live, m.Measure)
			}
			pn.Status = ProblemStatus(sts)
			// A ledger that records nothing done tells nothing the
			// statuses do not: not flagged.
			pn.Recorded = pn.RecordedStatus.Ahead(NotStarted) && pn.CloseState != CloseAccepted
			if pn.Recorded && pn.RecordedStatus.Ahead(pn.Status) {
				// Counted as the old ledger recorded it, and shown as such.
				pn.Status = pn.RecordedStatus
			}
			cn.Counts[pn.Status]++
			s.ProblemCounts[pn.Status]++
			s.Problems++
		}
	}
	s.CompletionRate = s.ProblemCounts.CompletionRate()
	s.Outcomes, s.RuleNames = SumOutcomes(live)
	s.Mismatches = Mismatches(r.Declared, s)
	l.Summary = s
	return l
}

// Mismatches compares what a report declared with what its data say, one
// Chinese sentence per figure that disagrees: the totals, then the
// outcomes (see OutcomeMismatches). Figures the report did not state are
// not compared.
func Mismatches(d Declared, s Summary) []string {
	if d.IsZero() {
		return nil
	}
	var out []string
	cmp := func(label string, declared, actual int) {
		if declared != actual {
			out = append(out, fmt.Sprintf("公布%s%d个，逐项统计为%d个", label, declared, actual))
		}
	}
	if d.Categories > 0 {
		cmp("反馈问题", d.Categories, s.Categories)
	}
	if d.Problems > 0 {
		cmp("具体问题", d.Problems, s.Problems)
	}
	// A report that names any outcome is taken to name all it counts.
	if d.Completed+d.BasicallyCompleted+d.InProgress > 0 {
		cmp("已完成整改", d.Completed, s.ProblemCounts[Completed]+s.ProblemCounts[Ongoing])
		cmp("基本完成整改", d.BasicallyCompleted, s.ProblemCounts[BasicallyCompleted])
		if d.InProgress > 0 {
			cmp("正在整改", d.InProgress, s.ProblemCounts[InProgress])
		}
	}
	return append(out, OutcomeMismatches(d.Outcomes, s.Outcomes)...)
}

// Problem finds a problem node by ID.
func (l *Ledger) Problem(id int64) *ProblemNode {
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			if p.ID == id {
				return p
			}
		}
	}
	return nil
}

// Filter says which problems and measures a tree view shows.
type Filter struct {
	Status   Status // problem status
	Owner    string // a measure's owner, exact
	Colour   Colour // a measure's colour
	Person   string // part of a measure's 责任领导 or 责任人
	Category int64  // one category
}

// IsZero reports whether the filter shows everything.
func (f Filter) IsZero() bool { return f == Filter{} }

// keeps reports whether f keeps a measure (its owner, colour and person).
func (f Filter) keeps(m *MeasureNode) bool {
	p := strings.TrimSpace(f.Person)
	return (f.Owner == "" || m.Owner == f.Owner) && (f.Colour == NoColour || m.Colour == f.Colour) &&
		(p == "" || strings.Contains(m.Leader, p) || strings.Contains(m.Owner, p))
}

// Filtered returns the categories with only the problems (and, for owner,
// colour and person, the measures) that match; empty categories are
// dropped. The figures stay the whole round's: a filter narrows a table,
// not the counts.
func (l *Ledger) Filtered(f Filter) []*CategoryNode {
	if f.IsZero() {
		return l.Categories
	}
	var out []*CategoryNode
	byMeasure := f.Owner != "" || f.Colour != NoColour || strings.TrimSpace(f.Person) != ""
	for _, c := range l.Categories {
		if f.Category != 0 && c.ID != f.Category {
			continue
		}
		nc := *c
		nc.Problems = nil
		for _, p := range c.Problems {
			if f.Status != "" && p.Status != f.Status {
				continue
			}
			np := *p
			if byMeasure {
				np.Measures = nil
				for _, m := range p.Measures {
					if f.keeps(m) {
						np.Measures = append(np.Measures, m)
					}
				}
				if len(np.Measures) == 0 {
					continue
				}
			}
			nc.Problems = append(nc.Problems, &np)
		}
		if len(nc.Problems) > 0 {
			out = append(out, &nc)
		}
	}
	return out
}

// Owners lists the distinct owners of the round's measures, for filters.
func (l *Ledger) Owners() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				if m.Owner != "" && !seen[m.Owner] {
					seen[m.Owner] = true
					out = append(out, m.Owner)
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// LatestProgress picks each measure's newest progress entry from entries
// listed newest first (as the store lists them): what a ledger's 整改进展
// column shows.
func LatestProgress(entries []*Progress) map[int64]*Progress {
	latest := map[int64]*Progress{}
	for _, p := range entries {
		if latest[p.MeasureID] == nil {
			latest[p.MeasureID] = p
		}
	}
	return latest
}
