//go:build linux

package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

type options struct {
	bin, work, out, command, resultsDir string
	sizes                               []string
	backends                            []string
	pgBase                              string
	duration                            time.Duration
	threads, conns                      int
	sqlBudget                           time.Duration
	genTimeout                          time.Duration
	provinceUnits                       int
	growth                              bool
	seed                                int
	fresh                               int
}

// page is one page as a user signs in and reads it.
type page struct {
	Key, Name, Who, Path string
	Bytes                int
	Cached, Uncached     wrkResult
	Nginx                wrkResult
	Fresh                []float64 // one client, page cache off: each request renders afresh
	Err                  string
}

// run is one dataset on one backend.
type run struct {
	target
	Label, Size     string
	Units           int // --units given to gen, 0 for the size's default
	GenTime         time.Duration
	AnalyzeTime     time.Duration
	NotifyTime      time.Duration
	Counts          map[string]int
	UnitName        string
	UnitID, RoundID int64
	OfficeName      string
	OfficeID        int64
	OfficeUnits     int
	RoundProblems   int
	RoundMeasures   int
	SQL             []sqlFigure
	Pages           []*page
	Errs            []string
	users           map[string]string // name → password
	cookies         map[string]string // who → cookie
	dbName          string
	genOut          string
	preferUnit      string // measure the unit of this name if there is one
}

func (r *run) fail(format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	r.Errs = append(r.Errs, msg)
	fmt.Fprintf(os.Stderr, "  ! %s/%s: %s\n", r.Label, r.backend, msg)
}

func logf(format string, a ...any) {
	fmt.Fprintf(os.Stderr, "%s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, a...))
}

func runMain(ctx context.Context, args []string) error {
	o := &options{}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.StringVar(&o.bin, "bin", "", "the zhenggai binary")
	fs.StringVar(&o.work, "work", "", "a temporary folder for data, pages and nginx (removed by run.sh)")
	fs.StringVar(&o.out, "out", "BENCHMARKS.md", "the file whose harness section is rewritten")
	fs.StringVar(&o.command, "command", "bash bench/run.sh", "the command line to write into the report")
	fs.StringVar(&o.resultsDir, "results", "", "a folder that keeps query plans and logs after the run")
	sizes := fs.String("sizes", "county", "comma-separated sizes for zhenggai gen: county, province")
	backends := fs.String("backends", "sqlite,postgres", "comma-separated backends")
	fs.StringVar(&o.pgBase, "pg", "postgres://postgres@127.0.0.1:5432", "PostgreSQL server (a database zg_bench_* is created and dropped)")
	fs.DurationVar(&o.duration, "duration", 10*time.Second, "wrk duration per page")
	fs.IntVar(&o.threads, "threads", 2, "wrk threads")
	fs.IntVar(&o.conns, "connections", 50, "wrk connections")
	fs.DurationVar(&o.sqlBudget, "sql-budget", 2*time.Second, "time to spend on each set of statements, each way")
	fs.DurationVar(&o.genTimeout, "gen-timeout", 40*time.Minute, "time allowed to zhenggai gen for one dataset")
	fs.IntVar(&o.provinceUnits, "province-units", 0, "units for the province size (0: the generator's default); a smaller number is reported as province-lite")
	fs.BoolVar(&o.growth, "growth", true, "also generate the county size with twice its units and compare one unit's pages")
	fs.IntVar(&o.seed, "seed", 1, "generator seed")
	fs.IntVar(&o.fresh, "fresh", 20, "sequential requests per page with the page cache off")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.bin == "" || o.work == "" {
		return fmt.Errorf("--bin and --work are required")
	}
	o.sizes = strings.Split(*sizes, ",")
	o.backends = strings.Split(*backends, ",")
	if o.resultsDir != "" {
		if err := os.MkdirAll(o.resultsDir, 0o755); err != nil {
			return err
		}
	}
	started := time.Now()
	mach := machineInfo(ctx, o)
	var runs []*run
	var dropped []string
	defer func() {
		stopAll()
		for _, r := range runs {
			if r.dbName != "" && !slices.Contains(dropped, r.dbName) {
				dropDB(context.Background(), o, r.dbName)
			}
		}
	}()

	var county map[string]*run // by backend, for the growth comparison
	for _, size := range o.sizes {
		label, units := size, 0
		if size == "province" && o.provinceUnits > 0 {
			units = o.provinceUnits
			label = fmt.Sprintf("province-lite (%d units)", units)
		}
		byBackend := map[string]*run{}
		for _, be := range o.backends {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			r := newRun(o, label, size, units, be)
			runs = append(runs, r)
			byBackend[be] = r
			measureRun(ctx, o, r)
		}
		if size == "county" {
			county = byBackend
		}
	}
	var growth []*unitCompare
	if o.growth && county != nil {
		for _, be := range o.backends {
			a := county[be]
			if a == nil || len(a.Errs) > 0 || a.Counts["units with rounds"] == 0 {
				continue
			}
			n := a.Counts["units with rounds"]
			b := newRun(o, fmt.Sprintf("county ×2 units (%d)", 2*n), "county", 2*n, be)
			b.preferUnit = a.UnitName
			runs = append(runs, b)
			measureRun(ctx, o, b)
			growth = append(growth, compareUnits(ctx, o, a, b))
		}
	}
	for _, r := range runs {
		if r.dbName != "" {
			dropDB(context.Background(), o, r.dbName)
			dropped = append(dropped, r.dbName)
		}
	}
	mach.Elapsed = time.Since(started)
	mach.LoadEnd = loadAvg()
	md := report(o, mach, runs, growth)
	if o.resultsDir != "" {
		os.WriteFile(filepath.Join(o.resultsDir, "section.md"), []byte(md), 0o644)
	}
	if err := writeSection(o.out, md); err != nil {
		return err
	}
	logf("wrote %s (%s in all)", o.out, mach.Elapsed.Round(time.Second))
	return nil
}

func newRun(o *options, label, size string, units int, backend string) *run {
	slug := slug(label)
	r := &run{Label: label, Size: size, Units: units, Counts: map[string]int{},
		users: map[string]string{}, cookies: map[string]string{}}
	r.backend = backend
	r.dataDir = filepath.Join(o.work, slug+"-"+backend)
	if backend == "postgres" {
		r.dbName = "zg_bench_" + slug
		r.dsn = o.pgBase + "/" + r.dbName
	}
	return r
}

// dbArgs are the flags that name the database, for every command.
func (r *run) dbArgs() []string {
	a := []string{"--data", r.dataDir}
	if r.dsn != "" {
		a = append(a, "--db", r.dsn)
	}
	return a
}

func psqlAdmin(ctx context.Context, o *options, sql string) error {
	_, err := runCmd(ctx, 2*time.Minute, "", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", o.pgBase+"/postgres", "-c", sql)
	return err
}

func dropDB(ctx context.Context, o *options, name string) {
	if err := psqlAdmin(ctx, o, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
		logf("drop database %s: %v", name, err)
	}
}

// measureRun generates the data and takes every figure of one run.
func measureRun(ctx context.Context, o *options, r *run) {
	logf("== %s on %s", r.Label, r.backend)
	if err := prepare(ctx, o, r); err != nil {
		r.fail("%v", err)
		return
	}
	logf("   SQL timings")
	if err := measureSQL(ctx, o, r); err != nil {
		r.fail("SQL: %v", err)
	}
	logf("   pages")
	if err := measurePages(ctx, o, r); err != nil {
		r.fail("pages: %v", err)
	}
}

var passwordLine = regexp.MustCompile(`初始密码：(\S+)`)

// prepare generates the data, analyses it on PostgreSQL, adds the users
// the harness signs in as and picks the unit and round it reads.
func prepare(ctx context.Context, o *options, r *run) error {
	if err := os.MkdirAll(r.dataDir, 0o750); err != nil {
		return err
	}
	if r.dbName != "" {
		dropDB(ctx, o, r.dbName)
		if err := psqlAdmin(ctx, o, "CREATE DATABASE "+r.dbName); err != nil {
			return err
		}
	}
	args := append([]string{"gen"}, r.dbArgs()...)
	args = append(args, "--size", r.Size, "--seed", strconv.Itoa(o.seed))
	if r.Units > 0 {
		args = append(args, "--units", strconv.Itoa(r.Units))
	}
	logf("   zhenggai %s", strings.Join(args, " "))
	t0 := time.Now()
	out, err := runCmd(ctx, o.genTimeout, "", o.bin, args...)
	r.GenTime = time.Since(t0)
	r.genOut = out
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	logf("   generated in %s", r.GenTime.Round(time.Second))
	// The day's warnings sent, as in an installation that has been
	// running: otherwise serve's first dispatch (tens of thousands of
	// colour changes on a province, each batch a write that empties the
	// page cache) runs while the pages are measured.
	t0 = time.Now()
	if _, err := runCmd(ctx, 30*time.Minute, "", o.bin, append([]string{"notify"}, r.dbArgs()...)...); err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	r.NotifyTime = time.Since(t0)
	logf("   warnings dispatched in %s", r.NotifyTime.Round(time.Second))
	if r.backend == "postgres" {
		// What autovacuum does soon after a bulk load; both the program
		// and psql then plan with the same statistics.
		t0 := time.Now()
		if _, err := runCmd(ctx, 30*time.Minute, "", "psql", "-X", "-q", "-d", r.dsn, "-c", "VACUUM ANALYZE"); err != nil {
			return err
		}
		r.AnalyzeTime = time.Since(t0)
	}

	st, err := store.Open(ctx, r.dataDir, r.dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	db, err := r.openDriver()
	if err != nil {
		return err
	}
	defer db.Close()
	for _, c := range []struct{ name, sql string }{
		{"units", `SELECT COUNT(*) FROM units`},
		{"units with rounds", `SELECT COUNT(DISTINCT unit_id) FROM rounds`},
		{"rounds", `SELECT COUNT(*) FROM rounds`},
		{"problems", `SELECT COUNT(*) FROM problems`},
		{"measures", `SELECT COUNT(*) FROM measures`},
		{"progress entries", `SELECT COUNT(*) FROM progress`},
		{"audit entries", `SELECT COUNT(*) FROM audit_log`},
	} {
		var n int
		if err := db.QueryRowContext(ctx, c.sql).Scan(&n); err != nil {
			return fmt.Errorf("count %s: %w", c.name, err)
		}
		r.Counts[c.name] = n
	}
	// The unit: that of the first round generated, or the unit of that
	// name in the run this one is compared with; its first round.
	if r.preferUnit != "" {
		q := `SELECT MIN(r.unit_id) FROM rounds r JOIN units u ON u.id = r.unit_id WHERE u.name = ?`
		if r.backend == "postgres" {
			q = pgRebind(q)
		}
		var id *int64
		if err := db.QueryRowContext(ctx, q, r.preferUnit).Scan(&id); err == nil && id != nil {
			r.UnitID = *id
		}
	}
	if r.UnitID == 0 {
		if err := db.QueryRowContext(ctx, `SELECT unit_id FROM rounds ORDER BY id LIMIT 1`).Scan(&r.UnitID); err != nil {
			return fmt.Errorf("no round: %w", err)
		}
	}
	u, err := st.Unit(ctx, r.UnitID)
	if err != nil {
		return err
	}
	r.UnitName = u.Name
	q := `SELECT MIN(id) FROM rounds WHERE unit_id = ?`
	if r.backend == "postgres" {
		q = pgRebind(q)
	}
	if err := db.QueryRowContext(ctx, q, r.UnitID).Scan(&r.RoundID); err != nil {
		return err
	}
	l, err := st.Ledger(ctx, r.RoundID, zhenggai.Today())
	if err != nil {
		return err
	}
	r.RoundProblems, r.RoundMeasures = l.Summary.Problems, countMeasures(l)
	// The office: the root of the unit tree with the most units below it.
	units, err := st.Units(ctx)
	if err != nil {
		return err
	}
	parent := map[int64]int64{}
	for _, u := range units {
		parent[u.ID] = u.ParentID
	}
	below := map[int64]int{}
	for _, u := range units {
		for p := parent[u.ID]; p != 0; p = parent[p] {
			below[p]++
		}
	}
	for _, u := range units {
		if u.ParentID == 0 && below[u.ID] > r.OfficeUnits {
			r.OfficeID, r.OfficeName, r.OfficeUnits = u.ID, u.Name, below[u.ID]
		}
	}
	st.Close()

	add := func(name string, extra ...string) error {
		args := append([]string{"user", "add", name}, extra...)
		args = append(args, r.dbArgs()...)
		out, err := runCmd(ctx, 2*time.Minute, "", o.bin, args...)
		if err != nil {
			return err
		}
		m := passwordLine.FindStringSubmatch(out)
		if m == nil {
			return fmt.Errorf("user add %s: no password in %q", name, out)
		}
		r.users[name] = m[1]
		return nil
	}
	if err := add("zgbench-admin", "--role", "admin"); err != nil {
		return err
	}
	if r.OfficeID != 0 {
		if err := add("zgbench-office", "--role", "supervisor", "--unit", r.OfficeName); err != nil {
			return err
		}
	}
	if err := add("zgbench-unit", "--role", "unit_admin", "--unit", r.UnitName); err != nil {
		return err
	}
	return nil
}

func countMeasures(l *zhenggai.Ledger) int {
	n := 0
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			n += len(p.Measures)
		}
	}
	return n
}

// measureSQL times the dashboards' and the ledger's statements.
func measureSQL(ctx context.Context, o *options, r *run) error {
	st, err := store.Open(ctx, r.dataDir, r.dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	today := zhenggai.Today()
	var sets []sqlSet
	add := func(name string, sc zhenggai.Scope) error {
		set, err := dashboardSet(ctx, st, name, sc, today)
		sets = append(sets, set)
		return err
	}
	if err := add("office dashboard, administrator (every round; RoundPage as the list opens, 9 statements)", zhenggai.Scope{All: true}); err != nil {
		return err
	}
	if r.OfficeID != 0 {
		if err := add(fmt.Sprintf("office dashboard, supervisor of %s (its subtree)", r.OfficeName), zhenggai.Scope{Office: r.OfficeID}); err != nil {
			return err
		}
	}
	if err := add("a unit's own list of rounds (Scope{Unit})", zhenggai.Scope{Unit: r.UnitID}); err != nil {
		return err
	}
	sets = append(sets, ledgerSet(r.RoundID, r.UnitID))
	r.SQL, err = timeSQL(ctx, o, r.target, st, sets, o.work, r.Label)
	return err
}

// measurePages loads each page from the program with its page cache (as
// `zhenggai serve` runs), from the program without it, and as the same
// bytes from nginx.
func measurePages(ctx context.Context, o *options, r *run) error {
	r.Pages = []*page{
		{Key: "office", Name: "office dashboard `/`", Who: "zgbench-admin", Path: "/"},
	}
	if r.OfficeID != 0 {
		r.Pages = append(r.Pages, &page{Key: "supervisor", Name: "office dashboard `/` (supervisor)", Who: "zgbench-office", Path: "/"})
	}
	r.Pages = append(r.Pages,
		&page{Key: "unit-home", Name: "a unit's own list `/`", Who: "zgbench-unit", Path: "/"},
		&page{Key: "round", Name: "round dashboard `/rounds/{id}`", Who: "zgbench-unit", Path: fmt.Sprintf("/rounds/%d", r.RoundID)},
		&page{Key: "ledger", Name: "unit's ledger `/rounds/{id}/ledger`", Who: "zgbench-unit", Path: fmt.Sprintf("/rounds/%d/ledger", r.RoundID)},
	)
	www := filepath.Join(o.work, "www-"+filepath.Base(r.dataDir))
	if err := os.MkdirAll(www, 0o755); err != nil {
		return err
	}
	logDir := o.work
	if o.resultsDir != "" {
		logDir = o.resultsDir
	}
	base := filepath.Base(r.dataDir)

	// 1. zhenggai serve, as installed.
	port, err := freePort()
	if err != nil {
		return err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	srvLog := filepath.Join(logDir, "serve-"+base+".log")
	srv, err := start(o.bin, srvLog, append([]string{"serve", "--addr", addr}, r.dbArgs()...)...)
	if err != nil {
		return err
	}
	url := "http://" + addr
	if err := waitHTTP(ctx, url+"/healthz", 60*time.Second, srv); err != nil {
		stop(srv)
		return err
	}
	for who, pw := range r.users {
		c, now, err := login(ctx, url, who, pw)
		if err != nil {
			stop(srv)
			return err
		}
		r.cookies[who], r.users[who] = c, now
	}
	for _, p := range r.Pages {
		body, _, err := fetch(ctx, url+p.Path, r.cookies[p.Who])
		if err != nil {
			p.Err = err.Error() + serverSaid(srvLog)
			continue
		}
		p.Bytes = len(body)
		if err := os.WriteFile(filepath.Join(www, p.Key+".html"), body, 0o644); err != nil {
			stop(srv)
			return err
		}
		logf("   wrk serve %s (%d bytes)", p.Path, len(body))
		if p.Cached, err = runWrk(ctx, o, url+p.Path, r.cookies[p.Who]); err != nil {
			p.Err = err.Error()
		}
		if p.Cached.Errors != "" {
			p.Cached.Errors += serverSaid(srvLog)
		}
	}
	stop(srv)

	// 2. The same handler with the page cache off.
	port, err = freePort()
	if err != nil {
		return err
	}
	addr = fmt.Sprintf("127.0.0.1:%d", port)
	self, err := os.Executable()
	if err != nil {
		return err
	}
	uncLog := filepath.Join(logDir, "uncached-"+base+".log")
	unc, err := start(self, uncLog, append([]string{"serve-uncached", "--addr", addr}, r.dbArgs()...)...)
	if err != nil {
		return err
	}
	url = "http://" + addr
	if err := waitHTTP(ctx, url+"/healthz", 60*time.Second, unc); err != nil {
		stop(unc)
		return err
	}
	for _, p := range r.Pages {
		if p.Err != "" {
			continue
		}
		logf("   fresh + wrk uncached %s", p.Path)
		lat, err := sequential(ctx, url+p.Path, r.cookies[p.Who], 3, o.fresh)
		if err != nil {
			p.Err = err.Error() + serverSaid(uncLog)
			continue
		}
		p.Fresh = lat
		if p.Uncached, err = runWrk(ctx, o, url+p.Path, r.cookies[p.Who]); err != nil {
			p.Err = err.Error()
		}
		if p.Uncached.Errors != "" {
			p.Uncached.Errors += serverSaid(uncLog)
		}
	}
	stop(unc)

	// 3. nginx serving the bytes the program answered.
	ng, err := startNginx(ctx, o.work, www)
	if err != nil {
		return err
	}
	defer stop(ng.cmd)
	for _, p := range r.Pages {
		if p.Bytes == 0 {
			continue
		}
		logf("   wrk nginx %s", p.Key)
		res, err := runWrk(ctx, o, ng.base+"/"+p.Key+".html", "")
		if err != nil {
			p.Err = err.Error()
			continue
		}
		p.Nginx = res
	}
	return nil
}

// slug keeps the ASCII letters and digits of s, the rest as single "_".
func slug(s string) string {
	s = strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			return c
		}
		return '_'
	}, strings.ToLower(s))
	return regexp.MustCompile(`_+`).ReplaceAllString(strings.Trim(s, "_"), "_")
}

// serverSaid is the last error line of a server's log, to explain a
// failed request.
func serverSaid(logFile string) string {
	b, err := os.ReadFile(logFile)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	for i := len(lines) - 1; i >= 0 && i >= len(lines)-50; i-- {
		if strings.Contains(lines[i], "level=ERROR") {
			l := lines[i]
			if len(l) > 300 {
				l = l[:300]
			}
			return " (the server logged: " + l + ")"
		}
	}
	return ""
}
