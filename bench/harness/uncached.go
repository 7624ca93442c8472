//go:build linux

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"zhenggai/internal/attach"
	"zhenggai/internal/httpd"
	"zhenggai/internal/store"
)

// serveUncached serves a data folder (or a PostgreSQL database) with the
// program's own handler, as `zhenggai serve` does, but with the page cache
// off: every request reads the database and renders its template, as the
// first read after any write does. The store's ledger cache stays on, as
// in the program: a round's five queries run once per write, not per page.
func serveUncached(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve-uncached", flag.ContinueOnError)
	data := fs.String("data", "", "data folder")
	dsn := fs.String("db", "", "postgres:// URL (default: the SQLite database in --data)")
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	st, err := store.Open(ctx, *data, *dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	files, err := attach.Open(*data)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler: httpd.New(httpd.Config{Store: st, Files: files, NoPageCache: true,
			Log: slog.New(slog.NewTextHandler(os.Stderr, nil))}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Printf("serving uncached on http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
