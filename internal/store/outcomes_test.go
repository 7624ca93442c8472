package store_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// outcome is what the tests record on a measure.
func outcome(m *zhenggai.Measure) {
	m.RuleNames = []string{"档案管理制度", "党费收缴、使用和管理办法"}
	m.RefundedFen, m.RecoveredFen, m.SavedFen = 386_000, 231_640, 1
	m.Talks, m.Organisational, m.Disciplinary = 3, 1, 2
}

func sameOutcome(a, b *zhenggai.Measure) bool {
	return reflect.DeepEqual(a.RuleNames, b.RuleNames) && a.Outcomes() == b.Outcomes()
}

// TestMeasureOutcomes: what a measure produced is written, read back,
// summed into the round's ledger, audited (history shows it; a change
// behind the program's back is caught) and survives a reopen; a bad
// figure writes nothing.
func TestMeasureOutcomes(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testMeasureOutcomes)
}

func testMeasureOutcomes(t *testing.T, env *testkit.Env) {
	st := env.Store
	ctx := context.Background()
	r, _, p, ms := seedRound(t, st)
	if got, _ := st.Measure(ctx, ms[0].ID); got.RuleNames == nil || len(got.RuleNames) != 0 || !got.Outcomes().IsZero() {
		t.Errorf("a measure without outcomes reads back as %q %+v", got.RuleNames, got.Outcomes())
	}
	m := ms[0]
	outcome(m)
	if err := st.UpdateMeasure(actx(), m); err != nil {
		t.Fatal(err)
	}
	created := &zhenggai.Measure{ProblemID: p.ID, Seq: 3, Content: "修订完善财务管理制度", Kind: zhenggai.MeasureMechanism,
		Status: zhenggai.NotStarted, RuleNames: []string{"财务管理制度", "档案管理制度"}, RefundedFen: 14_000, Talks: 1}
	if err := st.CreateMeasure(actx(), created); err != nil {
		t.Fatal(err)
	}
	for _, want := range []*zhenggai.Measure{m, created} {
		if got, err := st.Measure(ctx, want.ID); err != nil || !sameOutcome(got, want) {
			t.Errorf("measure %d read back as %q %+v, %v", want.ID, got.RuleNames, got.Outcomes(), err)
		}
	}

	// A negative amount is refused and nothing changes.
	bad := *m
	bad.RefundedFen, bad.Talks = -1, -2
	err := st.UpdateMeasure(actx(), &bad)
	if code(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "清退违规资金不能为负数") {
		t.Errorf("negative refund: %v", err)
	}
	if got, _ := st.Measure(ctx, m.ID); !sameOutcome(got, m) || got.Version != m.Version {
		t.Errorf("a refused save changed the measure: %+v", got)
	}

	st.Close()
	st = env.OpenStore(t)
	l, err := st.Ledger(ctx, r.ID, zhenggai.NewDate(2020, 9, 25))
	if err != nil {
		t.Fatal(err)
	}
	want := zhenggai.Outcomes{Rules: 3, RefundedFen: 400_000, RecoveredFen: 231_640, SavedFen: 1, Talks: 4, Organisational: 1, Disciplinary: 2}
	if l.Summary.Outcomes != want {
		t.Errorf("ledger outcomes %+v, want %+v", l.Summary.Outcomes, want)
	}
	if !reflect.DeepEqual(l.Summary.RuleNames, []string{"档案管理制度", "党费收缴、使用和管理办法", "财务管理制度"}) {
		t.Errorf("rule names %q", l.Summary.RuleNames)
	}

	// The audit trail holds the figures as written.
	h, err := st.History(ctx, "measures", m.ID)
	if err != nil || len(h) != 2 {
		t.Fatalf("history %v %v", h, err)
	}
	before, after := h[1].Rows()
	if got := stringOf(before["refunded_fen"]); got != "0" {
		t.Errorf("refunded_fen before the change: %q", got)
	}
	for k, v := range map[string]string{"rule_names": "档案管理制度\n党费收缴、使用和管理办法", "refunded_fen": "386000",
		"recovered_fen": "231640", "saved_fen": "1", "talks": "3", "organisational": "1", "disciplinary": "2"} {
		if got := stringOf(after[k]); got != v {
			t.Errorf("audited %s = %q, want %q", k, got, v)
		}
	}
	mustVerify(t, st)
	if _, err := env.Raw(t).Exec(`UPDATE measures SET recovered_fen = 1 WHERE id = ?`, m.ID); err != nil {
		t.Fatal(err)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problems[0].Message, "recovered_fen") {
		t.Errorf("an amount changed behind the program's back: %+v", rep.Problems)
	}
}

func stringOf(v any) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// TestImportedOutcomes: both ways a round is written whole (an import,
// and the bulk writer that gen uses) keep what each measure produced.
func TestImportedOutcomes(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportedOutcomes(t, env.Store) })
}

func testImportedOutcomes(t *testing.T, st *store.Store) {
	ctx := context.Background()
	im := &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第一巡察组", Unit: "某局党组", Kind: zhenggai.KindInspection},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "财经纪律执行不严", Problems: []zhenggai.ImportedProblem{{
			Seq: 1, Title: "超标准发放补贴",
			Measures: []zhenggai.ImportedMeasure{
				{Content: "清退超标准发放的补贴", RefundedFen: 1_260_000, Talks: 2},
				{Content: "修订完善财务管理制度", RuleNames: []string{"财务管理制度"}, Kind: zhenggai.MeasureMechanism},
				{Content: "追回违规报销资金", RecoveredFen: 50_050, SavedFen: 7, Organisational: 1, Disciplinary: 1},
			},
		}}}},
	}
	r, err := st.ImportRound(actx(), im, "")
	if err != nil {
		t.Fatal(err)
	}
	b := &store.BulkRound{Round: zhenggai.Round{Unit: "某局党组", Inspector: "县委第二巡察组"},
		Categories: []store.BulkCategory{{Category: zhenggai.Category{Seq: 1, Title: "财经纪律执行不严"},
			Problems: []store.BulkProblem{{Problem: zhenggai.Problem{Seq: 1, Title: "超标准发放补贴"},
				Measures: []store.BulkMeasure{
					{Measure: zhenggai.Measure{Seq: 1, Content: "清退超标准发放的补贴", RefundedFen: 1_260_000, Talks: 2}},
					{Measure: zhenggai.Measure{Seq: 2, Content: "修订完善财务管理制度", RuleNames: []string{"财务管理制度"},
						Kind: zhenggai.MeasureMechanism, Status: zhenggai.Ongoing, Mechanism: "《财务管理制度》", ReportEvery: 90}},
					{Measure: zhenggai.Measure{Seq: 3, Content: "追回违规报销资金", RecoveredFen: 50_050, SavedFen: 7, Organisational: 1, Disciplinary: 1}},
				}}}}}}
	if err := st.ImportRoundWithProgress(actx(), b); err != nil {
		t.Fatal(err)
	}
	want := zhenggai.Outcomes{Rules: 1, RefundedFen: 1_260_000, RecoveredFen: 50_050, SavedFen: 7, Talks: 2, Organisational: 1, Disciplinary: 1}
	for _, id := range []int64{r.ID, b.Round.ID} {
		l, err := st.Ledger(ctx, id, zhenggai.NewDate(2020, 9, 25))
		if err != nil {
			t.Fatal(err)
		}
		if l.Summary.Outcomes != want || !reflect.DeepEqual(l.Summary.RuleNames, []string{"财务管理制度"}) {
			t.Errorf("round %d: %+v %q", id, l.Summary.Outcomes, l.Summary.RuleNames)
		}
	}
	// The bulk writer keeps a 长期坚持 measure's mechanism too.
	ms, _ := st.Measures(ctx, b.Round.ID)
	if len(ms) != 3 || ms[1].Mechanism != "《财务管理制度》" || ms[1].ReportEvery != 90 {
		t.Errorf("bulk measure %+v", ms[1])
	}
	// A bad figure in an import refuses the whole round.
	im.Round.Inspector = "县委第三巡察组"
	im.Categories[0].Problems[0].Measures[2].SavedFen = -1
	if _, err := st.ImportRound(actx(), im, ""); code(err) != zhenggai.EINVALID || !strings.Contains(err.Error(), "挽回经济损失不能为负数") {
		t.Errorf("import with a negative amount: %v", err)
	}
	mustVerify(t, st)
}

// TestCopyKeepsOutcomes: migrate-data carries the figures over, between
// every pair of backends (subtests source/target), and the copy verifies.
func TestCopyKeepsOutcomes(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, from *testkit.Env) {
		src := from.Store
		_, _, _, ms := seedRound(t, src)
		outcome(ms[1])
		if err := src.UpdateMeasure(actx(), ms[1]); err != nil {
			t.Fatal(err)
		}
		testkit.EachBackend(t, func(t *testing.T, to *testkit.Env) {
			dst := to.Store
			if _, err := src.CopyInto(context.Background(), dst, nil); err != nil {
				t.Fatal(err)
			}
			got, err := dst.Measure(context.Background(), ms[1].ID)
			if err != nil || !sameOutcome(got, ms[1]) {
				t.Errorf("copied measure %q %+v, %v", got.RuleNames, got.Outcomes(), err)
			}
			mustVerify(t, dst)
		})
	})
}
