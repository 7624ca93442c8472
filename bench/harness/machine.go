//go:build linux

package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"time"
)

type machine struct {
	CPUs      int
	Model     string
	Memory    string
	Kernel    string
	Date      time.Time
	LoadStart string
	LoadEnd   string
	Tools     []string
	Elapsed   time.Duration
}

func executable() (string, error) { return os.Executable() }

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func machineInfo(ctx context.Context, o *options) *machine {
	m := &machine{CPUs: runtime.NumCPU(), Date: time.Now(), LoadStart: loadAvg()}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		if x := regexp.MustCompile(`(?m)^model name\s*:\s*(.+)$`).FindStringSubmatch(string(b)); x != nil {
			m.Model = strings.TrimSpace(x[1])
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if x := regexp.MustCompile(`MemTotal:\s+(\d+) kB`).FindStringSubmatch(string(b)); x != nil {
			fmt.Sscan(x[1], &kb)
			m.Memory = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
		}
	}
	if out, err := runCmd(ctx, 10*time.Second, "", "uname", "-sr"); err == nil {
		m.Kernel = strings.TrimSpace(out)
	}
	m.Tools = append(m.Tools, "Go "+strings.TrimPrefix(runtime.Version(), "go"))
	// wrk -v and nginx -v answer with status 1 or on stderr: read either.
	tool := func(re, label string, name string, args ...string) {
		tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		b, _ := exec.CommandContext(tctx, name, args...).CombinedOutput()
		out := string(b)
		if x := regexp.MustCompile(re).FindStringSubmatch(out); x != nil {
			m.Tools = append(m.Tools, label+x[1])
		}
	}
	tool(`wrk (\S*\d[\w.+~/-]*)`, "wrk ", "wrk", "-v")
	tool(`nginx/(\d[\w.-]*)`, "nginx ", "nginx", "-v")
	if out, err := runCmd(ctx, 10*time.Second, "", "sqlite3", "--version"); err == nil {
		m.Tools = append(m.Tools, "sqlite3 shell "+strings.Fields(out)[0])
	}
	if db, err := sql.Open("sqlite", "file::memory:"); err == nil {
		var v string
		if db.QueryRowContext(ctx, `SELECT sqlite_version()`).Scan(&v) == nil {
			m.Tools = append(m.Tools, "SQLite "+v+" in the program (modernc.org/sqlite)")
		}
		db.Close()
	}
	if out, err := runCmd(ctx, 10*time.Second, "", "psql", "-X", "-At", "-d", o.pgBase+"/postgres", "-c", "SHOW server_version"); err == nil {
		m.Tools = append(m.Tools, "PostgreSQL "+strings.Fields(out)[0]+" (pgx in the program, psql for the bare runs)")
	}
	return m
}
