package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// TripUnapproved: a private trip is approved before it begins (审批 no
// later than the day of departure), and a held document goes out only for
// an approved trip (seed problem 30). Trips that began within the period
// and moves out within it count, each trip once: a move for a trip itself
// unapproved is that trip's problem, not a second one; a move counts on
// its own only without a trip, or when its trip, approved in time, was
// approved after the document went out.
var TripUnapproved = Rule{
	ID:          "trip_unapproved",
	Needs:       NeedTravel,
	Title:       "因私出国(境)事先审批",
	SeedProblem: 30,
	Area:        AreaTravel,
	Check:       checkTripUnapproved,
}

// tripUnapproved reports whether a trip was not approved by its first day.
func tripUnapproved(tr *zhenggai.TravelTrip) bool {
	return tr.ApprovedOn.IsZero() || tr.From.Before(tr.ApprovedOn)
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
			switch {
			case tr == nil:
				names = append(names, fmt.Sprintf("%s的%s于%s领取，无对应的出行审批", t.Name, m.Document.Label(), m.Out.Chinese()))
			case tripUnapproved(tr):
				continue // the trip's own problem, counted once
			case m.Out.Before(tr.ApprovedOn):
				names = append(names, fmt.Sprintf("%s的%s于%s领取，出行%s才审批", t.Name, m.Document.Label(), m.Out.Chinese(), tr.ApprovedOn.Chinese()))
			default:
				continue
			}
			loose++
			hit = true
		}
		if hit {
			recs = append(recs, travelRecord(t))
		}
	}
	if unapproved+loose == 0 {
		return nil, nil
	}
	// The two counts never hold one trip twice: "另有" says so.
	var text string
	if unapproved > 0 {
		text = fmt.Sprintf("因私出国(境)%d次中，%d次未经事先审批", trips, unapproved)
	}
	if loose > 0 {
		if text != "" {
			text += "；另有"
		}
		text += fmt.Sprintf("%d次领取证件时没有经批准的出行", loose)
	}
	text = "因私出国(境)审批不严格，" + text + "，如" + clauses(names, 3)
	return []Finding{{Severity: Serious, Text: text,
		Figures: map[string]int64{"trips": trips, "unapproved": unapproved, "moves_unapproved": loose, "problems": unapproved + loose},
		Records: capped(recs)}}, nil
}
