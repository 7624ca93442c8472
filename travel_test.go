package zhenggai

import (
	"strings"
	"testing"
)

func TestTravelValidate(t *testing.T) {
	d := NewDate
	good := func() *TravelPerson {
		return &TravelPerson{UnitID: 1, Name: "王明", ScopeFrom: d(2016, 1, 1),
			Documents: []TravelDocument{{Kind: DocPassport, Number: "E1", IssuedOn: d(2017, 3, 1), HandedIn: d(2017, 3, 5)}},
			Trips:     []TravelTrip{{Destination: "泰国", From: d(2019, 5, 1), To: d(2019, 5, 7)}},
			Moves:     []TravelMove{{Document: DocPassport, Trip: 1, Out: d(2019, 4, 28), Back: d(2019, 5, 9)}}}
	}
	for _, tc := range []struct {
		name, field, msg string
		edit             func(*TravelPerson)
	}{
		{"good", "", "", func(*TravelPerson) {}},
		{"no name", "name", "姓名不能为空", func(t *TravelPerson) { t.Name = "" }},
		{"no scope", "scope_from", "纳入管理日期不能为空", func(t *TravelPerson) { t.ScopeFrom = Date{} }},
		{"two passports", "documents.1.kind", "护照已登记", func(t *TravelPerson) { t.Documents = append(t.Documents, t.Documents[0]) }},
		{"held before issue", "documents.0.handed_in", "早于签发日期", func(t *TravelPerson) { t.Documents[0].HandedIn = d(2017, 2, 1) }},
		{"back before the trip", "trips.0.to", "早于出发日期", func(t *TravelPerson) { t.Trips[0].To = d(2019, 4, 1) }},
		{"move of no document", "moves.0.document", "往来台湾通行证未登记", func(t *TravelPerson) { t.Moves[0].Document = DocTaiwan }},
		{"move of no trip", "moves.0.trip", "出行第2条不存在", func(t *TravelPerson) { t.Moves[0].Trip = 2 }},
		{"back before out", "moves.0.back", "早于领取日期", func(t *TravelPerson) { t.Moves[0].Back = d(2019, 4, 1) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := good()
			tc.edit(p)
			p.Normalize()
			err := p.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			v, ok := err.(*ValidationError)
			if !ok || !strings.Contains(v.For(tc.field), tc.msg) {
				t.Fatalf("%s: %v", tc.field, err)
			}
		})
	}
}

func TestReturnDue(t *testing.T) {
	d := NewDate
	// The unit's own 2019: 国庆 a day longer (10月8日 off too) and no
	// make-up Saturday on 10月12日.
	var own2019 []CalendarDay
	for day := 1; day <= 8; day++ {
		own2019 = append(own2019, CalendarDay{Date: d(2019, 10, day), Name: "国庆节"})
	}
	unit := NewWorkCalendar(map[int][]CalendarDay{2019: own2019})
	for _, tc := range []struct {
		name     string
		cal      *WorkCalendar
		end, due Date
	}{
		{"Friday: ten days on is a Monday", nil, d(2019, 5, 10), d(2019, 5, 20)},
		{"Wednesday: a Saturday, moved to Monday", nil, d(2019, 5, 8), d(2019, 5, 20)},
		{"Thursday: a Sunday, moved to Monday", nil, d(2019, 5, 9), d(2019, 5, 20)},
		{"Tuesday: a Friday", nil, d(2019, 5, 7), d(2019, 5, 17)},
		{"due on 国庆: the first working day after the week", nil, d(2019, 9, 21), d(2019, 10, 8)},
		{"due in 劳动节 2020: 5月6日", nil, d(2020, 4, 24), d(2020, 5, 6)},
		{"due on the 调休 Saturday 2019年10月12日: a working day", nil, d(2019, 10, 2), d(2019, 10, 12)},
		{"due on the 调休 Sunday 2019年4月28日", nil, d(2019, 4, 18), d(2019, 4, 28)},
		{"the unit's own 国庆 is a day longer", unit, d(2019, 9, 21), d(2019, 10, 9)},
		{"the unit's own year has no 调休 Saturday", unit, d(2019, 10, 2), d(2019, 10, 14)},
		{"the unit's year leaves other years built in", unit, d(2020, 4, 24), d(2020, 5, 6)},
	} {
		if got := ReturnDue(tc.end, 10, tc.cal); got != tc.due {
			t.Errorf("%s: ReturnDue(%v) = %v, want %v", tc.name, tc.end, got, tc.due)
		}
	}
	for _, tc := range []struct {
		name          string
		issued, scope Date
		due           Date
	}{
		{"after promotion", d(2012, 1, 1), d(2019, 6, 1), d(2019, 6, 11)},
		{"after issue, a Saturday moved to Monday", d(2020, 1, 1), d(2019, 6, 1), d(2020, 1, 13)},
		{"after issue, on 国庆", d(2019, 9, 25), d(2019, 6, 1), d(2019, 10, 8)},
	} {
		if got := HandInDue(TravelDocument{IssuedOn: tc.issued}, tc.scope, 10, nil); got != tc.due {
			t.Errorf("hand-in %s: %v, want %v", tc.name, got, tc.due)
		}
	}
}

func TestInTravelScope(t *testing.T) {
	leader := &Person{Kind: PersonLeader, Rank: "党组成员、副主席（副县级）"}
	staff := &Person{Kind: PersonStaff, Rank: "科员"}
	retired := &Person{Kind: PersonRetired}
	for _, tc := range []struct {
		p     *Person
		scope []string
		want  bool
	}{
		{leader, []string{"领导班子成员", "干部职工"}, true},
		{staff, []string{"领导班子成员", "干部职工"}, true},
		{retired, []string{"领导班子成员", "干部职工"}, false},
		{staff, []string{"县级"}, false},
		{leader, []string{"县级"}, true},
		{staff, []string{"staff"}, true},
		{&Person{Kind: PersonStaff, Voided: true}, []string{"staff"}, false},
	} {
		if got := InTravelScope(tc.p, tc.scope); got != tc.want {
			t.Errorf("%+v in %v: %v", tc.p, tc.scope, got)
		}
	}
}

func TestRetiredPost(t *testing.T) {
	d := NewDate
	p := &RetiredPost{UnitID: 1, Name: "李四", Born: d(1950, 12, 31), Org: "县老年大学", Post: "副校长", Kind: RetiredPartTime, From: d(2019, 1, 1)}
	p.Normalize()
	if err := p.Validate(); err != nil || p.Term != 1 {
		t.Fatalf("%v term %d", err, p.Term)
	}
	if a := p.AgeOn(d(2020, 12, 30)); a != 69 {
		t.Errorf("age the day before: %d", a)
	}
	if a := p.AgeOn(d(2020, 12, 31)); a != 70 {
		t.Errorf("age on the birthday: %d", a)
	}
	if !p.Holds(d(2020, 1, 1)) || p.Holds(d(2018, 12, 31)) {
		t.Error("holds")
	}
	for field, edit := range map[string]func(*RetiredPost){
		"kind":     func(p *RetiredPost) { p.Kind = "x" },
		"born":     func(p *RetiredPost) { p.Born = Date{} },
		"org":      func(p *RetiredPost) { p.Org = "" },
		"to":       func(p *RetiredPost) { p.To = d(2018, 1, 1) },
		"pay":      func(p *RetiredPost) { p.Pay = -1 },
		"filed_on": func(p *RetiredPost) { p.FilingNo = "组干备〔2019〕1号" },
		"term":     func(p *RetiredPost) { p.Term = 21 },
	} {
		q := *p
		edit(&q)
		v, ok := q.Validate().(*ValidationError)
		if !ok || v.For(field) == "" {
			t.Errorf("%s not refused: %v", field, v)
		}
	}
	for s, want := range map[string]RetiredPostKind{"返聘": RetiredRehired, "兼任": RetiredPartTime, "聘任": RetiredRehired, "": RetiredPartTime} {
		if k, ok := ParseRetiredPostKind(s); !ok || k != want {
			t.Errorf("%q: %v", s, k)
		}
	}
}
