package selfcheck

import (
	"testing"

	"zhenggai"
)

func TestMeetingBook(t *testing.T) {
	mixed := meeting(1, "党组会议", "2018-03-01")
	mixed.Book = "主席会议"
	mixed2 := meeting(2, "党组会议", "2019-05-01")
	mixed2.Book = "主席会议"
	outside := meeting(3, "党组会议", "2015-05-01")
	outside.Book = "主席会议"
	unset := meeting(4, "支委会", "2019-05-01")
	unset.Book = ""
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		n     int
		texts []string
	}{
		{"own books", []zhenggai.Meeting{meeting(5, "党组会议", "2019-01-01"), meeting(6, "主席会议", "2019-01-02"), unset}, 0, nil},
		{"mixed", []zhenggai.Meeting{mixed, mixed2, outside, meeting(7, "主席会议", "2019-01-01")}, 1,
			[]string{"2018年至2019年有2次党组会议记录在主席会议记录本中"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := check(t, MeetingBook, &Registers{Meetings: tc.ms}, period("2016-01-01", "2020-12-31"), nil)
			want(t, fs, tc.n, tc.texts...)
			if tc.n > 0 && len(fs[0].Records) != 2 {
				t.Errorf("records %v", fs[0].Records)
			}
		})
	}
}

func TestStatements(t *testing.T) {
	full := meeting(1, "党组会议", "2019-03-01")
	full.Attendance = attendance(5, 3) // 1–3 present, 4–5 on leave
	full.Items = []zhenggai.AgendaItem{item(1, zhenggai.ItemMajorDecision, 0, 2, 3, 1)}
	gap := full
	gap.ID = 2
	gap.Items = []zhenggai.AgendaItem{item(2, zhenggai.ItemCadre, 0, 2, 1), item(3, zhenggai.ItemOrdinary, 0)}
	byName := full
	byName.ID = 3
	byName.Attendance = []zhenggai.Attendance{{Name: "张三", Presence: zhenggai.Present}, {Name: "李四", Presence: zhenggai.Present}}
	byName.Items = []zhenggai.AgendaItem{{ID: 4, Kind: zhenggai.ItemLargeFund, Statements: []zhenggai.Statement{{Seq: 1, Name: "李四"}, {Seq: 2, Name: "张三"}}}}
	ordinary := full
	ordinary.ID = 4
	ordinary.Items = []zhenggai.AgendaItem{item(5, zhenggai.ItemOrdinary, 0)}
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		n     int
		texts []string
	}{
		{"everyone present stated; absent need not", []zhenggai.Meeting{full, byName, ordinary}, 0, nil},
		{"one missing", []zhenggai.Meeting{full, gap}, 1, []string{"2019年有1次会议的1个议题缺少1人次表态记录"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, Statements, &Registers{Meetings: tc.ms}, zhenggai.Period{}, nil), tc.n, tc.texts...)
		})
	}
}

func TestChairLast(t *testing.T) {
	mk := func(id int64, date string, persons ...int64) zhenggai.Meeting {
		m := meeting(id, "党组会议", date)
		m.Attendance = attendance(3, 3)
		m.Items = []zhenggai.AgendaItem{item(id, zhenggai.ItemMajorProject, 0, persons...)}
		return m
	}
	last := mk(1, "2019-01-01", 2, 3, 1)
	first := mk(2, "2019-03-05", 1, 2, 3)
	middle := mk(3, "2019-04-05", 2, 1, 3)
	absent := mk(4, "2019-05-05", 2, 3) // the chair absent, no statement
	absent.Attendance = attendance(3, 0)
	alone := mk(5, "2019-06-05", 1)
	ordinary := mk(6, "2019-07-05", 1, 2, 3)
	ordinary.Items[0].Kind = zhenggai.ItemOrdinary
	noChair := mk(7, "2019-08-05", 1, 2, 3)
	noChair.ChairID, noChair.ChairName = 0, ""
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		n     int
		texts []string
	}{
		{"chair last, absent, alone, ordinary item, no chair", []zhenggai.Meeting{last, absent, alone, ordinary, noChair}, 0, nil},
		{"chair first and in the middle", []zhenggai.Meeting{last, first, middle}, 1,
			[]string{"2019年有2次会议的2个三重一大议题主持人先于其他成员表态", "2019年3月5日第2次党组会议"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, ChairLast, &Registers{Meetings: tc.ms}, zhenggai.Period{}, nil), tc.n, tc.texts...)
		})
	}
}

func TestMajorMatters(t *testing.T) {
	mk := func(id int64, typ string, expected, present int, kind zhenggai.ItemKind) zhenggai.Meeting {
		m := meeting(id, typ, "2019-06-01")
		m.Attendance = attendance(expected, present)
		m.Items = []zhenggai.AgendaItem{item(id, kind, 0)}
		return m
	}
	for _, tc := range []struct {
		name  string
		m     zhenggai.Meeting
		n     int
		texts []string
	}{
		{"more than half", mk(1, "党组会议", 7, 4, zhenggai.ItemMajorDecision), 0, nil},
		{"exactly half", mk(2, "党组会议", 6, 3, zhenggai.ItemMajorDecision), 1, []string{"有1次党组会议的1个议题到会成员未超过半数即作出决定"}},
		{"cadre exactly two thirds", mk(3, "党组会议", 6, 4, zhenggai.ItemCadre), 0, nil},
		{"cadre below two thirds, above half", mk(4, "党组会议", 7, 4, zhenggai.ItemCadre), 1, []string{"有1次党组会议的1个干部任免议题到会成员未达到三分之二即作出决定"}},
		{"ordinary item at half", mk(5, "党组会议", 6, 3, zhenggai.ItemOrdinary), 0, nil},
		{"decided in another meeting", mk(6, "主席会议", 5, 5, zhenggai.ItemLargeFund), 1,
			[]string{"2019年有1个三重一大事项（大额资金1项）在主席会议上决定"}},
		{"no attendance recorded", mk(7, "党组会议", 0, 0, zhenggai.ItemCadre), 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, MajorMatters, &Registers{Meetings: []zhenggai.Meeting{tc.m}}, zhenggai.Period{}, nil), tc.n, tc.texts...)
		})
	}
}

func TestMeetingReduction(t *testing.T) {
	year := func(y string, n int, typ string) []zhenggai.Meeting {
		var ms []zhenggai.Meeting
		for i := range n {
			ms = append(ms, meeting(int64(i+1), typ, y+"-03-01"))
		}
		return ms
	}
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		p     zhenggai.Period
		set   map[string]string
		n     int
		texts []string
	}{
		{"seed: 28 to 22 is 21%", append(year("2018", 28, "党组会议"), year("2019", 22, "主席会议")...), period("2016-01-01", "2020-12-31"), nil, 1,
			[]string{"2019年召开各类会议22次，较2018年（28次）下降21%，未达到减少30%的要求"}},
		{"exactly 30%", append(year("2018", 30, "党组会议"), year("2019", 21, "党组会议")...), period("2016-01-01", "2020-12-31"), nil, 0, nil},
		{"one short of 30%", append(year("2018", 30, "党组会议"), year("2019", 22, "党组会议")...), period("2016-01-01", "2020-12-31"), nil, 1, []string{"下降27%"}},
		{"increase", append(year("2018", 10, "党组会议"), year("2019", 12, "党组会议")...), zhenggai.Period{}, nil, 1, []string{"增加20%"}},
		{"year outside the period", append(year("2018", 28, "党组会议"), year("2019", 22, "党组会议")...), period("2020-01-01", "2020-12-31"), nil, 0, nil},
		{"share and base year set", append(year("2019", 10, "党组会议"), year("2020", 8, "党组会议")...), zhenggai.Period{},
			map[string]string{"share": "20", "base_year": "2019"}, 0, nil},
		{"share 50%", append(year("2019", 10, "党组会议"), year("2020", 6, "党组会议")...), zhenggai.Period{},
			map[string]string{"share": "50", "base_year": "2019"}, 1, []string{"2020年召开各类会议6次，较2019年（10次）下降40%，未达到减少50%的要求"}},
		{"no base year meetings", year("2019", 22, "党组会议"), zhenggai.Period{}, nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, MeetingReduction, &Registers{Meetings: tc.ms}, tc.p, tc.set), tc.n, tc.texts...)
		})
	}
}
