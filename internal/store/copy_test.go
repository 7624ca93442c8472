package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

// copied are the tables CopyInto carries over; sessions are not.
var copied = []string{"units", "users", "tokens", "settings", "rounds", "categories", "problems", "measures",
	"progress", "attachments", "audit_log", "audit_head"}

// dump reads every copied table behind the program's back, rows in id
// order, each value as the driver gives it (both give int64, string or
// nil for every column of the schema).
func dump(t *testing.T, env *testkit.Env) map[string][]string {
	t.Helper()
	raw := env.Raw(t)
	defer raw.Close()
	out := map[string][]string{}
	for _, table := range copied {
		rows, err := raw.DB.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
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
			var parts []string
			for i, v := range vals {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				parts = append(parts, fmt.Sprintf("%s=%T:%v", strings.ToLower(cols[i]), v, v))
			}
			out[table] = append(out[table], strings.Join(parts, " "))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return out
}

// fillInstallation writes what an installation holds: the demo round with
// its evidence, accounts, a token, a session, settings, and a unit tree
// in which a parent was created after its child.
func fillInstallation(t *testing.T, env *testkit.Env) {
	t.Helper()
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "system:demo", Via: "cli"})
	r, err := demo.Load(ctx, st, env.Files, zhenggai.NewDate(2020, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	// An account as demo.Accounts makes them, without the cost of
	// hashing a password: the store keeps whatever hash it is given.
	u := &zhenggai.User{UnitID: r.UnitID, Name: "admin", DisplayName: "管理员", Role: zhenggai.RoleAdmin}
	if err := st.CreateUser(ctx, u, "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateToken(ctx, u.ID, "api", strings.Repeat("cd", 32)); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateSession(ctx, strings.Repeat("ef", 32), u.ID, time.Now().Add(time.Hour), "127.0.0.1"); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 7}); err != nil {
		t.Fatal(err)
	}
	child := &zhenggai.Unit{Name: "某乡党委"}
	if err := st.SaveUnit(ctx, child); err != nil {
		t.Fatal(err)
	}
	parent := &zhenggai.Unit{Name: "县委巡察办"}
	if err := st.SaveUnit(ctx, parent); err != nil {
		t.Fatal(err)
	}
	child.ParentID = parent.ID
	if err := st.SaveUnit(ctx, child); err != nil {
		t.Fatal(err)
	}
}

// TestCopyInto copies an installation between every pair of backends: the
// copy holds the same rows, ids and audit trail, passes audit verify, and
// goes on from there (new ids after the copied ones, the chain unbroken).
// Subtests are named source/target.
func TestCopyInto(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, from *testkit.Env) {
		src := from.Store
		fillInstallation(t, from)
		srcRep := mustVerify(t, src)
		testkit.EachBackend(t, func(t *testing.T, to *testkit.Env) {
			ctx := context.Background()
			dst := to.Store
			var calls int
			rep, err := src.CopyInto(ctx, dst, func(table string, done, total int64) { calls++ })
			if err != nil {
				t.Fatal(err)
			}
			if calls == 0 || rep.Counts["audit_log"] != srcRep.Entries || rep.Counts["measures"] != 97 || rep.Counts["audit_head"] != 1 {
				t.Errorf("report %v after %d progress calls", rep.Counts, calls)
			}
			dstRep := mustVerify(t, dst)
			if dstRep.HeadHash != srcRep.HeadHash || dstRep.Entries != srcRep.Entries || dstRep.Records != srcRep.Records {
				t.Errorf("copy verifies as %+v, source %+v", dstRep, srcRep)
			}
			a, b := dump(t, from), dump(t, to)
			for _, table := range copied {
				if strings.Join(a[table], "\n") != strings.Join(b[table], "\n") {
					t.Errorf("%s differs: %d rows in the source, %d in the copy\nfirst source row %v\nfirst copy row   %v",
						table, len(a[table]), len(b[table]), first(a[table]), first(b[table]))
				}
			}
			if _, err := dst.SessionUser(ctx, strings.Repeat("ef", 32)); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
				t.Errorf("a session was copied: %v", err)
			}
			// The copy goes on: new ids follow the copied ones.
			// On a problem still open: the closed ones are locked.
			probs, _ := dst.Problems(ctx, 1)
			var open int64
			for _, p := range probs {
				if !p.CloseState.Locked() {
					open = p.ID
				}
			}
			m := &zhenggai.Measure{ProblemID: open, Seq: 99, Content: "迁移后新增的措施",
				Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
			if err := dst.CreateMeasure(actx(), m); err != nil {
				t.Fatal(err)
			}
			if m.ID != 98 {
				t.Errorf("new measure got id %d, want 98", m.ID)
			}
			if rep := mustVerify(t, dst); rep.Entries != srcRep.Entries+1 {
				t.Errorf("%d entries after one more write", rep.Entries)
			}
			// A target that holds data is refused, and left as it was.
			if _, err := src.CopyInto(ctx, dst, nil); err == nil || !strings.Contains(err.Error(), "已有数据") {
				t.Errorf("copy into a database with data: %v", err)
			}
			mustVerify(t, dst)
		})
	})
}

func first(rows []string) string {
	if len(rows) == 0 {
		return "(none)"
	}
	return rows[0]
}

// TestCopyIntoFailsWhole: a copy that fails half way (here: a text with a
// NUL character, put into SQLite behind the program's back — the program
// refuses it — and refused by PostgreSQL) says which table failed and
// leaves the target as empty as it was, so that it can be run again once
// the cause is fixed.
func TestCopyIntoFailsWhole(t *testing.T) {
	t.Parallel()
	from := testkit.Open(t)
	src, dst := from.Store, testkit.OpenPostgres(t).Store
	_, c, _, _ := seedRound(t, src)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: "问题"}
	if err := src.CreateProblem(actx(), p); err != nil {
		t.Fatal(err)
	}
	if _, err := from.Raw(t).DB.Exec(`UPDATE problems SET title = ? WHERE id = ?`, "含\x00的问题", p.ID); err != nil {
		t.Fatal(err)
	}
	_, err := src.CopyInto(context.Background(), dst, nil)
	if err == nil || !strings.Contains(err.Error(), "复制表 problems") {
		t.Fatalf("copy of a NUL to PostgreSQL: %v", err)
	}
	if empty, err := dst.Empty(context.Background()); !empty || err != nil {
		t.Errorf("a failed copy left the target not empty (%v)", err)
	}
	// The target still works as a fresh installation.
	if err := dst.CreateRound(actx(), &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection}); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, dst)
}
