package selfcheck

import (
	"fmt"
	"slices"
	"testing"

	"zhenggai"
)

// monthly are n meetings of a type, the 10th of each month from January.
func monthly(typ, y string, n int) []zhenggai.Meeting {
	var ms []zhenggai.Meeting
	for i := range n {
		ms = append(ms, meeting(int64(i+1), typ, fmt.Sprintf("%s-%02d-10", y, i+1)))
	}
	return ms
}

func TestStudyFrequency(t *testing.T) {
	group := zhenggai.MeetingStudyGroup
	only := []string{group} // the unit's study types: 中心组 only
	both := []string{group, "党课"}
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		types []string
		p     zhenggai.Period
		set   map[string]string
		n     int
		texts []string
	}{
		{"monthly", monthly(group, "2019", 12), only, period("2019-01-01", "2019-12-31"), nil, 0, nil},
		{"eight of twelve", monthly(group, "2019", 8), only, period("2019-01-01", "2019-12-31"), nil, 1, []string{"2019年中心组学习8次，未达到每年不少于12次的要求"}},
		{"other types do not count", append(monthly(group, "2019", 11), meeting(99, "党组会议", "2019-12-01")), only, period("2019-01-01", "2019-12-31"), nil, 1, []string{"学习11次"}},
		{"half a year", monthly(group, "2019", 6), only, period("2019-01-01", "2019-06-30"), nil, 0, nil},
		{"half a year short", monthly(group, "2019", 5), only, period("2019-01-01", "2019-06-30"), nil, 1, []string{"6个月内不少于6次"}},
		{"quarterly setting", monthly(group, "2019", 4), only, period("2019-01-01", "2019-12-31"), map[string]string{"frequency": "中心组学习 每年 4"}, 0, nil},
		{"two years, one short", append(monthly(group, "2018", 12), monthly(group, "2019", 3)...), only, period("2018-01-01", "2019-12-31"), nil, 1, []string{"2019年中心组学习3次"}},
		{"a year without meetings is not checked", monthly(group, "2019", 12), only, period("2018-01-01", "2019-12-31"), nil, 0, nil},
		// 党课 quarterly: counted per quarter.
		{"党课 every quarter", append(monthly(group, "2019", 12), meeting(21, "党课", "2019-02-01"), meeting(22, "党课", "2019-05-01"),
			meeting(23, "党课", "2019-08-01"), meeting(24, "党课", "2019-11-01")), both, period("2019-01-01", "2019-12-31"), nil, 0, nil},
		{"党课 two in one quarter", append(monthly(group, "2019", 12), meeting(21, "党课", "2019-02-01"), meeting(22, "党课", "2019-03-01"),
			meeting(23, "党课", "2019-08-01"), meeting(24, "党课", "2019-11-01")), both, period("2019-01-01", "2019-12-31"), nil, 1,
			[]string{"党课开展不经常，2019年第2季度0次，未达到每季度不少于1次的要求"}},
		{"党课 not a study type of the unit", monthly(group, "2019", 12), only, period("2019-01-01", "2019-12-31"), nil, 0, nil},
		{"党课 none, half a year", monthly(group, "2019", 12), both, period("2019-01-01", "2019-06-30"), nil, 1, []string{"第1季度0次、第2季度0次"}},
		{"a quarter still running is not due", append(monthly(group, "2019", 10), meeting(21, "党课", "2019-02-01"), meeting(22, "党课", "2019-05-01"),
			meeting(23, "党课", "2019-08-01")), both, period("2019-01-01", "2019-10-31"), map[string]string{"frequency": "党课 每季度 1"}, 0, nil},
		{"支部学习 set with a colon", monthly("支部学习", "2019", 10), []string{"支部学习"}, period("2019-01-01", "2019-12-31"),
			map[string]string{"frequency": "支部学习：每月至少1次"}, 1, []string{"支部学习不经常，2019年支部学习10次，未达到每年不少于12次的要求"}},
		{"a setting that does not read: the defaults", monthly(group, "2019", 8), only, period("2019-01-01", "2019-12-31"),
			map[string]string{"frequency": "常常"}, 1, []string{"中心组学习8次"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, StudyFrequency, &Registers{Meetings: tc.ms, StudyTypes: tc.types}, tc.p, tc.set), tc.n, tc.texts...)
		})
	}
}

func studyPersons() []zhenggai.Person {
	return []zhenggai.Person{
		{ID: 1, Name: "钟明", Kind: zhenggai.PersonLeader, Party: "中共党员"},
		{ID: 2, Name: "王红", Kind: zhenggai.PersonStaff, Party: "中共党员"},
		{ID: 3, Name: "李强", Kind: zhenggai.PersonStaff, Party: "群众"},     // not a party member
		{ID: 4, Name: "赵老", Kind: zhenggai.PersonRetired, Party: "中共党员"}, // retired: not checked here
	}
}

func notes(id, person int64, name, on, period string, res zhenggai.NotesResult) zhenggai.NotesCheck {
	return zhenggai.NotesCheck{ID: id, PersonID: person, Name: name, CheckerID: 9, CheckerName: "书记", On: day(on),
		Period: zhenggai.StudyPeriod(period), Result: res}
}

func TestStudyNotes(t *testing.T) {
	sessions := []zhenggai.Meeting{meeting(1, zhenggai.MeetingStudyGroup, "2019-12-31"), meeting(2, zhenggai.MeetingStudyGroup, "2020-12-10")}
	full := func(y string) []zhenggai.NotesCheck {
		var cs []zhenggai.NotesCheck
		for q := 1; q <= 4; q++ {
			on := fmt.Sprintf("%s-%02d-25", y, 3*q)
			cs = append(cs, notes(int64(10*q+1), 1, "钟明", on, fmt.Sprintf("%s-Q%d", y, q), zhenggai.NotesPass),
				notes(int64(10*q+2), 2, "王红", on, fmt.Sprintf("%s-Q%d", y, q), zhenggai.NotesPass))
		}
		return cs
	}
	p := period("2019-01-01", "2020-12-31")
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		cs    []zhenggai.NotesCheck
		p     zhenggai.Period
		set   map[string]string
		n     int
		texts []string
	}{
		{"never checked", sessions[:1], nil, period("2019-01-01", "2019-12-31"), nil, 1,
			[]string{"学习笔记检查缺失，2019年未对2名党员的学习笔记进行过检查（应每季度检查一次，共缺检查8人次）"}},
		{"every quarter", sessions, append(full("2019"), full("2020")...), p, nil, 0, nil},
		{"one quarter missed by one", sessions, append(full("2019")[:7], full("2020")...), p, nil, 1,
			[]string{"学习笔记检查不经常，2019年，2名党员中有1名的学习笔记有季度未经检查（共缺检查1人次），如王红"}},
		{"a monthly check counts for its quarter", sessions, append(append(full("2019")[:7], notes(99, 2, "王红", "2019-11-30", "2019-11", zhenggai.NotesPass)), full("2020")...), p, nil, 0, nil},
		{"monthly setting", sessions[:1], full("2019"), period("2019-01-01", "2019-12-31"), map[string]string{"period": "月"}, 1,
			[]string{"2019年未对2名党员的学习笔记进行过检查（应每月检查一次，共缺检查24人次）"}},
		{"a quarter still running is not due", []zhenggai.Meeting{meeting(1, zhenggai.MeetingStudyGroup, "2020-10-28")},
			full("2020")[:6], period("2020-01-01", "2020-12-31"), nil, 0, nil},
		{"last check found no notes", sessions, append(full("2019"), append(full("2020")[:7], notes(99, 2, "王红", "2020-12-25", "2020-Q4", zhenggai.NotesNone))...), p, nil, 1,
			[]string{"1名党员最近一次学习笔记检查结论为“无笔记”，此后未见复查合格：王红（2020年第4季度）"}},
		{"no notes, then put right", sessions, append(append(full("2019"), notes(98, 2, "王红", "2020-01-05", "2019-Q4", zhenggai.NotesNone)), full("2020")...), p, nil, 0, nil},
		{"no party member", sessions, nil, p, nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			persons := studyPersons()
			if tc.name == "no party member" {
				persons = persons[2:]
			}
			want(t, check(t, StudyNotes, &Registers{StudySessions: tc.ms, NotesChecks: tc.cs, StudyPersons: persons}, tc.p, tc.set), tc.n, tc.texts...)
		})
	}
}

func TestStudyAbsence(t *testing.T) {
	session := func(id int64, date string, absent ...string) zhenggai.Meeting {
		m := meeting(id, zhenggai.MeetingStudyGroup, date)
		for _, n := range []string{"钟明", "王红", "李强"} {
			a := zhenggai.Attendance{Name: n, Presence: zhenggai.Present}
			for _, x := range absent {
				if x == n {
					a.Presence = zhenggai.AbsentNoLeave
				}
			}
			m.Attendance = append(m.Attendance, a)
		}
		m.Attendance = append(m.Attendance, zhenggai.Attendance{Name: "赵六", Presence: zhenggai.OnLeave})
		return m
	}
	var five []zhenggai.Meeting
	for i := range 5 {
		five = append(five, session(int64(i+1), fmt.Sprintf("2019-%02d-10", i+1), "王红"))
	}
	for _, tc := range []struct {
		name  string
		ms    []zhenggai.Meeting
		set   map[string]string
		n     int
		texts []string
	}{
		{"twice is within", five[:2], nil, 0, nil},
		{"three times", five[:3], nil, 1, []string{"2019年3次学习中有1人无故缺席超过2次：王红3次"}},
		{"leave is not absence", []zhenggai.Meeting{session(1, "2019-01-10"), session(2, "2019-02-10"), session(3, "2019-03-10")}, nil, 0, nil},
		{"setting", five, map[string]string{"max_absent": "5"}, 0, nil},
		{"two years apart", append(slices.Clone(five[:2]), session(9, "2020-01-10", "王红")), nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want(t, check(t, StudyAbsence, &Registers{StudySessions: tc.ms}, period("2019-01-01", "2020-12-31"), tc.set), tc.n, tc.texts...)
		})
	}
}
