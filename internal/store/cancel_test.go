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
			rs, err := st.RoundSummaries(ctx, store.Scope{All: true}, day)
			if err != nil {
				t.Fatal(err)
			}
			read := func(c context.Context, i int) error {
				_, err := st.Measures(c, rs[i%len(rs)].Round.ID)
				return err
			}
			var ok, failed atomic.Int64
			var firstErr atomic.Value
			stop := time.Now().Add(3 * time.Second)
			var wg sync.WaitGroup
			for i := range 40 {
				wg.Go(func() {
					for time.Now().Before(stop) {
						if i%2 == 0 {
							c, cancel := context.WithTimeout(ctx, time.Duration(50+i*20)*time.Microsecond)
							read(c, i)
							cancel()
							continue
						}
						if err := read(ctx, i); err != nil {
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

// TestCanceledQueriesKeepConnections: on the store's PostgreSQL pool, half
// the queries canceled mid-way while the other half run leaves none of the
// others failing (pgx's default broke each canceled query's connection, and
// database/sql handed broken ones on: "driver: bad connection").
func TestCanceledQueriesKeepConnections(t *testing.T) {
	t.Parallel()
	for _, b := range backends() {
		if b.name != "postgres" {
			continue
		}
		db, err := store.OpenPgxForTest(b.fresh(t).dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		var ok, failed atomic.Int64
		var firstErr atomic.Value
		stop := time.Now().Add(3 * time.Second)
		var wg sync.WaitGroup
		for i := range 50 {
			wg.Go(func() {
				for time.Now().Before(stop) {
					var x int
					if i%2 == 0 {
						c, cancel := context.WithTimeout(context.Background(), time.Duration(1+i%5)*time.Millisecond)
						db.QueryRowContext(c, "SELECT 1 FROM pg_sleep(0.003)").Scan(&x)
						cancel()
						continue
					}
					if err := db.QueryRowContext(context.Background(), "SELECT 1").Scan(&x); err != nil {
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
			t.Errorf("%d of %d uncanceled queries failed (first: %v)", failed.Load(), failed.Load()+ok.Load(), firstErr.Load())
		}
	}
}
