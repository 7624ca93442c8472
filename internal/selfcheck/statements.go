package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// Statements: on 三重一大 items every member present states his view and
// the minutes record it (seed problem 23).
var Statements = Rule{
	ID:          "statements",
	Needs:       NeedMeetings | NeedItems,
	Title:       "研究三重一大事项时逐一记录出席人员表态",
	SeedProblem: 23,
	Area:        AreaMeetings,
	Proves:      []string{"末位表态", "表态"},
	Check:       checkStatements,
}

// samePerson matches a statement to an attendee: by person when both are
// known, else by the name as the minutes wrote it.
func samePerson(id1 int64, n1 string, id2 int64, n2 string) bool {
	if id1 != 0 && id2 != 0 {
		return id1 == id2
	}
	return n1 != "" && n1 == n2
}

func checkStatements(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	var items, missing int64
	var years []int
	var recs []Record
	var labels []string
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || !within(m.Date, p) {
			continue
		}
		hit := false
		for _, it := range m.Items {
			if !isDecision(it.Kind) {
				continue
			}
			gap := 0
			for _, a := range m.Attendance {
				if a.Presence != zhenggai.Present {
					continue
				}
				stated := false
				for _, s := range it.Statements {
					if samePerson(a.PersonID, a.Name, s.PersonID, s.Name) {
						stated = true
						break
					}
				}
				if !stated {
					gap++
				}
			}
			if gap > 0 {
				items++
				missing += int64(gap)
				hit = true
			}
		}
		if hit {
			years = append(years, m.Date.Year())
			recs = append(recs, meetingRecord(m))
			labels = append(labels, MeetingLabel(m))
		}
	}
	if items == 0 {
		return nil, nil
	}
	return []Finding{{
		Severity: Common,
		Text: fmt.Sprintf("研究三重一大事项未逐一记录与会人员表态，%s有%d次会议的%d个议题缺少%d人次表态记录（%s）",
			span(years), len(recs), items, missing, examples(labels, 3)),
		Figures: map[string]int64{"meetings": int64(len(recs)), "items": items, "missing_statements": missing},
		Records: capped(recs),
	}}, nil
}
