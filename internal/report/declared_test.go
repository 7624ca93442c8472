package report_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/report"
	"zhenggai/internal/testkit"
)

// TestCheckDeclared: the seed's declared totals (as of 2020年10月28日) agree
// with the demo's data as of that date, and still do after a problem is
// closed today; a declared figure the data of that date do not bear out
// is named.
func TestCheckDeclared(t *testing.T) {
	env := testkit.Open(t)
	r := demoRound(t, env)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	today := zhenggai.NewDate(2026, 11, 27)
	check := func(step string, want ...string) {
		t.Helper()
		l, err := env.Store.Ledger(ctx, r.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		c, err := report.CheckDeclared(ctx, env.Store, l)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(c.Mismatches, "；") != strings.Join(want, "；") {
			t.Errorf("%s: mismatches %q, want %q", step, c.Mismatches, want)
		}
	}
	check("demo")

	// Close problem 36 today: its last measure asked, approved, accepted.
	l, _ := env.Store.Ledger(ctx, r.ID, today)
	var p *zhenggai.ProblemNode
	for _, c := range l.Categories {
		for _, pn := range c.Problems {
			if pn.Seq == 36 {
				p = pn
			}
		}
	}
	last := p.Measures[len(p.Measures)-1]
	for _, a := range []zhenggai.CloseAction{zhenggai.CloseRequest, zhenggai.CloseApprove} {
		if _, err := env.Store.CloseMeasure(ctx, last.ID, a, "test", ""); err != nil {
			t.Fatal(a, err)
		}
	}
	if _, err := env.Store.CloseProblem(ctx, p.ID, zhenggai.CloseAccept, "test", ""); err != nil {
		t.Fatal(err)
	}
	if l, _ := env.Store.Ledger(ctx, r.ID, today); l.Summary.ProblemCounts[zhenggai.Completed] != 36 {
		t.Fatalf("after the closing: %v", l.Summary.ProblemCounts)
	}
	check("progress since the report is no disagreement")

	round, _ := env.Store.Round(ctx, r.ID)
	round.Declared.Completed, round.Declared.BasicallyCompleted = 30, 8
	if err := env.Store.UpdateRound(ctx, round); err != nil {
		t.Fatal(err)
	}
	check("figures the data of that date do not bear out", "公布已完成整改30个，逐项统计为35个", "公布基本完成整改8个，逐项统计为3个")
}
