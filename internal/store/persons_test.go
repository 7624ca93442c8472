package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func fieldMessage(t *testing.T, err error, field string) string {
	t.Helper()
	v, ok := err.(*zhenggai.ValidationError)
	if !ok {
		t.Fatalf("error %v (%T), want a ValidationError on %s", err, err, field)
	}
	return v.For(field)
}

// TestPersons: the roster is entered and edited, refused with the field
// named, listed by kind; a concurrent save is a conflict.
func TestPersons(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		staff := &zhenggai.Person{UnitID: r.UnitID, Name: " 覃丽 ", Kind: zhenggai.PersonStaff, Rank: "四级主任科员", Party: "中共党员"}
		leader := &zhenggai.Person{UnitID: r.UnitID, Name: "王明", Kind: zhenggai.PersonLeader, Rank: "副主席"}
		for _, p := range []*zhenggai.Person{staff, leader} {
			if err := st.SavePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if staff.Name != "覃丽" || staff.Version != 1 || staff.ID == 0 {
			t.Fatalf("saved %+v", staff)
		}
		list, err := st.Persons(ctx, r.UnitID)
		if err != nil || len(list) != 2 || list[0].Name != "王明" || list[1].Rank != "四级主任科员" {
			t.Fatalf("roster: %v %v", list, err)
		}
		bad := &zhenggai.Person{UnitID: r.UnitID, Name: "李\u200e华", Kind: zhenggai.PersonStaff}
		if msg := fieldMessage(t, st.SavePerson(ctx, bad), "name"); !strings.Contains(msg, "U+200E") {
			t.Errorf("Cf character: %q", msg)
		}
		gone := &zhenggai.Person{UnitID: 99999, Name: "李华", Kind: zhenggai.PersonStaff}
		if msg := fieldMessage(t, st.SavePerson(ctx, gone), "unit_id"); msg != "所属单位不存在" {
			t.Errorf("no unit: %q", msg)
		}
		stale := *staff
		staff.Rank = "三级主任科员"
		if err := st.SavePerson(ctx, staff); err != nil || staff.Version != 2 {
			t.Fatalf("update: %v, version %d", err, staff.Version)
		}
		stale.Note = "另一人的修改"
		if err := st.SavePerson(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale save: %v, want a conflict", err)
		}
		got, err := st.Person(ctx, staff.ID)
		if err != nil || got.Rank != "三级主任科员" || got.Note != "" {
			t.Errorf("person: %+v %v", got, err)
		}
		if err := st.Void(ctx, "person", leader.ID, "录入错误"); err != nil {
			t.Fatal(err)
		}
		if list, _ := st.Persons(ctx, r.UnitID); len(list) != 1 {
			t.Errorf("a voided person stays on the roster: %v", list)
		}
		mustVerify(t, st)
	})
}

// TestMeasurePersons: a measure's names find their persons; a name two
// persons bear asks which, and an id or the person it had answers.
func TestMeasurePersons(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, p, ms := seedRound(t, st)
		if ms[0].OwnerID != 0 {
			t.Fatalf("owner before the roster: %d", ms[0].OwnerID)
		}
		save := func(name string, kind zhenggai.PersonKind, rank string) *zhenggai.Person {
			t.Helper()
			x := &zhenggai.Person{UnitID: r.UnitID, Name: name, Kind: kind, Rank: rank}
			if err := st.SavePerson(ctx, x); err != nil {
				t.Fatal(err)
			}
			return x
		}
		wang := save("王明", zhenggai.PersonLeader, "副主席")
		qin := save("覃丽", zhenggai.PersonStaff, "")
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: 3, Content: "建立台账", Leader: "王　明", Owner: "覃丽", Office: "办公室",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		got, err := st.Measure(ctx, m.ID)
		if err != nil || got.LeaderID != wang.ID || got.OwnerID != qin.ID || got.Leader != "王　明" {
			t.Fatalf("measure: %+v %v", got, err)
		}
		// A second 覃丽: the measure keeps the one it had.
		qin2 := save("覃丽", zhenggai.PersonStaff, "科员")
		got.Content = "建立工作台账"
		got.OwnerID = 0
		if err := st.UpdateMeasure(ctx, got); err != nil || got.OwnerID != qin.ID {
			t.Fatalf("update keeping its person: %v, owner %d", err, got.OwnerID)
		}
		// Told apart in the roster, each keeps his measures.
		qin.Name = "覃丽（办公室）"
		if err := st.SavePerson(ctx, qin); err != nil {
			t.Fatal(err)
		}
		got.Content = "建立工作台账制度"
		if err := st.UpdateMeasure(ctx, got); err != nil || got.OwnerID != qin.ID {
			t.Fatalf("update after the rename: %v, owner %d, want %d", err, got.OwnerID, qin.ID)
		}
		qin.Name = "覃丽"
		if err := st.SavePerson(ctx, qin); err != nil {
			t.Fatal(err)
		}
		// A new measure must say which.
		m2 := &zhenggai.Measure{ProblemID: p.ID, Seq: 4, Content: "公开通报", Owner: "覃丽",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		want := "本单位有两名“覃丽”，请在人员名册中区分（如注明职务）后再选"
		if msg := fieldMessage(t, st.CreateMeasure(ctx, m2), "owner"); msg != want {
			t.Errorf("two of a name: %q, want %q", msg, want)
		}
		m2.OwnerID = qin2.ID
		if err := st.CreateMeasure(ctx, m2); err != nil || m2.OwnerID != qin2.ID {
			t.Fatalf("chosen by id: %v, owner %d", err, m2.OwnerID)
		}
		// An id alone gives the name; another unit's person is refused.
		m3 := &zhenggai.Measure{ProblemID: p.ID, Seq: 5, Content: "约谈提醒", LeaderID: wang.ID,
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m3); err != nil || m3.Leader != "王明" {
			t.Fatalf("by id: %v, leader %q", err, m3.Leader)
		}
		m4 := &zhenggai.Measure{ProblemID: p.ID, Seq: 6, Content: "约谈提醒", LeaderID: 99999,
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if msg := fieldMessage(t, st.CreateMeasure(ctx, m4), "leader"); !strings.Contains(msg, "人员名册") {
			t.Errorf("a stranger's id: %q", msg)
		}
		// A name nobody bears stays a name.
		m5 := &zhenggai.Measure{ProblemID: p.ID, Seq: 7, Content: "完善制度", Leader: "张三",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m5); err != nil || m5.LeaderID != 0 || m5.Leader != "张三" {
			t.Fatalf("unknown name: %v, %d %q", err, m5.LeaderID, m5.Leader)
		}
		mustVerify(t, st)
	})
}

// TestBackfillPersons: migration 18 enters the names the ledger and the
// accounts use, leaders as 领导班子成员, and links measures and accounts.
func TestBackfillPersons(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, p, ms := seedRound(t, st) // owner 覃丽
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: 3, Content: "建立台账", Leader: "王明", Owner: "王明、 覃丽",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m); err != nil {
			t.Fatal(err)
		}
		ms[0].Leader = "  王　明"
		if err := st.UpdateMeasure(ctx, ms[0]); err != nil {
			t.Fatal(err)
		}
		u := newAccount(t, st, r.UnitID, "lihua", "李华", zhenggai.RoleResponsible)
		if err := store.BackfillPersonsForTest(ctx, st); err != nil {
			t.Fatal(err)
		}
		list, err := st.Persons(ctx, r.UnitID)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		ids := map[string]int64{}
		for _, x := range list {
			names = append(names, x.Name+"/"+x.Kind.Label())
			ids[x.Name] = x.ID
		}
		if got, want := strings.Join(names, " "), "王明/领导班子成员 覃丽/干部职工 李华/干部职工"; got != want {
			t.Errorf("roster %q, want %q", got, want)
		}
		for _, c := range []struct {
			id            int64
			leader, owner int64
		}{{ms[0].ID, ids["王明"], ids["覃丽"]}, {ms[1].ID, 0, ids["覃丽"]}, {m.ID, ids["王明"], 0}} {
			got, err := st.Measure(ctx, c.id)
			if err != nil || got.LeaderID != c.leader || got.OwnerID != c.owner {
				t.Errorf("measure %d: leader %d owner %d (%v), want %d %d", c.id, got.LeaderID, got.OwnerID, err, c.leader, c.owner)
			}
		}
		if got, err := st.User(ctx, u.ID); err != nil || got.PersonID != ids["李华"] {
			t.Errorf("account's person: %+v %v", got, err)
		}
		// An account made later for a name of the roster is his.
		if wang := newAccount(t, st, r.UnitID, "wangming", "王明", zhenggai.RoleLeader); wang.PersonID != ids["王明"] {
			t.Errorf("new account's person: %d, want %d", wang.PersonID, ids["王明"])
		}
		// Again (the demo, after its ledger): nobody twice, and a measure
		// whose owner was chosen between two of a name keeps him.
		li2 := &zhenggai.Person{UnitID: r.UnitID, Name: "李华", Kind: zhenggai.PersonStaff, Rank: "科员"}
		if err := st.SavePerson(ctx, li2); err != nil {
			t.Fatal(err)
		}
		m4 := &zhenggai.Measure{ProblemID: p.ID, Seq: 4, Content: "公开通报", Owner: "李华", OwnerID: li2.ID,
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.NotStarted}
		if err := st.CreateMeasure(ctx, m4); err != nil {
			t.Fatal(err)
		}
		if err := st.EnterNamesInUse(ctx); err != nil {
			t.Fatal(err)
		}
		if again, _ := st.Persons(ctx, r.UnitID); len(again) != len(list)+1 {
			t.Errorf("entered again: %d persons, want %d", len(again), len(list)+1)
		}
		if got, _ := st.Measure(ctx, m4.ID); got.OwnerID != li2.ID {
			t.Errorf("the chosen owner was changed: %d, want %d", got.OwnerID, li2.ID)
		}
		mustVerify(t, st)
	})
}

// TestImportPersons: an import resolves the ledger's names in the unit's
// roster; a name two persons bear stops it with the row named, and
// nothing is imported.
func TestImportPersons(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		var wang int64
		for _, name := range []string{"王明", "李华", "李华"} {
			p := &zhenggai.Person{UnitID: r.UnitID, Name: name, Kind: zhenggai.PersonStaff}
			if err := st.SavePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
			if name == "王明" {
				wang = p.ID
			}
		}
		im := func(owner string) *zhenggai.Imported {
			return &zhenggai.Imported{
				Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "桑植县政协党组"},
				Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
					{Seq: 1, Title: "问题一", Measures: []zhenggai.ImportedMeasure{{Content: "措施一", Leader: "王 明", Owner: owner}}},
				}}},
			}
		}
		_, err := st.ImportRound(ctx, im("李华"), "")
		if err == nil || !strings.Contains(err.Error(), "问题1第1项措施") || !strings.Contains(err.Error(), "本单位有两名“李华”") {
			t.Fatalf("import with two 李华: %v", err)
		}
		if rounds, _ := st.Rounds(ctx); len(rounds) != 1 {
			t.Fatalf("a refused import left %d rounds", len(rounds))
		}
		r2, err := st.ImportRound(ctx, im("张三"), "")
		if err != nil {
			t.Fatal(err)
		}
		ms, err := st.Measures(ctx, r2.ID)
		if err != nil || len(ms) != 1 || ms[0].LeaderID != wang || ms[0].OwnerID != 0 || ms[0].Leader != "王 明" {
			t.Fatalf("imported measure: %+v %v", ms, err)
		}
	})
}
