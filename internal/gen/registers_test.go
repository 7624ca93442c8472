package gen_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"zhenggai"
	"zhenggai/internal/gen"
	"zhenggai/internal/testkit"
)

// TestRegisters: registers for some of the units, at a small size, on
// both backends: the rows asked for, each unit's own, an audit trail that
// verifies.
func TestRegisters(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		c := small(4)
		res := generate(t, env, c)
		rc := gen.RegisterConfig{Units: 2, Meetings: 60, Lines: 3000, Members: 12, Proposals: 50, CPPCC: 20, SignInYears: 1}
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:gen", Via: "cli"})
		last := 0
		n, err := gen.GenerateRegisters(ctx, env.Store, c, rc, res.UnitIDs, func(done, total int) {
			if total != 8 || done != last+1 {
				t.Errorf("step %d of %d after %d", done, total, last)
			}
			last = done
		})
		if err != nil {
			t.Fatal(err)
		}
		if n.Meetings < 100 || n.Meetings > 120 || n.Lines < 6000 || n.Lines > 6600 || n.Members != 24 || n.Payments != 24*60 ||
			n.Proposals != 100 || n.CPPCCMembers != 40 || n.Townships != 46 || n.Archives < 20 || n.ArchiveDocs < n.Archives {
			t.Errorf("counts %+v", n)
		}
		for table, want := range map[string]int64{"meetings": n.Meetings, "voucher_lines": n.Lines, "voucher_imports": 2,
			"dues_payments": n.Payments, "meeting_statements": n.Statements, "proposals": n.Proposals, "cppcc_members": n.CPPCCMembers,
			"suggestions": n.Suggestions, "archive_files": n.Archives, "archive_documents": n.ArchiveDocs, "sign_ins": n.SignIns,
			"leaves": n.Leaves, "sign_in_imports": 2} {
			if got := count(t, env, table); got != want {
				t.Errorf("%s: %d rows, want %d", table, got, want)
			}
		}
		// A year of sign-ins (at least three leaders and three staff a
		// unit, each on most working days), the year before today's, on
		// working days only; and their leave.
		var lo, hi string
		if err := env.Raw(t).QueryRow(`SELECT MIN(on_date), MAX(on_date) FROM sign_ins`).Scan(&lo, &hi); err != nil {
			t.Fatal(err)
		}
		year := fmt.Sprint(today.Year() - 1)
		if n.SignIns < 2*6*200 || n.Leaves < 2*6 || lo[:4] != year || hi[:4] != year {
			t.Errorf("%d sign-ins from %s to %s, %d leaves; want a year of %s", n.SignIns, lo, hi, n.Leaves, year)
		}
		cal := zhenggai.NewWorkCalendar(nil)
		rows, err := env.Raw(t).Query(`SELECT DISTINCT on_date FROM sign_ins`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			rows.Scan(&s)
			if d, _ := zhenggai.ParseDate(s); !cal.WorkingDay(d) {
				t.Errorf("a sign-in on %s, not a working day", s)
			}
		}
		rows.Close()
		rep, err := env.Store.VerifyAudit(context.Background())
		if err != nil || !rep.OK() {
			t.Fatalf("audit verify: %v %+v", err, rep)
		}
		// The third unit has none.
		if rc.Validate(c) != nil || (gen.RegisterConfig{Units: 4}).Validate(c) == nil {
			t.Error("register units beyond the units passed")
		}
	})
}

func TestRegistersDeterministic(t *testing.T) {
	p, err := gen.NewPlan(small(4))
	if err != nil {
		t.Fatal(err)
	}
	rc := gen.RegisterConfig{Units: 2, Meetings: 40, Lines: 1000, Members: 8}
	a, err := p.Registers(1, rc)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := gen.NewPlan(small(4))
	b, _ := q.Registers(1, rc)
	c, _ := q.Registers(0, rc)
	if !reflect.DeepEqual(a, b) || reflect.DeepEqual(a.Vouchers, c.Vouchers) {
		t.Error("registers are not the plan's and the unit's alone")
	}
	from := a.Meetings[0].Date
	if from.Year() != 2019 || a.Vouchers[len(a.Vouchers)-1].Date.Year() != 2023 {
		t.Errorf("registers from %s to %s, want the five years before 2024", from, a.Vouchers[len(a.Vouchers)-1].Date)
	}
}
