package store_test

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/selfcheck"
	"zhenggai/internal/testkit"
)

// TestTravelLedger: a ledger line is saved with its documents, trips and
// moves, linked to the roster by name; a bad move and a second line of
// one person are refused with nothing written; the loader reads the line
// and the roster for the self-inspection; void; the log verifies.
func TestTravelLedger(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		wang := &zhenggai.Person{UnitID: unit, Name: "王明", Kind: zhenggai.PersonStaff, Rank: "干部"}
		if err := st.SavePerson(ctx, wang); err != nil {
			t.Fatal(err)
		}
		d := zhenggai.NewDate
		tp := &zhenggai.TravelPerson{UnitID: unit, Name: "王明", Rank: "干部", ScopeFrom: d(2016, 1, 1), RegisteredOn: d(2020, 8, 20),
			Documents: []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: "E12345678", IssuedOn: d(2018, 3, 1), HandedIn: d(2020, 8, 25)}},
			Trips:     []zhenggai.TravelTrip{{Destination: "泰国", From: d(2020, 1, 20), To: d(2020, 1, 26), Reason: "探亲", ApprovedBy: "向东", ApprovedOn: d(2020, 1, 10), Document: zhenggai.DocPassport}},
			Moves:     []zhenggai.TravelMove{{Document: zhenggai.DocPassport, Trip: 1, Out: d(2020, 1, 15), Back: d(2020, 2, 3)}}}
		if err := st.SaveTravelPerson(ctx, tp); err != nil {
			t.Fatal(err)
		}
		got, err := st.TravelPerson(ctx, tp.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PersonID != wang.ID || len(got.Documents) != 1 || got.Trips[0].Seq != 1 || got.Moves[0].Back != d(2020, 2, 3) || got.Version != 1 {
			t.Fatalf("read %+v", got)
		}
		// A move of a document not registered: refused, nothing written.
		bad := *got
		bad.Moves = append(append([]zhenggai.TravelMove{}, got.Moves...), zhenggai.TravelMove{Document: zhenggai.DocTaiwan, Out: d(2020, 3, 1)})
		err = st.SaveTravelPerson(ctx, &bad)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("moves.1.document"), "往来台湾通行证未登记") {
			t.Fatalf("bad move: %v", err)
		}
		second := &zhenggai.TravelPerson{UnitID: unit, Name: "王 明", ScopeFrom: d(2016, 1, 1)}
		err = st.SaveTravelPerson(ctx, second)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("name"), "不能重复登记") {
			t.Fatalf("second line: %v", err)
		}
		if again, _ := st.TravelPerson(ctx, tp.ID); again.Version != 1 || len(again.Moves) != 1 {
			t.Fatalf("written after a refusal: %+v", again)
		}
		// Stale version: a conflict.
		got.Note = "改"
		if err := st.SaveTravelPerson(ctx, got); err != nil {
			t.Fatal(err)
		}
		stale := *got
		stale.Version = 1
		if err := st.SaveTravelPerson(ctx, &stale); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Fatalf("stale save: %v", err)
		}
		regs, err := st.RegistersFor(ctx, unit, zhenggai.Period{}, selfcheck.NeedTravel)
		if err != nil {
			t.Fatal(err)
		}
		if len(regs.TravelPersons) != 1 || regs.TravelPersons[0].Documents[0].Number != "E12345678" || len(regs.TravelRoster) == 0 {
			t.Fatalf("loaded %+v", regs.TravelPersons)
		}
		qs, err := st.RegistersSQL(ctx, unit, zhenggai.Period{}, selfcheck.NeedTravel|selfcheck.NeedRetired)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, q := range qs {
			names[q.Name] = true
		}
		if !names["travel"] || !names["retired"] {
			t.Fatalf("RegistersSQL lacks travel or retired: %v", names)
		}
		if err := st.Void(ctx, "travel_person", tp.ID, "重复"); err != nil {
			t.Fatal(err)
		}
		if ls, _ := st.TravelPersons(ctx, unit); len(ls) != 0 {
			t.Fatalf("voided line listed: %+v", ls)
		}
		mustVerify(t, st)
	})
}

// TestTravelCalendar: the travel rules' needs load the unit's own work
// calendar (and not the sign-ins), so a document's return due on a day the
// unit's year sets off is due on its next working day.
func TestTravelCalendar(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		d := zhenggai.NewDate
		// Back from Thailand on 2020年1月26日: ten days on is Wednesday
		// 2月5日, a working day on the built-in calendar; back on 2月6日.
		tp := &zhenggai.TravelPerson{UnitID: unit, Name: "王明", Rank: "干部", ScopeFrom: d(2016, 1, 1), RegisteredOn: d(2016, 1, 5),
			Documents: []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: "E12345678", IssuedOn: d(2016, 3, 1), HandedIn: d(2016, 3, 2)}},
			Trips:     []zhenggai.TravelTrip{{Destination: "泰国", From: d(2020, 1, 20), To: d(2020, 1, 26), Reason: "探亲", ApprovedBy: "向东", ApprovedOn: d(2020, 1, 10), Document: zhenggai.DocPassport}},
			Moves:     []zhenggai.TravelMove{{Document: zhenggai.DocPassport, Trip: 1, Out: d(2020, 1, 15), Back: d(2020, 2, 6)}}}
		if err := st.SaveTravelPerson(ctx, tp); err != nil {
			t.Fatal(err)
		}
		rule := selfcheck.TravelReturnLate
		p := zhenggai.Period{Start: d(2020, 1, 1), End: d(2020, 12, 31)}
		check := func() []selfcheck.Finding {
			t.Helper()
			regs, err := st.RegistersFor(ctx, unit, p, selfcheck.NeedsOf([]selfcheck.Rule{rule}))
			if err != nil {
				t.Fatal(err)
			}
			if regs.Calendar == nil || regs.SignIns != nil || regs.Staff != nil {
				t.Fatalf("calendar %v, sign-ins %d, staff %d: the travel rules load the calendar alone", regs.Calendar, len(regs.SignIns), len(regs.Staff))
			}
			fs, err := rule.Check(ctx, regs, p, rule.Values(nil))
			if err != nil {
				t.Fatal(err)
			}
			return fs
		}
		if fs := check(); len(fs) != 1 || !strings.Contains(fs[0].Text, "护照2020年2月6日才交回") {
			t.Fatalf("built-in calendar: %+v", fs)
		}
		// The unit's province kept offices shut to 2月7日: due on Monday 2月10日.
		var days []zhenggai.CalendarDay
		for day := d(2020, 1, 24); !d(2020, 2, 7).Before(day); day = day.AddDays(1) {
			if !day.Weekend() {
				days = append(days, zhenggai.CalendarDay{Date: day, Name: "春节"})
			}
		}
		days = append(days, zhenggai.CalendarDay{Date: d(2020, 1, 19), Work: true, Name: "春节调休"})
		if err := st.SaveCalendarYear(ctx, unit, 2020, days, 0); err != nil {
			t.Fatal(err)
		}
		if fs := check(); len(fs) != 0 {
			t.Fatalf("the unit's calendar: %+v", fs)
		}
		qs, err := st.RegistersSQL(ctx, unit, p, selfcheck.NeedTravel|selfcheck.NeedCalendar)
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, q := range qs {
			names[q.Name] = true
		}
		if !names["calendar"] || names["attendance"] {
			t.Fatalf("RegistersSQL: %v", names)
		}
	})
}

// TestRetiredPosts: a post is saved linked to the roster; a bad one is
// refused naming its field; an import is all or none and matches a post
// it has; the loader reads the posts; void; the log verifies.
func TestRetiredPosts(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		r, _, _, _ := seedRound(t, st)
		unit := r.UnitID
		li := &zhenggai.Person{UnitID: unit, Name: "李四", Kind: zhenggai.PersonRetired}
		if err := st.SavePerson(ctx, li); err != nil {
			t.Fatal(err)
		}
		d := zhenggai.NewDate
		p := &zhenggai.RetiredPost{UnitID: unit, Name: "李四", Born: d(1955, 3, 1), FormerRank: "县政协副主席", Org: "县城投公司", Post: "顾问",
			Kind: zhenggai.RetiredRehired, From: d(2019, 3, 1), Pay: 3_600_000}
		if err := st.SaveRetiredPost(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := st.RetiredPost(ctx, p.ID)
		if err != nil || got.PersonID != li.ID || got.Term != 1 || got.Pay != 3_600_000 || got.Kind != zhenggai.RetiredRehired {
			t.Fatalf("read %+v %v", got, err)
		}
		got.To, got.FiledOn, got.FilingNo = d(2020, 9, 10), d(2020, 9, 15), "组备〔2020〕12号"
		if err := st.SaveRetiredPost(ctx, got); err != nil {
			t.Fatal(err)
		}
		bad := &zhenggai.RetiredPost{UnitID: unit, Name: "王五", Born: d(1950, 1, 1), Org: "县老年大学", Post: "校长", Kind: zhenggai.RetiredPartTime,
			From: d(2019, 3, 1), To: d(2018, 1, 1)}
		err = st.SaveRetiredPost(ctx, bad)
		if v, ok := err.(*zhenggai.ValidationError); !ok || !strings.Contains(v.For("to"), "早于起始日期") {
			t.Fatalf("bad post: %v", err)
		}
		// An import: the same post updated, a bad row refuses the whole.
		again := *got
		again.Pay = 0
		good := &zhenggai.RetiredPost{Name: "王五", Born: d(1950, 1, 1), Org: "县老年大学", Post: "校长", Kind: zhenggai.RetiredPartTime, From: d(2019, 3, 1)}
		err = st.ImportRetiredPosts(ctx, unit, []*zhenggai.RetiredPost{&again, good, bad}, []string{"第2行", "第3行", "第4行"}, false)
		if err == nil || !strings.Contains(err.Error(), "第4行") {
			t.Fatalf("import with a bad row: %v", err)
		}
		if ps, _ := st.RetiredPosts(ctx, unit); len(ps) != 1 || ps[0].Pay != 3_600_000 {
			t.Fatalf("written after a refused import: %+v", ps)
		}
		again, good2 := *got, *good
		again.Pay = 0
		if err := st.ImportRetiredPosts(ctx, unit, []*zhenggai.RetiredPost{&again, &good2}, nil, false); err != nil {
			t.Fatal(err)
		}
		ps, _ := st.RetiredPosts(ctx, unit)
		if len(ps) != 2 || ps[0].Name != "李四" || ps[0].Pay != 0 || ps[0].FilingNo != "组备〔2020〕12号" {
			t.Fatalf("after import: %+v", ps)
		}
		regs, err := st.RegistersFor(ctx, unit, zhenggai.Period{}, selfcheck.NeedRetired)
		if err != nil || len(regs.RetiredPosts) != 2 {
			t.Fatalf("loaded %+v %v", regs, err)
		}
		if err := st.Void(ctx, "retired_post", p.ID, "录入错误"); err != nil {
			t.Fatal(err)
		}
		if ps, _ := st.RetiredPosts(ctx, unit); len(ps) != 1 {
			t.Fatalf("voided post listed: %+v", ps)
		}
		mustVerify(t, st)
	})
}
