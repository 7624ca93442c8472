package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// bulkRound is a round of nCat categories × nProb problems × nMeas
// measures × nProg progress entries for unit.
func bulkRound(unit string, nCat, nProb, nMeas, nProg int) *store.BulkRound {
	b := &store.BulkRound{Round: zhenggai.Round{Unit: unit, Inspector: "市委第三巡察组", Kind: zhenggai.KindInspection,
		Onsite: zhenggai.Period{Start: zhenggai.NewDate(2023, 3, 1), End: zhenggai.NewDate(2023, 4, 10)}, FeedbackDate: zhenggai.NewDate(2023, 5, 20)}}
	seq := 0
	for c := range nCat {
		bc := store.BulkCategory{Category: zhenggai.Category{Seq: c + 1, Title: fmt.Sprintf("问题类别%d", c+1)}}
		for range nProb {
			seq++
			bp := store.BulkProblem{Problem: zhenggai.Problem{Seq: seq, Title: fmt.Sprintf("具体问题%d：学习停留在表面，没有学深学透。", seq),
				Rectification: "一是组织集中学习。二是加强监督检查。"}}
			for m := range nMeas {
				bm := store.BulkMeasure{Measure: zhenggai.Measure{Seq: m + 1, Content: "组织机关党员干部认真学习，做好学习记录和心得体会。",
					Leader: "向建国", Office: "办公室", Owner: "覃丽", Deadline: zhenggai.NewDate(2023, 8, 31),
					Kind: zhenggai.MeasureImmediate, Status: []zhenggai.Status{zhenggai.Completed, zhenggai.InProgress}[m%2]}}
				for e := range nProg {
					st := zhenggai.Status("")
					if e == nProg-1 {
						st = bm.Status
					}
					bm.Progress = append(bm.Progress, zhenggai.Progress{Date: zhenggai.NewDate(2023, 6, 1+e),
						Content: "已按整改方案推进，形成学习记录。", Author: "覃丽", Status: st})
				}
				bp.Measures = append(bp.Measures, bm)
			}
			bc.Problems = append(bc.Problems, bp)
		}
		b.Categories = append(b.Categories, bc)
	}
	return b
}

func TestImportRoundWithProgress(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportRoundWithProgress(t, env.Store) })
}

func testImportRoundWithProgress(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:gen", Via: "cli"})
	b := bulkRound("桑植县卫生健康局党组", 2, 3, 2, 3)
	if err := st.ImportRoundWithProgress(ctx, b); err != nil {
		t.Fatal(err)
	}
	if b.Rows() != 1+2+6+12+36 {
		t.Errorf("Rows() = %d", b.Rows())
	}
	r := b.Round
	if r.ID == 0 || r.UnitID == 0 || r.Version != 1 {
		t.Fatalf("round not filled in: %+v", r)
	}
	m := b.Categories[1].Problems[2].Measures[1]
	e := m.Progress[2]
	if m.ID == 0 || m.UnitID != r.UnitID || m.ProblemID != b.Categories[1].Problems[2].ID || e.ID == 0 || e.MeasureID != m.ID {
		t.Fatalf("IDs not filled in: measure %+v, progress %+v", m.Measure, e)
	}
	l, err := st.Ledger(ctx, r.ID, zhenggai.NewDate(2023, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	s := l.Summary
	if s.Categories != 2 || s.Problems != 6 || s.Measures != 12 || s.MeasureCounts[zhenggai.Completed] != 6 ||
		s.MeasureCounts[zhenggai.InProgress] != 6 || s.ColourCounts[zhenggai.Red] != 6 {
		t.Errorf("ledger summary %+v", s)
	}
	ps, err := st.Progress(ctx, r.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 36 || ps[0].Date != zhenggai.NewDate(2023, 6, 3) {
		t.Errorf("%d progress entries, newest %+v", len(ps), ps[0])
	}
	got, err := st.Measure(ctx, m.ID)
	if err != nil || got.Status != zhenggai.InProgress || got.Version != 1 || got.Owner != "覃丽" {
		t.Errorf("measure read back as %+v, %v", got, err)
	}
	h, err := st.History(ctx, "progress", e.ID)
	if err != nil || len(h) != 1 || h[0].Actor.Name != "system:gen" || h[0].UnitID != r.UnitID {
		t.Errorf("history of progress #%d: %+v, %v", e.ID, h, err)
	}
	// A second round of the same unit reuses it.
	b2 := bulkRound("桑植县卫生健康局党组", 1, 1, 1, 1)
	if err := st.ImportRoundWithProgress(ctx, b2); err != nil {
		t.Fatal(err)
	}
	if b2.Round.UnitID != r.UnitID {
		t.Errorf("second round in unit %d, first in %d", b2.Round.UnitID, r.UnitID)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A unit, two rounds and everything under them.
	if !rep.OK() || rep.Entries != int64(1+b.Rows()+b2.Rows()) {
		t.Errorf("audit: %d entries, %+v", rep.Entries, rep.Problems)
	}
}

// TestImportRoundWithProgressAllOrNothing: a round that fails half way,
// in the database, leaves nothing behind, and the audit trail goes on
// from where it was.
func TestImportRoundWithProgressAllOrNothing(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportRoundWithProgressAllOrNothing(t, env.Store) })
}

func testImportRoundWithProgressAllOrNothing(t *testing.T, st *store.Store) {
	ctx := context.Background()
	if err := st.ImportRoundWithProgress(ctx, bulkRound("甲单位党组", 1, 1, 1, 1)); err != nil {
		t.Fatal(err)
	}
	bad := bulkRound("乙单位党组", 2, 2, 2, 2)
	bad.Categories[1].Problems[1].Seq = 1 // the same number twice: the database refuses
	if err := st.ImportRoundWithProgress(ctx, bad); code(err) != zhenggai.EINVALID || fieldMsg(err, "seq") == "" {
		t.Fatalf("duplicate problem number: %v", err)
	}
	invalid := bulkRound("丙单位党组", 1, 1, 1, 1)
	invalid.Categories[0].Problems[0].Measures[0].Progress[0].Content = ""
	if err := st.ImportRoundWithProgress(ctx, invalid); code(err) != zhenggai.EINVALID {
		t.Fatalf("empty progress: %v", err)
	}
	withFile := bulkRound("丙单位党组", 1, 1, 1, 1)
	withFile.Categories[0].Problems[0].Measures[0].Progress[0].Files = []zhenggai.Attachment{{Name: "a.pdf"}}
	if err := st.ImportRoundWithProgress(ctx, withFile); code(err) != zhenggai.EINVALID {
		t.Fatalf("progress with a file: %v", err)
	}
	rounds, err := st.Rounds(ctx)
	if err != nil || len(rounds) != 1 {
		t.Fatalf("%d rounds after the failures, %v", len(rounds), err)
	}
	units, err := st.Units(ctx)
	if err != nil || len(units) != 1 {
		t.Errorf("units after the failures: %v, %v", units, err)
	}
	if err := st.ImportRoundWithProgress(ctx, bulkRound("乙单位党组", 1, 2, 1, 1)); err != nil {
		t.Fatal(err)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("audit after a failed bulk write: %v, %+v", err, rep)
	}
}

func TestCreateUnits(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testCreateUnits(t, env.Store) })
}

func testCreateUnits(t *testing.T, st *store.Store) {
	ctx := context.Background()
	top := &zhenggai.Unit{Name: "某某省委巡视办"}
	if err := st.CreateUnits(ctx, []*zhenggai.Unit{top}); err != nil {
		t.Fatal(err)
	}
	cities := []*zhenggai.Unit{{Name: "甲市委巡察办", ParentID: top.ID}, {Name: "乙市委巡察办", ParentID: top.ID}}
	if err := st.CreateUnits(ctx, cities); err != nil {
		t.Fatal(err)
	}
	if cities[0].ID == 0 || cities[1].ID == cities[0].ID {
		t.Fatalf("IDs not filled in: %+v", cities)
	}
	dup := []*zhenggai.Unit{{Name: "甲市卫生健康委员会党组", ParentID: cities[0].ID}, {Name: "乙市委巡察办", ParentID: cities[1].ID}}
	err := st.CreateUnits(ctx, dup)
	if code(err) != zhenggai.EINVALID || err == nil || !strings.Contains(err.Error(), "乙市委巡察办") {
		t.Errorf("duplicate name: %v", err)
	}
	orphan := []*zhenggai.Unit{{Name: "丙单位党组", ParentID: 9999}}
	if err := st.CreateUnits(ctx, orphan); code(err) != zhenggai.EINVALID {
		t.Errorf("missing parent: %v", err)
	}
	tree, err := st.UnitTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(tree) != 3 || tree[1].ParentID != top.ID || tree[2].Depth != 1 {
		t.Errorf("tree %+v", tree)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil || !rep.OK() || rep.Entries != 3 {
		t.Errorf("audit: %v, %+v", err, rep)
	}
}

// BenchmarkImportRoundWithProgress writes rounds about the size of the
// province preset's (14 categories × 3 problems × 3 measures × 10 progress
// entries: 1,443 records and as many audit entries) on each backend and
// reports records per second.
//
//	go test ./internal/store -run '^$' -bench ImportRoundWithProgress -benchtime 40x
func BenchmarkImportRoundWithProgress(b *testing.B) {
	testkit.BenchEachBackend(b, func(b *testing.B, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:gen", Via: "cli"})
		rows := 0
		for i := 0; b.Loop(); i++ {
			r := bulkRound(fmt.Sprintf("单位%d党组", i), 14, 3, 3, 10)
			rows += r.Rows()
			if err := st.ImportRoundWithProgress(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	})
}
