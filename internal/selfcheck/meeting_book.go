package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// MeetingBook: each meeting type keeps its own book; minutes written in
// another type's book are 会议记录混用 (seed problem 21).
var MeetingBook = Rule{
	ID:          "meeting_book",
	Needs:       NeedMeetings,
	Title:       "各类会议分别记录，不混用会议记录本",
	SeedProblem: 21,
	Area:        AreaMeetings,
	Check:       checkMeetingBook,
}

func checkMeetingBook(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	type pair struct{ typ, book string }
	groups := map[pair][]*zhenggai.Meeting{}
	var order []pair
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || m.Book == "" || m.Book == m.Type || !within(m.Date, p) {
			continue
		}
		k := pair{m.Type, m.Book}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].typ != order[j].typ {
			return order[i].typ < order[j].typ
		}
		return order[i].book < order[j].book
	})
	var out []Finding
	for _, k := range order {
		ms := groups[k]
		var years []int
		var recs []Record
		for _, m := range ms {
			years = append(years, m.Date.Year())
			recs = append(recs, meetingRecord(m))
		}
		out = append(out, Finding{
			Severity: Common,
			Text:     fmt.Sprintf("会议记录混用，%s有%d次%s记录在%s记录本中", span(years), len(ms), k.typ, k.book),
			Figures:  map[string]int64{"meetings": int64(len(ms))},
			Records:  capped(recs),
		})
	}
	return out, nil
}
