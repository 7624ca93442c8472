package demo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/demo"
	"zhenggai/internal/store"
)

// demoToday is the day the demo is loaded on in these tests.
var demoToday = zhenggai.NewDate(2026, 11, 27)

// loadDemo loads the demo into a new SQLite installation, as
// `zhenggai demo` does on demoToday.
func loadDemo(t *testing.T, ctx context.Context) (*store.Store, *attach.Dir, *zhenggai.Round) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	files, err := attach.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r, err := demo.Load(ctx, st, files, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	return st, files, r
}

func TestLoadAgreesWithTheReport(t *testing.T) {
	ctx := context.Background()
	st, files, r := loadDemo(t, ctx)
	if r.Note != demo.Note {
		t.Errorf("round not marked as sample data: %q", r.Note)
	}
	l, err := st.Ledger(ctx, r.ID, demoToday)
	if err != nil {
		t.Fatal(err)
	}
	s := l.Summary
	if s.Categories != 14 || s.Problems != 38 {
		t.Errorf("%d categories %d problems", s.Categories, s.Problems)
	}
	if s.ProblemCounts[zhenggai.Completed] != 35 || s.ProblemCounts[zhenggai.BasicallyCompleted] != 3 {
		t.Errorf("statuses %v, want 35 completed and 3 basically completed as declared", s.ProblemCounts)
	}
	if len(s.Mismatches) != 0 {
		t.Errorf("demo disagrees with its declared totals: %v", s.Mismatches)
	}
	// Sample outcomes: the rules the seed names, and invented figures.
	want := zhenggai.Outcomes{Rules: 14, RefundedFen: 386_000, RecoveredFen: 231_640, Talks: 3, Organisational: 1}
	if s.Outcomes != want || len(s.RuleNames) != 14 || s.RuleNames[0] != "谈心谈话制度" || s.RuleNames[4] != "档案管理制度" {
		t.Errorf("outcomes %+v %q, want %+v", s.Outcomes, s.RuleNames, want)
	}
	for _, c := range zhenggai.Colours {
		if s.ColourCounts[c] != 1 {
			t.Errorf("%s warnings: %d, want 1", c, s.ColourCounts[c])
		}
	}
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			for _, m := range p.Measures {
				if m.Owner == "" || m.Leader == "" || m.Office == "" || m.Deadline.IsZero() {
					t.Fatalf("problem %d measure %d lacks owner, leader, office or deadline: %+v", p.Seq, m.Seq, m.Measure)
				}
			}
		}
	}
	entries, err := st.Progress(ctx, r.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	withFiles := 0
	for _, e := range entries {
		if len(e.Files) > 0 {
			withFiles++
			f, err := files.Open(e.Files[0].SHA256)
			if err != nil {
				t.Fatalf("evidence file missing on disk: %v", err)
			}
			f.Close()
		}
	}
	if len(entries) != 2*s.Measures || withFiles != s.Measures {
		t.Errorf("%d progress entries (%d with files) for %d measures", len(entries), withFiles, s.Measures)
	}
	// 已完成 comes from an accepted close: the 35 are closed by the office,
	// each with its whole timeline; the 3 others are open.
	closed := 0
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			steps, err := st.CloseSteps(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p.CloseState != zhenggai.CloseAccepted {
				if p.Status == zhenggai.Completed {
					t.Errorf("problem %d is 已完成 without an accepted close", p.Seq)
				}
				continue
			}
			closed++
			want := 2*len(p.Measures) + 2 // request and approve per measure, submit, accept
			if len(steps) != want || steps[len(steps)-1].Action != zhenggai.CloseAccept || steps[len(steps)-1].By != demo.OfficeStaff {
				t.Errorf("problem %d: %d closing steps, want %d ending with the office's acceptance", p.Seq, len(steps), want)
			}
		}
	}
	if closed != 35 {
		t.Errorf("%d problems closed, want 35", closed)
	}
}

// TestPublishShowsTheSeedReport: the demo's report is on the public list,
// with every problem addressable for an opinion.
func TestPublishShowsTheSeedReport(t *testing.T) {
	ctx := context.Background()
	st, _, r := loadDemo(t, ctx)
	p, err := demo.Publish(ctx, st, r)
	if err != nil {
		t.Fatal(err)
	}
	live, err := st.Publications(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(live) != 1 || live[0].ID != p.ID || live[0].Unit != r.Unit {
		t.Fatalf("public list: %+v", live)
	}
	if len(p.Problems) != 38 || !strings.Contains(p.Summary, "14个问题38个具体问题") || !strings.Contains(p.Summary, "已完成整改35个") {
		t.Errorf("publication: %d problems, summary %q", len(p.Problems), p.Summary)
	}
	for _, pp := range p.Problems {
		if !strings.Contains(p.Body, fmt.Sprintf(`id="problem-%d"`, pp.ID)) {
			t.Errorf("problem %d has no element in the report", pp.ID)
		}
	}
}

// TestHistoryIsTrue: the demo publishes its report as of the seed's date,
// 2020年10月28日, on that day; everything its sample history did (the
// import, each progress entry, each closing step, and their audit
// entries) happened before it, in order, and none in the year the demo
// is run.
func TestHistoryIsTrue(t *testing.T) {
	ctx := context.Background()
	st, _, r := loadDemo(t, ctx)
	p, err := demo.Publish(ctx, st, r)
	if err != nil {
		t.Fatal(err)
	}
	seed := zhenggai.NewDate(2020, 10, 28)
	if p.AsOf != seed || zhenggai.DateOf(p.PublishedAt) != seed || !p.Public() || p.ApprovedBy == p.DraftedBy {
		t.Fatalf("publication as of %s, published %s, state %s, drafted by %q, approved by %q",
			p.AsOf, p.PublishedAt, p.State, p.DraftedBy, p.ApprovedBy)
	}
	if !strings.Contains(p.Summary, "截至2020年10月28日") {
		t.Errorf("summary %q", p.Summary)
	}
	end := p.PublishedAt
	prog, err := st.Progress(ctx, r.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(prog) == 0 {
		t.Fatal("no progress")
	}
	for _, e := range prog {
		if seed.Before(e.Date) || e.CreatedAt.After(end) || zhenggai.DateOf(e.CreatedAt) != e.Date {
			t.Errorf("progress entry of %s recorded at %s (report %s)", e.Date, e.CreatedAt, end)
		}
	}
	probs, err := st.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	steps := 0
	for _, pr := range probs {
		cs, err := st.CloseSteps(ctx, pr.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range cs {
			steps++
			if s.At.After(end) || s.At.IsZero() {
				t.Errorf("closing step %s of problem %d at %s", s.Action, pr.Seq, s.At)
			}
		}
	}
	if steps == 0 {
		t.Fatal("no closing steps")
	}
	var last time.Time
	n := 0
	err = st.AuditEntries(ctx, store.AuditQuery{}, func(e *store.AuditEntry) error {
		n++
		if e.At.Before(last) {
			t.Errorf("audit entry %d (%s %s) at %s, before the one above it at %s", e.ID, e.Action, e.Entity, e.At, last)
		}
		if e.At.After(end) || e.At.Year() >= 2026 {
			t.Errorf("audit entry %d (%s %s) at %s, after the report of %s", e.ID, e.Action, e.Entity, e.At, end)
		}
		last = e.At
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("audit: %d entries, %v", n, err)
	}
}

// TestDemoUnitFullName: the demo's unit carries the seed's signature as
// its full name, and the demo's office's account imports a report naming
// it so without a question.
func TestDemoUnitFullName(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	st, _, r := loadDemo(t, ctx)
	if _, err := demo.Accounts(ctx, st, r); err != nil {
		t.Fatal(err)
	}
	u, err := st.Unit(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "桑植县政协党组" || u.FullName != "中共政协桑植县委员会党组" {
		t.Errorf("demo unit %q, full name %q; want the seed's signature as the full name", u.Name, u.FullName)
	}
	found, err := st.UnitNamed(ctx, "中共政协桑植县委员会党组")
	if err != nil || found.ID != r.UnitID {
		t.Errorf("the full name finds %+v, %v", found, err)
	}
}

// TestDemoRoster: the demo's leaders and owners make its unit's roster,
// and its measures and accounts are theirs.
func TestDemoRoster(t *testing.T) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	st, _, r := loadDemo(t, ctx)
	if _, err := demo.Accounts(ctx, st, r); err != nil {
		t.Fatal(err)
	}
	roster, err := st.Persons(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*zhenggai.Person{}
	for _, p := range roster {
		ids[p.Name] = p
	}
	if p := ids["向建国"]; p == nil || p.Kind != zhenggai.PersonLeader || ids["覃丽"] == nil || ids["覃丽"].Kind != zhenggai.PersonStaff {
		t.Fatalf("roster: %v", roster)
	}
	ms, err := st.Measures(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.LeaderID != ids[m.Leader].ID || m.OwnerID != ids[m.Owner].ID {
			t.Fatalf("measure %d (%s, %s) not linked: %d %d", m.ID, m.Leader, m.Owner, m.LeaderID, m.OwnerID)
		}
	}
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, u := range users {
		if u.PersonID != 0 {
			linked++
			if p := ids[u.DisplayName]; p == nil || p.ID != u.PersonID {
				t.Errorf("account %s linked to %d", u.Name, u.PersonID)
			}
		}
	}
	if linked == 0 {
		t.Error("no demo account is linked to its person")
	}
}

// TestDemoRegisters: the demo carries the seed unit's five years of sample
// registers, its people on the unit's roster once each.
func TestDemoRegisters(t *testing.T) {
	ctx := context.Background()
	st, _, r := loadDemo(t, ctx)
	for table, atLeast := range map[string]int64{"meetings": 138, "meeting_statements": 500, "vouchers": 900,
		"voucher_lines": 3500, "voucher_imports": 1, "dues_members": 30, "dues_payments": 1700} {
		n, err := st.Count(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		if n < atLeast {
			t.Errorf("%s: %d rows, want at least %d", table, n, atLeast)
		}
	}
	roster, err := st.Persons(ctx, r.UnitID)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range roster {
		if seen[p.Name] {
			t.Errorf("%s twice on the roster", p.Name)
		}
		seen[p.Name] = true
	}
	if len(roster) < 40 || !seen["向建国"] || !seen["覃丽"] {
		t.Errorf("roster of %d", len(roster))
	}
}
