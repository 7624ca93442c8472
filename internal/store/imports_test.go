package store_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
)

// TestImportLedgerProgress: the 整改进展 of an imported ledger becomes a
// progress entry of the day it names, or of today, in the audited round.
func TestImportLedgerProgress(t *testing.T) {
	t.Parallel()
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { testImportLedgerProgress(t, b.fresh(t).open(t)) })
	}
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
