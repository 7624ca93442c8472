package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// who is the actor of the audited writes in these tests.
var who = zhenggai.Actor{UserID: 7, Name: "覃丽", Via: "web", Addr: "10.0.0.8"}

func actx() context.Context { return zhenggai.WithActor(context.Background(), who) }

// entries returns the log from entry id after on.
func entries(t *testing.T, st *store.Store, after int64) []*store.AuditEntry {
	t.Helper()
	var out []*store.AuditEntry
	err := st.AuditEntries(context.Background(), store.AuditQuery{}, func(e *store.AuditEntry) error {
		if e.ID > after {
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func lastEntry(t *testing.T, st *store.Store) int64 {
	t.Helper()
	var id int64
	st.AuditEntries(context.Background(), store.AuditQuery{Last: 1}, func(e *store.AuditEntry) error { id = e.ID; return nil })
	return id
}

// changed lists the keys whose values differ between two snapshots.
func changed(t *testing.T, before, after string) []string {
	t.Helper()
	var b, a map[string]any
	if before != "" {
		if err := json.Unmarshal([]byte(before), &b); err != nil {
			t.Fatalf("before is not JSON: %v %q", err, before)
		}
	}
	if after != "" {
		if err := json.Unmarshal([]byte(after), &a); err != nil {
			t.Fatalf("after is not JSON: %v %q", err, after)
		}
	}
	keys := map[string]bool{}
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}
	var out []string
	for k := range keys {
		if !reflect.DeepEqual(a[k], b[k]) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func mustVerify(t *testing.T, st *store.Store) *store.AuditReport {
	t.Helper()
	rep, err := st.VerifyAudit(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Fatalf("verify found problems on a clean database: %+v", rep.Problems)
	}
	return rep
}

// want is one expected entry: action, entity, id, and for an update the
// columns that changed.
type want struct {
	action, entity string
	id             int64
	changed        string // comma-separated, for updates
}

func TestAuditEveryWrite(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testAuditEveryWrite(t, env.Store) })
}

func testAuditEveryWrite(t *testing.T, st *store.Store) {
	ctx := actx()
	r, c, p, ms := seedRound(t, st) // written without an actor: "unknown"
	m := ms[0]
	sum := strings.Repeat("ab", 32)
	var unitID, progID, fileID, setGreen, setYellow, newUnit int64
	var imported *zhenggai.Round
	tests := []struct {
		name string
		do   func() error
		want func() []want
	}{
		{"EnsureUnit new", func() (err error) { unitID, err = st.EnsureUnit(ctx, "某乡党委"); return err },
			func() []want { return []want{{"create", "units", unitID, ""}} }},
		{"EnsureUnit existing", func() error { _, err := st.EnsureUnit(ctx, "某乡党委"); return err },
			func() []want { return nil }},
		{"UpdateRound", func() error { r.Inspector = "市委第八巡察组"; return st.UpdateRound(ctx, r) },
			func() []want { return []want{{"update", "rounds", r.ID, "inspector,version"}} }},
		{"UpdateCategory", func() error { c.Title = "学习贯彻党的理论不深入"; return st.UpdateCategory(ctx, c) },
			func() []want { return []want{{"update", "categories", c.ID, "title,version"}} }},
		{"CreateCategory", func() error {
			return st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: 2, Title: "落实主体责任不到位"})
		}, func() []want { return []want{{"create", "categories", c.ID + 1, ""}} }},
		{"CreateProblem", func() error {
			return st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: "学习制度执行不严"})
		}, func() []want { return []want{{"create", "problems", p.ID + 1, ""}} }},
		{"UpdateProblem", func() error { p.Rectification = "已整改"; return st.UpdateProblem(ctx, p) },
			func() []want { return []want{{"update", "problems", p.ID, "rectification,version"}} }},
		{"CreateMeasure", func() error {
			return st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 3, Content: "建立台账", Kind: zhenggai.MeasureMechanism, Status: zhenggai.NotStarted})
		}, func() []want { return []want{{"create", "measures", ms[1].ID + 1, ""}} }},
		{"UpdateMeasure", func() error {
			m.Owner, m.Deadline = "陈伟", zhenggai.NewDate(2020, 10, 31)
			return st.UpdateMeasure(ctx, m)
		},
			func() []want { return []want{{"update", "measures", m.ID, "deadline,owner,version"}} }},
		{"SetMeasureStatus", func() error {
			err := st.SetMeasureStatus(ctx, m.ID, m.Version, zhenggai.InProgress)
			m.Version++
			return err
		}, func() []want { return []want{{"update", "measures", m.ID, "status,version"}} }},
		{"AddProgress with status and file", func() error {
			pr := &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 4), Content: "集中学习四次", Author: "覃丽",
				Status: zhenggai.BasicallyCompleted, Files: []zhenggai.Attachment{{Name: "记录.pdf", SHA256: sum, Size: 9, ContentType: "application/pdf"}}}
			err := st.AddProgress(ctx, pr, m.Version)
			progID = pr.ID
			if len(pr.Files) == 1 {
				fileID = pr.Files[0].ID
			}
			m.Version++
			return err
		}, func() []want {
			return []want{{"update", "measures", m.ID, "status,version"}, {"create", "progress", progID, ""}, {"create", "attachments", fileID, ""}}
		}},
		{"AddProgress alone", func() error {
			pr := &zhenggai.Progress{MeasureID: ms[1].ID, Date: zhenggai.NewDate(2020, 9, 5), Content: "开展检查"}
			err := st.AddProgress(ctx, pr, 0)
			progID = pr.ID
			return err
		}, func() []want { return []want{{"create", "progress", progID, ""}} }},
		{"SaveSettings first", func() error { return st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 7}) },
			func() []want {
				s := lookupSettings(t, st, r.UnitID)
				setGreen, setYellow = s["green_days"], s["yellow_days"]
				return []want{{"create", "settings", setGreen, ""}, {"create", "settings", setYellow, ""}}
			}},
		{"SaveSettings unchanged", func() error { return st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 7}) },
			func() []want { return nil }},
		{"SaveSettings one changed", func() error { return st.SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 5}) },
			func() []want { return []want{{"update", "settings", setYellow, "value"}} }},
		{"SaveUnit create", func() error {
			u := &zhenggai.Unit{Name: "市委巡察办"}
			err := st.SaveUnit(ctx, u)
			newUnit = u.ID
			return err
		}, func() []want { return []want{{"create", "units", newUnit, ""}} }},
		{"SaveUnit move", func() error {
			return st.SaveUnit(ctx, &zhenggai.Unit{ID: unitID, ParentID: newUnit, Name: "某乡党委"})
		},
			func() []want { return []want{{"update", "units", unitID, "parent_id"}} }},
		{"ImportRound", func() (err error) {
			imported, err = st.ImportRound(ctx, &zhenggai.Imported{
				Round: zhenggai.ImportedRound{Inspector: "县委第一巡察组", Unit: "某镇党委", Kind: zhenggai.KindInspection},
				Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
					{Seq: 1, Title: "问题一", Measures: []zhenggai.ImportedMeasure{{Content: "措施一"}, {Content: "措施二"}}},
				}}},
			}, "")
			return err
		}, func() []want {
			probs, _ := st.Problems(context.Background(), imported.ID)
			cats, _ := st.Categories(context.Background(), imported.ID)
			mss, _ := st.ProblemMeasures(context.Background(), probs[0].ID)
			return []want{{"create", "units", imported.UnitID, ""}, {"create", "rounds", imported.ID, ""},
				{"create", "categories", cats[0].ID, ""}, {"create", "problems", probs[0].ID, ""},
				{"create", "measures", mss[0].ID, ""}, {"create", "measures", mss[1].ID, ""}}
		}},
	}
	for _, tt := range tests {
		mark := lastEntry(t, st)
		if err := tt.do(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got := entries(t, st, mark)
		exp := tt.want()
		if len(got) != len(exp) {
			t.Errorf("%s: %d entries, want %d: %v", tt.name, len(got), len(exp), summary(got))
			continue
		}
		for i, e := range got {
			w := exp[i]
			if e.Action != w.action || e.Entity != w.entity || e.EntityID != w.id {
				t.Errorf("%s: entry %d is %s %s #%d, want %s %s #%d", tt.name, i, e.Action, e.Entity, e.EntityID, w.action, w.entity, w.id)
			}
			if e.Actor != who {
				t.Errorf("%s: actor %+v", tt.name, e.Actor)
			}
			switch w.action {
			case "create":
				if e.Before != "" || e.After == "" || !strings.Contains(e.After, fmt.Sprintf(`"id":%d`, w.id)) {
					t.Errorf("%s: create entry before %q after %q", tt.name, e.Before, e.After)
				}
			case "update":
				// updated_at changes too when the second turned meanwhile.
				diff := slices.DeleteFunc(changed(t, e.Before, e.After), func(k string) bool { return k == "updated_at" })
				if got := strings.Join(diff, ","); got != w.changed {
					t.Errorf("%s: changed %s, want %s\nbefore %s\nafter  %s", tt.name, got, w.changed, e.Before, e.After)
				}
			}
			wantUnit := unitOfEntry(t, e)
			if e.UnitID != wantUnit || e.UnitID == 0 {
				t.Errorf("%s: entry unit %d, want %d", tt.name, e.UnitID, wantUnit)
			}
			if e.At.IsZero() || len(e.Hash) != 64 {
				t.Errorf("%s: at %v hash %q", tt.name, e.At, e.Hash)
			}
		}
	}
	// The whole history of one measure, oldest first.
	h, err := st.History(context.Background(), "measures", m.ID)
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, e := range h {
		acts = append(acts, e.Action)
	}
	if strings.Join(acts, " ") != "create update update update" || h[0].Actor.Name != "unknown" {
		t.Errorf("history of measure: %v, first by %q", acts, h[0].Actor.Name)
	}
	if _, err := st.History(context.Background(), "sessions", 1); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("history of an unaudited table: %v", err)
	}
	if _, err := st.History(context.Background(), "measures", 9999); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("history of a record never seen: %v", err)
	}
	rep := mustVerify(t, st)
	if rep.Entries != lastEntry(t, st) || rep.HeadID != rep.Entries || rep.Records == 0 {
		t.Errorf("report %+v", rep)
	}
}

func summary(es []*store.AuditEntry) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, fmt.Sprintf("%s %s #%d", e.Action, e.Entity, e.EntityID))
	}
	return strings.Join(parts, "; ")
}

func unitOfEntry(t *testing.T, e *store.AuditEntry) int64 {
	if e.Entity == "units" {
		return e.EntityID
	}
	snap := e.After
	if snap == "" {
		snap = e.Before
	}
	var m struct {
		UnitID int64 `json:"unit_id"`
	}
	json.Unmarshal([]byte(snap), &m)
	return m.UnitID
}

func lookupSettings(t *testing.T, st *store.Store, unit int64) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	err := st.AuditEntries(context.Background(), store.AuditQuery{Entity: "settings"}, func(e *store.AuditEntry) error {
		var m struct {
			Name   string `json:"name"`
			UnitID int64  `json:"unit_id"`
		}
		json.Unmarshal([]byte(e.After), &m)
		if m.UnitID == unit {
			out[m.Name] = e.EntityID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAuditRolledBack checks that a refused write leaves no entry behind,
// even when it had written entries before it failed.
func TestAuditRolledBack(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testAuditRolledBack(t, env.Store) })
}

func testAuditRolledBack(t *testing.T, st *store.Store) {
	ctx := actx()
	r, c, p, ms := seedRound(t, st)
	mark := lastEntry(t, st)
	stale := *ms[0]
	stale.Version = 99
	stale.Content = "过时的修改"
	refusals := []error{
		st.UpdateMeasure(ctx, &stale),
		st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: c.Seq, Title: "重复序号"}),
		// Changes the status (one entry), then fails on the bad measure: all undone.
		st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[0].ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "x", Status: zhenggai.BasicallyCompleted}, 42),
		st.UpdateProblem(ctx, &zhenggai.Problem{ID: p.ID, CategoryID: c.ID, Seq: 1, Title: "x", Version: 5}),
	}
	// An import that writes a unit, a round, a category and a problem before
	// it meets a measure it refuses.
	_, err := st.ImportRound(ctx, &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "新单位", Kind: zhenggai.KindInspection},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
			{Seq: 1, Title: "问题", Measures: []zhenggai.ImportedMeasure{{Content: "好"}, {Content: " "}}}}}},
	}, "")
	refusals = append(refusals, err)
	for i, err := range refusals {
		if err == nil {
			t.Fatalf("write %d was not refused", i)
		}
	}
	if got := entries(t, st, mark); len(got) != 0 {
		t.Errorf("refused writes left entries: %s", summary(got))
	}
	// The chain goes on from where it was.
	if err := st.CreateCategory(ctx, &zhenggai.Category{RoundID: r.ID, Seq: 2, Title: "新类别"}); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, st, mark); len(got) != 1 || got[0].ID != mark+1 {
		t.Errorf("after refusals: %s", summary(got))
	}
	mustVerify(t, st)
}

func exec(t *testing.T, db *testkit.Raw, q string, args ...any) {
	t.Helper()
	res, err := db.Exec(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		t.Fatalf("%s: no row changed", q)
	}
}

// entryHash recomputes an entry's hash the way audit.go documents it, as
// an outsider with the format and a plain export would.
func entryHash(db *testkit.Raw, id int64) (string, error) {
	var prev, at, name, via, addr, action, entity, before, after string
	var unit, user, eid int64
	err := db.QueryRow(`SELECT prev_hash, unit_id, at, actor_user_id, actor_name, actor_via, actor_addr, action, entity,
		entity_id, before, after FROM audit_log WHERE id = ?`, id).
		Scan(&prev, &unit, &at, &user, &name, &via, &addr, &action, &entity, &eid, &before, &after)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	h.Write([]byte("zhenggai-audit-v1\n"))
	for _, f := range []string{prev, strconv.FormatInt(id, 10), strconv.FormatInt(unit, 10), at, strconv.FormatInt(user, 10),
		name, via, addr, action, entity, strconv.FormatInt(eid, 10), before, after} {
		fmt.Fprintf(h, "%d:%s\n", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// TestAuditTamper changes the database behind the program's back, with
// plain SQL as an operator with a SQLite shell or psql could, and checks
// that audit verify names the first thing changed: the proof that the
// audit trail works on each backend.
// Each case has an installation of its own.
func TestAuditTamper(t *testing.T) {
	t.Parallel()
	type fixture struct {
		st   *store.Store
		db   *testkit.Raw
		r    *zhenggai.Round
		c    *zhenggai.Category
		p    *zhenggai.Problem
		ms   []*zhenggai.Measure
		last int64
	}
	setup := func(t *testing.T, env *testkit.Env) *fixture {
		st := env.Store
		r, c, p, ms := seedRound(t, st)
		ctx := actx()
		ms[0].Owner = "陈伟"
		if err := st.UpdateMeasure(ctx, ms[0]); err != nil {
			t.Fatal(err)
		}
		if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: ms[1].ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "已开展"}, 0); err != nil {
			t.Fatal(err)
		}
		mustVerify(t, st)
		return &fixture{st: st, db: env.Raw(t), r: r, c: c, p: p, ms: ms, last: lastEntry(t, st)}
	}
	// entryOf finds the entry about a record.
	entryOf := func(t *testing.T, f *fixture, action, entity string, id int64) int64 {
		var n int64
		err := f.db.QueryRow(`SELECT id FROM audit_log WHERE action = ? AND entity = ? AND entity_id = ?`, action, entity, id).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	tests := []struct {
		name   string
		tamper func(t *testing.T, f *fixture) (entry int64, entity string, id int64, msg string)
	}{
		{"log entry after edited", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			n := entryOf(t, f, "update", "measures", f.ms[0].ID)
			exec(t, f.db, `UPDATE audit_log SET after = replace(after, '陈伟', '谷红') WHERE id = ?`, n)
			return n, "measures", f.ms[0].ID, fmt.Sprintf("第%d条记录被修改", n)
		}},
		{"log entry actor edited", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			n := entryOf(t, f, "create", "problems", f.p.ID)
			exec(t, f.db, `UPDATE audit_log SET actor_name = '管理员' WHERE id = ?`, n)
			return n, "problems", f.p.ID, fmt.Sprintf("第%d条记录被修改", n)
		}},
		{"log entry edited with its hash recomputed", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			n := entryOf(t, f, "create", "categories", f.c.ID)
			exec(t, f.db, `UPDATE audit_log SET actor_name = '管理员' WHERE id = ?`, n)
			h, err := entryHash(f.db, n)
			if err != nil {
				t.Fatal(err)
			}
			exec(t, f.db, `UPDATE audit_log SET hash = ? WHERE id = ?`, h, n)
			return n, "categories", f.c.ID, fmt.Sprintf("第%d条记录被修改（哈希被重新计算", n)
		}},
		{"log entry deleted in the middle", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			n := entryOf(t, f, "create", "measures", f.ms[0].ID)
			exec(t, f.db, `DELETE FROM audit_log WHERE id = ?`, n)
			var entity string
			var id int64
			f.db.QueryRow(`SELECT entity, entity_id FROM audit_log WHERE id = ?`, n+1).Scan(&entity, &id)
			return n + 1, entity, id, fmt.Sprintf("第%d条之前的记录被删除（缺少第%d条）", n+1, n)
		}},
		{"last log entry deleted", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `DELETE FROM audit_log WHERE id = ?`, f.last)
			return f.last, "", 0, "日志末尾被截断"
		}},
		{"head deleted", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `DELETE FROM audit_head`)
			return 0, "", 0, "审计日志头（audit_head）被删除"
		}},
		{"entry appended behind the program's back", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			// A well-formed entry, linked and hashed, but the head knows nothing of it.
			exec(t, f.db, `INSERT INTO audit_log SELECT id + 1, unit_id, at, actor_user_id, actor_name, actor_via, actor_addr,
				action, entity, entity_id, before, after, hash, '' FROM audit_log WHERE id = ?`, f.last)
			h, err := entryHash(f.db, f.last+1)
			if err != nil {
				t.Fatal(err)
			}
			exec(t, f.db, `UPDATE audit_log SET hash = ? WHERE id = ?`, h, f.last+1)
			return f.last + 1, "", 0, fmt.Sprintf("第%d条起的记录不是本程序写入的", f.last+1)
		}},
		{"measure edited", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `UPDATE measures SET content = '伪造的措施' WHERE id = ?`, f.ms[1].ID)
			n := entryOf(t, f, "create", "measures", f.ms[1].ID)
			return n, "measures", f.ms[1].ID, fmt.Sprintf("measures #%d 的当前内容与审计日志不符（被绕过程序修改：content；", f.ms[1].ID)
		}},
		{"problem deleted", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `DELETE FROM problems WHERE id = ?`, f.p.ID)
			n := entryOf(t, f, "create", "problems", f.p.ID)
			return n, "problems", f.p.ID, fmt.Sprintf("problems #%d 已被删除但审计日志中没有删除记录", f.p.ID)
		}},
		{"problem inserted", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `INSERT INTO problems (unit_id, round_id, category_id, seq, title) VALUES (?, ?, ?, 9, '插入的问题')`, f.r.UnitID, f.r.ID, f.c.ID)
			var id int64
			f.db.QueryRow(`SELECT MAX(id) FROM problems`).Scan(&id)
			return 0, "problems", id, fmt.Sprintf("problems #%d 没有任何审计记录（绕过程序插入）", id)
		}},
		{"settings edited", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			if err := f.st.SaveSettings(actx(), f.r.UnitID, zhenggai.Settings{GreenDays: 30, YellowDays: 7}); err != nil {
				t.Fatal(err)
			}
			var id int64
			f.db.QueryRow(`SELECT id FROM settings WHERE name = 'yellow_days'`).Scan(&id)
			exec(t, f.db, `UPDATE settings SET value = '0' WHERE id = ?`, id)
			n := entryOf(t, f, "create", "settings", id)
			return n, "settings", id, fmt.Sprintf("settings #%d 的当前内容与审计日志不符（被绕过程序修改：value", id)
		}},
		{"round counts edited", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `UPDATE round_counts SET completed = completed + 1 WHERE round_id = ?`, f.r.ID)
			return 0, "round_counts", f.r.ID, fmt.Sprintf("巡察轮次 #%d 的问题状态统计与其整改措施不一致", f.r.ID)
		}},
		{"measure edited, then saved by the program", func(t *testing.T, f *fixture) (int64, string, int64, string) {
			exec(t, f.db, `UPDATE measures SET deadline = '2030-01-01' WHERE id = ?`, f.ms[1].ID)
			m, err := f.st.Measure(context.Background(), f.ms[1].ID)
			if err != nil {
				t.Fatal(err)
			}
			m.Owner = "刘洋"
			if err := f.st.UpdateMeasure(actx(), m); err != nil {
				t.Fatal(err)
			}
			n := lastEntry(t, f.st)
			return n, "measures", m.ID, fmt.Sprintf("measures #%d 在第%d条记录之前被绕过程序修改（修改前的内容与第%d条记录不符：deadline）",
				m.ID, n, entryOf(t, f, "create", "measures", m.ID))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
				f := setup(t, env)
				entry, entity, id, msg := tt.tamper(t, f)
				rep, err := f.st.VerifyAudit(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if rep.OK() {
					t.Fatal("verify found nothing")
				}
				p := rep.Problems[0]
				if !strings.Contains(p.Message, msg) || p.EntryID != entry || p.Entity != entity || p.EntityID != id {
					t.Errorf("first problem %+v\nwant entry %d, %s #%d, message with %q\nall: %+v", p, entry, entity, id, msg, rep.Problems)
				}
			})
		})
	}
}

// TestAuditDemoVerifies loads the demo, the largest history the program
// writes by itself, and checks that it verifies as it is.
func TestAuditDemoVerifies(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testAuditDemoVerifies)
}

func testAuditDemoVerifies(t *testing.T, env *testkit.Env) {
	st, files := env.Store, env.Files
	if _, err := demo.Load(context.Background(), st, files, zhenggai.NewDate(2020, 10, 28)); err != nil {
		t.Fatal(err)
	}
	rep := mustVerify(t, st)
	// Measures of the 35 closed problems and of the 3 open ones (all of
	// whose measures but the last are approved).
	rounds, _ := st.Rounds(context.Background())
	l, _ := st.Ledger(context.Background(), rounds[0].ID, zhenggai.NewDate(2020, 10, 28))
	closed, open := 0, 0
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			if p.CloseState.Locked() {
				closed += len(p.Measures)
			} else {
				open += len(p.Measures)
			}
		}
	}
	approved := closed + open - 3
	// 1 unit, 1 round, 14 categories, 38 problems, 97 measures, 194
	// progress entries and 97 files, 7 settings (thresholds, contact lines
	// and signature of reports, the meeting types with the seed's 全体党员大会),
	// and the closing steps: request and
	// approve per approved measure, submit and accept per closed problem.
	steps := 2*approved + 2*35
	// The roster: the 6 leaders and 8 owners the ledger names, beside the
	// persons the sample registers add (noted 示例数据).
	roster, _ := st.Persons(context.Background(), rounds[0].UnitID)
	named := 0
	for _, p := range roster {
		if !strings.Contains(p.Note, "示例数据") {
			named++
		}
	}
	if named != 14 {
		t.Errorf("demo roster: %d persons not from the sample, want 14", named)
	}
	// The sample registers: each added person, meeting, dues member, base
	// and payment is a record, and the journal's one import; of the CPPCC
	// registers every row but the proposals' timeline; the travel ledger's
	// lines and the retired cadres' posts.
	raw := env.Raw(t)
	var registers int64
	for _, table := range []string{"meetings", "voucher_imports", "voucher_links", "dues_members", "dues_bases", "dues_payments",
		"cppcc_members", "member_activities", "suggestions", "townships", "liaison_posts", "liaison_invitations", "proposals",
		"proposal_signers", "proposal_assignments", "proposal_replies", "proposal_feedback", "proposal_documents",
		"travel_persons", "retired_posts", "notes_checks", "archive_files", "archive_documents", "sign_in_imports", "leaves"} {
		var n int64
		if err := raw.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		registers += n
	}
	registers += int64(len(roster) - named)
	if rep.Records != int64(1+1+14+38+97+194+97+7+steps+14)+registers {
		t.Errorf("%d records checked", rep.Records)
	}
	// Every measure changed status twice (the three unfinished ones get
	// their deadlines in the import); closing changed each approved measure twice, each measure of
	// a closed problem once more on acceptance, each closed problem twice;
	// the round got its report texts; each measure was linked to its
	// leader and owner of the roster once; the 7 mechanism measures whose
	// rule names suggest proof rules were given them.
	if rep.Entries != rep.Records+int64(97*2+2*approved+closed+2*35+1+97+7) {
		t.Errorf("%d entries", rep.Entries)
	}
	var name string
	st.AuditEntries(context.Background(), store.AuditQuery{Last: 1}, func(e *store.AuditEntry) error { name = e.Actor.Name; return nil })
	if name != "system:demo" {
		t.Errorf("demo written by %q", name)
	}
}

// TestAuditBaseline opens a database made before the audit trail existed:
// its rows get baseline entries and it verifies; settings get ids.
func TestAuditBaseline(t *testing.T) {
	t.Parallel()
	testkit.EachEmptyBackend(t, testAuditBaseline)
}

func testAuditBaseline(t *testing.T, env *testkit.Env) {
	ddl, err := os.ReadFile("migrations/0001_ledger.sql")
	if err != nil {
		t.Fatal(err)
	}
	db := env.Raw(t)
	schema := strings.ReplaceAll(string(ddl), "{{ID}}", identity(env))
	for _, stmt := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		schema,
		`INSERT INTO schema_migrations VALUES (1, '0001_ledger.sql', '2024-01-01T00:00:00Z')`,
		`INSERT INTO units (name, created_at) VALUES ('旧单位', '2024-01-01T00:00:00Z')`,
		`INSERT INTO settings (unit_id, name, value) VALUES (1, 'green_days', '25'), (1, 'yellow_days', '8')`,
		`INSERT INTO rounds (unit_id, inspector, kind, created_at, updated_at) VALUES (1, '县委第一巡察组', '巡察', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%v\n%s", err, stmt)
		}
	}
	db.Close()
	st := env.OpenStore(t)
	rep := mustVerify(t, st)
	if rep.Entries != 4 || rep.Records != 4 {
		t.Errorf("baseline: %d entries, %d records", rep.Entries, rep.Records)
	}
	h, err := st.History(context.Background(), "rounds", 1)
	if err != nil || len(h) != 1 || h[0].Action != "baseline" || h[0].Actor.Name != "system:migrate" {
		t.Fatalf("round history %v %v", h, err)
	}
	if s, _ := st.Settings(context.Background(), 1); s.GreenDays != 25 || s.YellowDays != 8 {
		t.Errorf("settings lost in the migration: %+v", s)
	}
	if err := st.SaveSettings(actx(), 1, zhenggai.Settings{GreenDays: 25, YellowDays: 9}); err != nil {
		t.Fatal(err)
	}
	mustVerify(t, st)
}

// TestAuditToleratesNewColumns: a later migration that adds a column to an
// audited table does not make every row differ from its last entry.
func TestAuditToleratesNewColumns(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testAuditToleratesNewColumns)
}

func testAuditToleratesNewColumns(t *testing.T, env *testkit.Env) {
	st := env.Store
	_, _, _, ms := seedRound(t, st)
	// On PostgreSQL this also changes the result of statements pgx has
	// prepared on the store's connections: the write that meets one is run
	// again (Store.write), as it would be under a server while a newer
	// program migrates.
	if _, err := env.Raw(t).Exec(`ALTER TABLE measures ADD COLUMN note TEXT NOT NULL DEFAULT ''`); err != nil {
		t.Fatal(err)
	}
	// The records agree with the log; only the schema check names the
	// column, which no migration of this program made.
	onlyColumn := func() {
		t.Helper()
		rep, err := st.VerifyAudit(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) != 1 || rep.Problems[0].Entity != "schema" ||
			!strings.Contains(rep.Problems[0].Message, "表 measures 中有不是本程序建立的列 note") {
			t.Fatalf("verify: %+v", rep.Problems)
		}
	}
	onlyColumn()
	m, _ := st.Measure(context.Background(), ms[0].ID)
	m.Owner = "彭静"
	if err := st.UpdateMeasure(actx(), m); err != nil {
		t.Fatal(err)
	}
	// Run again or not, the save happened once.
	got, _ := st.Measure(context.Background(), m.ID)
	h, _ := st.History(context.Background(), "measures", m.ID)
	if m.Version != 2 || got.Version != 2 || got.Owner != "彭静" || len(h) != 2 {
		t.Errorf("after the save: version %d, stored %+v, %d entries", m.Version, got, len(h))
	}
	onlyColumn()
}

// TestAuditTwoWriters: two programs on one data folder (the server and an
// import from the command line) keep one unbroken chain, each noticing
// what the other appended.
func TestAuditTwoWriters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testAuditTwoWriters)
}

func testAuditTwoWriters(t *testing.T, env *testkit.Env) {
	a, b := env.Store, env.OpenStore(t)
	_, c, _, _ := seedRound(t, a)
	for i := range 10 {
		st := []*store.Store{a, b}[i%2]
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: 10 + i, Title: fmt.Sprintf("问题%d", i)}
		if err := st.CreateProblem(actx(), p); err != nil {
			t.Fatal(err)
		}
	}
	rep := mustVerify(t, a)
	if rep.Entries != 6+10 { // seedRound writes 6 rows
		t.Errorf("%d entries", rep.Entries)
	}
}

// TestAuditConcurrentWriters: two programs on one database (two stores),
// each with several writers at once, save the same records: settings,
// which have no version, so that only the row lock of the snapshot keeps
// each entry's "before" the row its update changed, and a measure, whose
// version refuses stale saves. On PostgreSQL they run side by side; the
// log must stay one unbroken chain in which every record's history
// follows on from itself, which audit verify checks.
func TestAuditConcurrentWriters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, testAuditConcurrentWriters)
}

func testAuditConcurrentWriters(t *testing.T, env *testkit.Env) {
	stores := []*store.Store{env.Store, env.OpenStore(t)}
	r, c, _, ms := seedRound(t, stores[0])
	ctx := actx()
	if err := stores[0].SaveSettings(ctx, r.UnitID, zhenggai.Settings{GreenDays: 20, YellowDays: 10}); err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 6, 8
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds*3)
	var saved atomic.Int64
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := stores[w%2]
			for i := range rounds {
				// Settings without a version: the last save wins.
				set := zhenggai.Settings{GreenDays: 20 + (w+i)%5, YellowDays: 5 + (w*i)%4}
				if err := st.SaveSettings(ctx, r.UnitID, set); err != nil {
					errs <- fmt.Errorf("settings: %w", err)
				}
				// A versioned save: a stale one is refused, never lost.
				m, err := st.Measure(ctx, ms[w%2].ID)
				if err != nil {
					errs <- err
					continue
				}
				m.Owner = fmt.Sprintf("责任人%d-%d", w, i)
				switch err := st.UpdateMeasure(ctx, m); {
				case err == nil:
					saved.Add(1)
				case code(err) != zhenggai.ECONFLICT:
					errs <- fmt.Errorf("measure: %w", err)
				}
				// A new record.
				p := &zhenggai.Problem{CategoryID: c.ID, Seq: 100 + w*rounds + i, Title: fmt.Sprintf("问题%d-%d", w, i)}
				if err := st.CreateProblem(ctx, p); err != nil {
					errs <- fmt.Errorf("problem: %w", err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	rep := mustVerify(t, stores[1])
	if saved.Load() == 0 {
		t.Error("no save of the measure went through")
	}
	// Every saved version is in the log, and nothing else.
	var updates int64
	for _, m := range ms {
		h, err := stores[0].History(context.Background(), "measures", m.ID)
		if err != nil {
			t.Fatal(err)
		}
		updates += int64(len(h) - 1)
	}
	if updates != saved.Load() {
		t.Errorf("%d measure updates in the log, %d saves acknowledged", updates, saved.Load())
	}
	if rep.Entries != rep.HeadID {
		t.Errorf("report %+v", rep)
	}
}
