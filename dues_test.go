package zhenggai

import (
	"strings"
	"testing"
)

func TestDue(t *testing.T) {
	for _, c := range []struct {
		kind  DuesKind
		base  Fen
		fixed Fen
		mode  Rounding
		bp    int
		due   Fen
	}{
		{DuesInService, 0, 0, RoundHalfUp, 50, 0},
		{DuesInService, 300000, 0, RoundHalfUp, 50, 1500},
		{DuesInService, 300001, 0, RoundHalfUp, 100, 3000},
		{DuesInService, 500000, 0, RoundHalfUp, 100, 5000},
		{DuesInService, 500001, 0, RoundHalfUp, 150, 7500},
		{DuesInService, 1000000, 0, RoundHalfUp, 150, 15000},
		{DuesInService, 1000001, 0, RoundHalfUp, 200, 20000},
		{DuesInService, 510000, 0, RoundHalfUp, 150, 7650}, // 5100.00 × 1.5% = 76.50
		{DuesRetired, 0, 0, RoundHalfUp, 50, 0},
		{DuesRetired, 300000, 0, RoundHalfUp, 50, 1500},
		{DuesRetired, 300001, 0, RoundHalfUp, 50, 1500},
		{DuesRetired, 500000, 0, RoundHalfUp, 50, 2500},
		{DuesRetired, 500001, 0, RoundHalfUp, 100, 5000},
		{DuesRetired, 1000000, 0, RoundHalfUp, 100, 10000},
		{DuesRetired, 1000001, 0, RoundHalfUp, 100, 10000},
		// .5 fen: 4567.50 × 1% = 45.675
		{DuesInService, 456750, 0, RoundHalfUp, 100, 4568},
		{DuesInService, 456750, 0, RoundDown, 100, 4567},
		// below .5 fen: 3000.01 × 1% = 30.0001; above: 4567.99 × 1% = 45.6799
		{DuesInService, 300001, 0, RoundDown, 100, 3000},
		{DuesInService, 456799, 0, RoundHalfUp, 100, 4568},
		{DuesInService, 456799, 0, RoundDown, 100, 4567},
		// 0.5%: 2999.99 × 0.5% = 14.99995
		{DuesInService, 299999, 0, RoundHalfUp, 50, 1500},
		{DuesInService, 299999, 0, RoundDown, 50, 1499},
		{DuesInService, 100, 0, RoundHalfUp, 50, 1}, // 1.00 × 0.5% = 0.005
		{DuesInService, 100, 0, RoundDown, 50, 0},
		{DuesRetired, 500001, 0, RoundDown, 100, 5000},
		{DuesInService, 0, 0, RoundDown, 50, 0},
		// fixed kinds ignore the base
		{DuesStudent, 800000, 0, RoundHalfUp, 0, 20},
		{DuesUnemployed, 0, 0, RoundHalfUp, 0, 20},
		{DuesDibao, 123456, 0, RoundDown, 0, 20},
		{DuesFarmer, 0, 0, RoundHalfUp, 0, 20},
		{DuesFarmer, 500000, 50, RoundHalfUp, 0, 50},
		{DuesFarmer, 0, 100, RoundHalfUp, 0, 100},
		{"", 500000, 0, RoundHalfUp, 0, 0},
	} {
		bp, tier := DuesRate(c.kind, c.base)
		if got := Due(c.kind, c.base, c.fixed, c.mode); got != c.due || bp != c.bp {
			t.Errorf("Due(%s, %s, %s, %s) = %d (rate %d), want %d (rate %d)", c.kind, Yuan2(c.base), Yuan2(c.fixed), c.mode, got, bp, c.due, c.bp)
		}
		if c.kind.Valid() && tier == "" {
			t.Errorf("%s: no tier", c.kind)
		}
	}
}

func TestCalculateDues(t *testing.T) {
	for _, c := range []struct {
		kind             DuesKind
		base, fixed      Fen
		mode             Rounding
		rate, tier, arit string
		due              string
	}{
		{DuesInService, 500000, 0, RoundHalfUp, "1%", "月工资收入（税后）3000元以上至5000元（含）的，交纳1%", "5000.00元 × 1% = 50.00元", "50.00"},
		{DuesInService, 510000, 0, RoundHalfUp, "1.5%", "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%", "5100.00元 × 1.5% = 76.50元", "76.50"},
		{DuesInService, 300000, 0, RoundHalfUp, "0.5%", "月工资收入（税后）3000元以下（含）的，交纳0.5%", "3000.00元 × 0.5% = 15.00元", "15.00"},
		{DuesInService, 1000001, 0, RoundHalfUp, "2%", "月工资收入（税后）10000元以上的，交纳2%", "10000.01元 × 2% = 200.0002元，四舍五入到分为200.00元", "200.00"},
		{DuesInService, 456750, 0, RoundDown, "1%", "月工资收入（税后）3000元以上至5000元（含）的，交纳1%", "4567.50元 × 1% = 45.675元，舍去分以下为45.67元", "45.67"},
		{DuesRetired, 500001, 0, RoundHalfUp, "1%", "离退休费（养老金）总额5000元以上的，交纳1%", "5000.01元 × 1% = 50.0001元，四舍五入到分为50.00元", "50.00"},
		{DuesStudent, 0, 0, RoundHalfUp, "", "学生党员每月交纳0.20元", "固定交纳 0.20元", "0.20"},
		{DuesFarmer, 0, 0, "", "", "农民党员每月交纳0.20元至1.00元（按支部确定的数额）", "固定交纳 0.20元（未定数额，按最低0.20元）", "0.20"},
	} {
		got := CalculateDues(c.kind, c.base, c.fixed, c.mode)
		if got.Rate != c.rate || got.Tier != c.tier || got.Arithmetic != c.arit || got.Due != c.due {
			t.Errorf("CalculateDues(%s, %d) = %+v", c.kind, c.base, got)
		}
	}
}

func TestRateText(t *testing.T) {
	for bp, want := range map[int]string{50: "0.5%", 100: "1%", 150: "1.5%", 200: "2%", 5: "0.05%", 0: "0%"} {
		if got := RateText(bp); got != want {
			t.Errorf("RateText(%d) = %q, want %q", bp, got, want)
		}
	}
}

func TestParseDuesKind(t *testing.T) {
	for s, want := range map[string]DuesKind{"在职": DuesInService, "在职党员": DuesInService, "in_service": DuesInService,
		"离退休": DuesRetired, "退休": DuesRetired, " 学生党员 ": DuesStudent, "下岗失业": DuesUnemployed, "失业": DuesUnemployed,
		"低保": DuesDibao, "享受低保": DuesDibao, "农民": DuesFarmer, "farmer": DuesFarmer, "": "", "干部": "", "党员": ""} {
		got, ok := ParseDuesKind(s)
		if got != want || ok != (want != "") {
			t.Errorf("ParseDuesKind(%q) = %q, %v", s, got, ok)
		}
	}
}

func TestParseMonth(t *testing.T) {
	for s, want := range map[string]string{"2019-03": "2019-03", "2019-3": "2019-03", "2019年3月": "2019-03", "2019.12": "2019-12",
		"2019/1": "2019-01", "201911": "2019-11", "２０１９年１月": "2019-01", "2019-13": "", "2019-0": "", "19-03": "", "": "",
		"2019": "", "1900-01": "", "2019-03-01": "", "abc": ""} {
		got, err := ParseMonth(s)
		if got != want || (err != nil) != (want == "") {
			t.Errorf("ParseMonth(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
}

func TestDuesMemberValidate(t *testing.T) {
	ok := DuesMember{UnitID: 1, Name: "王明", Kind: DuesInService, Joined: "2016-01"}
	for _, c := range []struct {
		edit  func(m *DuesMember)
		field string
	}{
		{func(m *DuesMember) {}, ""},
		{func(m *DuesMember) { m.Name = "" }, "name"},
		{func(m *DuesMember) { m.Kind = "cadre" }, "kind"},
		{func(m *DuesMember) { m.Kind = DuesFarmer }, ""},
		{func(m *DuesMember) { m.Kind, m.Fixed = DuesFarmer, 20 }, ""},
		{func(m *DuesMember) { m.Kind, m.Fixed = DuesFarmer, 100 }, ""},
		{func(m *DuesMember) { m.Kind, m.Fixed = DuesFarmer, 19 }, "fixed"},
		{func(m *DuesMember) { m.Kind, m.Fixed = DuesFarmer, 101 }, "fixed"},
		{func(m *DuesMember) { m.Fixed = 50 }, "fixed"},
		{func(m *DuesMember) { m.Joined = "2016-1" }, "joined"},
		{func(m *DuesMember) { m.Joined = "2016-13" }, "joined"},
		{func(m *DuesMember) { m.Left = "2015-12" }, "left"},
		{func(m *DuesMember) { m.Left = "2016-01" }, ""},
		{func(m *DuesMember) { m.UnitID = 0 }, "unit_id"},
	} {
		m := ok
		c.edit(&m)
		err := m.Validate()
		if c.field == "" && err != nil || c.field != "" && (err == nil || err.(*ValidationError).For(c.field) == "") {
			t.Errorf("%+v: %v, want field %q", m, err, c.field)
		}
	}
	m := ok
	m.Left = "2018-06"
	for month, want := range map[string]bool{"2015-12": false, "2016-01": true, "2018-06": true, "2018-07": false} {
		if m.Owes(month) != want {
			t.Errorf("Owes(%s) = %v", month, !want)
		}
	}
}

func TestDuesBaseAndPaymentValidate(t *testing.T) {
	for _, c := range []struct {
		b  DuesBase
		ok bool
	}{{DuesBase{Year: 2019, Base: 0}, true}, {DuesBase{Year: 2019, Base: 500000}, true}, {DuesBase{Year: 2019, Base: -1}, false},
		{DuesBase{Year: 1948, Base: 1}, false}, {DuesBase{Year: 2101, Base: 1}, false}, {DuesBase{Year: 2019, Base: MaxFen + 1}, false}} {
		if (c.b.Validate() == nil) != c.ok {
			t.Errorf("%+v: %v", c.b, c.b.Validate())
		}
	}
	for _, c := range []struct {
		p  DuesPayment
		ok bool
	}{{DuesPayment{Month: "2019-03", Paid: 7650}, true}, {DuesPayment{Month: "2019-03", Paid: 0}, true},
		{DuesPayment{Month: "2019-3", Paid: 1}, false}, {DuesPayment{Month: "", Paid: 1}, false},
		{DuesPayment{Month: "2019-03", Paid: -1}, false}, {DuesPayment{Month: "2019-03", PaidOn: NewDate(2019, 2, 30)}, false},
		{DuesPayment{Month: "2019-03", PaidOn: NewDate(2019, 3, 30)}, true}} {
		if (c.p.Validate() == nil) != c.ok {
			t.Errorf("%+v: %v", c.p, c.p.Validate())
		}
	}
}

func TestDuesRoundingPractice(t *testing.T) {
	for _, c := range []struct {
		due, paid Fen
		want      string
	}{
		{7650, 7650, ""},
		{7650, 7700, PracticeRounded}, // 76.50 → 77
		{7649, 7600, PracticeRounded}, // 76.49 → 76: half up, and also cut
		{7650, 7600, PracticeTrimmed}, // 76.50 → 76
		{7655, 7650, PracticeTrimmed}, // 76.55 → 76.5 (角)
		{7655, 7000, ""},              // short, no pattern
		{7655, 8000, ""},
		{0, 0, ""},
	} {
		if got := DuesRoundingPractice(c.due, c.paid); got != c.want {
			t.Errorf("DuesRoundingPractice(%d, %d) = %q, want %q", c.due, c.paid, got, c.want)
		}
	}
	for _, c := range []struct {
		kind       DuesKind
		base, paid Fen
		want       string
	}{
		{DuesInService, 456789, 4568, ""},              // 4567.89 × 1% = 45.68 paid
		{DuesInService, 456789, 4500, PracticeTrimmed}, // base cut to 4500
		{DuesInService, 456789, 4600, PracticeRounded}, // base rounded to 4600 (also the due to 元)
		{DuesInService, 456789, 4567, PracticeTrimmed}, // base cut to 4567
		{DuesInService, 456789, 4000, ""},
		{DuesStudent, 0, 0, ""},
	} {
		if got := DuesBasePractice(c.kind, c.base, 0, RoundHalfUp, c.paid); got != c.want {
			t.Errorf("DuesBasePractice(%s, %d, %d) = %q, want %q", c.kind, c.base, c.paid, got, c.want)
		}
	}
}

func TestDuesYearOf(t *testing.T) {
	m := &DuesMember{Kind: DuesInService, Joined: "2019-03", Left: "2019-11"}
	pays := map[string]DuesPayment{"2019-03": {Month: "2019-03", Paid: 7650}, "2019-04": {Month: "2019-04", Paid: 7600}, "2019-01": {Month: "2019-01", Paid: 100}}
	ms := DuesYearOf(m, 2019, 510000, pays, RoundHalfUp, "2019-10")
	var owed, short []string
	for _, d := range ms {
		if d.Owed {
			owed = append(owed, d.Month[5:])
		}
		if d.Short() {
			short = append(short, d.Month[5:])
		}
	}
	if strings.Join(owed, ",") != "03,04,05,06,07,08,09,10" || strings.Join(short, ",") != "04,05,06,07,08,09,10" ||
		ms[0].Owed || !ms[0].Recorded || ms[0].Paid != 100 || ms[2].Due != 7650 {
		t.Errorf("owed %v short %v: %+v", owed, short, ms)
	}
}
