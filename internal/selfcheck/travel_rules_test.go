package selfcheck

import (
	"context"
	"strings"
	"testing"

	"zhenggai"
)

// line is a ledger line registered on reg ("" none), in scope from scope.
func line(id int64, name, scope, reg string) zhenggai.TravelPerson {
	t := zhenggai.TravelPerson{ID: id, PersonID: id, Name: name, ScopeFrom: day(scope)}
	if reg != "" {
		t.RegisteredOn = day(reg)
	}
	return t
}

func doc(kind zhenggai.TravelDocKind, issued, in string) zhenggai.TravelDocument {
	d := zhenggai.TravelDocument{Kind: kind, Number: "E1", IssuedOn: day(issued)}
	if in != "" {
		d.HandedIn = day(in)
	}
	return d
}

// tripOut is a trip approved on approved ("" not), from..to, with the
// passport taken out on out and back on back ("" still out).
func tripOut(t *zhenggai.TravelPerson, approved, from, to, out, back string) {
	seq := len(t.Trips) + 1
	tr := zhenggai.TravelTrip{Seq: seq, Destination: "泰国", From: day(from), To: day(to), Document: zhenggai.DocPassport}
	if approved != "" {
		tr.ApprovedOn = day(approved)
	}
	t.Trips = append(t.Trips, tr)
	m := zhenggai.TravelMove{Document: zhenggai.DocPassport, Trip: seq, Out: day(out)}
	if back != "" {
		m.Back = day(back)
	}
	t.Moves = append(t.Moves, m)
}

func runRule(t *testing.T, r Rule, regs *Registers, p zhenggai.Period, stored map[string]string) []Finding {
	t.Helper()
	fs, err := r.Check(context.Background(), regs, p, r.Values(stored))
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

func wantFindings(t *testing.T, fs []Finding, n int, texts []string, figures map[string]int64) {
	t.Helper()
	if len(fs) != n {
		t.Fatalf("%d findings, want %d: %+v", len(fs), n, fs)
	}
	if n == 0 {
		return
	}
	for _, w := range texts {
		if !strings.Contains(fs[0].Text, w) {
			t.Errorf("finding lacks %q:\n%s", w, fs[0].Text)
		}
	}
	for k, v := range figures {
		if fs[0].Figures[k] != v {
			t.Errorf("figure %s = %d, want %d (%v)", k, fs[0].Figures[k], v, fs[0].Figures)
		}
	}
}

func TestTravelUnregistered(t *testing.T) {
	roster := []zhenggai.Person{
		{ID: 1, Name: "向东", Kind: zhenggai.PersonLeader, Rank: "党组书记、主席（县处级）"},
		{ID: 2, Name: "覃丽", Kind: zhenggai.PersonStaff, Rank: "办公室主任"},
		{ID: 3, Name: "李明", Kind: zhenggai.PersonStaff, Rank: "干部"},
		{ID: 4, Name: "张老", Kind: zhenggai.PersonRetired},
	}
	years := period("2016-01-01", "2020-12-31")
	all := []zhenggai.TravelPerson{line(1, "向东", "2015-01-01", "2015-01-10"), line(2, "覃丽", "2015-01-01", "2015-01-20"),
		line(3, "李明", "2018-06-01", "2018-06-20")}
	for _, tc := range []struct {
		name    string
		lines   []zhenggai.TravelPerson
		stored  map[string]string
		n       int
		texts   []string
		figures map[string]int64
		records int
	}{
		{"all registered in time", all, nil, 0, nil, nil, 0},
		{"no ledger kept in the program: nothing said", nil, nil, 0, nil, nil, 0},
		{"a voided line only: nothing said", []zhenggai.TravelPerson{{ID: 1, Name: "向东", Voided: true}}, nil, 0, nil, nil, 0},
		{"the seed: others never registered", all[:1], nil, 1, []string{"纳入管理的3名国家公职人员中，2名未按规定及时登记备案，截至2020年12月31日均未登记", "覃丽未登记备案"},
			map[string]int64{"in_scope": 3, "unregistered": 2, "missing": 2}, 0},
		{"registered late, in the rectification", []zhenggai.TravelPerson{all[0], line(2, "覃丽", "2015-01-01", "2020-08-20"), line(3, "李明", "2018-06-01", "2020-08-20")},
			nil, 1, []string{"2名未按规定及时登记备案（均已逾期补登记）", "李明2018年6月纳入管理，2020年8月才登记备案"},
			map[string]int64{"late": 2, "missing": 0}, 2},
		{"scope of 县处级 only", all[:1], map[string]string{"selfcheck.travel_unregistered.scope": "县处级"}, 0, nil, nil, 0},
		{"added by hand, not yet due", append(all[:3:3], line(9, "王五", "2020-12-20", "")), nil, 0, nil, nil, 0},
		{"added by hand, past due", append(all[:3:3], line(9, "王五", "2020-10-01", "")), nil, 1, []string{"王五未登记备案"},
			map[string]int64{"in_scope": 4, "missing": 1}, 1},
		{"the thirtieth day on 国庆: registered on the first working day after", append(all[:3:3], line(9, "王五", "2019-09-01", "2019-10-08")),
			nil, 0, nil, nil, 0},
		{"the thirtieth day on 国庆: registered a day after that", append(all[:3:3], line(9, "王五", "2019-09-01", "2019-10-09")),
			nil, 1, []string{"王五2019年9月纳入管理，2019年10月才登记备案"}, map[string]int64{"late": 1}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := runRule(t, TravelUnregistered, &Registers{TravelRoster: roster, TravelPersons: tc.lines}, years, tc.stored)
			wantFindings(t, fs, tc.n, tc.texts, tc.figures)
			if tc.n > 0 && len(fs[0].Records) != tc.records {
				t.Errorf("%d records, want %d", len(fs[0].Records), tc.records)
			}
		})
	}
}

func TestTravelHandinLate(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	withDocs := func(scope string, ds ...zhenggai.TravelDocument) zhenggai.TravelPerson {
		l := line(1, "覃丽", scope, "2015-01-01")
		l.Documents = ds
		return l
	}
	for _, tc := range []struct {
		name    string
		l       zhenggai.TravelPerson
		n       int
		texts   []string
		figures map[string]int64
	}{
		{"handed in on the tenth day", withDocs("2015-01-01", doc(zhenggai.DocPassport, "2018-03-05", "2018-03-15")), 0, nil, nil},
		{"handed in on the eleventh day", withDocs("2015-01-01", doc(zhenggai.DocPassport, "2018-03-05", "2018-03-16")), 1,
			[]string{"1本未在规定的10日内交存", "覃丽的护照应于2018年3月15日前交存，2018年3月16日才交存"}, map[string]int64{"late": 1, "not_held": 0}},
		{"the tenth day a Sunday: Monday is in time", withDocs("2015-01-01", doc(zhenggai.DocPassport, "2018-03-01", "2018-03-12")), 0, nil, nil},
		{"the tenth day in 国庆 2019: 10月8日 is in time", withDocs("2015-01-01", doc(zhenggai.DocPassport, "2019-09-25", "2019-10-08")), 0, nil, nil},
		{"after 国庆 2019, a day late", withDocs("2015-01-01", doc(zhenggai.DocPassport, "2019-09-25", "2019-10-09")), 1,
			[]string{"应于2019年10月8日前交存，2019年10月9日才交存"}, map[string]int64{"late": 1}},
		{"never handed in", withDocs("2015-01-01", doc(zhenggai.DocHKMacao, "2017-05-01", "")), 1,
			[]string{"截至2020年12月31日仍有1本未交存", "往来港澳通行证（2017年5月签发）未交单位保管"}, map[string]int64{"not_held": 1}},
		{"issued before promotion, handed in within days of it", withDocs("2019-06-01", doc(zhenggai.DocPassport, "2012-01-01", "2019-06-08")), 0, nil, nil},
		{"issued before promotion, held only in the rectification", withDocs("2019-06-01", doc(zhenggai.DocPassport, "2012-01-01", "2020-08-25")), 1,
			[]string{"应于2019年6月11日前交存"}, map[string]int64{"documents": 1, "late": 1}},
		{"held before the period", withDocs("2010-01-01", doc(zhenggai.DocPassport, "2010-01-01", "2011-01-01")), 0, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := runRule(t, TravelHandinLate, &Registers{TravelPersons: []zhenggai.TravelPerson{tc.l}}, years, nil)
			wantFindings(t, fs, tc.n, tc.texts, tc.figures)
		})
	}
}

func TestTravelReturnLate(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	// A trip ending on Friday 2019-05-10: ten days on is Monday 5-20.
	// One ending on Wednesday 2019-05-08: ten days on is Saturday 5-18,
	// moved to Monday 5-20.
	if w := day("2019-05-10").Time().Weekday().String(); w != "Friday" {
		t.Fatalf("2019-05-10 is a %s", w)
	}
	// The unit's own 2019: 国庆 through 10月8日, and no make-up Saturday
	// on 10月12日 (its year replaces the built-in one whole).
	var own []zhenggai.CalendarDay
	for d := 1; d <= 8; d++ {
		own = append(own, zhenggai.CalendarDay{Date: zhenggai.NewDate(2019, 10, d), Name: "国庆节"})
	}
	unit := zhenggai.NewWorkCalendar(map[int][]zhenggai.CalendarDay{2019: own})
	builtin := zhenggai.NewWorkCalendar(nil)
	for _, tc := range []struct {
		name     string
		cal      *zhenggai.WorkCalendar
		to, back string
		n        int
		texts    []string
		figures  map[string]int64
	}{
		{"Friday's trip, back on the tenth day (Monday)", nil, "2019-05-10", "2019-05-20", 0, nil, nil},
		{"Friday's trip, back on the eleventh day", nil, "2019-05-10", "2019-05-21", 1,
			[]string{"领取证件1次，其中1次未在回国(境)后10日内交回", "2019年5月10日回国(境)，护照2019年5月21日才交回"}, map[string]int64{"late": 1}},
		{"Wednesday's trip, the last day a Saturday: Monday is in time", nil, "2019-05-08", "2019-05-20", 0, nil, nil},
		{"never back", nil, "2019-05-10", "", 1, []string{"截至2020年12月31日仍有1本未交回"}, map[string]int64{"not_back": 1}},
		{"due on 国庆: back on the first working day after it", builtin, "2019-09-21", "2019-10-08", 0, nil, nil},
		{"due on 国庆: back a day after the first working day", builtin, "2019-09-21", "2019-10-09", 1,
			[]string{"2019年9月21日回国(境)，护照2019年10月9日才交回"}, map[string]int64{"late": 1}},
		{"no calendar loaded: the built-in one", nil, "2019-09-21", "2019-10-08", 0, nil, nil},
		{"due on the 调休 Saturday 10月12日: a working day, Monday is late", builtin, "2019-10-02", "2019-10-14", 1,
			[]string{"护照2019年10月14日才交回"}, map[string]int64{"late": 1}},
		{"the unit's year has no 调休 Saturday: Monday in time", unit, "2019-10-02", "2019-10-14", 0, nil, nil},
		{"the unit's 国庆 a day longer: 10月9日 in time", unit, "2019-09-21", "2019-10-09", 0, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := line(1, "覃丽", "2015-01-01", "2015-01-10")
			l.Documents = []zhenggai.TravelDocument{doc(zhenggai.DocPassport, "2015-01-01", "2015-01-05")}
			tripOut(&l, "2019-04-20", "2019-05-01", tc.to, "2019-04-28", tc.back)
			fs := runRule(t, TravelReturnLate, &Registers{TravelPersons: []zhenggai.TravelPerson{l}, Calendar: tc.cal}, years, nil)
			wantFindings(t, fs, tc.n, tc.texts, tc.figures)
		})
	}
	// Out at the period's end but not yet due: nothing.
	l := line(1, "覃丽", "2015-01-01", "2015-01-10")
	l.Documents = []zhenggai.TravelDocument{doc(zhenggai.DocPassport, "2015-01-01", "2015-01-05")}
	tripOut(&l, "2020-12-01", "2020-12-20", "2020-12-26", "2020-12-18", "")
	wantFindings(t, runRule(t, TravelReturnLate, &Registers{TravelPersons: []zhenggai.TravelPerson{l}}, years, nil), 0, nil, nil)
}

func TestTripUnapproved(t *testing.T) {
	years := period("2016-01-01", "2020-12-31")
	// Each case: the passport out on 4月28日 for a trip of 5月1日–7日
	// approved on approved ("" never); more adds what else the line holds.
	for _, tc := range []struct {
		name     string
		approved string
		more     func(l *zhenggai.TravelPerson)
		n        int
		texts    []string
		absent   []string
		figures  map[string]int64
	}{
		{"approved before", "2019-04-20", nil, 0, nil, nil, nil},
		{"approved on the day of departure, the passport out before: the move alone", "2019-05-01", nil, 1,
			[]string{"1次领取证件时没有经批准的出行", "覃丽的护照于2019年4月28日领取，出行2019年5月1日才审批"}, []string{"未经事先审批"},
			map[string]int64{"trips": 1, "unapproved": 0, "moves_unapproved": 1, "problems": 1}},
		{"never approved: the trip once, not its move again", "", nil, 1,
			[]string{"因私出国(境)1次中，1次未经事先审批", "覃丽2019年5月1日赴泰国未经审批"}, []string{"领取"},
			map[string]int64{"trips": 1, "unapproved": 1, "moves_unapproved": 0, "problems": 1}},
		{"approved after departure: the trip once", "2019-05-03", nil, 1,
			[]string{"1次未经事先审批", "2019年5月3日才审批"}, []string{"领取"},
			map[string]int64{"unapproved": 1, "moves_unapproved": 0, "problems": 1}},
		{"a document out without a trip", "2019-04-20", func(l *zhenggai.TravelPerson) {
			l.Moves = append(l.Moves, zhenggai.TravelMove{Document: zhenggai.DocPassport, Out: day("2019-08-01"), Back: day("2019-08-05")})
		}, 1, []string{"审批不严格，1次领取证件时没有经批准的出行", "覃丽的护照于2019年8月1日领取，无对应的出行审批"}, nil,
			map[string]int64{"unapproved": 0, "moves_unapproved": 1, "problems": 1}},
		{"an unapproved trip and a document out without a trip: two problems", "", func(l *zhenggai.TravelPerson) {
			l.Moves = append(l.Moves, zhenggai.TravelMove{Document: zhenggai.DocPassport, Out: day("2019-08-01"), Back: day("2019-08-05")})
		}, 1, []string{"1次未经事先审批；另有1次领取证件时没有经批准的出行"}, nil,
			map[string]int64{"trips": 1, "unapproved": 1, "moves_unapproved": 1, "problems": 2}},
		{"an unapproved trip and an approved one with the passport out before its approval", "", func(l *zhenggai.TravelPerson) {
			tripOut(l, "2019-10-10", "2019-10-10", "2019-10-15", "2019-10-08", "2019-10-16")
		}, 1, []string{"因私出国(境)2次中，1次未经事先审批；另有1次领取证件时没有经批准的出行", "出行2019年10月10日才审批"}, nil,
			map[string]int64{"trips": 2, "unapproved": 1, "moves_unapproved": 1, "problems": 2}},
		{"two unapproved trips, each with its move: two problems", "", func(l *zhenggai.TravelPerson) {
			tripOut(l, "", "2019-10-10", "2019-10-15", "2019-10-08", "2019-10-16")
		}, 1, []string{"因私出国(境)2次中，2次未经事先审批"}, []string{"领取"},
			map[string]int64{"trips": 2, "unapproved": 2, "moves_unapproved": 0, "problems": 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := line(1, "覃丽", "2015-01-01", "2015-01-10")
			l.Documents = []zhenggai.TravelDocument{doc(zhenggai.DocPassport, "2015-01-01", "2015-01-05")}
			tripOut(&l, tc.approved, "2019-05-01", "2019-05-07", "2019-04-28", "2019-05-09")
			if tc.more != nil {
				tc.more(&l)
			}
			fs := runRule(t, TripUnapproved, &Registers{TravelPersons: []zhenggai.TravelPerson{l}}, years, nil)
			wantFindings(t, fs, tc.n, tc.texts, tc.figures)
			for _, w := range tc.absent {
				if tc.n > 0 && strings.Contains(fs[0].Text, w) {
					t.Errorf("finding says %q:\n%s", w, fs[0].Text)
				}
			}
		})
	}
}
