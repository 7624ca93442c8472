package store_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// TestNotesChecks: a sitting's checks of several people are entered at
// once (all or none), matched to the roster, edited at their version,
// listed by year and result; the study sessions of the study types are
// listed with their attendance counts and topics.
func TestNotesChecks(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		for _, n := range []string{"钟明", "王红", "李强"} {
			if err := st.SavePerson(ctx, &zhenggai.Person{UnitID: unit, Name: n, Kind: zhenggai.PersonStaff, Party: "中共党员"}); err != nil {
				t.Fatal(err)
			}
		}
		d := zhenggai.NewDate
		sit := func(names ...string) []*zhenggai.NotesCheck {
			var cs []*zhenggai.NotesCheck
			for _, n := range names {
				cs = append(cs, &zhenggai.NotesCheck{Name: n, CheckerName: "钟明", On: d(2020, 9, 30), Period: "2020年第三季度", Result: zhenggai.NotesPass})
			}
			return cs
		}
		// One bad row: nothing written.
		bad := sit("王红", "赵无名")
		err := st.SaveNotesChecks(ctx, unit, bad, []string{"第1人", "第2人"})
		if err == nil || !strings.Contains(err.Error(), "第2人") {
			t.Fatalf("unknown person: %v", err)
		}
		if got, _ := st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unit}); len(got) != 0 {
			t.Fatalf("written on error: %d", len(got))
		}
		cs := sit("王红", "李强")
		cs[1].Result, cs[1].Remark = zhenggai.NotesNone, "未见学习笔记"
		if err := st.SaveNotesChecks(ctx, unit, cs, nil); err != nil {
			t.Fatal(err)
		}
		if cs[0].PersonID == 0 || cs[0].CheckerID == 0 || cs[0].Period != "2020-Q3" {
			t.Errorf("not matched: %+v", cs[0])
		}
		c := cs[1]
		c.Result = zhenggai.NotesIncomplete
		if err := st.SaveNotesCheck(ctx, c); err != nil {
			t.Fatal(err)
		}
		stale := *c
		stale.Version = 1
		if err := st.SaveNotesCheck(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale version: %v", err)
		}
		got, err := st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unit, Year: 2020, Result: zhenggai.NotesIncomplete})
		if err != nil || len(got) != 1 || got[0].Name != "李强" {
			t.Fatalf("list: %v %v", got, err)
		}
		if got, _ := st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unit, Year: 2019}); len(got) != 0 {
			t.Errorf("2019: %d", len(got))
		}
		if err := st.Void(ctx, "notes_check", c.ID, "录入错误"); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.NotesChecks(ctx, store.NotesCheckQuery{UnitID: unit}); len(got) != 1 {
			t.Errorf("after void: %d", len(got))
		}
		if ys, err := st.NotesCheckYears(ctx, unit); err != nil || len(ys) != 1 || ys[0] != 2020 {
			t.Errorf("years %v %v", ys, err)
		}

		// The study register: the 中心组 session with its attendance.
		mt := &zhenggai.Meeting{UnitID: unit, Type: zhenggai.MeetingStudyGroup, Date: d(2020, 3, 2), ChairName: "钟明",
			Attendance: []zhenggai.Attendance{{Name: "钟明", Presence: zhenggai.Present}, {Name: "王红", Presence: zhenggai.OnLeave},
				{Name: "李强", Presence: zhenggai.AbsentNoLeave}},
			Items: []zhenggai.AgendaItem{{Title: "学习党章", Kind: zhenggai.ItemOrdinary}, {Title: "学习条例", Kind: zhenggai.ItemOrdinary}}}
		if err := st.SaveMeeting(ctx, mt); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveMeeting(ctx, &zhenggai.Meeting{UnitID: unit, Type: zhenggai.MeetingPartyGroup, Date: d(2020, 3, 3)}); err != nil {
			t.Fatal(err)
		}
		types, err := st.StudyTypes(ctx, unit)
		if err != nil || strings.Join(types, ",") != "中心组学习,党课" {
			t.Fatalf("types %v %v", types, err)
		}
		ss, err := st.StudySessions(ctx, unit, 2020, types)
		if err != nil || len(ss) != 1 {
			t.Fatalf("sessions %v %v", ss, err)
		}
		if s := ss[0]; s.Present != 1 || s.Leave != 1 || s.Absent != 1 || s.Topics != "学习党章、学习条例" || s.Number != 1 {
			t.Errorf("session %+v", s)
		}
		if ys, _ := st.StudyYears(ctx, unit, types); len(ys) != 1 || ys[0] != 2020 {
			t.Errorf("study years %v", ys)
		}
	})
}

// TestStudyRegisters: the loader reads the study sessions of the study
// types with their attendance, the notes checks and the roster's leaders
// and staff; its bare queries run; the self-inspection finds a member
// never checked, on both backends.
func TestStudyRegisters(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		for _, p := range []zhenggai.Person{{Name: "钟明", Kind: zhenggai.PersonLeader}, {Name: "王红", Kind: zhenggai.PersonStaff},
			{Name: "李强", Kind: zhenggai.PersonStaff}, {Name: "赵老", Kind: zhenggai.PersonRetired}} {
			p.UnitID, p.Party = unit, "中共党员"
			if err := st.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		d := zhenggai.NewDate
		for _, on := range []zhenggai.Date{d(2019, 3, 5), d(2019, 12, 31)} {
			mt := &zhenggai.Meeting{UnitID: unit, Type: zhenggai.MeetingStudyGroup, Date: on, ChairName: "钟明",
				Attendance: []zhenggai.Attendance{{Name: "钟明", Presence: zhenggai.Present}, {Name: "王红", Presence: zhenggai.AbsentNoLeave}}}
			if err := st.SaveMeeting(ctx, mt); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.SaveMeeting(ctx, &zhenggai.Meeting{UnitID: unit, Type: zhenggai.MeetingPartyGroup, Date: d(2019, 4, 1)}); err != nil {
			t.Fatal(err)
		}
		var cs []*zhenggai.NotesCheck
		for q := 1; q <= 4; q++ {
			for _, n := range []string{"钟明", "王红"} {
				cs = append(cs, &zhenggai.NotesCheck{Name: n, CheckerName: "李强", On: d(2019, 3*q, 20),
					Period: zhenggai.StudyPeriod(fmt.Sprintf("2019-Q%d", q)), Result: zhenggai.NotesPass})
			}
		}
		if err := st.SaveNotesChecks(ctx, unit, cs, nil); err != nil {
			t.Fatal(err)
		}
		p := zhenggai.Period{Start: d(2019, 1, 1), End: d(2019, 12, 31)}
		regs, err := st.RegistersFor(ctx, unit, p, selfcheck.NeedStudy)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.StudySessions) != 2 || len(regs.StudySessions[0].Attendance) != 2 || len(regs.NotesChecks) != 8 ||
			len(regs.StudyPersons) != 3 || strings.Join(regs.StudyTypes, ",") != "中心组学习,党课" {
			t.Fatalf("loaded %+v", regs)
		}
		qs, err := st.RegistersSQL(ctx, unit, p, selfcheck.NeedStudy)
		if err != nil {
			t.Fatal(err)
		}
		rows := 0
		for _, q := range qs {
			if q.Name != "study" {
				continue
			}
			rs, err := store.ReadDBForTest(env.Store).QueryContext(ctx, q.SQL, q.Args...)
			if err != nil {
				t.Fatalf("%s: %v", q.SQL, err)
			}
			for rs.Next() {
				rows++
			}
			rs.Close()
		}
		if rows != 2+4+8+3 {
			t.Errorf("bare study queries read %d rows", rows)
		}
		fs, err := st.SelfCheck(ctx, unit, p, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range fs {
			got[f.Rule] += f.Text
		}
		for rule, text := range map[string]string{
			"study_notes":     "2019年，3名党员中有1名的学习笔记有季度未经检查（共缺检查4人次），如李强",
			"study_frequency": "2019年中心组学习2次，未达到每年不少于12次的要求",
		} {
			if !strings.Contains(got[rule], text) {
				t.Errorf("%s: %q lacks %q", rule, got[rule], text)
			}
		}
	})
}
