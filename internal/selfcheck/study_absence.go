package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// StudyAbsence: a person absent without leave (缺席, not 请假) from more
// than the set number of a year's study sessions (seed problems 1–2: study
// that is a formality). Persons are told apart by their roster id, else
// by name.
var StudyAbsence = Rule{
	ID:          "study_absence",
	Needs:       NeedStudy,
	Title:       "无故缺席理论学习",
	SeedProblem: 2,
	Area:        AreaStudy,
	Settings: []Setting{
		{Name: "max_absent", Label: "每年无故缺席学习的最多次数（超过即列出）", Default: "2"},
	},
	Check: checkStudyAbsence,
}

func checkStudyAbsence(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	limit := v.int("max_absent", 2)
	type who struct {
		year int
		key  string
	}
	absent := map[who]int64{}
	sessions := map[int]int64{}
	name := map[who]string{}
	recs := map[int][]Record{}
	for i := range r.StudySessions {
		m := &r.StudySessions[i]
		if m.Voided || !within(m.Date, p) {
			continue
		}
		y := m.Date.Year()
		sessions[y]++
		hit := false
		for _, a := range m.Attendance {
			if a.Presence != zhenggai.AbsentNoLeave {
				continue
			}
			k := who{y, "n:" + zhenggai.PersonKey(a.Name)}
			if a.PersonID > 0 {
				k.key = fmt.Sprint("p:", a.PersonID)
			}
			absent[k]++
			name[k] = a.Name
			hit = true
		}
		if hit {
			recs[y] = append(recs[y], meetingRecord(m))
		}
	}
	byYear := map[int][]string{}
	worst := map[int]int64{}
	for k, n := range absent {
		if n > limit {
			byYear[k.year] = append(byYear[k.year], fmt.Sprintf("%s%d次", name[k], n))
			worst[k.year] = max(worst[k.year], n)
		}
	}
	var years []int
	for y := range byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	var fs []Finding
	for _, y := range years {
		list := byYear[y]
		sort.Strings(list)
		fs = append(fs, Finding{
			Severity: Common,
			Text: fmt.Sprintf("理论学习缺勤较多，%d年%d次学习中有%d人无故缺席超过%d次：%s", y, sessions[y], len(list), limit,
				listNames(list, 5)),
			Figures: map[string]int64{"year": int64(y), "sessions": sessions[y], "persons": int64(len(list)), "most_absent": worst[y],
				"limit": limit},
			Records: capped(recs[y]),
		})
	}
	return fs, nil
}
