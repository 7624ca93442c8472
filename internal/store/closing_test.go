package store_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func TestClosing(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testClosing(t, env.Store) })
}

// testClosing walks a problem through every step of closing, with the
// refusals on the way, and checks the lock and the timeline.
func testClosing(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r, c, p, ms := seedRound(t, st)
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	refused := func(what string, err error, want string) {
		t.Helper()
		if code(err) != want {
			t.Fatalf("%s: got %v (%s), want %s", what, err, code(err), want)
		}
	}
	step := func(id int64, a zhenggai.CloseAction, by, reason string) error {
		_, err := st.CloseMeasure(ctx, id, a, by, reason)
		return err
	}
	pstep := func(a zhenggai.CloseAction, by, reason string) error {
		_, err := st.CloseProblem(ctx, p.ID, a, by, reason)
		return err
	}
	problemState := func() zhenggai.CloseState {
		t.Helper()
		got, err := st.Problem(ctx, p.ID)
		must("problem", err)
		return got.CloseState
	}

	refused("ask without evidence", step(ms[0].ID, zhenggai.CloseRequest, "覃丽", ""), zhenggai.EINVALID)
	sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, m := range ms {
		must("report", st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "已整改",
			Status: zhenggai.BasicallyCompleted, Files: []zhenggai.Attachment{{Name: "佐证.pdf", SHA256: sum, Size: 3, ContentType: "application/pdf"}}}, m.Version))
	}
	refused("approve before asking", step(ms[0].ID, zhenggai.CloseApprove, "向建国", ""), zhenggai.ECONFLICT)
	must("ask", step(ms[0].ID, zhenggai.CloseRequest, "覃丽", ""))
	refused("ask twice", step(ms[0].ID, zhenggai.CloseRequest, "覃丽", ""), zhenggai.ECONFLICT)
	asked, err := st.Measure(ctx, ms[0].ID)
	must("read", err)
	asked.Content = "换了说法的措施"
	refused("edit a measure asked to close", st.UpdateMeasure(ctx, asked), zhenggai.ELOCKED)
	refused("status of a measure asked to close", st.SetMeasureStatus(ctx, asked.ID, asked.Version, zhenggai.InProgress), zhenggai.ELOCKED)
	must("approve", step(ms[0].ID, zhenggai.CloseApprove, "向建国", ""))
	approved, err := st.Measure(ctx, ms[0].ID)
	must("read", err)
	approved.Owner = "别人"
	refused("edit an approved measure", st.UpdateMeasure(ctx, approved), zhenggai.ELOCKED)
	if problemState() != zhenggai.CloseOpen {
		t.Fatal("problem submitted with a measure not approved")
	}
	refused("accept before submission", pstep(zhenggai.CloseAccept, "巡察办", ""), zhenggai.ECONFLICT)
	must("ask 2", step(ms[1].ID, zhenggai.CloseRequest, "覃丽", ""))
	refused("return without a reason", step(ms[1].ID, zhenggai.CloseReturn, "向建国", " "), zhenggai.EINVALID)
	must("return", step(ms[1].ID, zhenggai.CloseReturn, "向建国", "佐证材料不全"))
	must("ask 2 again", step(ms[1].ID, zhenggai.CloseRequest, "覃丽", ""))
	must("approve 2", step(ms[1].ID, zhenggai.CloseApprove, "向建国", ""))
	if problemState() != zhenggai.CloseSubmitted {
		t.Fatal("problem not submitted once every measure is approved")
	}
	refused("change a request while the office decides", step(ms[1].ID, zhenggai.CloseReturn, "向建国", "x"), zhenggai.ELOCKED)
	refused("new measure while the office decides", st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 9,
		Content: "验收前新增", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}), zhenggai.ELOCKED)
	pending, err := st.PendingAcceptance(ctx, zhenggai.Scope{Unit: r.UnitID})
	must("pending", err)
	if len(pending) != 1 || pending[0].Problem.ID != p.ID || pending[0].SubmittedAt.IsZero() {
		t.Fatalf("pending acceptance: %+v", pending)
	}
	if other, _ := st.PendingAcceptance(ctx, zhenggai.Scope{Unit: r.UnitID + 100}); len(other) != 0 {
		t.Fatal("another unit sees the pending problem")
	}

	refused("reject without a reason", pstep(zhenggai.CloseReject, "巡察办", ""), zhenggai.EINVALID)
	must("reject", pstep(zhenggai.CloseReject, "巡察办", "整改不到位"))
	if problemState() != zhenggai.CloseOpen {
		t.Fatal("rejected problem not open")
	}
	for _, m := range ms {
		got, _ := st.Measure(ctx, m.ID)
		if got.CloseState != zhenggai.CloseOpen {
			t.Fatalf("measure %d still %q after rejection", m.Seq, got.CloseState)
		}
	}
	for _, m := range ms {
		must("ask after rejection", step(m.ID, zhenggai.CloseRequest, "覃丽", ""))
		must("approve after rejection", step(m.ID, zhenggai.CloseApprove, "向建国", ""))
	}
	must("accept", pstep(zhenggai.CloseAccept, "巡察办", ""))
	refused("accept twice", pstep(zhenggai.CloseAccept, "巡察办", ""), zhenggai.ELOCKED)
	l, err := st.Ledger(ctx, r.ID, zhenggai.NewDate(2020, 10, 28))
	must("ledger", err)
	if node := l.Problem(p.ID); node.Status != zhenggai.Completed || node.CloseState != zhenggai.CloseAccepted {
		t.Fatalf("accepted problem is %s / %s", node.Status, node.CloseState)
	}

	// Locked: nothing about the problem changes, whoever asks.
	m0, _ := st.Measure(ctx, ms[0].ID)
	edited := *m0
	edited.Content = "改写"
	cur, _ := st.Problem(ctx, p.ID)
	refused("edit locked problem", st.UpdateProblem(ctx, &zhenggai.Problem{ID: p.ID, CategoryID: c.ID, Seq: 1, Title: "改写", Version: cur.Version}), zhenggai.ELOCKED)
	refused("edit locked measure", st.UpdateMeasure(ctx, &edited), zhenggai.ELOCKED)
	refused("status of locked measure", st.SetMeasureStatus(ctx, m0.ID, m0.Version, zhenggai.InProgress), zhenggai.ELOCKED)
	refused("report on locked measure", st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m0.ID, Date: zhenggai.NewDate(2020, 10, 1), Content: "再报"}, m0.Version), zhenggai.ELOCKED)
	refused("new measure on locked problem", st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 3, Content: "新增", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}), zhenggai.ELOCKED)
	refused("ask on locked problem", step(m0.ID, zhenggai.CloseRequest, "覃丽", ""), zhenggai.ELOCKED)

	refused("reopen without a reason", pstep(zhenggai.CloseReopen, "办公室", ""), zhenggai.EINVALID)
	must("reopen", pstep(zhenggai.CloseReopen, "办公室", "整改成效反弹，重新整改"))
	m0, _ = st.Measure(ctx, ms[0].ID)
	if m0.Status != zhenggai.BasicallyCompleted || m0.CloseState != zhenggai.CloseOpen {
		t.Fatalf("reopened measure: %s / %q", m0.Status, m0.CloseState)
	}
	edited = *m0
	edited.Content = "改写"
	must("edit reopened measure", st.UpdateMeasure(ctx, &edited))

	steps, err := st.CloseSteps(ctx, p.ID)
	must("steps", err)
	want := []zhenggai.CloseAction{"request", "approve", "request", "return", "request", "approve", "submit", "reject",
		"request", "approve", "request", "approve", "submit", "accept", "reopen"}
	if len(steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(steps), len(want))
	}
	for i, s := range steps {
		if s.Action != want[i] || s.At.IsZero() || s.By == "" {
			t.Errorf("step %d: %+v, want %s", i, s, want[i])
		}
	}
	if steps[0].Evidence == 0 || steps[3].Reason != "佐证材料不全" || steps[7].Reason != "整改不到位" {
		t.Errorf("evidence or reasons not kept: %+v %+v %+v", steps[0], steps[3], steps[7])
	}
	mustVerify(t, st)
}

func TestStatusRules(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testStatusRules(t, env.Store) })
}

func testStatusRules(t *testing.T, st *store.Store) {
	ctx := context.Background()
	_, _, p, ms := seedRound(t, st)
	if err := st.SetMeasureStatus(ctx, ms[0].ID, ms[0].Version, zhenggai.Completed); code(err) != zhenggai.EINVALID {
		t.Fatalf("已完成 by hand: %v", err)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "完成",
		Status: zhenggai.Completed}, ms[0].Version); code(err) != zhenggai.EINVALID {
		t.Fatalf("已完成 with a report: %v", err)
	}
	if err := st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 5, Content: "x", Kind: zhenggai.MeasureImmediate,
		Status: zhenggai.Completed}); code(err) != zhenggai.EINVALID {
		t.Fatalf("new measure 已完成: %v", err)
	}
	if err := st.SetMeasureStatus(ctx, ms[0].ID, ms[0].Version, zhenggai.Ongoing); code(err) != zhenggai.EINVALID {
		t.Fatalf("长期坚持 without mechanism: %v", err)
	}
	m := *ms[1]
	m.Kind, m.Status, m.Mechanism, m.ReportEvery = zhenggai.MeasureMechanism, zhenggai.Ongoing, "《档案管理制度》", 90
	if err := st.UpdateMeasure(ctx, &m); err != nil {
		t.Fatalf("长期坚持 with mechanism and period: %v", err)
	}
	got, _ := st.Measure(ctx, m.ID)
	if got.Mechanism != "《档案管理制度》" || got.ReportEvery != 90 || got.Status != zhenggai.Ongoing {
		t.Fatalf("saved %+v", got)
	}
	// Never reported: red, until a report comes within the period.
	set := zhenggai.DefaultSettings()
	today := zhenggai.NewDate(2020, 10, 1)
	if c := zhenggai.MeasureColour(set, got, today); c != zhenggai.Red {
		t.Fatalf("unreported 长期坚持: %s", c)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 20), Content: "按制度执行"}, 0); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Measure(ctx, m.ID)
	if got.LastReport != zhenggai.NewDate(2020, 9, 20) || zhenggai.MeasureColour(set, got, today) != zhenggai.NoColour {
		t.Fatalf("reported 长期坚持: last %s colour %s", got.LastReport, zhenggai.MeasureColour(set, got, today))
	}
	if c := zhenggai.MeasureColour(set, got, zhenggai.NewDate(2020, 12, 20)); c != zhenggai.Red {
		t.Fatalf("missed re-report: %s", c)
	}
}

func TestClosedOngoingTakesReReports(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testClosedOngoingTakesReReports(t, env.Store) })
}

// testClosedOngoingTakesReReports: acceptance keeps 长期坚持, and its
// re-reports still come in on the closed problem; nothing else does.
func testClosedOngoingTakesReReports(t *testing.T, st *store.Store) {
	ctx := context.Background()
	_, _, p, ms := seedRound(t, st)
	m := *ms[0]
	m.Kind, m.Status, m.Mechanism, m.ReportEvery = zhenggai.MeasureMechanism, zhenggai.Ongoing, "《档案管理制度》", 90
	if err := st.UpdateMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, x := range ms {
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: x.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "佐证",
			Files: []zhenggai.Attachment{{Name: "a.pdf", SHA256: sum, Size: 1, ContentType: "application/pdf"}}}, 0); err != nil {
			t.Fatal(err)
		}
		for _, a := range []zhenggai.CloseAction{zhenggai.CloseRequest, zhenggai.CloseApprove} {
			if _, err := st.CloseMeasure(ctx, x.ID, a, "某人", ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := st.CloseProblem(ctx, p.ID, zhenggai.CloseAccept, "巡察办", ""); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Measure(ctx, ms[0].ID)
	if got.Status != zhenggai.Ongoing {
		t.Fatalf("accepted 长期坚持 became %s", got.Status)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 12, 1), Content: "按季度报送"}, 0); err != nil {
		t.Errorf("re-report on a closed problem: %v", err)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 12, 2), Content: "改状态",
		Status: zhenggai.InProgress}, got.Version); code(err) != zhenggai.ELOCKED {
		t.Errorf("status change with a re-report on a closed problem: %v", err)
	}
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[1].ID, Date: zhenggai.NewDate(2020, 12, 1), Content: "再报"}, 0); code(err) != zhenggai.ELOCKED {
		t.Errorf("report on a closed 已完成 measure: %v", err)
	}
	got, _ = st.Measure(ctx, ms[0].ID)
	if got.LastReport != zhenggai.NewDate(2020, 12, 1) {
		t.Errorf("last report %s", got.LastReport)
	}
}
