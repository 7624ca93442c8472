package store_test

import (
	"context"
	"maps"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestRoundCountsFollowEveryWrite: the per-round status counts the store
// keeps (round_counts) are, after each kind of write that moves a
// problem's status, those the round's ledger derives from its measures;
// a write that fails leaves them as they were.
func TestRoundCountsFollowEveryWrite(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		today := zhenggai.NewDate(2026, 11, 27)
		r, c, p, ms := seedRound(t, st)
		same := func(step string) {
			t.Helper()
			got, err := st.RoundSummaries(ctx, zhenggai.Scope{Unit: r.UnitID}, today)
			if err != nil || len(got) != 1 {
				t.Fatalf("%s: %v %v", step, got, err)
			}
			l, err := st.Ledger(ctx, r.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			if got[0].Problems != l.Summary.Problems || !maps.Equal(got[0].ProblemCounts, l.Summary.ProblemCounts) {
				t.Errorf("%s: kept %d %v, ledger %d %v", step, got[0].Problems, got[0].ProblemCounts,
					l.Summary.Problems, l.Summary.ProblemCounts)
			}
			if drift, err := st.RoundCountsDrift(context.Background()); err != nil || len(drift) != 0 {
				t.Errorf("%s: drift %v %v", step, drift, err)
			}
		}
		same("seeded")
		p2 := &zhenggai.Problem{CategoryID: c.ID, Seq: p.Seq + 1, Title: "新增的问题"}
		if err := st.CreateProblem(ctx, p2); err != nil {
			t.Fatal(err)
		}
		same("problem created")
		m := &zhenggai.Measure{ProblemID: p2.ID, Seq: 1, Content: "新措施", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		same("measure created")
		m0, err := st.Measure(ctx, ms[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SetMeasureStatus(ctx, m0.ID, m0.Version, zhenggai.InProgress); err != nil {
			t.Fatal(err)
		}
		same("status set")
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: today, Content: "已开展", Status: zhenggai.BasicallyCompleted}, 1); err != nil {
			t.Fatal(err)
		}
		same("progress with a status")
		before, _ := st.RoundSummaries(ctx, zhenggai.Scope{Unit: r.UnitID}, today)
		// Refused: a stale version. Nothing changes, counts included.
		if err := st.SetMeasureStatus(ctx, ms[1].ID, 99, zhenggai.BasicallyCompleted); err == nil {
			t.Fatal("stale save accepted")
		}
		after, _ := st.RoundSummaries(ctx, zhenggai.Scope{Unit: r.UnitID}, today)
		if !maps.Equal(before[0].ProblemCounts, after[0].ProblemCounts) {
			t.Errorf("a refused write moved the counts: %v → %v", before[0].ProblemCounts, after[0].ProblemCounts)
		}
		same("refused write")
		imp, err := st.ImportRound(ctx, &zhenggai.Imported{
			Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "另一单位", Kind: zhenggai.KindInspection},
			Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
				{Seq: 1, Title: "问题", Measures: []zhenggai.ImportedMeasure{{Content: "甲", Status: zhenggai.Completed}, {Content: "乙"}}},
				{Seq: 2, Title: "问题二", Measures: []zhenggai.ImportedMeasure{{Content: "丙", Status: zhenggai.Completed}}}}}},
		}, "")
		if err != nil {
			t.Fatal(err)
		}
		got, _ := st.RoundSummaries(ctx, zhenggai.Scope{All: true}, today)
		for _, rs := range got {
			if rs.Round.ID == imp.ID && (rs.Problems != 2 || rs.ProblemCounts[zhenggai.Completed] != 1) {
				t.Errorf("imported round: %d %v", rs.Problems, rs.ProblemCounts)
			}
		}
		same("import")
	})
}
