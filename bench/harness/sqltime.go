//go:build linux

package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
)

// sqlFigure is one set of statements (a dashboard's or a ledger's) timed
// three ways in the same run: through the store as the program runs them,
// the same text through the same Go driver, and bare in the engine's own
// command-line client. Times are milliseconds, medians of reps runs.
type sqlFigure struct {
	Name    string
	Program float64 // the store's method(s), as the page handler calls them
	Driver  float64 // sum over statements of the median, database/sql, same driver
	Bare    float64 // sum over statements of the median, sqlite3 or psql
	PerStmt []stmtFigure
	Reps    int
	Check   string // "" if the copied SQL returned what the store returned
}

type stmtFigure struct {
	Name         string
	Driver, Bare float64
	Rows         int
}

// timeIt runs fn reps times after one warm run and returns the median in
// milliseconds; reps is chosen so that the whole takes about budget.
func timeIt(budget time.Duration, minReps, maxReps int, fn func() error) (float64, int, error) {
	t0 := time.Now()
	if err := fn(); err != nil {
		return 0, 0, err
	}
	one := time.Since(t0)
	reps := maxReps
	if one > 0 {
		reps = int(budget / one)
	}
	reps = max(minReps, min(maxReps, reps))
	var v []float64
	for range reps {
		t := time.Now()
		if err := fn(); err != nil {
			return 0, 0, err
		}
		v = append(v, float64(time.Since(t).Nanoseconds())/1e6)
	}
	return median(v), reps, nil
}

// target is a database as the harness reaches it.
type target struct {
	backend string // "sqlite" or "postgres"
	dataDir string
	dsn     string // postgres:// URL, "" for SQLite
}

func (t target) dbPath() string { return filepath.Join(t.dataDir, store.DBFile) }

// openDriver opens the database with the driver the store uses.
func (t target) openDriver() (*sql.DB, error) {
	if t.backend == "postgres" {
		return sql.Open("pgx", t.dsn)
	}
	return sql.Open("sqlite", "file:"+t.dbPath()+"?_pragma=busy_timeout(10000)")
}

// driverRun runs a statement through database/sql and reads every row.
func driverRun(ctx context.Context, db *sql.DB, backend string, q query) (int, error) {
	text := q.sql
	if backend == "postgres" {
		text = pgRebind(text)
	}
	rows, err := db.QueryContext(ctx, text, q.args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

// bareSQLite times each statement in the sqlite3 shell: reps copies of
// it in one script, against a script of as many SELECT 1, both run trials
// times in turn; the difference of the wall times over reps is one run.
// (The shell's own .timer rounds wall time to the millisecond.)
func bareSQLite(ctx context.Context, t target, work string, qs []query, reps int) ([]float64, error) {
	var out []float64
	for i, q := range qs {
		var params strings.Builder
		text := q.sql
		for j, a := range q.args {
			fmt.Fprintf(&params, ".parameter set ?%d %s\n", j+1, literal(a))
		}
		text = numberPlaceholders(text)
		r := reps
		script := func(stmt string) string {
			var b strings.Builder
			b.WriteString(params.String())
			b.WriteString(".output /dev/null\n")
			for range r {
				b.WriteString(stmt + ";\n")
			}
			return b.String()
		}
		qFile := filepath.Join(work, fmt.Sprintf("q%d.sql", i))
		bFile := filepath.Join(work, fmt.Sprintf("q%d-base.sql", i))
		if err := os.WriteFile(qFile, []byte(script(text)), 0o600); err != nil {
			return nil, err
		}
		if err := os.WriteFile(bFile, []byte(script("SELECT 1")), 0o600); err != nil {
			return nil, err
		}
		var est []float64
		for range 5 {
			tb, err := timedShell(ctx, t.dbPath(), bFile)
			if err != nil {
				return nil, err
			}
			tq, err := timedShell(ctx, t.dbPath(), qFile)
			if err != nil {
				return nil, err
			}
			est = append(est, max(0, (tq-tb))/float64(r))
		}
		out = append(out, median(est))
	}
	return out, nil
}

// numberPlaceholders turns the anonymous ? into ?1, ?2, …, which number
// them as SQLite does anyway, so that the shell's .parameter binds them.
func numberPlaceholders(q string) string {
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteString("?" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func timedShell(ctx context.Context, db, script string) (float64, error) {
	f, err := os.Open(script)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	b, err := os.ReadFile(script)
	if err != nil {
		return 0, err
	}
	t0 := time.Now()
	if _, err := runCmd(ctx, 5*time.Minute, string(b), "sqlite3", "-bail", "-readonly", db); err != nil {
		return 0, err
	}
	return float64(time.Since(t0).Nanoseconds()) / 1e6, nil
}

var psqlTime = regexp.MustCompile(`(?m)^Time: ([0-9.]+) ms`)

// barePostgres times each statement in psql: PREPAREd once (as pgx
// prepares and caches a statement per connection), then EXECUTEd reps
// times with \timing on; the median of psql's times.
func barePostgres(ctx context.Context, t target, qs []query, reps int) ([]float64, error) {
	var out []float64
	for i, q := range qs {
		var b strings.Builder
		b.WriteString("\\set QUIET on\n\\o /dev/null\n")
		fmt.Fprintf(&b, "PREPARE zgq%d AS %s;\n", i, pgRebind(q.sql))
		var args []string
		for _, a := range q.args {
			args = append(args, literal(a))
		}
		exec := fmt.Sprintf("EXECUTE zgq%d", i)
		if len(args) > 0 {
			exec += "(" + strings.Join(args, ", ") + ")"
		}
		b.WriteString(exec + ";\n\\timing on\n")
		for range reps {
			b.WriteString(exec + ";\n")
		}
		res, err := runCmd(ctx, 10*time.Minute, b.String(), "psql", "-X", "-v", "ON_ERROR_STOP=1", "-q", "-d", t.dsn)
		if err != nil {
			return nil, err
		}
		var v []float64
		for _, m := range psqlTime.FindAllStringSubmatch(res, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			v = append(v, x)
		}
		if len(v) != reps {
			return nil, fmt.Errorf("psql: %d timings for %d runs", len(v), reps)
		}
		out = append(out, median(v))
	}
	return out, nil
}

// explain writes each statement's plan, for the record.
func explain(ctx context.Context, t target, qs []query, file string) error {
	var b strings.Builder
	for _, q := range qs {
		fmt.Fprintf(&b, "==== %s\n", q.name)
		var res string
		var err error
		if t.backend == "postgres" {
			var s strings.Builder
			s.WriteString("\\set QUIET on\n")
			fmt.Fprintf(&s, "PREPARE zgx AS %s;\n", pgRebind(q.sql))
			var args []string
			for _, a := range q.args {
				args = append(args, literal(a))
			}
			ex := "EXPLAIN (ANALYZE, BUFFERS) EXECUTE zgx"
			if len(args) > 0 {
				ex += "(" + strings.Join(args, ", ") + ")"
			}
			s.WriteString(ex + ";\n")
			res, err = runCmd(ctx, 5*time.Minute, s.String(), "psql", "-X", "-v", "ON_ERROR_STOP=1", "-q", "-d", t.dsn)
		} else {
			var s strings.Builder
			for j, a := range q.args {
				fmt.Fprintf(&s, ".parameter set ?%d %s\n", j+1, literal(a))
			}
			s.WriteString("EXPLAIN QUERY PLAN " + numberPlaceholders(q.sql) + ";\n")
			res, err = runCmd(ctx, 5*time.Minute, s.String(), "sqlite3", "-readonly", t.dbPath())
			res = "-- sqlite3 shell:\n" + res + "-- the program's SQLite (modernc.org/sqlite), through the driver:\n" + driverPlan(ctx, t, q)
		}
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		} else {
			b.WriteString(res)
		}
		b.WriteString("\n")
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// sqlSet is a set of statements with the store call that runs them.
type sqlSet struct {
	name    string
	queries []query
	program func(ctx context.Context, st *store.Store) (int, error) // rows it got, for the check
	rowsOf  int                                                     // index of the query whose row count program returns
}

// timeSQL times each set through the store, through the driver and bare.
func timeSQL(ctx context.Context, o *options, t target, st *store.Store, sets []sqlSet, work, label string) ([]sqlFigure, error) {
	db, err := t.openDriver()
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var out []sqlFigure
	for _, set := range sets {
		f := sqlFigure{Name: set.name}
		var storeRows int
		prog, reps, err := timeIt(o.sqlBudget, 5, 200, func() error {
			n, err := set.program(ctx, st)
			storeRows = n
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("%s through the store: %w", set.name, err)
		}
		f.Program, f.Reps = prog, reps
		for i, q := range set.queries {
			var rows int
			d, _, err := timeIt(o.sqlBudget/time.Duration(len(set.queries)), reps, reps, func() error {
				n, err := driverRun(ctx, db, t.backend, q)
				rows = n
				return err
			})
			if err != nil {
				return nil, fmt.Errorf("%s, %s through the driver: %w", set.name, q.name, err)
			}
			f.PerStmt = append(f.PerStmt, stmtFigure{Name: q.name, Driver: d, Rows: rows})
			f.Driver += d
			if i == set.rowsOf && rows != storeRows {
				f.Check = fmt.Sprintf("the copied %q returned %d rows, the store %d", q.name, rows, storeRows)
			}
		}
		var bare []float64
		if t.backend == "postgres" {
			bare, err = barePostgres(ctx, t, set.queries, reps)
		} else {
			bare, err = bareSQLite(ctx, t, work, set.queries, reps)
		}
		if err != nil {
			return nil, fmt.Errorf("%s bare: %w", set.name, err)
		}
		for i, b := range bare {
			f.PerStmt[i].Bare = b
			f.Bare += b
		}
		if o.resultsDir != "" {
			name := slug(label + "-" + t.backend + "-" + set.name)
			if i := strings.Index(name, "_4_statements"); i > 0 {
				name = name[:i]
			}
			if err := explain(ctx, t, set.queries, filepath.Join(o.resultsDir, "plan-"+name+".txt")); err != nil {
				return nil, err
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// dashboardSet is the office dashboard's SQL for a scope: the page of
// the list as it opens (store.RoundPage). The page's rounds, which the
// store's later statements name, are those the store answers now.
func dashboardSet(ctx context.Context, st *store.Store, name string, sc zhenggai.Scope, today zhenggai.Date) (sqlSet, error) {
	q := store.RoundQuery{Sort: "date", Desc: true, Limit: pageLimit}
	p, err := st.RoundPage(ctx, sc, today, q)
	if err != nil {
		return sqlSet{}, err
	}
	var ids []int64
	for _, rs := range p.Rows {
		ids = append(ids, rs.Round.ID)
	}
	return sqlSet{
		name:    name,
		queries: pageQueries(scope{all: sc.All, office: sc.Office, unit: sc.Unit}, today, ids),
		program: func(ctx context.Context, st *store.Store) (int, error) {
			p, err := st.RoundPage(ctx, sc, today, q)
			if err != nil {
				return 0, err
			}
			return len(p.Rows), nil
		},
		rowsOf: 5,
	}, nil
}

// ledgerSet is a round's ledger's SQL: the five calls of buildLedger,
// through the store's exported methods (Store.Ledger would answer from
// its cache after the first call).
func ledgerSet(round, unit int64) sqlSet {
	return sqlSet{
		name:    "a round's ledger (buildLedger, 5 statements)",
		queries: ledgerQueries(round, unit),
		program: func(ctx context.Context, st *store.Store) (int, error) {
			r, err := st.Round(ctx, round)
			if err != nil {
				return 0, err
			}
			if _, err := st.Settings(ctx, r.UnitID); err != nil {
				return 0, err
			}
			if _, err := st.Categories(ctx, round); err != nil {
				return 0, err
			}
			if _, err := st.Problems(ctx, round); err != nil {
				return 0, err
			}
			ms, err := st.Measures(ctx, round)
			return len(ms), err
		},
		rowsOf: 4,
	}
}

// driverPlan is SQLite's plan for q as the program's own SQLite makes it.
func driverPlan(ctx context.Context, t target, q query) string {
	db, err := t.openDriver()
	if err != nil {
		return err.Error() + "\n"
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q.sql, q.args...)
	if err != nil {
		return err.Error() + "\n"
	}
	defer rows.Close()
	depth := map[int64]int{}
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int64
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return err.Error() + "\n"
		}
		depth[id] = depth[parent] + 1
		b.WriteString(strings.Repeat("  ", depth[id]-1) + detail + "\n")
	}
	return b.String()
}
