package store_test

import (
	"context"
	"maps"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

// TestRoundSummariesAgreeWithLedger: the figures derived in SQL for a list
// of rounds are those BuildLedger derives in Go, for every scope.
func TestRoundSummariesAgreeWithLedger(t *testing.T) {
	env := testkit.Open(t)
	st, files := env.Store, env.Files
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	today := zhenggai.NewDate(2026, 11, 27)
	r1, err := demo.Load(ctx, st, files, today)
	if err != nil {
		t.Fatal(err)
	}
	office := &zhenggai.Unit{Name: "市委巡察办"}
	st.SaveUnit(ctx, office)
	st.SaveUnit(ctx, &zhenggai.Unit{ID: r1.UnitID, Name: r1.Unit, ParentID: office.ID})
	// A second unit elsewhere, with its own thresholds and a problem
	// without measures.
	r2 := &zhenggai.Round{Unit: "乙单位", Inspector: "县委第二巡察组", Kind: zhenggai.KindInspection, FeedbackDate: zhenggai.NewDate(2021, 3, 1)}
	if err := st.CreateRound(ctx, r2); err != nil {
		t.Fatal(err)
	}
	st.SaveSettings(ctx, r2.UnitID, zhenggai.Settings{GreenDays: 60, YellowDays: 30})
	c2 := &zhenggai.Category{RoundID: r2.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c2)
	for i, title := range []string{"有措施", "尚无措施"} {
		p := &zhenggai.Problem{CategoryID: c2.ID, Seq: i + 1, Title: title}
		if err := st.CreateProblem(ctx, p); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "措施", Kind: zhenggai.MeasureImmediate,
				Status: zhenggai.NotStarted, Deadline: today.AddDays(25)}
			if err := st.CreateMeasure(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	check := func(name string, sc zhenggai.Scope, want ...int64) {
		t.Helper()
		got, err := st.RoundSummaries(ctx, sc, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d rounds, want %d", name, len(got), len(want))
		}
		for i, rs := range got {
			if rs.Round.ID != want[i] {
				t.Errorf("%s: round %d is #%d, want #%d", name, i, rs.Round.ID, want[i])
			}
			l, err := st.Ledger(ctx, rs.Round.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			s := l.Summary
			if rs.Problems != s.Problems || !maps.Equal(rs.ProblemCounts, s.ProblemCounts) ||
				!maps.Equal(rs.ColourCounts, s.ColourCounts) || rs.CompletionRate != s.CompletionRate {
				t.Errorf("%s round #%d: SQL %d %v %v %d%%, ledger %d %v %v %d%%", name, rs.Round.ID,
					rs.Problems, rs.ProblemCounts, rs.ColourCounts, rs.CompletionRate,
					s.Problems, s.ProblemCounts, s.ColourCounts, s.CompletionRate)
			}
		}
	}
	// Newest feedback first: r2 (2021) before r1 (2020).
	check("all", zhenggai.Scope{All: true}, r2.ID, r1.ID)
	check("office", zhenggai.Scope{Office: office.ID}, r1.ID)
	check("unit", zhenggai.Scope{Unit: r2.UnitID}, r2.ID)
	check("empty office", zhenggai.Scope{Office: r2.UnitID + 1000})
	got, _ := st.RoundSummaries(ctx, zhenggai.Scope{Unit: r2.UnitID}, today)
	if got[0].ColourCounts[zhenggai.Yellow] != 1 || got[0].ProblemCounts[zhenggai.NotStarted] != 2 {
		t.Errorf("the unit's own thresholds or the problem without measures are not counted: %v %v", got[0].ColourCounts, got[0].ProblemCounts)
	}
}
