package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// TravelHandinLate: a private travel document is handed to the unit to
// hold within the set days of its issue, or of its holder coming into
// scope (promotion, added by hand), whichever is later, a last day off
// moving to the next working day (seed problem 30:
// "也未对其因私出国(境)证件进行集中管理"). A document counts when its day fell
// due within the period and it was handed in after it, or not by the
// period's end.
var TravelHandinLate = Rule{
	ID: "travel_handin_late",
	// The calendar on its own bit, not loaded with NeedTravel: the
	// attendance loader fills the same field, and a rule that only counts
	// days should not pull in the sign-ins.
	Needs:       NeedTravel | NeedCalendar,
	Title:       "因私出国(境)证件集中保管",
	SeedProblem: 30,
	Area:        AreaTravel,
	Settings: []Setting{
		{Name: "days", Label: "证件签发或纳入管理后多少日内交单位集中保管", Default: "10"},
	},
	Check: checkTravelHandinLate,
}

func checkTravelHandinLate(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	days := max(0, int(v.int("days", 10)))
	end := travelEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	var docs, late, notHeld int64
	var recs []Record
	var names []string
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		if t.Voided {
			continue
		}
		hit := false
		for _, d := range t.Documents {
			due := zhenggai.HandInDue(d, t.ScopeFrom, days, r.Calendar)
			if end.Before(due) || (!d.HandedIn.IsZero() && d.HandedIn.Before(p.Start)) {
				continue // not due in the period, or held before it
			}
			docs++
			switch {
			case d.HandedIn.IsZero() || end.Before(d.HandedIn):
				notHeld++
				names = append(names, fmt.Sprintf("%s的%s（%s签发）未交单位保管", t.Name, d.Kind.Label(), monthText(d.IssuedOn)))
			case due.Before(d.HandedIn):
				late++
				names = append(names, fmt.Sprintf("%s的%s应于%s前交存，%s才交存", t.Name, d.Kind.Label(), due.Chinese(), d.HandedIn.Chinese()))
			default:
				continue
			}
			hit = true
		}
		if hit {
			recs = append(recs, travelRecord(t))
		}
	}
	if late+notHeld == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("未对因私出国(境)证件进行集中管理，应交单位集中保管的%d本证件中，%d本未在规定的%d日内交存", docs, late+notHeld, days)
	if notHeld > 0 {
		text += fmt.Sprintf("，截至%s仍有%d本未交存", end.Chinese(), notHeld)
	}
	text += "，如" + clauses(names, 3)
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"documents": docs, "late": late + notHeld, "not_held": notHeld, "days": int64(days)},
		Records: capped(recs)}}, nil
}
