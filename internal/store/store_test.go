package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func code(err error) string { return zhenggai.ErrorCode(err) }

// seedRound makes a round with one category, one problem, two measures.
func seedRound(t *testing.T, st *store.Store) (*zhenggai.Round, *zhenggai.Category, *zhenggai.Problem, []*zhenggai.Measure) {
	t.Helper()
	ctx := context.Background()
	r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection,
		Onsite: zhenggai.Period{Start: zhenggai.NewDate(2020, 5, 11), End: zhenggai.NewDate(2020, 6, 19)}, FeedbackDate: zhenggai.NewDate(2020, 7, 27)}
	if err := st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "学习贯彻不深入"}
	if err := st.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面"}
	if err := st.CreateProblem(ctx, p); err != nil {
		t.Fatal(err)
	}
	var ms []*zhenggai.Measure
	for i, content := range []string{"组织集中学习", "加强监督检查"} {
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: i + 1, Content: content, Owner: "覃丽",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted, Deadline: zhenggai.NewDate(2020, 9, 30)}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, m)
	}
	return r, c, p, ms
}

func TestRoundTripAndReopen(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testRoundTripAndReopen)
}

func testRoundTripAndReopen(t *testing.T, env *testkit.Env) {
	st := env.Store
	r, c, p, ms := seedRound(t, st)
	if r.UnitID == 0 || c.UnitID != r.UnitID || p.UnitID != r.UnitID || ms[0].UnitID != r.UnitID {
		t.Fatalf("rows do not carry their unit: %d %d %d %d", r.UnitID, c.UnitID, p.UnitID, ms[0].UnitID)
	}
	st.Close()
	_, err := os.Stat(filepath.Join(env.Dir, store.DBFile))
	if env.DSN == "" && err != nil {
		t.Fatal(err)
	}
	if env.DSN != "" && err == nil {
		t.Errorf("a store on PostgreSQL made a SQLite database in its data folder")
	}
	st = env.OpenStore(t) // migrations run again and must be a no-op
	ctx := context.Background()
	got, err := st.Round(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Unit != "桑植县政协党组" || got.Inspector != "市委第七巡察组" || got.FeedbackDate != zhenggai.NewDate(2020, 7, 27) || got.Version != 1 {
		t.Errorf("round read back as %+v", got)
	}
	m, err := st.Measure(ctx, ms[1].ID)
	if err != nil || m.Content != "加强监督检查" || m.Deadline != zhenggai.NewDate(2020, 9, 30) || m.Owner != "覃丽" {
		t.Errorf("measure read back as %+v, %v", m, err)
	}
	l, err := st.Ledger(ctx, r.ID, zhenggai.NewDate(2020, 9, 25))
	if err != nil {
		t.Fatal(err)
	}
	if l.Summary.Problems != 1 || l.Summary.Measures != 2 || l.Problem(p.ID).Colour != zhenggai.Yellow {
		t.Errorf("ledger %+v", l.Summary)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testErrors(t, env.Store) })
}

func testErrors(t *testing.T, st *store.Store) {
	ctx := context.Background()
	r, c, p, ms := seedRound(t, st)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"missing round", func() error { _, err := st.Round(ctx, 999); return err }(), zhenggai.ENOTFOUND},
		// A number taken is told on seq (uniqueKeys, rows.go).
		{"duplicate category seq", st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "重复"}), zhenggai.EINVALID},
		{"category of missing round", st.CreateCategory(ctx, &zhenggai.Category{RoundID: 999, Seq: 2, Title: "x"}), zhenggai.ENOTFOUND},
		{"duplicate problem seq", st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "x"}), zhenggai.EINVALID},
		{"empty title", st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: " "}), zhenggai.EINVALID},
		{"bad status", st.SetMeasureStatus(ctx, ms[0].ID, ms[0].Version, "done"), zhenggai.EINVALID},
		{"stale measure", func() error {
			stale := *ms[0]
			stale.Version = 0
			return st.UpdateMeasure(ctx, &stale)
		}(), zhenggai.ECONFLICT},
		{"stale problem", func() error {
			stale := *p
			stale.Version = 7
			return st.UpdateProblem(ctx, &stale)
		}(), zhenggai.ECONFLICT},
		{"missing measure update", st.SetMeasureStatus(ctx, 999, 1, zhenggai.InProgress), zhenggai.ENOTFOUND},
		{"future progress", st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.Today().AddDays(2), Content: "x"}, 0), zhenggai.EINVALID},
	}
	for _, tt := range tests {
		if got := code(tt.err); got != tt.want {
			t.Errorf("%s: code %q (%v), want %q", tt.name, got, tt.err, tt.want)
		}
	}
	// Nothing of the refused writes is there.
	cats, _ := st.Categories(ctx, r.ID)
	probs, _ := st.Problems(ctx, r.ID)
	prog, _ := st.Progress(ctx, r.ID, 0)
	m, _ := st.Measure(ctx, ms[0].ID)
	if len(cats) != 1 || len(probs) != 1 || len(prog) != 0 || m.Version != 1 || m.Status != zhenggai.NotStarted {
		t.Errorf("refused writes left traces: %d cats %d probs %d progress, measure %+v", len(cats), len(probs), len(prog), m)
	}
}

func TestVersionedUpdate(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testVersionedUpdate(t, env.Store) })
}

func testVersionedUpdate(t *testing.T, st *store.Store) {
	ctx := context.Background()
	_, _, _, ms := seedRound(t, st)
	a, _ := st.Measure(ctx, ms[0].ID)
	b, _ := st.Measure(ctx, ms[0].ID)
	a.Owner = "陈伟"
	if err := st.UpdateMeasure(ctx, a); err != nil || a.Version != 2 {
		t.Fatalf("first save: %v, version %d", err, a.Version)
	}
	b.Owner = "谷红"
	err := st.UpdateMeasure(ctx, b)
	if code(err) != zhenggai.ECONFLICT {
		t.Fatalf("second editor's stale save: %v", err)
	}
	got, _ := st.Measure(ctx, ms[0].ID)
	if got.Owner != "陈伟" || got.Version != 2 {
		t.Errorf("stale save overwrote: %+v", got)
	}
}

func TestProgressWithStatusAndFiles(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testProgressWithStatusAndFiles(t, env.Store) })
}

func testProgressWithStatusAndFiles(t *testing.T, st *store.Store) {
	ctx := context.Background()
	r, _, p, ms := seedRound(t, st)
	sum := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	e := &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "集中学习四次", Author: "覃丽",
		Status: zhenggai.BasicallyCompleted, Files: []zhenggai.Attachment{{Name: "学习记录.pdf", SHA256: sum, Size: 42, ContentType: "application/pdf"}}}
	if err := st.AddProgress(ctx, e, ms[0].Version); err != nil {
		t.Fatal(err)
	}
	m, _ := st.Measure(ctx, ms[0].ID)
	if m.Status != zhenggai.BasicallyCompleted || m.Version != 2 {
		t.Errorf("status not changed with the report: %+v", m)
	}
	// A stale version refuses the whole report, entry and status.
	e2 := &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 5), Content: "再报", Status: zhenggai.InProgress}
	if err := st.AddProgress(ctx, e2, 1); code(err) != zhenggai.ECONFLICT {
		t.Fatalf("stale report: %v", err)
	}
	list, err := st.Progress(ctx, 0, p.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("progress of problem: %d, %v", len(list), err)
	}
	if f := list[0].Files; len(f) != 1 || f[0].Name != "学习记录.pdf" || f[0].SHA256 != sum || f[0].Size != 42 {
		t.Errorf("files %+v", f)
	}
	a, err := st.Attachment(ctx, list[0].Files[0].ID)
	if err != nil || a.SHA256 != sum {
		t.Errorf("attachment %+v %v", a, err)
	}
	byRound, _ := st.Progress(ctx, r.ID, 0)
	if len(byRound) != 1 {
		t.Errorf("progress of round: %d", len(byRound))
	}
	bad := &zhenggai.Progress{MeasureID: ms[1].ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "x",
		Files: []zhenggai.Attachment{{Name: "a", SHA256: "../../etc/passwd"}}}
	if err := st.AddProgress(ctx, bad, 0); code(err) != zhenggai.EINVALID {
		t.Errorf("bad hash accepted: %v", err)
	}
}

func TestImportRoundIsAtomic(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testImportRoundIsAtomic(t, env.Store) })
}

func testImportRoundIsAtomic(t *testing.T, st *store.Store) {
	ctx := context.Background()
	im := &zhenggai.Imported{
		Round:    zhenggai.ImportedRound{Inspector: "县委第一巡察组", Unit: "某乡党委", Kind: zhenggai.KindInspection},
		Declared: zhenggai.Declared{Categories: 1, Problems: 2},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
			{Seq: 1, Title: "问题一", Measures: []zhenggai.ImportedMeasure{{Content: "措施"}}},
			{Seq: 2, Title: "问题二", Measures: []zhenggai.ImportedMeasure{{Content: ""}}}, // refused
		}}},
	}
	_, err := st.ImportRound(ctx, im, "")
	if code(err) != zhenggai.EINVALID {
		t.Fatalf("bad import: %v", err)
	}
	if rounds, _ := st.Rounds(ctx); len(rounds) != 0 {
		t.Fatalf("a refused import left %d rounds", len(rounds))
	}
	if units, _ := st.Units(ctx); len(units) != 0 {
		t.Fatalf("a refused import left %d units", len(units))
	}
	im.Categories[0].Problems[1].Measures[0].Content = "另一措施"
	r, err := st.ImportRound(ctx, im, "")
	if err != nil {
		t.Fatal(err)
	}
	l, _ := st.Ledger(ctx, r.ID, zhenggai.NewDate(2020, 1, 1))
	if l.Summary.Problems != 2 || l.Summary.Measures != 2 || len(l.Summary.Mismatches) != 0 {
		t.Errorf("imported ledger %+v", l.Summary)
	}
}

func TestSettings(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testSettings(t, env.Store) })
}

func testSettings(t *testing.T, st *store.Store) {
	ctx := context.Background()
	id, err := st.EnsureUnit(ctx, "某单位")
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Settings(ctx, id); s != zhenggai.DefaultSettings() {
		t.Errorf("defaults %v", s)
	}
	if err := st.SaveSettings(ctx, id, zhenggai.Settings{GreenDays: 30, YellowDays: 7}); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Settings(ctx, id); s.GreenDays != 30 || s.YellowDays != 7 {
		t.Errorf("saved %v", s)
	}
	if err := st.SaveSettings(ctx, id, zhenggai.Settings{GreenDays: 5, YellowDays: 9}); code(err) != zhenggai.EINVALID {
		t.Errorf("bad settings: %v", err)
	}
}

// TestConcurrentWriters checks that many writers at once all succeed: on
// SQLite the single writer connection queues them instead of failing with
// SQLITE_BUSY; on PostgreSQL they run side by side and the audit head's
// row lock orders their entries.
func TestConcurrentWriters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testConcurrentWriters(t, env.Store) })
}

func testConcurrentWriters(t *testing.T, st *store.Store) {
	ctx := context.Background()
	_, _, p, _ := seedRound(t, st)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m := &zhenggai.Measure{ProblemID: p.ID, Seq: 10 + i, Content: "并发写入", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
			errs <- st.CreateMeasure(ctx, m)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	ms, _ := st.ProblemMeasures(ctx, p.ID)
	if len(ms) != 42 {
		t.Errorf("%d measures, want 42", len(ms))
	}
	mustVerify(t, st)
}

func TestNewerSchemaRefused(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		if err := st.Ping(context.Background()); err != nil {
			t.Fatal(err)
		}
		st.Close()
		// Pretend a newer program migrated this database.
		raw := env.Raw(t)
		if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '')`, 9999); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		st, err := store.Open(context.Background(), env.Dir, env.DSN)
		if err == nil {
			st.Close()
		}
		if err == nil || !strings.Contains(err.Error(), "高于本程序") {
			t.Fatalf("an old binary opened a newer database: %v", err)
		}
	})
}

// TestTextWithNUL: PostgreSQL cannot store the NUL character in text, and
// an invisible character has no place in a record anyway: the domain
// refuses it, so both backends answer the same.
func TestTextWithNUL(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := context.Background()
		r := &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection, Note: "a\x00b"}
		if err := st.CreateRound(ctx, r); code(err) != zhenggai.EINVALID {
			t.Fatalf("NUL: %v", err)
		}
		if rounds, _ := st.Rounds(ctx); len(rounds) != 0 {
			t.Errorf("a refused round left %d rounds", len(rounds))
		}
	})
}
