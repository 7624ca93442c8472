package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/gen"
	"zhenggai/internal/store"
)

// TestCanceledReadsLeavePoolUsable: readers who go away mid-query (their
// requests canceled) do not make the requests of others fail, as broken
// connections handed on once did on PostgreSQL ("driver: bad connection").
func TestCanceledReadsLeavePoolUsable(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			st := b.fresh(t).open(t)
			ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
			day := zhenggai.NewDate(2026, 6, 30)
			if _, err := gen.Generate(ctx, st, gen.Config{Seed: 2, Units: 20, Rounds: 2, Problems: 10, Measures: 3, Progress: 1, Today: day}, nil); err != nil {
				t.Fatal(err)
			}
			var ok, failed atomic.Int64
			var firstErr atomic.Value
			stop := time.Now().Add(3 * time.Second)
			var wg sync.WaitGroup
			for i := range 40 {
				wg.Go(func() {
					for time.Now().Before(stop) {
						if i%2 == 0 {
							c, cancel := context.WithTimeout(ctx, time.Duration(100+i*50)*time.Microsecond)
							st.RoundSummaries(c, store.Scope{All: true}, day)
							cancel()
							continue
						}
						if _, err := st.RoundSummaries(ctx, store.Scope{All: true}, day); err != nil {
							failed.Add(1)
							firstErr.CompareAndSwap(nil, err)
							continue
						}
						ok.Add(1)
					}
				})
			}
			wg.Wait()
			if failed.Load() > 0 || ok.Load() < 50 {
				t.Errorf("%d of %d uncanceled reads failed (first: %v)", failed.Load(), failed.Load()+ok.Load(), firstErr.Load())
			}
		})
	}
}
