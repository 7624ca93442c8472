package store_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// BenchmarkAttendance: a year of sign-ins for 200 staff (20 leaders, 180
// staff; every working day of 2020 but one in fifty missed, about 49,000
// rows) imported and checked, each beside its bare SQL in the same run:
//
//	import       store.ImportSignIns of the rows (names matched to the
//	             roster, what it replaces counted, the audited import row,
//	             batched INSERTs), on a register emptied before each run
//	bare/import  the same rows by plain multi-row INSERTs of 500 rows in
//	             one transaction
//	check        the attendance rules' registers (RegistersFor with
//	             NeedAttendance) and their three checks
//	bare/check   those registers' queries (RegistersSQL), rows read into
//	             nothing
//
//	go test ./internal/store -run '^$' -bench 'Attendance' -benchtime 5x
func BenchmarkAttendance(b *testing.B) {
	testkit.BenchEachBackend(b, func(b *testing.B, env *testkit.Env) {
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "bench"})
		unit, err := env.Store.EnsureUnit(ctx, "某县政协机关")
		if err != nil {
			b.Fatal(err)
		}
		var names []string
		ids := map[string]int64{}
		for i := range 200 {
			p := &zhenggai.Person{UnitID: unit, Name: fmt.Sprintf("干部%03d", i), Kind: zhenggai.PersonStaff, Rank: "科员"}
			if i < 20 {
				p.Kind, p.Rank = zhenggai.PersonLeader, "处级领导"
			}
			if err := env.Store.SavePerson(ctx, p); err != nil {
				b.Fatal(err)
			}
			names = append(names, p.Name)
			ids[p.Name] = p.ID
		}
		cal := zhenggai.NewWorkCalendar(nil)
		var rows []store.SignInRow
		k := 0
		for d := zhenggai.NewDate(2020, 1, 1); d.Year() == 2020; d = d.AddDays(1) {
			if !cal.WorkingDay(d) {
				continue
			}
			for _, n := range names {
				k++
				if k%50 == 0 {
					continue
				}
				rows = append(rows, store.SignInRow{Name: n, On: d, FirstIn: 460 + k%40, LastOut: 1050 + k%50})
			}
		}
		b.Logf("%d sign-ins", len(rows))
		raw := env.Raw(b)
		clear := func(b *testing.B) {
			if _, err := raw.DB.ExecContext(ctx, `DELETE FROM sign_ins`); err != nil {
				b.Fatal(err)
			}
		}
		per := map[string]time.Duration{}
		measure := func(name string, setup func(b *testing.B), fn func(b *testing.B)) {
			b.Run(name, func(b *testing.B) {
				runtime.GC()
				for b.Loop() {
					if setup != nil {
						b.StopTimer()
						setup(b)
						b.StartTimer()
					}
					fn(b)
				}
				per[name] = b.Elapsed() / time.Duration(b.N)
			})
		}
		importRun := func(b *testing.B) {
			res, err := env.Store.ImportSignIns(ctx, &store.SignInImport{UnitID: unit, FileName: "考勤.xlsx", Source: "考勤机", Rows: rows}, false)
			if err != nil || res.SignIns != len(rows) {
				b.Fatal(err)
			}
		}
		measure("import", clear, importRun)
		pool := store.WriteDBForTest(env.Store)
		rebind := func(q string) string {
			if env.DSN == "" {
				return q
			}
			n := 0
			var sb strings.Builder
			for _, c := range q {
				if c == '?' {
					n++
					fmt.Fprintf(&sb, "$%d", n)
					continue
				}
				sb.WriteRune(c)
			}
			return sb.String()
		}
		bareImport := func(b *testing.B) {
			tx, err := pool.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			// The same rows: under an import row of their own.
			var imp int64
			if err := tx.QueryRowContext(ctx, rebind(`INSERT INTO sign_in_imports (unit_id, file_name, sha256, source, date_from, date_to,
				persons, sign_ins, replaced, imported_by, created_at) VALUES (?, ?, '', '', ?, ?, ?, ?, 0, 'bench', ?) RETURNING id`),
				unit, "考勤.xlsx", "2020-01-02", "2020-12-31", 200, len(rows), time.Now().UTC().Format(time.RFC3339)).Scan(&imp); err != nil {
				b.Fatal(err)
			}
			const cols = 9
			row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
			full := rebind(`INSERT INTO sign_ins (unit_id, import_id, person_id, name, on_date, first_in, last_out, source, sample) VALUES ` +
				strings.TrimSuffix(strings.Repeat(row+", ", 500), ", "))
			args := make([]any, 0, 500*cols)
			flush := func(n int) {
				q := full
				if n < 500 {
					q = rebind(`INSERT INTO sign_ins (unit_id, import_id, person_id, name, on_date, first_in, last_out, source, sample) VALUES ` +
						strings.TrimSuffix(strings.Repeat(row+", ", n), ", "))
				}
				if _, err := tx.ExecContext(ctx, q, args...); err != nil {
					b.Fatal(err)
				}
				args = args[:0]
			}
			n := 0
			for _, r := range rows {
				args = append(args, unit, imp, ids[r.Name], r.Name, r.On.String(), r.FirstIn, r.LastOut, "考勤机", 0)
				if n++; n == 500 {
					flush(n)
					n = 0
				}
			}
			if n > 0 {
				flush(n)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
		measure("bare/import", clear, bareImport)
		// The register as imported, for the checks.
		clear(b)
		if _, err := env.Store.ImportSignIns(ctx, &store.SignInImport{UnitID: unit, FileName: "考勤.xlsx", Rows: rows}, false); err != nil {
			b.Fatal(err)
		}
		p := zhenggai.Period{Start: zhenggai.NewDate(2020, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}
		rules := []selfcheck.Rule{selfcheck.AttendanceGap, selfcheck.NeverSigns, selfcheck.LeaveUnreturned}
		found := 0
		checkRun := func(b *testing.B) {
			regs, err := env.Store.RegistersFor(ctx, unit, p, selfcheck.NeedAttendance)
			if err != nil {
				b.Fatal(err)
			}
			found = 0
			for _, r := range rules {
				fs, err := r.Check(ctx, regs, p, r.Values(nil))
				if err != nil {
					b.Fatal(err)
				}
				found += len(fs)
			}
		}
		measure("check", nil, checkRun)
		rpool := store.ReadDBForTest(env.Store)
		bareCheck := func(b *testing.B) {
			qs, err := env.Store.RegistersSQL(ctx, unit, p, selfcheck.NeedAttendance)
			if err != nil {
				b.Fatal(err)
			}
			for _, q := range qs {
				if q.Name != "attendance" {
					continue
				}
				rs, err := rpool.QueryContext(ctx, q.SQL, q.Args...)
				if err != nil {
					b.Fatal(q.Name, err)
				}
				cols, _ := rs.Columns()
				vals := make([]any, len(cols))
				for i := range vals {
					vals[i] = new(any)
				}
				for rs.Next() {
					if err := rs.Scan(vals...); err != nil {
						b.Fatal(err)
					}
				}
				if err := rs.Close(); err != nil {
					b.Fatal(err)
				}
			}
		}
		measure("bare/check", nil, bareCheck)
		// The machine is shared: each beside its bare run, alternately,
		// and the medians compared (what the ratios in BENCHMARKS.md are).
		median := func(ds []time.Duration) time.Duration {
			slices.Sort(ds)
			return ds[len(ds)/2]
		}
		pair := func(name string, n int, setup func(b *testing.B), fn, bare func(b *testing.B)) {
			var a, z []time.Duration
			for range n {
				for i, f := range []func(b *testing.B){fn, bare} {
					if setup != nil {
						setup(b)
					}
					t0 := time.Now()
					f(b)
					if i == 0 {
						a = append(a, time.Since(t0))
					} else {
						z = append(z, time.Since(t0))
					}
				}
			}
			ma, mz := median(a), median(z)
			b.Logf("%-7s median of %d: %8.1f ms  bare %8.1f ms  %5.2f×", name, n, float64(ma.Microseconds())/1000,
				float64(mz.Microseconds())/1000, float64(ma)/float64(mz))
		}
		pair("import", 5, clear, importRun, bareImport)
		pair("check", 21, nil, checkRun, bareCheck)
		if os.Getenv("ZHENGGAI_BENCH_PARTS") != "" {
			pair("plan", 21, nil, func(b *testing.B) { env.Store.RegistersFor(ctx, unit, p, 0) }, bareCheck)
			pair("load", 21, nil, func(b *testing.B) { env.Store.RegistersFor(ctx, unit, p, selfcheck.NeedAttendance) }, bareCheck)
		}
		b.Logf("%d findings", found)
		for _, n := range []string{"import", "check"} {
			if per["bare/"+n] > 0 {
				b.Logf("%-7s %8.1f ms  bare %8.1f ms  %5.2f×", n, float64(per[n].Microseconds())/1000,
					float64(per["bare/"+n].Microseconds())/1000, float64(per[n])/float64(per["bare/"+n]))
			}
		}
	})
}
