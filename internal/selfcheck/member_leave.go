package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// MemberLeave: no member takes leave from the plenary and standing
// committee meetings more often in a year than the setting (seed problem
// 12). Leave with a written view counts as leave.
var MemberLeave = Rule{
	ID:          "member_leave",
	Needs:       NeedCPPCCMembers | NeedPlenary,
	Title:       "委员请假次数不超过规定",
	SeedProblem: 12,
	Area:        AreaMembers,
	Settings: []Setting{
		{Name: "per_year", Label: "每年全体会议、常委会议请假不超过（次）", Default: "2"},
	},
	Check: checkMemberLeave,
}

func checkMemberLeave(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	most := v.int("per_year", 2)
	if most < 0 {
		most = 2
	}
	ix := indexMembers(r.CPPCCMembers)
	type key struct{ m, y int }
	leave := map[key]int64{}
	for i := range r.Meetings {
		mt := &r.Meetings[i]
		if _, ok := r.Plenary[mt.ID]; !ok || mt.Voided || !within(mt.Date, p) {
			continue
		}
		for _, a := range mt.Attendance {
			if a.Presence != zhenggai.OnLeave && a.Presence != zhenggai.WrittenView {
				continue
			}
			if m := ix.find(a.PersonID, a.Name); m >= 0 {
				leave[key{m, mt.Date.Year()}]++
			}
		}
	}
	var over []key
	for k, n := range leave {
		if n > most {
			over = append(over, k)
		}
	}
	if len(over) == 0 {
		return nil, nil
	}
	sort.Slice(over, func(i, j int) bool {
		if leave[over[i]] != leave[over[j]] {
			return leave[over[i]] > leave[over[j]]
		}
		return over[i].m < over[j].m || over[i].m == over[j].m && over[i].y < over[j].y
	})
	seen := map[int]bool{}
	var recs []Record
	var names []string
	var years []int
	for _, k := range over {
		m := &r.CPPCCMembers[k.m]
		years = append(years, k.y)
		names = append(names, fmt.Sprintf("%s%d年请假%d次", m.Name, k.y, leave[k]))
		if !seen[k.m] {
			seen[k.m] = true
			recs = append(recs, memberRecord(m))
		}
	}
	return []Finding{{Severity: Notice,
		Text: fmt.Sprintf("委员请假较多，%s有%d名委员一年内请假超过%d次（全体会议和常委会议），如%s",
			span(years), len(seen), most, examples(names, 3)),
		Figures: map[string]int64{"members": int64(len(seen)), "member_years": int64(len(over)), "per_year": most},
		Records: capped(recs)}}, nil
}
