package zhenggai

import (
	"reflect"
	"testing"
)

// fixture: two categories, three problems, five measures.
func fixture(today Date) (*Round, []*Category, []*Problem, []*Measure) {
	r := &Round{ID: 1, Declared: Declared{Categories: 2, Problems: 3, Completed: 2, BasicallyCompleted: 1}}
	cats := []*Category{{ID: 11, Seq: 2, Title: "乙"}, {ID: 10, Seq: 1, Title: "甲"}}
	probs := []*Problem{
		{ID: 21, CategoryID: 10, Seq: 2, Title: "二"},
		{ID: 20, CategoryID: 10, Seq: 1, Title: "一"},
		{ID: 22, CategoryID: 11, Seq: 3, Title: "三"},
		{ID: 29, CategoryID: 99, Seq: 9, Title: "orphan"},
	}
	ms := []*Measure{
		{ID: 30, ProblemID: 20, Seq: 1, Status: Completed, Owner: "甲某", Deadline: today.AddDays(-10)},
		{ID: 31, ProblemID: 20, Seq: 2, Status: InProgress, Owner: "乙某", Deadline: today.AddDays(-1)},
		{ID: 32, ProblemID: 21, Seq: 1, Status: NotStarted, Owner: "甲某", Deadline: today.AddDays(5)},
		{ID: 33, ProblemID: 22, Seq: 1, Status: BasicallyCompleted, Owner: "丙某", Deadline: today.AddDays(15)},
		{ID: 34, ProblemID: 22, Seq: 2, Status: Completed, Owner: "丙某"},
	}
	return r, cats, probs, ms
}

func TestBuildLedger(t *testing.T) {
	today := NewDate(2020, 10, 1)
	r, cats, probs, ms := fixture(today)
	l := BuildLedger(r, DefaultSettings(), today, cats, probs, ms)
	if l.Categories[0].Seq != 1 || l.Categories[1].Seq != 2 {
		t.Fatalf("categories not in order")
	}
	p1 := l.Problem(20)
	if p1.Status != InProgress || p1.Colour != Red {
		t.Errorf("problem 1: %s %s, want in_progress red", p1.Status, p1.Colour)
	}
	if p2 := l.Problem(21); p2.Status != NotStarted || p2.Colour != Yellow {
		t.Errorf("problem 2: %s %s", p2.Status, p2.Colour)
	}
	if p3 := l.Problem(22); p3.Status != BasicallyCompleted || p3.Colour != Green {
		t.Errorf("problem 3: %s %s", p3.Status, p3.Colour)
	}
	if l.Problem(29) != nil {
		t.Error("a problem without its category was kept")
	}
	s := l.Summary
	if s.Categories != 2 || s.Problems != 3 || s.Measures != 5 {
		t.Errorf("summary counts %+v", s)
	}
	if s.ProblemCounts[InProgress] != 1 || s.ProblemCounts[NotStarted] != 1 || s.ProblemCounts[BasicallyCompleted] != 1 {
		t.Errorf("problem counts %v", s.ProblemCounts)
	}
	if s.ColourCounts[Red] != 1 || s.ColourCounts[Yellow] != 1 || s.ColourCounts[Green] != 1 {
		t.Errorf("colour counts %v", s.ColourCounts)
	}
	if s.CompletionRate != 0 {
		t.Errorf("rate %d", s.CompletionRate)
	}
	want := []string{"公布已完成整改2个，逐项统计为0个"}
	if !reflect.DeepEqual(s.Mismatches, want) {
		t.Errorf("mismatches %q, want %q", s.Mismatches, want)
	}
	if got := l.Owners(); !reflect.DeepEqual(got, []string{"丙某", "乙某", "甲某"}) {
		t.Errorf("owners %v", got)
	}
}

func TestMismatches(t *testing.T) {
	counts := func(c, b, o int) StatusCounts {
		s := NewStatusCounts()
		s[Completed], s[BasicallyCompleted], s[Ongoing] = c, b, o
		return s
	}
	tests := []struct {
		name string
		d    Declared
		s    Summary
		want []string
	}{
		{"nothing declared", Declared{}, Summary{Categories: 3, Problems: 9, ProblemCounts: counts(1, 0, 0)}, nil},
		{"seed agrees", Declared{Categories: 14, Problems: 38, Completed: 35, BasicallyCompleted: 3},
			Summary{Categories: 14, Problems: 38, ProblemCounts: counts(35, 3, 0)}, nil},
		{"ongoing counts as completed", Declared{Problems: 38, Completed: 35, BasicallyCompleted: 3},
			Summary{Problems: 38, ProblemCounts: counts(30, 3, 5)}, nil},
		{"fewer problems parsed", Declared{Categories: 14, Problems: 38},
			Summary{Categories: 14, Problems: 37, ProblemCounts: counts(0, 0, 0)}, []string{"公布具体问题38个，逐项统计为37个"}},
		{"statuses disagree", Declared{Problems: 38, Completed: 35, BasicallyCompleted: 3},
			Summary{Problems: 38, ProblemCounts: counts(30, 8, 0)},
			[]string{"公布已完成整改35个，逐项统计为30个", "公布基本完成整改3个，逐项统计为8个"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mismatches(tt.d, tt.s); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFiltered(t *testing.T) {
	today := NewDate(2020, 10, 1)
	r, cats, probs, ms := fixture(today)
	l := BuildLedger(r, DefaultSettings(), today, cats, probs, ms)
	count := func(cs []*CategoryNode) (p, m int) {
		for _, c := range cs {
			p += len(c.Problems)
			for _, pn := range c.Problems {
				m += len(pn.Measures)
			}
		}
		return
	}
	tests := []struct {
		name         string
		f            Filter
		problems, ms int
	}{
		{"all", Filter{}, 3, 5},
		{"status", Filter{Status: BasicallyCompleted}, 1, 2},
		{"owner", Filter{Owner: "甲某"}, 2, 2},
		{"colour", Filter{Colour: Red}, 1, 1},
		{"owner and colour", Filter{Owner: "甲某", Colour: Yellow}, 1, 1},
		{"nobody", Filter{Owner: "无名"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, m := count(l.Filtered(tt.f))
			if p != tt.problems || m != tt.ms {
				t.Errorf("got %d problems %d measures, want %d %d", p, m, tt.problems, tt.ms)
			}
		})
	}
	if p, m := count(l.Categories); p != 3 || m != 5 {
		t.Error("filtering changed the ledger")
	}
}
