package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func TestSignInImport(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, _, _ := seedRound(t, st)
		for _, p := range []zhenggai.Person{{Name: "王明", Kind: zhenggai.PersonLeader}, {Name: "李华", Kind: zhenggai.PersonStaff},
			{Name: "张伟", Kind: zhenggai.PersonStaff, Rank: "办公室"}, {Name: "张伟", Kind: zhenggai.PersonStaff, Rank: "财务室"}} {
			p.UnitID = r.UnitID
			if err := st.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		d := func(day int) zhenggai.Date { return zhenggai.NewDate(2020, 7, day) }
		im := &store.SignInImport{UnitID: r.UnitID, FileName: "7月考勤.xlsx", Source: "考勤机", Rows: []store.SignInRow{
			{Name: "王明", On: d(27), FirstIn: 480, LastOut: 1050}, {Name: "李华", On: d(27), FirstIn: 470, LastOut: -1},
			{Name: "李华", On: d(27), FirstIn: -1, LastOut: 1060}, // a second punch of the day merges
			{Name: "王 明", On: d(28), FirstIn: 490, LastOut: 1040},
		}}
		res, err := st.ImportSignIns(ctx, im, false)
		if err != nil {
			t.Fatal(err)
		}
		if res.SignIns != 3 || res.Persons != 2 || res.Replaced != 0 {
			t.Fatalf("result %+v", res)
		}
		got, err := st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID})
		if err != nil || len(got) != 3 || got[1].Name != "李华" || got[1].FirstIn != 470 || got[1].LastOut != 1060 || got[2].Name != "王明" {
			t.Fatalf("sign-ins %+v, %v", got, err)
		}
		// A re-import of 27日 for 李华 replaces his day only.
		res, err = st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, FileName: "补录.xlsx",
			Rows: []store.SignInRow{{Name: "李华", On: d(27), FirstIn: 455, LastOut: 1080}}}, false)
		if err != nil || res.Replaced != 1 {
			t.Fatalf("re-import %+v, %v", res, err)
		}
		got, _ = st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID, From: d(27), To: d(27)})
		if len(got) != 2 || got[1].FirstIn != 455 || got[0].FirstIn != 480 {
			t.Fatalf("after re-import %+v", got)
		}
		// 王明's 28日 the clock missed, entered by hand (补录); a second
		// export of 28日 without him keeps it, and one with him keeps both.
		if _, err := st.SaveSignIn(ctx, r.UnitID, &zhenggai.SignIn{Name: "王明", On: d(28), FirstIn: 500, LastOut: -1}); err != nil {
			t.Fatal(err)
		}
		if _, err := st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, FileName: "7月考勤（二）.xlsx", Source: "考勤机",
			Rows: []store.SignInRow{{Name: "李华", On: d(28), FirstIn: 470, LastOut: -1}, {Name: "王明", On: d(27), FirstIn: 480, LastOut: -1}}}, false); err != nil {
			t.Fatal(err)
		}
		got, _ = st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID, From: d(28), To: d(28)})
		manual := 0
		for _, g := range got {
			if g.Name == "王明" && g.Source == "手工录入" && g.FirstIn == 500 {
				manual++
			}
		}
		if manual != 1 {
			t.Fatalf("a clock's re-import took away the day entered by hand: %+v", got)
		}
		// Two of a name, a stranger: errors naming the rows, nothing written.
		_, err = st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, Rows: []store.SignInRow{
			{Name: "张伟", On: d(29), FirstIn: 480, LastOut: -1, Where: "第2行："},
			{Name: "赵六", On: d(29), FirstIn: 480, LastOut: -1, Where: "第3行："},
			{Name: "李华", On: d(29), FirstIn: 500, LastOut: 400, Where: "第4行："}}}, false)
		for _, w := range []string{"第2行：本单位有两名“张伟”", "第3行：姓名“赵六”不在本单位人员名册中", "第4行：下班打卡时间早于上班打卡时间"} {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("want %q in %v", w, err)
			}
		}
		got, _ = st.SignIns(ctx, store.SignInQuery{UnitID: r.UnitID, From: d(29)})
		if len(got) != 0 {
			t.Fatalf("written despite errors: %+v", got)
		}
	})
}

func TestLeaveAndCalendar(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := actx()
		r, _, _, _ := seedRound(t, st)
		for _, p := range []zhenggai.Person{{Name: "王明", Kind: zhenggai.PersonLeader}, {Name: "李华", Kind: zhenggai.PersonStaff}} {
			p.UnitID = r.UnitID
			if err := st.SavePerson(ctx, &p); err != nil {
				t.Fatal(err)
			}
		}
		l := &zhenggai.Leave{UnitID: r.UnitID, Name: "李华", Kind: zhenggai.LeaveTrip, From: zhenggai.NewDate(2020, 7, 20),
			To: zhenggai.NewDate(2020, 7, 24), Reason: "赴省政协学习"}
		if err := st.SaveLeave(ctx, l); err != nil || l.PersonID == 0 {
			t.Fatal(err, l.PersonID)
		}
		if _, err := st.ReturnLeave(ctx, l.ID, l.Version, zhenggai.NewDate(2020, 7, 27)); err == nil || !strings.Contains(err.Error(), "尚未批准") {
			t.Errorf("return before approval: %v", err)
		}
		a, err := st.ApproveLeave(ctx, l.ID, l.Version, "王明", zhenggai.NewDate(2020, 7, 19))
		if err != nil || !a.Approved() {
			t.Fatal(err)
		}
		if _, err := st.ApproveLeave(ctx, l.ID, l.Version, "王明", zhenggai.NewDate(2020, 7, 19)); err == nil {
			t.Error("approved at a stale version")
		}
		out, err := st.Leaves(ctx, store.LeaveQuery{UnitID: r.UnitID, State: "out"})
		if err != nil || len(out) != 1 {
			t.Fatalf("out: %d, %v", len(out), err)
		}
		bad := &zhenggai.Leave{UnitID: r.UnitID, Name: "赵六", Kind: zhenggai.LeaveSick, From: zhenggai.NewDate(2020, 7, 20), To: zhenggai.NewDate(2020, 7, 21)}
		if err := st.SaveLeave(ctx, bad); err == nil || !strings.Contains(err.Error(), "不在本单位人员名册中") {
			t.Errorf("stranger: %v", err)
		}
		// The unit's own 2020: 7月28日 off.
		if err := st.SaveCalendarYear(ctx, r.UnitID, 2020, []zhenggai.CalendarDay{{Date: zhenggai.NewDate(2020, 7, 28), Name: "防汛"}}, 0); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveCalendarYear(ctx, r.UnitID, 2020, nil, 0); err == nil {
			t.Error("saved over at version 0")
		}
		cal, err := st.WorkCalendar(ctx, r.UnitID)
		if err != nil || cal.WorkingDay(zhenggai.NewDate(2020, 7, 28)) || !cal.WorkingDay(zhenggai.NewDate(2020, 10, 8)) {
			t.Fatalf("calendar: %v", err)
		}
		_, err = st.ImportSignIns(ctx, &store.SignInImport{UnitID: r.UnitID, Rows: []store.SignInRow{
			{Name: "王明", On: zhenggai.NewDate(2020, 7, 20), FirstIn: 480, LastOut: -1},
			{Name: "王明", On: zhenggai.NewDate(2020, 10, 28), FirstIn: 480, LastOut: -1}}}, false)
		if err != nil {
			t.Fatal(err)
		}
		p := zhenggai.Period{Start: zhenggai.NewDate(2020, 1, 1), End: zhenggai.NewDate(2020, 12, 31)}
		regs, err := st.RegistersFor(ctx, r.UnitID, p, selfcheck.NeedAttendance)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.Staff) != 2 || len(regs.SignIns) != 2 || len(regs.Leaves) != 1 || regs.Calendar.WorkingDay(zhenggai.NewDate(2020, 7, 28)) {
			t.Fatalf("loaded %d staff, %d sign-ins, %d leaves", len(regs.Staff), len(regs.SignIns), len(regs.Leaves))
		}
		fs, err := selfcheck.LeaveUnreturned.Check(ctx, regs, p, selfcheck.LeaveUnreturned.Values(nil))
		if err != nil || len(fs) != 1 || fs[0].Figures["unreturned"] != 1 {
			t.Fatalf("leave_unreturned: %+v, %v", fs, err)
		}
		if _, err := st.ReturnLeave(ctx, a.ID, a.Version, zhenggai.NewDate(2020, 7, 27)); err != nil {
			t.Fatal(err)
		}
		regs, _ = st.RegistersFor(ctx, r.UnitID, p, selfcheck.NeedAttendance)
		if fs, _ := selfcheck.LeaveUnreturned.Check(ctx, regs, p, selfcheck.LeaveUnreturned.Values(nil)); len(fs) != 0 {
			t.Fatalf("after 销假: %+v", fs)
		}
		if err := st.Void(ctx, "leave", a.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		// Voided, it leaves the list; asked, it is there with who voided
		// it and why, and the guard reads its applicant.
		if live, _ := st.Leaves(ctx, store.LeaveQuery{UnitID: r.UnitID}); len(live) != 0 {
			t.Errorf("voided leave listed: %+v", live)
		}
		all, err := st.Leaves(ctx, store.LeaveQuery{UnitID: r.UnitID, Voided: true, PersonID: l.PersonID})
		if err != nil || len(all) != 1 || !all[0].Voided || all[0].VoidedBy != zhenggai.ActorFrom(ctx).Name || all[0].VoidReason != "重复录入" {
			t.Fatalf("with voided: %+v, %v", all, err)
		}
		tg, err := st.Target(ctx, "leave", a.ID)
		if err != nil || tg.UnitID != r.UnitID || len(tg.Persons) != 1 || tg.Persons[0] != l.PersonID {
			t.Errorf("target %+v, %v", tg, err)
		}
		// The applicant withdraws (撤回) what is not yet approved, once.
		w := &zhenggai.Leave{UnitID: r.UnitID, Name: "王明", Kind: zhenggai.LeavePersonal, From: zhenggai.NewDate(2020, 8, 3), To: zhenggai.NewDate(2020, 8, 3)}
		if err := st.SaveLeave(ctx, w); err != nil {
			t.Fatal(err)
		}
		if err := st.WithdrawLeave(ctx, w.ID, ""); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Leave(ctx, w.ID); got.State(zhenggai.ActorFrom(ctx).Name) != "已撤回" || got.VoidReason != "本人撤回" {
			t.Errorf("withdrawn: %+v", got)
		}
		if err := st.WithdrawLeave(ctx, w.ID, ""); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("withdrawn twice: %v", err)
		}
		ok := &zhenggai.Leave{UnitID: r.UnitID, Name: "王明", Kind: zhenggai.LeavePersonal, From: zhenggai.NewDate(2020, 8, 4), To: zhenggai.NewDate(2020, 8, 4),
			ApprovedBy: "王明", ApprovedOn: zhenggai.NewDate(2020, 8, 3)}
		if err := st.SaveLeave(ctx, ok); err != nil {
			t.Fatal(err)
		}
		if err := st.WithdrawLeave(ctx, ok.ID, ""); err == nil || !strings.Contains(err.Error(), "已批准，不能撤回") {
			t.Errorf("approved withdrawn: %v", err)
		}
		if got, _ := st.Leave(ctx, ok.ID); got.Voided {
			t.Error("an approved leave was voided")
		}
	})
}
