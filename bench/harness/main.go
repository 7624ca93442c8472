//go:build linux

// The harness runs on Linux only: it starts process groups, reads /proc and
// drives nginx and wrk.

// Command harness measures zhenggai as an inspection office meets it, each
// figure beside a reference taken in the same run (see BENCHMARKS.md):
//
//   - pages served by `zhenggai serve` against the same bytes served
//     statically by nginx, both loaded by wrk from another process over
//     loopback with the same settings;
//   - the SQL of the office dashboard (store.RoundSummaries) and of a
//     round's ledger (store.buildLedger) timed inside the program against
//     the same statements run bare in sqlite3 and psql;
//   - how the figures grow from a county to a province, and whether one
//     unit's pages stay the same when the number of units doubles.
//
// Run it through bench/run.sh, which installs the tools and builds the
// binaries. Subcommands: run (the whole benchmark) and serve-uncached (the
// program's handler with its page cache off, which run starts itself).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: harness run [flags] | harness public [flags] | harness serve-uncached --data DIR [--db DSN] --addr HOST:PORT")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch os.Args[1] {
	case "run":
		err = runMain(ctx, os.Args[2:])
	case "public":
		err = publicMain(ctx, os.Args[2:])
	case "serve-uncached":
		err = serveUncached(ctx, os.Args[2:])
	default:
		err = fmt.Errorf("unknown subcommand %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(1)
	}
}
