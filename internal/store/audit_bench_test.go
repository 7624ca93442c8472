package store_test

import (
	"context"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// BenchmarkWrites measures what the audit trail costs: writes per second on
// two real database files, one with the trail and one without, written in
// turns within the same loop so that both see the same machine (others'
// builds, the disk's mood). Each write is one committed transaction with
// synchronous=FULL, as in production. It reports the writes per second of
// each and the cost of the trail in percent of the time of a write.
//
//	go test ./internal/store -run '^$' -bench Writes -benchtime 5000x -count 3
func BenchmarkWrites(b *testing.B) {
	for _, op := range []string{"UpdateMeasure", "AddProgress"} {
		b.Run(op, func(b *testing.B) {
			ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: 1, Name: "bench", Via: "web", Addr: "127.0.0.1"})
			var ws [2]*benchWriter // [0] without the trail, [1] with it
			for i := range ws {
				ws[i] = newBenchWriter(b, ctx, i == 1)
			}
			var spent [2]time.Duration
			for i := 0; b.Loop(); i++ {
				// Alternate which goes first, so that neither always
				// follows the other's fsync.
				for k := range 2 {
					w := ws[(i+k)%2]
					t0 := time.Now()
					if err := w.write(ctx, op, i); err != nil {
						b.Fatal(err)
					}
					spent[(i+k)%2] += time.Since(t0)
				}
			}
			off := float64(b.N) / spent[0].Seconds()
			on := float64(b.N) / spent[1].Seconds()
			b.ReportMetric(off, "writes/s-without")
			b.ReportMetric(on, "writes/s-with")
			b.ReportMetric((spent[1].Seconds()/spent[0].Seconds()-1)*100, "%-cost")
		})
	}
}

type benchWriter struct {
	st    *store.Store
	m     *zhenggai.Measure
	round int64
}

func newBenchWriter(b *testing.B, ctx context.Context, audit bool) *benchWriter {
	st, err := store.OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	store.SetAuditForTest(st, audit)
	return newBenchWriterOn(b, ctx, st)
}

// newBenchWriterOn writes a round with one measure to st.
func newBenchWriterOn(b *testing.B, ctx context.Context, st *store.Store) *benchWriter {
	r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}
	if err := st.CreateRound(ctx, r); err != nil {
		b.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "学习贯彻不深入"}
	if err := st.CreateCategory(ctx, c); err != nil {
		b.Fatal(err)
	}
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面"}
	if err := st.CreateProblem(ctx, p); err != nil {
		b.Fatal(err)
	}
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "组织集中学习，每季度不少于一次，并做好学习记录和心得体会。",
		Leader: "向建国", Office: "办公室", Owner: "覃丽", Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted,
		Deadline: zhenggai.NewDate(2020, 9, 30)}
	if err := st.CreateMeasure(ctx, m); err != nil {
		b.Fatal(err)
	}
	return &benchWriter{st, m, r.ID}
}

var (
	benchOwners   = []string{"覃丽", "陈伟"}
	benchStatuses = []zhenggai.Status{zhenggai.InProgress, zhenggai.BasicallyCompleted}
)

func (w *benchWriter) write(ctx context.Context, op string, i int) error {
	if op == "UpdateMeasure" {
		w.m.Owner = benchOwners[i%2]
		return w.st.UpdateMeasure(ctx, w.m)
	}
	// A report that also changes the measure's status: two audited rows in
	// one transaction.
	e := &zhenggai.Progress{MeasureID: w.m.ID, Date: zhenggai.NewDate(2020, 9, 4), Author: "覃丽",
		Content: "已组织集中学习，形成学习记录。", Status: benchStatuses[i%2]}
	err := w.st.AddProgress(ctx, e, w.m.Version)
	w.m.Version++
	return err
}
