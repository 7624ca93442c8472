package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func accountCtx() context.Context {
	return zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
}

// newAccount saves a user of the role in unit with password "pw-初始".
func newAccount(t *testing.T, st *store.Store, unit int64, login, display string, role zhenggai.Role) *zhenggai.User {
	t.Helper()
	hash, err := auth.HashPassword("pw-初始")
	if err != nil {
		t.Fatal(err)
	}
	u := &zhenggai.User{UnitID: unit, Name: login, DisplayName: display, Role: role}
	if err := st.CreateUser(accountCtx(), u, hash); err != nil {
		t.Fatal(err)
	}
	return u
}

// TestDisablingRevokesTokens: a disabled user's API tokens are revoked,
// not merely paused: enabling him again does not bring them back, and
// the audit log holds each revocation.
func TestDisablingRevokesTokens(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := accountCtx()
		unit, _ := st.EnsureUnit(ctx, "甲单位")
		u := newAccount(t, st, unit, "qinli", "覃丽", zhenggai.RoleResponsible)
		other := newAccount(t, st, unit, "chenwei", "陈伟", zhenggai.RoleResponsible)
		tok, tok2, otherTok := auth.NewSecret("zt_"), auth.NewSecret("zt_"), auth.NewSecret("zt_")
		for _, c := range []struct {
			id  int64
			tok string
		}{{u.ID, tok}, {u.ID, tok2}, {other.ID, otherTok}} {
			if _, err := st.CreateToken(ctx, c.id, "脚本", auth.Digest(c.tok)); err != nil {
				t.Fatal(err)
			}
		}
		u.Disabled = true
		if err := st.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		u.Disabled = false
		if err := st.UpdateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{tok, tok2} {
			if _, err := st.TokenUser(ctx, auth.Digest(s)); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
				t.Errorf("a token of a disabled, then enabled user: %v", err)
			}
		}
		if got, err := st.TokenUser(ctx, auth.Digest(otherTok)); err != nil || got.ID != other.ID {
			t.Errorf("another user's token: %v %v", got, err)
		}
		toks, err := st.Tokens(ctx, "qinli")
		if err != nil || len(toks) != 2 || !toks[0].Revoked || !toks[1].Revoked {
			t.Errorf("tokens listed %+v %v", toks, err)
		}
		if rep, err := st.VerifyAudit(ctx); err != nil || !rep.OK() {
			t.Errorf("audit: %+v %v", rep, err)
		}
	})
}

// TestDisplayNamesUnique: within a unit, no two enabled leaders or owners
// share a name (the second would hold all the first's rights), spaces
// around it included; other units, other roles and disabled accounts do
// not count.
func TestDisplayNamesUnique(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := accountCtx()
		a, _ := st.EnsureUnit(ctx, "甲单位")
		other, _ := st.EnsureUnit(ctx, "乙单位")
		hash, _ := auth.HashPassword("pw-初始")
		create := func(login, display string, unit int64, role zhenggai.Role) (*zhenggai.User, error) {
			u := &zhenggai.User{UnitID: unit, Name: login, DisplayName: display, Role: role}
			return u, st.CreateUser(ctx, u, hash)
		}
		qin, err := create("qinli", "覃丽", a, zhenggai.RoleResponsible)
		if err != nil || qin.LedgerName != "覃丽" {
			t.Fatalf("first 覃丽: %v %+v", err, qin)
		}
		for _, c := range []struct {
			login, display string
			role           zhenggai.Role
		}{{"qinli2", "覃丽", zhenggai.RoleResponsible}, {"qinli3", " 覃丽 ", zhenggai.RoleLeader}, {"qinli4", "覃丽\u3000", zhenggai.RoleResponsible}} {
			_, err := create(c.login, c.display, a, c.role)
			if msg := fieldMsg(err, "display_name"); !strings.Contains(msg, "姓名“覃丽”已是本单位另一账号（qinli）的姓名") {
				t.Errorf("%q as %s: %v", c.display, c.role, err)
			}
		}
		if _, err := create("qinli-b", "覃丽", other, zhenggai.RoleResponsible); err != nil {
			t.Errorf("the same name in another unit: %v", err)
		}
		office, err := create("qinli-office", "覃丽", a, zhenggai.RoleUnitAdmin)
		if err != nil {
			t.Errorf("the same name for the unit's office: %v", err)
		}
		office.Role = zhenggai.RoleLeader
		if err := st.UpdateUser(ctx, office); fieldMsg(err, "display_name") == "" {
			t.Errorf("becoming a leader under a name taken: %v", err)
		}
		chen, err := create("chenwei", "陈伟 ", a, zhenggai.RoleResponsible)
		if got, _ := st.User(ctx, chen.ID); err != nil || got.DisplayName != "陈伟" || got.LedgerName != "陈伟" {
			t.Errorf("trimmed: %v %+v", err, got)
		}
		chen.DisplayName = "覃丽"
		if err := st.UpdateUser(ctx, chen); fieldMsg(err, "display_name") == "" {
			t.Errorf("renamed to a name taken: %v", err)
		}
		// A disabled account leaves its name; enabled again, it must
		// find it free.
		qin.Disabled = true
		if err := st.UpdateUser(ctx, qin); err != nil {
			t.Fatal(err)
		}
		if _, err := create("qinli5", "覃丽", a, zhenggai.RoleResponsible); err != nil {
			t.Errorf("the name of a disabled account: %v", err)
		}
		qin.Disabled = false
		if err := st.UpdateUser(ctx, qin); fieldMsg(err, "display_name") == "" {
			t.Errorf("enabled under a name taken since: %v", err)
		}
		mustVerify(t, st)
	})
}

func fieldMsg(err error, field string) string {
	var v *zhenggai.ValidationError
	if !errors.As(err, &v) {
		return ""
	}
	for _, f := range v.Fields {
		if f.Field == field {
			return f.Message
		}
	}
	return ""
}

// TestDuplicateNamesMigrated: a database from before names were unique,
// with two leaders and owners of one unit under one name (one with a
// trailing space): after the migration the oldest holds the name and its
// rights; the other has none until renamed, and is named as such; nothing
// is rewritten.
func TestDuplicateNamesMigrated(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := accountCtx()
		a, _ := st.EnsureUnit(ctx, "甲单位")
		st.Close()
		raw := env.Raw(t)
		// Back to the schema before migration 13, then the old rows.
		for _, q := range []string{`DROP INDEX users_person_key`, `ALTER TABLE users DROP COLUMN person_name`,
			`ALTER TABLE users DROP COLUMN must_change`, `ALTER TABLE opinions DROP COLUMN secret_hash`,
			`DROP TABLE login_devices`, `DELETE FROM schema_migrations WHERE version = 13`} {
			if _, err := raw.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		for _, u := range []struct {
			login, display, role string
			disabled             int
		}{{"old", "覃丽", "responsible", 1}, {"xiang", "向建国", "leader", 0}, {"qinli", "覃丽", "responsible", 0},
			{"xiang2", "向建国 ", "responsible", 0}, {"qinli2", "覃丽", "leader", 0}, {"office", "向建国", "unit_admin", 0}} {
			if _, err := raw.Exec(`INSERT INTO users (unit_id, name, display_name, role, password_hash, disabled, version, created_at)
				VALUES (?, ?, ?, ?, 'x', ?, 1, '2024-01-01T00:00:00Z')`, a, u.login, u.display, u.role, u.disabled); err != nil {
				t.Fatal(err)
			}
		}
		raw.Close()
		st = env.OpenStore(t)
		mine := zhenggai.Target{UnitID: a, Leader: "向建国", Owner: "覃丽"}
		under := func(int64, int64) bool { return false }
		for login, want := range map[string]string{"old": "", "xiang": "向建国", "qinli": "覃丽", "xiang2": "", "qinli2": "", "office": ""} {
			u, _, err := st.UserByName(ctx, login)
			if err != nil {
				t.Fatal(err)
			}
			if u.LedgerName != want {
				t.Errorf("%s holds %q, want %q", login, u.LedgerName, want)
			}
			if can := zhenggai.Can(u, zhenggai.PermReport, mine, under); u.Role.NamedByLedger() && can != (want != "") {
				t.Errorf("%s may report on the measure: %v", login, can)
			}
			if withheld := u.NameWithheld(); withheld != (login == "xiang2" || login == "qinli2") {
				t.Errorf("%s: name withheld %v", login, withheld)
			}
		}
		u, _, _ := st.UserByName(ctx, "xiang2")
		if u.DisplayName != "向建国 " {
			t.Errorf("the migration rewrote a name: %q", u.DisplayName)
		}
		if err := st.UpdateUser(ctx, u); fieldMsg(err, "display_name") == "" {
			t.Errorf("saved without renaming: %v", err)
		}
		u.DisplayName = "向建国（办公室）"
		if err := st.UpdateUser(ctx, u); err != nil || u.LedgerName != "向建国（办公室）" {
			t.Errorf("renamed: %v %q", err, u.LedgerName)
		}
	})
}
