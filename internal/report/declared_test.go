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

// TestCheckDeclaredOutcomes: a report's declared outcomes are held against
// the measures' as they stand (outcomes have no history), as of the
// report's date or without one; only the figures it stated are compared.
func TestCheckDeclaredOutcomes(t *testing.T) {
	env := testkit.Open(t)
	r := demoRound(t, env)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	l, err := env.Store.Ledger(ctx, r.ID, zhenggai.NewDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	for _, asOf := range []zhenggai.Date{seedDate, {}} {
		for _, c := range []struct {
			declared zhenggai.Outcomes
			want     []string
		}{
			{zhenggai.Outcomes{Rules: 14, RefundedFen: 386_000, Talks: 3}, nil},
			{zhenggai.Outcomes{Rules: 12, RefundedFen: 500_000, Disciplinary: 1}, []string{"公布建立完善制度12项，逐项统计为14项",
				"公布清退违规资金5000元，逐项统计为3860元", "公布党纪政务处分1人，逐项统计为0人"}},
		} {
			// The ledger is shared: the declared figures go on copies.
			round := *l.Round
			round.Declared.AsOf, round.Declared.Outcomes = asOf, c.declared
			if asOf.IsZero() {
				round.Declared = zhenggai.Declared{Outcomes: c.declared}
			}
			lc := *l
			lc.Round = &round
			lc.Summary.Mismatches = zhenggai.Mismatches(round.Declared, lc.Summary)
			got, err := report.CheckDeclared(ctx, env.Store, &lc)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got.Mismatches, "；") != strings.Join(c.want, "；") {
				t.Errorf("as of %q, declared %+v: %q, want %q", asOf, c.declared, got.Mismatches, c.want)
			}
		}
	}
}
