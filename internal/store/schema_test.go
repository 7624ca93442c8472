package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestSchemaAndSessionsVerify: a database the program made, with records
// and signed-in users, has the schema its migrations make and only
// sessions logins created; verify finds nothing. Then someone with a
// SQLite shell or psql plants a trigger that rewrites the owner of a
// measure on every save (which the log would blame on the saver), a view
// over the public's contacts, an index, a column, drops an index, and
// slips in a session; on PostgreSQL also a function and a rule. Verify
// names each, the foreign trigger and rule first; the session gives no
// access, nor does a real one whose user was changed.
func TestSchemaAndSessionsVerify(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testSchemaAndSessionsVerify)
}

func testSchemaAndSessionsVerify(t *testing.T, env *testkit.Env) {
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
	_, _, _, ms := seedRound(t, st)
	admin := testkit.Admin(t, st)
	clerk := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室")
	rep := mustVerify(t, st)
	if rep.Sessions != 2 || rep.Schema.Tables < 20 || rep.Schema.Indexes < 20 {
		t.Errorf("clean: %d sessions, schema %+v", rep.Sessions, rep.Schema)
	}
	// Each login is in the log, by its user, without the secret.
	var logins []*store.AuditEntry
	err := st.AuditEntries(ctx, store.AuditQuery{Entity: "sessions"}, func(e *store.AuditEntry) error {
		logins = append(logins, e)
		return nil
	})
	if err != nil || len(logins) != 2 || logins[1].Actor.UserID != clerk.User.ID || logins[1].Actor.Name != clerk.User.Name ||
		logins[1].Action != "create" || strings.Contains(logins[1].After, auth.Digest(clerk.Cookie.Value)) ||
		!strings.Contains(logins[1].After, `"id_hash":"sha256:`) {
		t.Fatalf("logins in the log: %v %+v", err, logins)
	}

	raw := env.Raw(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	if env.Backend == "postgres" {
		exec(`CREATE FUNCTION set_owner() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.owner := '刘四'; RETURN NEW; END $$`)
		exec(`CREATE TRIGGER measures_owner BEFORE UPDATE OF content ON measures FOR EACH ROW EXECUTE FUNCTION set_owner()`)
		exec(`CREATE RULE problems_quiet AS ON UPDATE TO problems WHERE NEW.title LIKE '%违纪%' DO INSTEAD NOTHING`)
	} else {
		exec(`CREATE TRIGGER measures_owner AFTER UPDATE OF content ON measures BEGIN
			UPDATE measures SET owner = '刘四' WHERE id = NEW.id; END`)
	}
	exec(`CREATE VIEW contacts AS SELECT name, contact FROM opinions`)
	exec(`CREATE INDEX measures_owner_idx ON measures (owner)`)
	exec(`ALTER TABLE users ADD COLUMN note TEXT`)
	exec(`DROP INDEX progress_round_idx`)
	hash := auth.Digest("zs_planted")
	exec(`INSERT INTO sessions (id_hash, user_id, created_at, expires_at, addr) VALUES (?, ?, ?, ?, '10.0.0.66')`,
		hash, admin.User.ID, time.Now().UTC().Format(time.RFC3339), time.Now().Add(time.Hour).UTC().Format(time.RFC3339))
	exec(`UPDATE sessions SET user_id = ? WHERE id_hash = ?`, admin.User.ID, auth.Digest(clerk.Cookie.Value))

	// A clerk's normal save: the trigger rewrites the owner, and the log,
	// written in the same transaction, records it as his.
	m := *ms[0]
	m.Content = "组织集中学习四次"
	if err := st.UpdateMeasure(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Measure(ctx, m.ID); got.Owner != "刘四" {
		t.Fatalf("the planted trigger did not fire: owner %q", got.Owner)
	}

	// Verify as the command does, in a process of its own.
	rep, err = env.OpenStore(t).VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, p := range rep.Problems {
		msgs = append(msgs, p.Message)
	}
	all := strings.Join(msgs, "\n")
	want := []string{
		"不是本程序建立的触发器 measures_owner（表 measures）",
		"不是本程序建立的视图 contacts",
		"不是本程序建立的索引 measures_owner_idx（表 measures）",
		"表 users 中有不是本程序建立的列 note",
		"缺少本程序建立的索引 progress_round_idx（表 progress）",
		"不是由登录产生的：审计日志中没有建立它的登录（绕过程序插入）",
		"与登录时记录的不符（被绕过程序修改：user_id）",
	}
	if env.Backend == "postgres" {
		want = append(want, "不是本程序建立的函数 set_owner()", "不是本程序建立的规则 problems_quiet（表 problems）")
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("verify does not say %q:\n%s", w, all)
		}
	}
	if !strings.Contains(msgs[0], "触发器") && !strings.Contains(msgs[0], "规则") {
		t.Errorf("first problem is %q, want the trigger or rule that changes data", msgs[0])
	}
	if !strings.Contains(all, "审计日志会把改动记在操作人名下") {
		t.Errorf("the trigger's danger is not said:\n%s", all)
	}
	// Neither the planted session nor the changed one lets anyone in.
	for _, h := range []string{hash, auth.Digest(clerk.Cookie.Value)} {
		if u, err := st.SessionUser(ctx, h); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
			t.Errorf("a session no login created gives access: %+v %v", u, err)
		}
	}
	if u, err := st.SessionUser(ctx, auth.Digest(admin.Cookie.Value)); err != nil || u.ID != admin.User.ID {
		t.Errorf("the administrator's own session: %+v %v", u, err)
	}
}
