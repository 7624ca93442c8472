package store_test

import (
	"context"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// BenchmarkHelpers compares writes through the helpers of rows.go with the
// same writes written out by hand as they were before (export_test.go),
// on two installations of the same backend, in turns within one loop so
// that both see the same machine. It reports the writes per second of
// each and the helpers' cost in percent of the time of a write.
//
//	go test ./internal/store -run '^$' -bench Helpers -benchtime 2000x -count 3
func BenchmarkHelpers(b *testing.B) {
	for _, op := range []string{"UpdateMeasure", "CreateCategory"} {
		b.Run(op, func(b *testing.B) {
			testkit.BenchEachBackend(b, func(b *testing.B, env *testkit.Env) {
				ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: 1, Name: "bench", Via: "web"})
				other := env.Another(b)
				var ws [2]*benchWriter // [0] by hand, [1] through the helpers
				for i, st := range []*store.Store{env.Store, other.Store} {
					ws[i] = newBenchWriterOn(b, ctx, st)
				}
				write := func(k, i int) error {
					w := ws[k]
					switch {
					case op == "UpdateMeasure" && k == 0:
						w.m.Owner = benchOwners[i%2]
						return store.UpdateMeasureByHandForTest(ctx, w.st, w.m)
					case op == "UpdateMeasure":
						w.m.Owner = benchOwners[i%2]
						return w.st.UpdateMeasure(ctx, w.m)
					case k == 0:
						return store.CreateCategoryByHandForTest(ctx, w.st, &zhenggai.Category{RoundID: w.round, Seq: i%900 + 2, Title: "类别"})
					}
					return w.st.CreateCategory(ctx, &zhenggai.Category{RoundID: w.round, Seq: i%900 + 2, Title: "类别"})
				}
				var spent [2]time.Duration
				for i := 0; b.Loop(); i++ {
					if op == "CreateCategory" && i > 0 && i%900 == 0 {
						// Numbers go up to 999 in a round: a new round.
						b.StopTimer()
						for _, w := range ws {
							r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "市委第七巡察组", Kind: zhenggai.KindInspection}
							if err := w.st.CreateRound(ctx, r); err != nil {
								b.Fatal(err)
							}
							w.round = r.ID
						}
						b.StartTimer()
					}
					for k := range 2 {
						kk := (i + k) % 2
						t0 := time.Now()
						if err := write(kk, i); err != nil {
							b.Fatal(err)
						}
						spent[kk] += time.Since(t0)
					}
				}
				b.ReportMetric(float64(b.N)/spent[0].Seconds(), "writes/s-byhand")
				b.ReportMetric(float64(b.N)/spent[1].Seconds(), "writes/s-helpers")
				b.ReportMetric((spent[1].Seconds()/spent[0].Seconds()-1)*100, "%-cost")
			})
		})
	}
}
