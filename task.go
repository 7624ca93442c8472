package zhenggai

import (
	"sort"
	"strings"
)

// TaskMeasure is a measure on a leader's or an owner's list of tasks
// (我的任务): the measure, where it sits, its warning, and why it is his.
type TaskMeasure struct {
	*Measure
	RoundID    int64  `json:"round_id"`
	Round      string `json:"round"` // the round as people name it: 县委第一巡察组巡察县政协党组
	ProblemSeq int    `json:"problem_seq"`
	Problem    string `json:"problem"`
	Colour     Colour `json:"colour"`
	DaysLeft   int    `json:"days_left"` // days to the deadline; meaningless without one
	Leads      bool   `json:"leads"`     // he is its 责任领导
	Owns       bool   `json:"owns"`      // he is its 责任人
}

// TaskProgress is a progress entry someone else reported on a measure he
// leads: what a leader looks at.
type TaskProgress struct {
	*Progress
	Measure *TaskMeasure `json:"measure"`
}

// LookBackDays is how far back a leader is shown the progress reported on
// the measures he leads.
const LookBackDays = 7

// Tasks is what waits for one person: his measures, worst first, the
// closings he is asked to approve, the progress reported on what he leads
// in the last LookBackDays days, and the public's opinions assigned to him.
type Tasks struct {
	Measures []*TaskMeasure  `json:"measures"`
	Approve  []*TaskMeasure  `json:"approve"`
	Progress []*TaskProgress `json:"progress"`
	Opinions []*Opinion      `json:"-"` // the API says them in its own words (no contacts)
	Colours  ColourCounts    `json:"colours"`
}

// Waiting is the count shown in the menu: what he must act on — closings
// to approve, opinions to handle and overdue measures.
func (t *Tasks) Waiting() int {
	if t == nil {
		return 0
	}
	return len(t.Approve) + len(t.Opinions) + t.Colours[Red]
}

// BuildTasks sorts u's measures into his list on day today: each measure
// takes its warning colour by the unit's settings (MeasureColour, as the
// warnings do); measures that name him neither as leader nor as owner are
// left out. Unfinished measures come first, the worst colour, then the
// nearest deadline; progress newest first.
func BuildTasks(u *User, set Settings, today Date, measures []*TaskMeasure, progress []*TaskProgress, opinions []*Opinion) *Tasks {
	t := &Tasks{Measures: []*TaskMeasure{}, Approve: []*TaskMeasure{}, Progress: []*TaskProgress{}, Opinions: opinions,
		Colours: ColourCounts{Green: 0, Yellow: 0, Red: 0}}
	if t.Opinions == nil {
		t.Opinions = []*Opinion{}
	}
	mine := map[int64]*TaskMeasure{}
	for _, m := range measures {
		// As the rights say (Can): a leader answers for what he leads, an
		// owner for what he owns.
		m.Leads = u.Role == RoleLeader && named(m.Leader, u)
		m.Owns = u.Role == RoleResponsible && named(m.Owner, u)
		if !m.Leads && !m.Owns {
			continue
		}
		m.Colour = MeasureColour(set, m.Measure, today)
		m.DaysLeft = 0
		if !m.Deadline.IsZero() {
			m.DaysLeft = today.DaysUntil(m.Deadline)
		}
		if m.Colour != NoColour {
			t.Colours[m.Colour]++
		}
		t.Measures = append(t.Measures, m)
		if m.Leads && m.CloseState == CloseRequested {
			t.Approve = append(t.Approve, m)
		}
		mine[m.ID] = m
	}
	sort.SliceStable(t.Measures, func(i, j int) bool { return taskBefore(t.Measures[i], t.Measures[j]) })
	sort.SliceStable(t.Approve, func(i, j int) bool { return taskBefore(t.Approve[i], t.Approve[j]) })
	since := today.AddDays(-LookBackDays)
	for _, p := range progress {
		m := mine[p.MeasureID]
		if m == nil || !m.Leads || p.Date.Before(since) || strings.TrimSpace(p.Author) == u.DisplayName {
			continue
		}
		p.Measure = m
		t.Progress = append(t.Progress, p)
	}
	sort.SliceStable(t.Progress, func(i, j int) bool {
		a, b := t.Progress[i], t.Progress[j]
		if a.Date != b.Date {
			return b.Date.Before(a.Date)
		}
		return a.ID > b.ID
	})
	return t
}

// taskBefore orders a list of tasks: open before done, then the worst
// colour, then the nearest deadline (none last), then ledger order.
func taskBefore(a, b *TaskMeasure) bool {
	if ad, bd := a.Status.Done(), b.Status.Done(); ad != bd {
		return bd
	}
	if ra, rb := colourRank[a.Colour], colourRank[b.Colour]; ra != rb {
		return ra > rb
	}
	if az, bz := a.Deadline.IsZero(), b.Deadline.IsZero(); az != bz {
		return bz
	}
	if a.Deadline != b.Deadline {
		return a.Deadline.Before(b.Deadline)
	}
	if a.RoundID != b.RoundID {
		return a.RoundID < b.RoundID
	}
	if a.ProblemSeq != b.ProblemSeq {
		return a.ProblemSeq < b.ProblemSeq
	}
	return a.Seq < b.Seq
}

// UnitRank is one unit's line in an inspection office's ranking: its
// rounds' problems, how many are done, and its measures overdue.
type UnitRank struct {
	UnitID    int64  `json:"unit_id"`
	Unit      string `json:"unit"`
	Rounds    int    `json:"rounds"`
	Problems  int    `json:"problems"`
	Completed int    `json:"completed"` // 已完成 and 长期坚持, as CompletionRate counts them
	Rate      int    `json:"rate"`      // per cent
	Overdue   int    `json:"overdue"`   // red measures
}

// RankUnits adds up rounds by unit and ranks the units (Rank). The store
// counts the same in SQL (Store.UnitRanking); this is the rule it keeps to.
func RankUnits(rounds []*RoundSummary) []*UnitRank {
	by := map[int64]*UnitRank{}
	var out []*UnitRank
	for _, s := range rounds {
		r := by[s.Round.UnitID]
		if r == nil {
			r = &UnitRank{UnitID: s.Round.UnitID, Unit: s.Round.Unit}
			by[s.Round.UnitID] = r
			out = append(out, r)
		}
		r.Rounds++
		r.Problems += s.Problems
		r.Completed += s.ProblemCounts[Completed] + s.ProblemCounts[Ongoing]
		r.Overdue += s.ColourCounts[Red]
	}
	return Rank(out)
}

// Rank sets each unit's completion rate and ranks the units: the highest
// rate first, then the fewest overdue measures, then name.
func Rank(out []*UnitRank) []*UnitRank {
	for _, r := range out {
		if r.Problems > 0 {
			r.Rate = r.Completed * 100 / r.Problems
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rate != b.Rate {
			return a.Rate > b.Rate
		}
		if a.Overdue != b.Overdue {
			return a.Overdue < b.Overdue
		}
		return a.Unit < b.Unit
	})
	return out
}

// Node is the measure as the ledger's pages show one (its days left).
func (m *TaskMeasure) Node() *MeasureNode {
	return &MeasureNode{Measure: m.Measure, Colour: m.Colour, DaysLeft: m.DaysLeft}
}
