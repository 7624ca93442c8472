package store_test

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestRecordedStatus: an imported ledger's statuses are kept per problem
// as 原台账记载, counted in the round's totals, and never a closing: the
// problems stay open and have no closing step. The office accepts those
// recorded as done in bulk with a reason (none, or a problem the ledger
// did not record as done, is refused and writes nothing); each then has its step, its
// measures are 已完成, and nothing is left to accept. The log verifies.
func TestRecordedStatus(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testRecordedStatus(t, env.Store) })
}

func testRecordedStatus(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
	r, err := st.ImportRound(ctx, &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "某单位", Kind: zhenggai.KindInspection,
			FeedbackDate: zhenggai.NewDate(2019, 7, 1)},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
			{Seq: 1, Title: "会议记录不规范", Measures: []zhenggai.ImportedMeasure{{Content: "规范记录", Status: zhenggai.Completed}}},
			{Seq: 2, Title: "档案不全", Measures: []zhenggai.ImportedMeasure{
				{Content: "补齐档案", Status: zhenggai.Completed}, {Content: "建立制度", Status: zhenggai.BasicallyCompleted}}},
			{Seq: 3, Title: "未记载完成情况", Measures: []zhenggai.ImportedMeasure{{Content: "整改"}}},
			{Seq: 4, Title: "只有问题的完成情况", Status: zhenggai.Completed, Measures: []zhenggai.ImportedMeasure{}},
		}}},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	probs, err := st.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []zhenggai.Status{zhenggai.Completed, zhenggai.BasicallyCompleted, "", zhenggai.Completed}
	for i, p := range probs {
		if p.RecordedStatus != want[i] || (want[i] != "") != strings.HasPrefix(p.RecordedSource, "原台账记载") || p.CloseState != zhenggai.CloseOpen {
			t.Errorf("problem %d: recorded %q from %q, close state %q", p.Seq, p.RecordedStatus, p.RecordedSource, p.CloseState)
		}
		if steps, _ := st.CloseSteps(ctx, p.ID); len(steps) != 0 {
			t.Errorf("problem %d has closing steps: %+v", p.Seq, steps)
		}
	}
	l, err := st.Ledger(ctx, r.ID, zhenggai.NewDate(2020, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	// Counted as recorded: 1 and 4 completed (4 has no measure of its own).
	if c := l.Summary.ProblemCounts; c[zhenggai.Completed] != 2 || c[zhenggai.BasicallyCompleted] != 1 || c[zhenggai.NotStarted] != 1 {
		t.Errorf("counts %v", c)
	}
	if n := l.Problem(probs[3].ID); !n.Recorded || n.Status != zhenggai.Completed {
		t.Errorf("problem 4: recorded %v, status %s", n.Recorded, n.Status)
	}

	if _, err := st.AcceptRecorded(ctx, r.ID, nil, "巡察办甲", " "); code(err) != zhenggai.EINVALID {
		t.Errorf("accepted without a reason: %v", err)
	}
	if _, err := st.AcceptRecorded(ctx, r.ID, []int64{probs[0].ID, probs[2].ID}, "巡察办甲", "经核对"); code(err) != zhenggai.ECONFLICT {
		t.Errorf("accepted a problem without a recorded status: %v", err)
	}
	if p, _ := st.Problem(ctx, probs[0].ID); p.CloseState != zhenggai.CloseOpen {
		t.Errorf("a refused bulk acceptance closed problem 1: %s", p.CloseState)
	}
	// Only what the ledger recorded as done waits for acceptance.
	queue, err := st.RecordedAcceptance(ctx, zhenggai.Scope{All: true})
	if err != nil || len(queue) != 2 {
		t.Fatalf("queue: %d %v", len(queue), err)
	}
	steps, err := st.AcceptRecorded(ctx, r.ID, nil, "巡察办甲", "经核对原台账和佐证材料，整改已完成")
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != 2 || steps[0].Action != zhenggai.CloseAcceptRecorded || steps[0].Reason != "经核对原台账和佐证材料，整改已完成" {
		t.Fatalf("steps: %+v", steps)
	}
	if _, err := st.AcceptRecorded(ctx, r.ID, []int64{probs[1].ID}, "巡察办甲", "经核对"); code(err) != zhenggai.ECONFLICT {
		t.Errorf("accepted a problem recorded as 基本完成: %v", err)
	}
	for _, i := range []int{0, 3} {
		p, _ := st.Problem(ctx, probs[i].ID)
		cs, _ := st.CloseSteps(ctx, p.ID)
		if p.CloseState != zhenggai.CloseAccepted || len(cs) != 1 || cs[0].By != "巡察办甲" {
			t.Errorf("problem %d after acceptance: %s, steps %+v", p.Seq, p.CloseState, cs)
		}
	}
	ms, _ := st.ProblemMeasures(ctx, probs[0].ID)
	for _, m := range ms {
		if m.Status != zhenggai.Completed {
			t.Errorf("measure %q after acceptance: %s", m.Content, m.Status)
		}
	}
	if _, err := st.AcceptRecorded(ctx, r.ID, nil, "巡察办甲", "再验收"); code(err) != zhenggai.ECONFLICT {
		t.Errorf("nothing left, yet: %v", err)
	}
	if queue, _ := st.RecordedAcceptance(ctx, zhenggai.Scope{All: true}); len(queue) != 0 {
		t.Errorf("queue after acceptance: %d", len(queue))
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("audit: %+v", rep.Problems)
	}
}
