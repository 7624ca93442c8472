//go:build linux

package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The public report page (/public/reports/{id}, issue 6) under many
// concurrent readers: `zhenggai demo` (which publishes the seed round's
// report) loaded by wrk, and nginx serving the same bytes as a static file,
// in one run on one machine. Goal: p99 under 20 ms at 200 readers, and at
// least a third of nginx's throughput.

const (
	publicBegin = "<!-- public:begin -->"
	publicEnd   = "<!-- public:end -->"
)

func publicMain(ctx context.Context, args []string) error {
	o := &options{pgBase: "postgres://postgres@127.0.0.1:5432"}
	fs := flag.NewFlagSet("public", flag.ContinueOnError)
	fs.StringVar(&o.bin, "bin", "", "the zhenggai binary")
	fs.StringVar(&o.work, "work", "", "a temporary folder")
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "the file whose public section is rewritten")
	fs.StringVar(&o.command, "command", "bash bench/run.sh public", "the command line to write into the report")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "wrk duration per server")
	fs.IntVar(&o.threads, "threads", 2, "wrk threads")
	fs.IntVar(&o.conns, "connections", 200, "wrk connections: concurrent readers")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.bin == "" || o.work == "" {
		return fmt.Errorf("--bin and --work are required")
	}
	defer stopAll()
	mach := machineInfo(ctx, o)
	started := time.Now()

	port, err := freePort()
	if err != nil {
		return err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	data := filepath.Join(o.work, "public-demo")
	srv, err := start(o.bin, filepath.Join(o.work, "demo.log"), "demo", "--data", data, "--addr", addr)
	if err != nil {
		return err
	}
	base := "http://" + addr
	if err := waitHTTP(ctx, base+"/healthz", 120*time.Second, srv); err != nil {
		return err
	}
	list, _, err := fetch(ctx, base+"/public/", "")
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`href="(/public/reports/\d+)"`).FindSubmatch(list)
	if m == nil {
		return fmt.Errorf("/public/ lists no report")
	}
	path := string(m[1])
	body, _, err := fetch(ctx, base+path, "")
	if err != nil {
		return err
	}
	www := filepath.Join(o.work, "www-public")
	if err := os.MkdirAll(www, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(www, "report.html"), body, 0o644); err != nil {
		return err
	}
	fresh, err := sequential(ctx, base+path, "", 3, 20)
	if err != nil {
		return err
	}
	logf("wrk zhenggai %s (%d bytes, %d readers)", path, len(body), o.conns)
	prog, err := runWrk(ctx, o, base+path, "")
	if err != nil {
		return err
	}
	stop(srv)
	ng, err := startNginx(ctx, o.work, www)
	if err != nil {
		return err
	}
	logf("wrk nginx report.html")
	stat, err := runWrk(ctx, o, ng.base+"/report.html", "")
	stop(ng.cmd)
	if err != nil {
		return err
	}
	mach.Elapsed, mach.LoadEnd = time.Since(started), loadAvg()

	var b strings.Builder
	fmt.Fprintf(&b, "## The public report page under %d concurrent readers\n\n", o.conns)
	fmt.Fprintf(&b, "`%s`, %s. Machine: %d CPUs (%s), %s, %s; load %s at the start, %s at the end; %s.\n\n",
		o.command, mach.Date.Format("2006-01-02 15:04"), mach.CPUs, mach.Model, mach.Memory, mach.Kernel,
		mach.LoadStart, mach.LoadEnd, strings.Join(mach.Tools, ", "))
	fmt.Fprintf(&b, "`zhenggai demo` (SQLite; it publishes the seed round's report) serves `%s`, %d bytes, "+
		"to wrk (%d threads, %d connections, %s, from another process over loopback); then nginx serves the same bytes "+
		"as a static file under the same load. Goal: p99 under 20 ms, and at least a third of nginx's throughput.\n\n",
		path, len(body), o.threads, o.conns, o.duration)
	b.WriteString("| server | requests/s | p50 | p99 | errors |\n|---|---:|---:|---:|---|\n")
	row := func(name string, r wrkResult) {
		e := r.Errors
		if e == "" {
			e = "none"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", name, rps(r.RPS), ms(r.P50), ms(r.P99), e)
	}
	row("zhenggai (page cache)", prog)
	row("nginx, static file", stat)
	ratio := 0.0
	if stat.RPS > 0 {
		ratio = prog.RPS / stat.RPS
	}
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**missed**"
	}
	fmt.Fprintf(&b, "\nzhenggai reaches %.2f of nginx's throughput (goal ≥ 0.33: %s); its p99 is %s (goal < 20 ms: %s). "+
		"One reader alone, one request after another: median %s (each request served from the page cache).\n",
		ratio, verdict(ratio >= 1.0/3), ms(prog.P99), verdict(prog.P99 > 0 && prog.P99 < 20), ms(median(fresh)))
	md := b.String()
	fmt.Print(md)
	return writeMarked(o.out, publicBegin, publicEnd, md)
}

// writeMarked replaces the text between begin and end in file, or appends
// the block.
func writeMarked(file, begin, end, md string) error {
	b, err := os.ReadFile(file)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	s := string(b)
	block := begin + "\n" + md + end
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i >= 0 && j > i {
		s = s[:i] + block + s[j+len(end):]
	} else {
		s = strings.TrimRight(s, "\n") + "\n\n" + block + "\n"
	}
	return os.WriteFile(file, []byte(s), 0o644)
}
