package zhenggai

import (
	"fmt"
	"strings"
	"testing"
)

// TestBuildTasks: a person's list holds what names him in his role only,
// open before done, worst colour then nearest deadline; closings asked of
// a leader and the week's reports by others are his to look at.
func TestBuildTasks(t *testing.T) {
	today := NewDate(2020, 10, 28)
	set := DefaultSettings() // green 20 days, yellow 10
	tm := func(id int64, leader, owner string, deadline Date, st Status, cs CloseState) *TaskMeasure {
		return &TaskMeasure{Measure: &Measure{ID: id, Seq: int(id), Leader: leader, Owner: owner, Deadline: deadline, Status: st, CloseState: cs},
			RoundID: 1, ProblemSeq: 1}
	}
	all := func() []*TaskMeasure {
		return []*TaskMeasure{
			tm(1, "向建国", "覃丽", NewDate(2020, 12, 31), InProgress, CloseOpen),            // no colour
			tm(2, "向建国", " 覃丽 ", NewDate(2020, 11, 5), InProgress, CloseOpen),           // yellow, 8 days
			tm(3, "王志华", "覃丽", NewDate(2020, 10, 20), InProgress, CloseRequested),       // red, asked to close
			tm(4, "向建国", "陈伟", NewDate(2020, 11, 15), NotStarted, CloseRequested),       // green, asked of 向建国
			tm(5, "向建国", "覃丽", NewDate(2020, 9, 1), Completed, CloseAccepted),           // done
			tm(6, "向建国", "覃丽", Date{}, InProgress, CloseOpen),                           // no deadline
			tm(7, "向建国", "覃丽", NewDate(2020, 10, 1), BasicallyCompleted, CloseApproved), // approved: the office's wait
		}
	}
	progress := func() []*TaskProgress {
		return []*TaskProgress{
			{Progress: &Progress{ID: 1, MeasureID: 4, Date: NewDate(2020, 10, 27), Author: "陈伟"}},
			{Progress: &Progress{ID: 2, MeasureID: 4, Date: NewDate(2020, 10, 20), Author: "陈伟"}},  // older than a week
			{Progress: &Progress{ID: 3, MeasureID: 1, Date: NewDate(2020, 10, 28), Author: "向建国"}}, // his own
			{Progress: &Progress{ID: 4, MeasureID: 2, Date: NewDate(2020, 10, 21), Author: "覃丽"}},
			{Progress: &Progress{ID: 5, MeasureID: 99, Date: NewDate(2020, 10, 28), Author: "覃丽"}}, // not his measure
		}
	}
	ids := func(ms []*TaskMeasure) string {
		var b strings.Builder
		for _, m := range ms {
			fmt.Fprintf(&b, "%d%s ", m.ID, string(m.Colour))
		}
		return strings.TrimSpace(b.String())
	}
	for _, c := range []struct {
		name              string
		u                 *User
		measures          string
		approve           string
		progress          string
		red, yellow, wait int
	}{
		{"owner", &User{Role: RoleResponsible, DisplayName: "覃丽", LedgerName: "覃丽"},
			"3red 2yellow 7 1 6 5", "", "", 1, 1, 1},
		{"leader", &User{Role: RoleLeader, DisplayName: "向建国", LedgerName: "向建国"},
			"2yellow 4green 7 1 6 5", "4green", "[1 4]", 0, 1, 1},
		{"a leader is not an owner by name", &User{Role: RoleLeader, DisplayName: "覃丽", LedgerName: "覃丽"},
			"", "", "[]", 0, 0, 0},
		{"no ledger name", &User{Role: RoleResponsible, DisplayName: "覃丽"}, "", "", "[]", 0, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := BuildTasks(c.u, set, today, all(), progress(), nil)
			if ids(got.Measures) != c.measures || ids(got.Approve) != c.approve {
				t.Errorf("measures %q approve %q, want %q %q", ids(got.Measures), ids(got.Approve), c.measures, c.approve)
			}
			var ps []int64
			for _, p := range got.Progress {
				ps = append(ps, p.ID)
			}
			if c.progress != "" && fmt.Sprint(ps) != c.progress {
				t.Errorf("progress %v, want %s", ps, c.progress)
			}
			if got.Colours[Red] != c.red || got.Colours[Yellow] != c.yellow || got.Waiting() != c.wait || got.Opinions == nil {
				t.Errorf("colours %v waiting %d", got.Colours, got.Waiting())
			}
		})
	}
}

// TestRankUnits: units ranked by completion rate, then fewer overdue,
// then name; rounds of one unit add up.
func TestRankUnits(t *testing.T) {
	sum := func(unit int64, name string, problems, completed, ongoing, red, yellow int) *RoundSummary {
		return &RoundSummary{Round: &Round{UnitID: unit, Unit: name}, Problems: problems,
			ProblemCounts: StatusCounts{Completed: completed, Ongoing: ongoing}, ColourCounts: ColourCounts{Red: red, Yellow: yellow}}
	}
	got := RankUnits([]*RoundSummary{
		sum(1, "甲", 10, 5, 0, 3, 1), sum(2, "乙", 4, 2, 0, 1, 0), sum(1, "甲", 10, 4, 1, 0, 2),
		sum(3, "丙", 3, 3, 0, 0, 0), sum(4, "丁", 0, 0, 0, 2, 0), sum(5, "戊", 6, 3, 0, 1, 0),
	})
	var b strings.Builder
	for _, r := range got {
		fmt.Fprintf(&b, "%s:%d/%d=%d%%,%d,%d ", r.Unit, r.Completed, r.Problems, r.Rate, r.Overdue, r.Rounds)
	}
	want := "丙:3/3=100%,0,1 乙:2/4=50%,1,1 戊:3/6=50%,1,1 甲:10/20=50%,3,2 丁:0/0=0%,2,1 "
	if b.String() != want {
		t.Errorf("ranking\n got %s\nwant %s", b.String(), want)
	}
}

// TestFilterPersonCategory: the table narrows to the measures kept and
// their problems; a category alone keeps its problems whole, bare ones too.
func TestFilterPersonCategory(t *testing.T) {
	today := NewDate(2020, 10, 28)
	r := &Round{ID: 1}
	cats := []*Category{{ID: 1, Seq: 1, Title: "甲"}, {ID: 2, Seq: 2, Title: "乙"}}
	probs := []*Problem{{ID: 1, CategoryID: 1, Seq: 1}, {ID: 2, CategoryID: 1, Seq: 2}, {ID: 3, CategoryID: 2, Seq: 3}}
	ms := []*Measure{
		{ID: 1, ProblemID: 1, Seq: 1, Leader: "向建国", Owner: "覃丽", Status: InProgress, Deadline: NewDate(2020, 10, 1)},
		{ID: 2, ProblemID: 1, Seq: 2, Leader: "王志华", Owner: "陈伟", Status: Completed, Deadline: NewDate(2020, 10, 1)},
		{ID: 3, ProblemID: 3, Seq: 1, Leader: "向建国", Owner: "陈伟", Status: NotStarted, Deadline: NewDate(2020, 11, 1)},
	}
	l := BuildLedger(r, DefaultSettings(), today, cats, probs, ms)
	shown := func(cs []*CategoryNode) string {
		var b strings.Builder
		for _, c := range cs {
			for _, p := range c.Problems {
				fmt.Fprintf(&b, "p%d[", p.ID)
				for _, m := range p.Measures {
					fmt.Fprintf(&b, "m%d", m.ID)
				}
				b.WriteString("] ")
			}
		}
		return strings.TrimSpace(b.String())
	}
	for _, c := range []struct {
		f    Filter
		want string
	}{
		{Filter{}, "p1[m1m2] p2[] p3[m3]"},
		{Filter{Status: InProgress}, "p1[m1m2]"},
		{Filter{Colour: Red}, "p1[m1]"},
		{Filter{Colour: Yellow}, "p3[m3]"},
		{Filter{Person: "陈伟"}, "p1[m2] p3[m3]"},
		{Filter{Person: " 向 "}, "p1[m1] p3[m3]"},
		{Filter{Owner: "陈"}, ""},
		{Filter{Category: 1}, "p1[m1m2] p2[]"},
		{Filter{Category: 1, Person: "陈"}, "p1[m2]"},
		{Filter{Status: NotStarted, Category: 1}, "p2[]"},
		{Filter{Status: Ongoing}, ""},
	} {
		if got := shown(l.Filtered(c.f)); got != c.want {
			t.Errorf("%+v: %q, want %q", c.f, got, c.want)
		}
	}
	if shown(l.Categories) != "p1[m1m2] p2[] p3[m3]" {
		t.Error("filtering changed the ledger")
	}
}
