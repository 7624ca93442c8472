package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// TravelUnregistered: everyone in scope of the private travel rules is
// registered in the unit's ledger (登记备案) within the set days of coming
// into scope, a last day off moving to the next working day (seed problem 30: "未建立单位其他国家公职人员因私出国(境)管理台账").
// The scope is the roster's persons of the kinds and ranks the setting
// lists, and the ledger's lines added by hand. A person counts when he
// stood in scope unregistered past the days within the period; the
// finding says how many were registered late and how many still are not.
var TravelUnregistered = Rule{
	ID: "travel_unregistered",
	// The calendar on its own bit, not loaded with NeedTravel: the
	// attendance loader fills the same field, and a rule that only counts
	// days should not pull in the sign-ins.
	Needs:       NeedTravel | NeedCalendar,
	Title:       "因私出国(境)人员登记备案",
	SeedProblem: 30,
	Area:        AreaTravel,
	Settings: []Setting{
		{Name: "scope", Label: "纳入管理的人员（人员类别或职级，一行一个）", Default: "领导班子成员\n干部职工"},
		{Name: "days", Label: "纳入管理后多少日内登记备案", Default: "30"},
	},
	Check: checkTravelUnregistered,
}

// travelEnd is the period's end, or with an open period the ledger's
// last date.
func travelEnd(r *Registers, p zhenggai.Period) zhenggai.Date {
	if !p.End.IsZero() {
		return p.End
	}
	var hi zhenggai.Date
	note := func(d zhenggai.Date) {
		if !d.IsZero() && hi.Before(d) {
			hi = d
		}
	}
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		note(t.ScopeFrom)
		note(t.RegisteredOn)
		for _, d := range t.Documents {
			note(d.IssuedOn)
			note(d.HandedIn)
		}
		for _, tr := range t.Trips {
			note(tr.To)
		}
		for _, m := range t.Moves {
			note(m.Out)
			note(m.Back)
		}
	}
	return hi
}

// clauses writes the first few examples that are clauses of their own
// (with commas inside), apart by semicolons, with 等 when more.
func clauses(texts []string, n int) string {
	if len(texts) <= n {
		return strings.Join(texts, "；")
	}
	return strings.Join(texts[:n], "；") + "等"
}

func travelRecord(t *zhenggai.TravelPerson) Record {
	return Record{Kind: "travel_person", ID: t.ID, Label: t.Name}
}

func checkTravelUnregistered(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	scope := List(v["scope"])
	days := max(0, int(v.int("days", 30)))
	end := travelEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	// A unit with no line in the ledger keeps it elsewhere or not at all:
	// the program cannot tell which, so it says nothing (as the archives'
	// and the meetings' rules do of a register not entered).
	kept := false
	for i := range r.TravelPersons {
		kept = kept || !r.TravelPersons[i].Voided
	}
	if !kept {
		return nil, nil
	}
	lines := map[int64]*zhenggai.TravelPerson{}
	byName := map[string]*zhenggai.TravelPerson{}
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		if t.Voided {
			continue
		}
		if t.PersonID != 0 {
			lines[t.PersonID] = t
		}
		byName[zhenggai.PersonKey(t.Name)] = t
	}
	var inScope, late, missing int64
	var recs []Record
	var names []string
	seen := map[*zhenggai.TravelPerson]bool{}
	// check one person in scope since from (zero: before any record).
	check := func(t *zhenggai.TravelPerson, name string, from zhenggai.Date) {
		if !from.IsZero() && end.Before(from) {
			return
		}
		inScope++
		var due zhenggai.Date
		if !from.IsZero() {
			due = r.Calendar.DueDay(from, days)
		}
		switch {
		case t == nil || t.RegisteredOn.IsZero() || end.Before(t.RegisteredOn):
			if !from.IsZero() && end.Before(due) {
				return // not due yet
			}
			missing++
			names = append(names, name+"未登记备案")
		case !from.IsZero() && due.Before(t.RegisteredOn) && !t.RegisteredOn.Before(p.Start):
			late++
			names = append(names, fmt.Sprintf("%s%s纳入管理，%s才登记备案", name, monthText(from), monthText(t.RegisteredOn)))
		default:
			return
		}
		if t != nil {
			recs = append(recs, travelRecord(t))
		}
	}
	for i := range r.TravelRoster {
		ps := &r.TravelRoster[i]
		if !zhenggai.InTravelScope(ps, scope) {
			continue
		}
		t := lines[ps.ID]
		if t == nil {
			t = byName[zhenggai.PersonKey(ps.Name)]
		}
		var from zhenggai.Date
		if t != nil {
			from, seen[t] = t.ScopeFrom, true
		}
		check(t, ps.Name, from)
	}
	for i := range r.TravelPersons {
		t := &r.TravelPersons[i]
		if t.Voided || seen[t] {
			continue
		}
		check(t, t.Name, t.ScopeFrom)
	}
	if late+missing == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("因私出国(境)管理不规范，纳入管理的%d名国家公职人员中，%d名未按规定及时登记备案", inScope, late+missing)
	switch {
	case late > 0 && missing > 0:
		text += fmt.Sprintf("（其中%d名逾期登记，截至%s仍有%d名未登记）", late, end.Chinese(), missing)
	case late > 0:
		text += "（均已逾期补登记）"
	default:
		text += fmt.Sprintf("，截至%s均未登记", end.Chinese())
	}
	text += "，如" + clauses(names, 3)
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"in_scope": inScope, "unregistered": late + missing, "late": late, "missing": missing, "days": int64(days)},
		Records: capped(recs)}}, nil
}
