package selfcheck

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"zhenggai"
)

// StudyNotes: every party member among the unit's leaders and staff has
// his study notes checked once a period (a quarter unless set monthly),
// and a member whose last check found no notes at all is named (seed
// problem 1: "学习停留在表面"; its measure: "党组书记和党支部书记定期对党员的
// 学习笔记进行检查"). A check of a month counts for its quarter, never
// a quarter's for each of its months. Only
// whole periods inside the check's period are looked at, and only those
// over by the registers' last date (a quarter still running is not yet
// due); a year with neither a study session nor a check is left out.
var StudyNotes = Rule{
	ID: "study_notes",
	// The meetings too: the registers' last date is the latest of any
	// record, whichever rules run with it.
	Needs:       NeedStudy | NeedMeetings,
	Title:       "党员学习笔记定期检查",
	SeedProblem: 1,
	Area:        AreaStudy,
	Settings: []Setting{
		{Name: "period", Label: "学习笔记检查周期（季度或月）", Default: "季度"},
	},
	Check: checkStudyNotes,
}

func checkStudyNotes(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	monthly := strings.Contains(v["period"], "月")
	var members []*zhenggai.Person
	for i := range r.StudyPersons {
		if zhenggai.InStudyScope(&r.StudyPersons[i]) {
			members = append(members, &r.StudyPersons[i])
		}
	}
	if len(members) == 0 {
		return nil, nil
	}
	// The registers' last date, and the years they were kept.
	var asOf zhenggai.Date
	kept := map[int]bool{}
	see := func(d zhenggai.Date) {
		if asOf.Before(d) {
			asOf = d
		}
		if within(d, p) {
			kept[d.Year()] = true
		}
	}
	for i := range r.StudySessions {
		if !r.StudySessions[i].Voided {
			see(r.StudySessions[i].Date)
		}
	}
	for i := range r.Meetings { // the registers' last day
		if m := &r.Meetings[i]; !m.Voided && asOf.Before(m.Date) {
			asOf = m.Date
		}
	}
	// Checks by person: the days of the periods they cover.
	type span struct{ first, last zhenggai.Date }
	covered := map[int64][]span{}
	last := map[int64]*zhenggai.NotesCheck{}
	for i := range r.NotesChecks {
		c := &r.NotesChecks[i]
		if c.Voided || c.PersonID == 0 {
			continue
		}
		see(c.On)
		f, l := c.Period.Bounds()
		covered[c.PersonID] = append(covered[c.PersonID], span{f, l})
		if !within(c.On, p) {
			continue
		}
		if pr := last[c.PersonID]; pr == nil || pr.On.Before(c.On) || pr.On == c.On && pr.ID < c.ID {
			last[c.PersonID] = c
		}
	}
	if asOf.IsZero() {
		return nil, nil
	}
	var years []int
	for y := range kept {
		years = append(years, y)
	}
	sort.Ints(years)
	var fs []Finding
	for _, y := range years {
		var periods []zhenggai.StudyPeriod
		for k := 1; k <= 12; k++ {
			var sp zhenggai.StudyPeriod
			switch {
			case monthly:
				sp = zhenggai.StudyPeriod(fmt.Sprintf("%04d-%02d", y, k))
			case k <= 4:
				sp = zhenggai.StudyPeriod(fmt.Sprintf("%04d-Q%d", y, k))
			default:
				continue
			}
			f, l := sp.Bounds()
			if within(f, p) && within(l, p) && !asOf.Before(l) {
				periods = append(periods, sp)
			}
		}
		if len(periods) == 0 {
			continue
		}
		var missing, anyChecked int64
		var who []string
		var recs []Record
		for _, m := range members {
			gaps := 0
			for _, sp := range periods {
				f, l := sp.Bounds()
				hit := false
				for _, s := range covered[m.ID] {
					if !s.first.Before(f) && !l.Before(s.last) {
						hit = true
						break
					}
				}
				if !hit {
					gaps++
				}
			}
			missing += int64(gaps)
			if gaps < len(periods) {
				anyChecked++
			}
			if gaps > 0 {
				who = append(who, m.Name)
				recs = append(recs, Record{Kind: "person", ID: m.ID, Label: m.Name})
			}
		}
		if missing == 0 {
			continue
		}
		unit := "季度"
		if monthly {
			unit = "个月"
		}
		when := fmt.Sprintf("%d年", y)
		if len(periods) < map[bool]int{true: 12, false: 4}[monthly] {
			when = fmt.Sprintf("%d年%s至%s", y, strings.TrimPrefix(periods[0].Label(), fmt.Sprintf("%d年", y)),
				strings.TrimPrefix(periods[len(periods)-1].Label(), fmt.Sprintf("%d年", y)))
		}
		var text string
		if anyChecked == 0 {
			text = fmt.Sprintf("学习笔记检查缺失，%s未对%d名党员的学习笔记进行过检查（应每%s检查一次，共缺检查%d人次），学习停留在表面",
				when, len(members), strings.TrimPrefix(unit, "个"), missing)
		} else if len(who) == len(members) {
			text = fmt.Sprintf("学习笔记检查不经常，%s，%d名党员的学习笔记均有%s未经检查（共缺检查%d人次）", when, len(members), unit, missing)
		} else {
			text = fmt.Sprintf("学习笔记检查不经常，%s，%d名党员中有%d名的学习笔记有%s未经检查（共缺检查%d人次），如%s",
				when, len(members), len(who), unit, missing, listNames(who, 3))
		}
		fs = append(fs, Finding{
			Severity: Common,
			Text:     text,
			Figures: map[string]int64{"year": int64(y), "members": int64(len(members)), "unchecked": int64(len(who)),
				"missing": missing, "periods": int64(len(periods))},
			Records: capped(recs),
		})
	}
	// Members whose last check of the period found no notes.
	var none []string
	var recs []Record
	ids := make([]int64, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		c := last[id]
		if c.Result != zhenggai.NotesNone {
			continue
		}
		none = append(none, fmt.Sprintf("%s（%s）", c.Name, c.Period.Label()))
		recs = append(recs, Record{Kind: "notes_check", ID: c.ID, Label: c.Name + c.Period.Label()})
	}
	if len(none) > 0 {
		fs = append(fs, Finding{
			Severity: Common,
			Text:     fmt.Sprintf("%d名党员最近一次学习笔记检查结论为“无笔记”，此后未见复查合格：%s", len(none), listNames(none, 5)),
			Figures:  map[string]int64{"no_notes": int64(len(none))},
			Records:  capped(recs),
		})
	}
	return fs, nil
}

// listNames lists the first n, "等N人" after them.
func listNames(all []string, n int) string {
	if len(all) <= n {
		return strings.Join(all, "、")
	}
	return fmt.Sprintf("%s等%d人", strings.Join(all[:n], "、"), len(all))
}
