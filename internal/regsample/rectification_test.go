package regsample_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/regsample"
)

// TestDemoRectificationMeetings: after the feedback the demo's register
// holds the seed's 党组会议5次、主席会议3次、全体党员大会1次 on the
// rectification, each type's meetings of a year numbered 1… by date, and
// the deciding bodies' items stated with the chair last.
func TestDemoRectificationMeetings(t *testing.T) {
	b := demo(t)
	on := map[string]int{}
	for _, m := range b.Meetings {
		if m.Date.Before(regsample.Feedback) {
			continue
		}
		about := slices.ContainsFunc(m.Items, func(it zhenggai.AgendaItem) bool {
			return slices.ContainsFunc(zhenggai.RectificationWords, func(w string) bool { return strings.Contains(it.Title, w) })
		})
		if !about {
			continue
		}
		on[m.Type]++
		for _, it := range m.Items {
			if n := len(it.Statements); n > 0 && it.Statements[n-1].Name != m.ChairName {
				t.Errorf("%s %s: %s not stated by the chair last", m.Type, m.Date, it.Title)
			}
		}
	}
	if on[zhenggai.MeetingPartyGroup] != 5 || on["主席会议"] != 3 || on[regsample.RectificationMeetingType] != 1 || len(on) != 3 {
		t.Errorf("rectification meetings %v", on)
	}
	// Appended after the others, yet numbered by date: a type's
	// meetings of a year, in date order, are 1…n.
	byDate := map[string][]zhenggai.Meeting{}
	for _, m := range b.Meetings {
		k := fmt.Sprint(m.Type, m.Date.Year())
		byDate[k] = append(byDate[k], m)
	}
	for k, ms := range byDate {
		slices.SortStableFunc(ms, func(a, b zhenggai.Meeting) int {
			if a.Date.Before(b.Date) {
				return -1
			} else if b.Date.Before(a.Date) {
				return 1
			}
			return 0
		})
		for i, m := range ms {
			if m.Number != i+1 {
				t.Errorf("%s: the meeting of %s is number %d, want %d", k, m.Date, m.Number, i+1)
			}
		}
	}
}
