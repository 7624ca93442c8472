package store_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestImportLedgerProgress: the 整改进展 of an imported ledger becomes a
// progress entry of the day it names, or of today, in the audited round.
func TestImportLedgerProgress(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportLedgerProgress(t, env.Store) })
}

func testImportLedgerProgress(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test", Via: "cli"})
	today := zhenggai.Today()
	im := &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第一巡察组", Unit: "某乡党委"},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
			{Seq: 1, Title: "问题一", Measures: []zhenggai.ImportedMeasure{
				{Content: "措施一", Progress: "2020年9月1日：已集中学习四次。"},
				{Content: "措施二", Progress: "正在起草制度。"},
				{Content: "措施三", Progress: "2099年1月1日：将来的事。"},
				{Content: "措施四"},
			}},
		}}},
	}
	r, err := st.ImportRound(ctx, im, "")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := st.Progress(ctx, r.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.Measures(ctx, r.ID)
	seq := map[int64]int{}
	for _, m := range ms {
		seq[m.ID] = m.Seq
	}
	got := map[int]string{}
	for _, e := range entries {
		got[seq[e.MeasureID]] = e.Date.String() + " " + e.Content + " " + e.Author
	}
	want := map[int]string{
		1: "2020-09-01 已集中学习四次。 台账导入",
		2: today.String() + " 正在起草制度。 台账导入",
		3: today.String() + " 2099年1月1日：将来的事。 台账导入",
	}
	if len(got) != len(want) {
		t.Errorf("entries %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("measure %d: %q, want %q", k, got[k], v)
		}
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || len(rep.Problems) != 0 {
		t.Errorf("audit verify: %v %+v", err, rep)
	}
}

// TestImportReportTexts: what a report says beyond its data (title,
// sections 一 and 三, signature, declared measures and outcomes) is kept on
// the round, read back as written, kept by an edit that does not touch it,
// in the list of rounds too (the figures, not the paragraphs); and a report
// cut after its preamble makes a round without problems.
func TestImportReportTexts(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportReportTexts(t, env.Store) })
}

func testImportReportTexts(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test", Via: "cli"})
	declared := zhenggai.Declared{AsOf: zhenggai.NewDate(2023, 10, 31), Problems: 9, Completed: 7, InProgress: 2, Measures: 21,
		Outcomes: zhenggai.Outcomes{Rules: 6, RefundedFen: 1_350_000, RecoveredFen: 66_570_000, SavedFen: 13_695_000_000,
			Talks: 3, Organisational: 1, Disciplinary: 2}}
	im := &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第三巡察组", Unit: "县市场监管局党组",
			OnsiteStart: zhenggai.NewDate(2023, 4, 10), OnsiteEnd: zhenggai.NewDate(2023, 5, 26), FeedbackDate: zhenggai.NewDate(2023, 7, 12),
			Title:        "中共临江县市场监督管理局党组关于县委巡察整改进展情况的通报",
			LeadingGroup: "局党组成立了整改工作领导小组。", Work: "（二）压实责任。\n（三）建章立制。", FollowUp: "持续巩固整改成果。",
			Signature: "中共临江县市场监督管理局党组", Signed: zhenggai.NewDate(2023, 11, 6)},
		Declared:   declared,
		Categories: []zhenggai.ImportedCategory{},
	}
	r, err := st.ImportRound(ctx, im, "")
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.Round(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := im.NewRound()
	check := func(when string, got *zhenggai.Round) {
		t.Helper()
		if got.Declared != want.Declared || got.ReportTitle != want.ReportTitle || got.ReportSignature != want.ReportSignature ||
			got.ReportSigned != want.ReportSigned || got.ReportLeadingGroup != want.ReportLeadingGroup ||
			got.ReportWork != want.ReportWork || got.ReportFollowUp != want.ReportFollowUp {
			t.Errorf("%s: %+v\nwant %+v", when, got, want)
		}
	}
	check("read back", got)
	if cats, _ := st.Categories(ctx, r.ID); len(cats) != 0 {
		t.Errorf("%d categories", len(cats))
	}
	got.Note = "补充说明"
	if err := st.UpdateRound(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Round(ctx, r.ID)
	check("after an edit of the note", again)
	rounds, err := st.Rounds(ctx)
	if err != nil || len(rounds) != 1 || rounds[0].Declared != declared {
		t.Errorf("list: %v %+v", err, rounds)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || len(rep.Problems) != 0 {
		t.Errorf("audit verify: %v %+v", err, rep)
	}
}
