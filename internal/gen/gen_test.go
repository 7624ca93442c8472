package gen_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/gen"
	"zhenggai/internal/testkit"
)

var today = zhenggai.NewDate(2024, 6, 30)

// small is a county-shaped configuration small enough for a test.
func small(seed uint64) gen.Config {
	return gen.Config{Seed: seed, Units: 3, Rounds: 2, Problems: 6, Measures: 2, Progress: 2, Today: today}
}

// generate writes c into the installation env.
func generate(t *testing.T, env *testkit.Env, c gen.Config) *gen.Result {
	t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:gen", Via: "cli"})
	res, err := gen.Generate(ctx, env.Store, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// contentTables are the tables gen writes; their every column but the
// times the store stamps from the clock must come out the same.
var contentTables = []string{"units", "rounds", "categories", "problems", "measures", "progress"}

// dump is the content of the installation's tables as text, one line a row.
func dump(t *testing.T, env *testkit.Env) string {
	t.Helper()
	db := env.Raw(t)
	var sb strings.Builder
	for _, table := range contentTables {
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			sb.WriteString(table)
			for i, c := range cols {
				if c == "created_at" || c == "updated_at" {
					continue
				}
				fmt.Fprintf(&sb, "|%s=%v", c, vals[i])
			}
			sb.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return sb.String()
}

// TestDeterministic: the same seed makes the same content twice, and the
// same on SQLite as on PostgreSQL; another seed makes other content.
func TestDeterministic(t *testing.T) {
	// Offices between the top and the units: every kind of record.
	c := gen.Config{Seed: 7, Offices: 2, Units: 4, Rounds: 2, Problems: 5, Measures: 2, Progress: 2, Today: today}
	dumps := map[string]string{}
	testkit.EachBackend(t, func(t *testing.T, a *testkit.Env) {
		b := a.Another(t)
		generate(t, a, c)
		generate(t, b, c)
		da, db := dump(t, a), dump(t, b)
		sameDump(t, "same seed", da, db)
		dumps[a.Backend] = da
		if a.Backend != "sqlite" {
			return // a new database costs seconds on PostgreSQL, and seeds do not depend on it
		}
		other := c
		other.Seed = 8
		d := a.Another(t)
		generate(t, d, other)
		if dump(t, d) == da {
			t.Error("seeds 7 and 8 made the same content")
		}
	})
	if len(dumps) == 2 {
		sameDump(t, "SQLite and PostgreSQL", dumps["sqlite"], dumps["postgres"])
	}
}

func sameDump(t *testing.T, what, a, b string) {
	t.Helper()
	if a == b {
		return
	}
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			t.Fatalf("%s, different content at line %d:\n%s\n%s", what, i+1, la[i], lb[i])
		}
	}
	t.Fatalf("%s, different number of rows: %d and %d", what, len(la), len(lb))
}

func count(t *testing.T, env *testkit.Env, table string) int64 {
	t.Helper()
	var n int64
	if err := env.Raw(t).QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPresets(t *testing.T) {
	county, err := gen.Preset("county")
	if err != nil {
		t.Fatal(err)
	}
	if n := county.Expected(); n.Offices != 1 || n.Units != 30 || n.Rounds != 60 || n.Problems != 1800 ||
		n.Measures != 5400 || n.Progress != 21600 {
		t.Errorf("county preset makes %+v", n)
	}
	province, err := gen.Preset("province")
	if err != nil {
		t.Fatal(err)
	}
	if n := province.Expected(); n.Offices != 15 || n.Units != 1000 || n.Rounds != 3000 || n.Problems != 120000 ||
		n.Measures != 360000 || n.Progress != 3600000 {
		t.Errorf("province preset makes %+v", n)
	}
	if _, err := gen.Preset("country"); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("unknown size: %v", err)
	}
}

// TestCounts: what is written is what Expected says, for both shapes of tree.
func TestCounts(t *testing.T) { testkit.EachBackend(t, testCounts) }

func testCounts(t *testing.T, env *testkit.Env) {
	for i, c := range []gen.Config{small(1), {Seed: 2, Offices: 3, Units: 7, Rounds: 1, Problems: 4, Measures: 2, Progress: 0, Today: today}} {
		if i > 0 {
			env = env.Another(t)
		}
		st, res := env.Store, generate(t, env, c)
		want := c.Expected()
		if res.Counts != want {
			t.Errorf("%+v: result counts %+v, want %+v", c, res.Counts, want)
		}
		for table, n := range map[string]int64{
			"units": want.Offices + want.Units, "rounds": want.Rounds, "categories": want.Categories,
			"problems": want.Problems, "measures": want.Measures, "progress": want.Progress,
		} {
			if got := count(t, env, table); got != n {
				t.Errorf("%+v: %d rows in %s, want %d", c, got, table, n)
			}
		}
		if got := count(t, env, "audit_log"); got != want.Rows() {
			t.Errorf("%d audit entries for %d records", got, want.Rows())
		}
		// The tree: the top office alone at the top, offices under it, units under an office.
		tree, err := st.UnitTree(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		depth := map[int]int{}
		for _, n := range tree {
			depth[n.Depth]++
		}
		wantDepth := map[int]int{0: 1, 1: c.Units}
		if c.Offices > 0 {
			wantDepth = map[int]int{0: 1, 1: c.Offices, 2: c.Units}
		}
		if fmt.Sprint(depth) != fmt.Sprint(wantDepth) {
			t.Errorf("%+v: units per depth %v, want %v", c, depth, wantDepth)
		}
		if tree[0].Name != res.Top || tree[0].ID != res.TopID {
			t.Errorf("top of the tree is %+v, generated %s", tree[0], res.Top)
		}
	}
}

// TestLooksReal: all three warnings, a realistic mix of statuses, names
// and texts of the right shape, and an audit trail that verifies.
func TestLooksReal(t *testing.T) { testkit.EachBackend(t, testLooksReal) }

func testLooksReal(t *testing.T, env *testkit.Env) {
	c := gen.Config{Seed: 3, Units: 6, Rounds: 2, Problems: 15, Measures: 3, Progress: 3, Today: today}
	st, res := env.Store, generate(t, env, c)
	ctx := context.Background()
	rounds, err := st.Rounds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	colours := zhenggai.ColourCounts{}
	statuses := zhenggai.NewStatusCounts()
	for _, r := range rounds {
		if !strings.HasSuffix(r.Inspector, "巡察组") || !strings.HasPrefix(r.Inspector, "县委第") {
			t.Errorf("inspection group %q", r.Inspector)
		}
		if !strings.HasSuffix(r.Unit, "党组") && !strings.HasSuffix(r.Unit, "党委") && !strings.HasSuffix(r.Unit, "党工委") {
			t.Errorf("unit %q", r.Unit)
		}
		if !r.FeedbackDate.Before(today) || r.Onsite.End.Before(r.Onsite.Start) || !r.Onsite.End.Before(r.FeedbackDate) {
			t.Errorf("round dates %s %s %s", r.Onsite.Start, r.Onsite.End, r.FeedbackDate)
		}
		l, err := st.Ledger(ctx, r.ID, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Summary.Mismatches) > 0 {
			t.Errorf("round %d: %v", r.ID, l.Summary.Mismatches)
		}
		for k, n := range l.Summary.ColourCounts {
			colours[k] += n
		}
		for k, n := range l.Summary.MeasureCounts {
			statuses[k] += n
		}
		for _, cn := range l.Categories {
			for _, pn := range cn.Problems {
				if !strings.HasPrefix(pn.Rectification, "一是") {
					t.Errorf("rectification %q", pn.Rectification)
				}
				for _, m := range pn.Measures {
					if m.Owner == "" || m.Leader == "" || m.Office == "" || m.Deadline.Before(r.FeedbackDate) {
						t.Errorf("measure %+v", m.Measure)
					}
				}
			}
		}
		ps, err := st.Progress(ctx, r.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.Date.Before(r.FeedbackDate) || today.Before(p.Date) {
				t.Errorf("progress dated %s, feedback %s, today %s", p.Date, r.FeedbackDate, today)
			}
		}
	}
	for _, k := range zhenggai.Colours {
		if colours[k] == 0 {
			t.Errorf("no %s warning: %v", k, colours)
		}
	}
	var present []zhenggai.Status
	for _, s := range zhenggai.Statuses {
		if statuses[s] > 0 {
			present = append(present, s)
		}
	}
	if len(present) < 4 {
		t.Errorf("statuses present: %v", statuses)
	}
	most := slices.MaxFunc(zhenggai.Statuses, func(a, b zhenggai.Status) int { return statuses[a] - statuses[b] })
	if most != zhenggai.Completed {
		t.Errorf("most measures are %s: %v", most, statuses)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("audit verify: %+v", rep.Problems)
	}
	if want := res.Counts.Rows(); rep.Entries != want {
		t.Errorf("%d audit entries, %d records", rep.Entries, want)
	}
}

func TestValidate(t *testing.T) {
	for name, c := range map[string]gen.Config{
		"no units":       {Units: 0, Rounds: 1, Problems: 1, Measures: 1, Today: today},
		"many measures":  {Units: 1, Rounds: 1, Problems: 1, Measures: 100, Today: today},
		"no date":        {Units: 1, Rounds: 1, Problems: 1, Measures: 1},
		"future":         {Units: 1, Rounds: 1, Problems: 1, Measures: 1, Today: zhenggai.Today().AddDays(1)},
		"offices>units":  {Offices: 3, Units: 2, Rounds: 1, Problems: 1, Measures: 1, Today: today},
		"round too big":  {Units: 1, Rounds: 1, Problems: 999, Measures: 99, Progress: 1000, Today: today},
		"negative count": {Units: 1, Rounds: 1, Problems: 1, Measures: 1, Progress: -1, Today: today},
	} {
		if err := c.Validate(); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := small(1).Validate(); err != nil {
		t.Error(err)
	}
}

// TestOutcomes: generated rounds record outcomes as real ones do: rules
// named where a mechanism's text says one was made, a little money and a
// few persons; they pass validation (the bulk writer checks) and sum.
func TestOutcomes(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		c := gen.Config{Seed: 5, Units: 4, Rounds: 2, Problems: 20, Measures: 3, Progress: 1, Today: today}
		st := env.Store
		generate(t, env, c)
		ctx := context.Background()
		rounds, err := st.Rounds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var total zhenggai.Outcomes
		for _, r := range rounds {
			l, err := st.Ledger(ctx, r.ID, today)
			if err != nil {
				t.Fatal(err)
			}
			total = total.Add(l.Summary.Outcomes)
			for _, n := range l.Summary.RuleNames {
				if strings.ContainsAny(n, "《》") || !strings.ContainsAny(n, "制办规则") {
					t.Errorf("rule name %q", n)
				}
			}
		}
		if total.Rules == 0 || total.RefundedFen+total.RecoveredFen == 0 || total.Talks == 0 {
			t.Errorf("outcomes over %d rounds: %+v", len(rounds), total)
		}
	})
}
