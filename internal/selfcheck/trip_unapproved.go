package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// TripUnapproved: a private trip is approved before it begins (审批 no
// later than the day of departure), and a held document goes out only for
// an approved trip (seed problem 30). Trips that began within the period
// and moves out within it count.
var TripUnapproved = Rule{
	ID:          "trip_unapproved",
	Needs:       NeedTravel,
	Title:       "因私出国(境)事先审批",
	SeedProblem: 30,
	Area:        AreaTravel,
	Check:       checkTripUnapproved,
}

func checkTripUnapproved(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	var trips, unapproved, loose int64
	var recs []Record
	var names []string
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		if t.Voided {
			continue
		}
		hit := false
		for _, tr := range t.Trips {
			if !within(tr.From, p) {
				continue
			}
			trips++
			switch {
			case tr.ApprovedOn.IsZero():
				names = append(names, fmt.Sprintf("%s%s赴%s未经审批", t.Name, tr.From.Chinese(), tr.Destination))
			case tr.From.Before(tr.ApprovedOn):
				names = append(names, fmt.Sprintf("%s%s赴%s，%s才审批", t.Name, tr.From.Chinese(), tr.Destination, tr.ApprovedOn.Chinese()))
			default:
				continue
			}
			unapproved++
			hit = true
		}
		for _, m := range t.Moves {
			if !within(m.Out, p) {
				continue
			}
			tr := t.Trip(m.Trip)
			if tr != nil && !tr.ApprovedOn.IsZero() && !m.Out.Before(tr.ApprovedOn) {
				continue
			}
			loose++
			hit = true
			names = append(names, fmt.Sprintf("%s的%s于%s领取，无经批准的出行", t.Name, m.Document.Label(), m.Out.Chinese()))
		}
		if hit {
			recs = append(recs, travelRecord(t))
		}
	}
	if unapproved+loose == 0 {
		return nil, nil
	}
	var text string
	if unapproved > 0 {
		text = fmt.Sprintf("因私出国(境)%d次中，%d次未经事先审批", trips, unapproved)
	}
	if loose > 0 {
		if text != "" {
			text += "；"
		}
		text += fmt.Sprintf("%d次领取证件没有经批准的出行", loose)
	}
	text = "因私出国(境)审批不严格，" + text + "，如" + clauses(names, 3)
	return []Finding{{Severity: Serious, Text: text,
		Figures: map[string]int64{"trips": trips, "unapproved": unapproved, "moves_unapproved": loose},
		Records: capped(recs)}}, nil
}
