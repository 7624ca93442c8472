package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// MemberAbsence: no member is absent without leave from the plenary
// (全体会议) as often as the setting (seed problem 12; the flag
// "two unexcused plenary absences"). Plenary meetings are those whose
// type the unit names in members.plenary_types (the loader marks them in
// Registers.Plenary).
var MemberAbsence = Rule{
	ID:          "member_absence",
	Needs:       NeedCPPCCMembers | NeedPlenary,
	Title:       "委员无故缺席全体会议",
	SeedProblem: 12,
	Area:        AreaMembers,
	Settings: []Setting{
		{Name: "absences", Label: "无故缺席全体会议达到多少次即列出", Default: "2"},
	},
	Check: checkMemberAbsence,
}

func checkMemberAbsence(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	need := v.int("absences", 2)
	if need < 1 {
		need = 2
	}
	ix := indexMembers(r.CPPCCMembers)
	absent := map[int]int64{}
	years := map[int][]int{}
	for i := range r.Meetings {
		mt := &r.Meetings[i]
		if mt.Voided || !r.Plenary[mt.ID] || !within(mt.Date, p) {
			continue
		}
		for _, a := range mt.Attendance {
			if a.Presence != zhenggai.AbsentNoLeave {
				continue
			}
			if m := ix.find(a.PersonID, a.Name); m >= 0 {
				absent[m]++
				years[m] = append(years[m], mt.Date.Year())
			}
		}
	}
	var n int64
	var recs []Record
	var names []string
	for i := range r.CPPCCMembers {
		if absent[i] < need {
			continue
		}
		m := &r.CPPCCMembers[i]
		n++
		recs = append(recs, memberRecord(m))
		names = append(names, fmt.Sprintf("%s（%s%d次）", m.Name, span(years[i]), absent[i]))
	}
	if n == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Common,
		Text:    fmt.Sprintf("委员履职考核管理不到位，%d名委员无故缺席全体会议%d次以上，如%s", n, need, examples(names, 3)),
		Figures: map[string]int64{"members": n, "absences": need},
		Records: capped(recs)}}, nil
}
