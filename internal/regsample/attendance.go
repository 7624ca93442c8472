package regsample

import (
	"math/rand/v2"

	"zhenggai"
)

// Seed facts of attendance and leave (seed problems 27 and 32: "机关签到考勤
// 制度只约束处级以下干部，处级领导均不履行签到考勤制度"; the report: "从7月28日开始，
// 包括处级领导干部，机关所有干部职工都认真履行了签到考勤制度"; "请销假制度执行不严格").
var (
	// SignInsFrom is when the demo's attendance register begins (the
	// clock's export kept since 2019).
	SignInsFrom = zhenggai.NewDate(2019, 1, 1)
	// LeadersSignFrom is the first day the leaders signed in.
	LeadersSignFrom = zhenggai.NewDate(2020, 7, 28)
)

// attendance makes the demo's sign-ins and leave requests, from a
// generator of its own so that the other registers stay as they were:
// the staff sign in every working day but their leave and a rare miss,
// the leaders (领导班子成员) only from LeadersSignFrom; each person takes
// a few leaves a year, approved by the principal leader, and before the
// feedback one in three is never returned (销假). The demo (Facts) has
// them from SignInsFrom; gen's units (SignInYears) for their last years,
// the leaders signing in as the staff do and one leave in ten never
// returned.
func (m *maker) attendance() ([]zhenggai.SignIn, []zhenggai.Leave) {
	if !m.c.Facts && m.c.SignInYears == 0 {
		return nil, nil
	}
	rng := rand.New(rand.NewPCG(m.c.Seed, 0x6174_7464))
	cal := zhenggai.NewWorkCalendar(nil)
	// A name once: gen may draw one name as a leader and as a cadre, one
	// person of the roster, who signs in once a day.
	var people []zhenggai.Person
	seen := map[string]bool{}
	for _, p := range m.persons {
		if (p.Kind == zhenggai.PersonLeader || p.Kind == zhenggai.PersonStaff) && !seen[p.Name] {
			seen[p.Name] = true
			people = append(people, p)
		}
	}
	from, to := SignInsFrom, m.c.To
	if !m.c.Facts {
		from = zhenggai.NewDate(to.Year()-m.c.SignInYears+1, 1, 1)
		if from.Before(m.c.From) {
			from = m.c.From
		}
	}
	var workdays []zhenggai.Date
	for d := from; !to.Before(d); d = d.AddDays(1) {
		if cal.WorkingDay(d) {
			workdays = append(workdays, d)
		}
	}
	kinds := []zhenggai.LeaveKind{zhenggai.LeavePersonal, zhenggai.LeavePersonal, zhenggai.LeaveSick, zhenggai.LeaveAnnual,
		zhenggai.LeaveAnnual, zhenggai.LeaveTrip, zhenggai.LeaveTrip, zhenggai.LeaveFamily}
	reasons := map[zhenggai.LeaveKind]string{zhenggai.LeavePersonal: "家中有事", zhenggai.LeaveSick: "身体不适就医",
		zhenggai.LeaveAnnual: "休年休假", zhenggai.LeaveTrip: "赴市政协参加培训", zhenggai.LeaveFamily: "探望父母"}
	var signIns []zhenggai.SignIn
	var leaves []zhenggai.Leave
	for _, p := range people {
		away := map[zhenggai.Date]bool{}
		approver := m.c.Leaders[0]
		if p.Name == approver {
			approver = m.c.Leaders[1]
		}
		// Three leaves a year, on working days, one to five working days
		// long, none overlapping.
		n := 3 * (to.Year() - from.Year() + 1)
		for range n {
			i := rng.IntN(len(workdays))
			days := 1 + rng.IntN(5)
			if i+days > len(workdays) {
				continue
			}
			clash := false
			for _, d := range workdays[i : i+days] {
				clash = clash || away[d]
			}
			if clash {
				continue
			}
			kind := kinds[rng.IntN(len(kinds))]
			start, end := workdays[i], workdays[i+days-1]
			l := zhenggai.Leave{Name: p.Name, Kind: kind, From: start, To: end, Reason: reasons[kind], ApprovedBy: approver,
				ApprovedOn: start.AddDays(-1), Sample: m.c.Sample}
			due := l.Due(cal)
			switch {
			case to.Before(due):
			case m.c.Facts && due.Before(Feedback) && rng.IntN(3) == 0:
				// Never returned (seed problem 32).
			case !m.c.Facts && rng.IntN(10) == 0:
			default:
				l.ReturnedOn = due
			}
			for _, d := range workdays[i : i+days] {
				away[d] = true
			}
			leaves = append(leaves, l)
		}
		for _, d := range workdays {
			switch {
			case away[d]:
				continue
			case m.c.Facts && p.Kind == zhenggai.PersonLeader && d.Before(LeadersSignFrom):
				continue // seed problem 27
			case rng.IntN(250) == 0:
				continue // a missed day
			}
			signIns = append(signIns, zhenggai.SignIn{Name: p.Name, On: d, FirstIn: 7*60 + 40 + rng.IntN(50),
				LastOut: 17*60 + 30 + rng.IntN(60), Source: "考勤机", Sample: m.c.Sample})
		}
	}
	return signIns, leaves
}
