package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestCanceledQueriesKeepConnections: on the store's PostgreSQL pool, half
// the queries canceled mid-way while the other half run leaves none of the
// others failing (pgx's default broke each canceled query's connection, and
// database/sql handed broken ones on: "driver: bad connection").
func TestCanceledQueriesKeepConnections(t *testing.T) {
	t.Parallel()
	db, err := store.OpenPgxForTest(testkit.PostgresDSN(t))
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
