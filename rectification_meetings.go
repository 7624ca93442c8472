package zhenggai

import (
	"fmt"
	"regexp"
	"strings"
)

// The rectification meetings of a cycle (先后召开党组会议5次、主席会议3次…)
// are counted from the meetings register, not typed: meetings since the
// feedback whose note or agenda concerns the rectification, by type. A
// figure typed in the report's text is kept only when the unit keeps no
// meetings register (or it records none of those meetings), and is then
// marked as typed.

// RectificationWords mark a meeting (its note or an agenda item's title)
// as one on the rectification.
var RectificationWords = []string{"整改", "巡察反馈", "巡视反馈", "反馈意见"}

// MeetingCount is how many meetings of one type were held.
type MeetingCount struct {
	Type string `json:"type"`
	N    int    `json:"n"`
}

// RectificationMeetings are the meetings on the rectification since the
// feedback, by type in the unit's order of types, as the register holds
// them; Kept is whether the unit keeps a meetings register at all.
type RectificationMeetings struct {
	Counts []MeetingCount `json:"counts"`
	Kept   bool           `json:"kept"`
}

// Clause writes the counts as a report does: 党组会议5次、主席会议3次.
func (r RectificationMeetings) Clause() string {
	var parts []string
	for _, c := range r.Counts {
		if c.N > 0 {
			parts = append(parts, fmt.Sprintf("%s%d次", c.Type, c.N))
		}
	}
	return strings.Join(parts, "、")
}

// Where a report's text says the figures come from.
const (
	MeetingsNone     = ""         // the text states no meetings' figures
	MeetingsRegister = "register" // counted from the meetings register
	MeetingsTyped    = "typed"    // as typed: no register to count from
)

// meetingRun is a typed list of meetings after 召开: 党组会议5次、主席会议3次、全体党员大会1次.
var meetingRun = regexp.MustCompile(`召开((?:\p{Han}{1,12}?(?:会议|大会)[0-9０-９一二三四五六七八九十两]+次)(?:[、，,和及](?:\p{Han}{1,12}?(?:会议|大会)[0-9０-９一二三四五六七八九十两]+次))*)`)

// RecountMeetings replaces the first typed list of meetings in text by
// the register's count, and says where the figures in the text come from:
// the register, typed (a list the register cannot replace: the unit
// keeps none, or it records no rectification meeting), or none.
func RecountMeetings(text string, r RectificationMeetings) (string, string) {
	loc := meetingRun.FindStringSubmatchIndex(text)
	if loc == nil {
		return text, MeetingsNone
	}
	clause := r.Clause()
	if !r.Kept || clause == "" {
		return text, MeetingsTyped
	}
	return text[:loc[2]] + clause + text[loc[3]:], MeetingsRegister
}
