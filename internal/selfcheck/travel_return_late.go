package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// TravelReturnLate: a document taken out for a trip comes back to the
// unit within the set days after the trip's end; a last day off (weekend
// or holiday, on the unit's work calendar) moves to the next working day
// (seed problem 30). A move counts when its trip
// ended within the period and it came back late, or not by the period's
// end once due.
var TravelReturnLate = Rule{
	ID: "travel_return_late",
	// The calendar on its own bit, not loaded with NeedTravel: the
	// attendance loader fills the same field, and a rule that only counts
	// days should not pull in the sign-ins.
	Needs:       NeedTravel | NeedCalendar,
	Title:       "因私出国(境)证件按时交回",
	SeedProblem: 30,
	Area:        AreaTravel,
	Settings: []Setting{
		{Name: "days", Label: "回国(境)后多少日内交回证件", Default: "10"},
	},
	Check: checkTravelReturnLate,
}

func checkTravelReturnLate(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	days := max(0, int(v.int("days", 10)))
	end := travelEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	var moves, late, out int64
	var recs []Record
	var names []string
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		if t.Voided {
			continue
		}
		hit := false
		for _, m := range t.Moves {
			tr := t.Trip(m.Trip)
			if tr == nil || tr.To.IsZero() || !within(tr.To, zhenggai.Period{Start: p.Start, End: end}) {
				continue
			}
			moves++
			due := zhenggai.ReturnDue(tr.To, days, r.Calendar)
			switch {
			case (m.Back.IsZero() || end.Before(m.Back)) && due.Before(end):
				out++
				names = append(names, fmt.Sprintf("%s%s赴%s，%s于%s回国(境)后未交回", t.Name, monthText(tr.From), tr.Destination, m.Document.Label(), tr.To.Chinese()))
			case !m.Back.IsZero() && due.Before(m.Back):
				late++
				names = append(names, fmt.Sprintf("%s赴%s于%s回国(境)，%s%s才交回", t.Name, tr.Destination, tr.To.Chinese(), m.Document.Label(), m.Back.Chinese()))
			default:
				continue
			}
			hit = true
		}
		if hit {
			recs = append(recs, travelRecord(t))
		}
	}
	if late+out == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("因私出国(境)证件交回不及时，因私出国(境)领取证件%d次，其中%d次未在回国(境)后%d日内交回", moves, late+out, days)
	if out > 0 {
		text += fmt.Sprintf("，截至%s仍有%d本未交回", end.Chinese(), out)
	}
	text += "，如" + clauses(names, 3)
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"moves": moves, "late": late + out, "not_back": out, "days": int64(days)},
		Records: capped(recs)}}, nil
}
