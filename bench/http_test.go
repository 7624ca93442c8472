// Package bench measures the program as users meet it: pages over real
// HTTP on loopback, on the demo database. Run:
//
//	go test ./bench -run '^$' -bench . -benchtime 3000x
//
// Each page is measured beside a reference in the same run: the same bytes
// served by a bare net/http handler, so that the ratio, not the absolute
// time, is what the figures in BENCHMARKS.md claim. "Uncached" renders
// every request afresh, as the first read after a write does.
package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/attach"
	"zhenggai/internal/demo"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// clients is the number of concurrent clients of the goal.
const clients = 50

var (
	setupOnce sync.Once
	app       http.Handler
	cold      http.Handler // the same, rendering every page afresh
	roundID   int64
	setupErr  error
	dataDir   string
	session   *http.Cookie // the unit's office, signed in: pages, not the login page, are measured
)

func TestMain(m *testing.M) {
	code := m.Run()
	if dataDir != "" {
		os.RemoveAll(dataDir)
	}
	os.Exit(code)
}

func demoServer(b *testing.B) http.Handler {
	setupOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zhenggai-bench-")
		dataDir = dir
		if err != nil {
			setupErr = err
			return
		}
		ctx := context.Background()
		st, err := store.OpenSQLite(ctx, dir)
		if err != nil {
			setupErr = err
			return
		}
		files, err := attach.Open(dir)
		if err != nil {
			setupErr = err
			return
		}
		r, err := demo.Load(ctx, st, files, zhenggai.Today())
		if err != nil {
			setupErr = err
			return
		}
		roundID = r.ID
		session = testkit.SignIn(b, st, zhenggai.RoleUnitAdmin, r.Unit, "办公室").Cookie
		app = httpd.New(httpd.Config{Store: st, Files: files})
		cold = httpd.New(httpd.Config{Store: st, Files: files, NoPageCache: true})
	})
	if setupErr != nil {
		b.Fatal(setupErr)
	}
	return app
}

// load sends b.N GETs of path from `clients` goroutines over keep-alive
// connections and reports the latency percentiles.
func load(b *testing.B, h http.Handler, path string) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	// A redirect (to the login page) is a failure, never followed.
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.AddCookie(session)
	get := func() (time.Duration, error) {
		t0 := time.Now()
		resp, err := client.Do(req.Clone(context.Background()))
		if err != nil {
			return 0, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			return 0, fmt.Errorf("%s: %s", path, resp.Status)
		}
		return time.Since(t0), err
	}
	if _, err := get(); err != nil { // warm up, and fail early
		b.Fatal(err)
	}
	lat := make([]time.Duration, b.N)
	var next sync.Mutex
	i := 0
	b.ResetTimer()
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				n := i
				i++
				next.Unlock()
				if n >= b.N {
					return
				}
				d, err := get()
				if err != nil {
					errs <- err
					return
				}
				lat[n] = d
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(float64(len(lat)-1)*p)].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// static serves the bytes that path answers now, as a bare handler would.
func static(b *testing.B, h http.Handler, path string) http.Handler {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", path, nil)
	req.AddCookie(session)
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("%s: %d", path, rec.Code)
	}
	body := rec.Body.Bytes()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(body)
	})
}

func pages(b *testing.B) map[string]string {
	demoServer(b)
	return map[string]string{
		"Dashboard": fmt.Sprintf("/rounds/%d", roundID),
		"Tree":      fmt.Sprintf("/rounds/%d/tree", roundID),
	}
}

func BenchmarkPages(b *testing.B) {
	h := demoServer(b)
	for _, name := range []string{"Dashboard", "Tree"} {
		path := pages(b)[name]
		b.Run(name, func(b *testing.B) { load(b, h, path) })
		b.Run(name+"Uncached", func(b *testing.B) { load(b, cold, path) })
		b.Run(name+"SameBytesStatic", func(b *testing.B) { load(b, static(b, h, path), path) })
	}
}
