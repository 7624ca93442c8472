package selfcheck

import (
	"testing"

	"zhenggai"
)

// staffOf are persons 1..n: the first leaders of them leaders (each a
// rank of his own), the rest staff.
func staffOf(n, leaders int) []zhenggai.Person {
	var out []zhenggai.Person
	for i := 1; i <= n; i++ {
		p := zhenggai.Person{ID: int64(i), Name: "人" + string(rune('A'+i-1)), Kind: zhenggai.PersonStaff, Rank: "科员" + string(rune('A'+i-1))}
		if i <= leaders {
			p.Kind, p.Rank = zhenggai.PersonLeader, "副主席"+string(rune('A'+i-1))
		}
		out = append(out, p)
	}
	return out
}

// signs makes the persons' sign-ins on every working day from..to but
// the days skipped ("id:date").
func signs(persons []int64, from, to string, skip ...string) []SignedDay {
	c := zhenggai.NewWorkCalendar(nil)
	off := map[string]bool{}
	for _, s := range skip {
		off[s] = true
	}
	var out []SignedDay
	for d := day(from); !day(to).Before(d); d = d.AddDays(1) {
		if !c.WorkingDay(d) {
			continue
		}
		for _, p := range persons {
			if off[string(rune('0'+p))+":"+d.String()] {
				continue
			}
			out = append(out, SignedDay{PersonID: p, On: d})
		}
	}
	return out
}

func leave(id, person int64, from, to string, approved bool, returned string) zhenggai.Leave {
	l := zhenggai.Leave{ID: id, PersonID: person, Name: "人" + string(rune('A'+person-1)), Kind: zhenggai.LeavePersonal, From: day(from), To: day(to)}
	if approved {
		l.ApprovedBy, l.ApprovedOn = "主席", day(from).AddDays(-1)
	}
	if returned != "" {
		l.ReturnedOn = day(returned)
	}
	return l
}

func TestAttendanceGap(t *testing.T) {
	oct := period("2020-09-01", "2020-10-31")
	all := []int64{1, 2, 3}
	one := map[string]string{"min_days": "1"}
	for _, tc := range []struct {
		name   string
		signs  []SignedDay
		leaves []zhenggai.Leave
		set    map[string]string
		n      int
		texts  []string
	}{
		{"everyone signs", signs(all, "2020-09-28", "2020-10-19"), nil, one, 0, nil},
		{"a 调休 Saturday missed", signs(all, "2020-09-28", "2020-10-19", "1:2020-10-10"), nil, one, 1,
			[]string{"人A在2020年9月28日至10月19日的11个工作日中，有1个工作日既无签到记录也无经批准的请假（如10月10日）"}},
		{"below the setting", signs(all, "2020-09-28", "2020-10-19", "1:2020-10-10"), nil, nil, 0, nil},
		{"leave spanning the holiday", signs(all, "2020-09-28", "2020-10-19", "1:2020-09-28", "1:2020-09-29", "1:2020-09-30", "1:2020-10-09"),
			[]zhenggai.Leave{leave(1, 1, "2020-09-28", "2020-10-09", true, "2020-10-10")}, one, 0, nil},
		{"that leave not approved", signs(all, "2020-09-28", "2020-10-19", "1:2020-09-28", "1:2020-09-29", "1:2020-09-30", "1:2020-10-09"),
			[]zhenggai.Leave{leave(1, 1, "2020-09-28", "2020-10-09", false, "")}, nil, 1, []string{"有4个工作日", "9月28日、9月29日、9月30日等"}},
		{"leave ending on a Friday, Monday missed", signs(all, "2020-10-09", "2020-10-19", "2:2020-10-12", "2:2020-10-13", "2:2020-10-14",
			"2:2020-10-15", "2:2020-10-16", "2:2020-10-19"), []zhenggai.Leave{leave(1, 2, "2020-10-12", "2020-10-16", true, "")}, one, 1,
			[]string{"人B", "有1个工作日", "如10月19日"}},
		// 人A signs only from 10月19日 (a leader exempt till then, or one
		// who joined): never_signs' to report, not 14 gaps; after it, a
		// day missed is a gap.
		{"signing only from a later day", append(signs([]int64{2, 3}, "2020-09-01", "2020-10-30"),
			signs([]int64{1}, "2020-10-19", "2020-10-30", "1:2020-10-27")...), nil, one, 1,
			[]string{"人A自2020年10月19日开始签到，此后至2020年10月30日的工作日中，有1个工作日", "如10月27日"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			regs := &Registers{Staff: staffOf(3, 0), SignIns: tc.signs, Leaves: tc.leaves, Calendar: zhenggai.NewWorkCalendar(nil)}
			fs := check(t, AttendanceGap, regs, oct, tc.set)
			want(t, fs, tc.n, tc.texts...)
			if tc.n == 1 && fs[0].Figures["days"] == 0 {
				t.Errorf("no days in %v", fs[0].Figures)
			}
		})
	}
}

func TestNeverSigns(t *testing.T) {
	p := period("2020-01-01", "2020-10-31")
	staff := []int64{3, 4, 5}
	withSeed := append(signs(staff, "2020-06-01", "2020-10-28"), signs([]int64{1, 2}, "2020-07-28", "2020-10-28")...)
	for _, tc := range []struct {
		name   string
		signs  []SignedDay
		leaves []zhenggai.Leave
		n      int
		texts  []string
	}{
		{"everyone signs", signs([]int64{1, 2, 3, 4, 5}, "2020-06-01", "2020-10-28"), nil, 0, nil},
		{"the seed: leaders from 7月28日", withSeed, nil, 1,
			[]string{"领导班子成员2人在2020年6月1日至7月27日期间的40个工作日均无签到记录，同期其他干部职工签到120人次；7月28日起开始签到"}},
		{"leaders never", signs(staff, "2020-06-01", "2020-10-28"), nil, 1, []string{"领导班子成员2人均不履行签到考勤制度"}},
		{"one staff member never", signs([]int64{1, 2, 3, 4}, "2020-06-01", "2020-10-28"), nil, 1, []string{"人E均不履行签到考勤制度"}},
		{"one on maternity leave throughout", signs([]int64{1, 2, 3, 4}, "2020-06-01", "2020-10-28"),
			[]zhenggai.Leave{leave(1, 5, "2020-05-01", "2020-11-30", true, "")}, 0, nil},
		{"a short absence", signs([]int64{1, 2, 3, 4, 5}, "2020-06-01", "2020-10-28", "5:2020-06-02", "5:2020-06-03"), nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			regs := &Registers{Staff: staffOf(5, 2), SignIns: tc.signs, Leaves: tc.leaves}
			want(t, check(t, NeverSigns, regs, p, nil), tc.n, tc.texts...)
		})
	}
}

func TestLeaveUnreturned(t *testing.T) {
	p := period("2020-01-01", "2020-12-31")
	ss := signs([]int64{1, 2}, "2020-07-01", "2020-10-28")
	for _, tc := range []struct {
		name   string
		leaves []zhenggai.Leave
		set    map[string]string
		n      int
		texts  []string
	}{
		{"a trip ending on a Friday, never returned", []zhenggai.Leave{leave(1, 1, "2020-07-20", "2020-07-24", true, "")}, nil, 1,
			[]string{"2020年经批准的请假1次，其中1次到期未销假（如人A2020年7月20日至7月24日事假，应于7月27日销假，至2020年10月28日仍未销假）"}},
		{"returned on the Monday", []zhenggai.Leave{leave(1, 1, "2020-07-20", "2020-07-24", true, "2020-07-27")}, nil, 0, nil},
		{"over the holiday, due on the 调休 Saturday, two days late", []zhenggai.Leave{leave(1, 1, "2020-09-28", "2020-10-09", true, "2020-10-12")},
			nil, 1, []string{"应于10月10日销假，10月12日才销假", "1次逾期销假"}},
		{"within the grace", []zhenggai.Leave{leave(1, 1, "2020-09-28", "2020-10-09", true, "2020-10-12")}, map[string]string{"grace_days": "3"}, 0, nil},
		{"not returned, due within the grace of the registers' end", []zhenggai.Leave{leave(1, 1, "2020-10-19", "2020-10-23", true, "")},
			map[string]string{"grace_days": "3"}, 0, nil},
		{"not returned, due before the grace", []zhenggai.Leave{leave(1, 1, "2020-10-12", "2020-10-16", true, "")},
			map[string]string{"grace_days": "3"}, 1, []string{"应于10月19日销假，至2020年10月28日仍未销假"}},
		{"not approved", []zhenggai.Leave{leave(1, 1, "2020-07-20", "2020-07-24", false, "")}, nil, 0, nil},
		{"due after the registers end", []zhenggai.Leave{leave(1, 1, "2020-10-26", "2020-10-27", true, "")}, nil, 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			regs := &Registers{Staff: staffOf(2, 0), SignIns: ss, Leaves: tc.leaves}
			want(t, check(t, LeaveUnreturned, regs, p, tc.set), tc.n, tc.texts...)
		})
	}
}
