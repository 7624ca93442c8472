package selfcheck

import (
	"fmt"
	"strings"

	"zhenggai"
)

// MeetingFigures are what the meetings register says of the party
// group's meetings over a period (since the feedback), for a progress
// report to cite instead of a sentence no one can check.
type MeetingFigures struct {
	Meetings   int // 党组会议 held
	Items      int // 三重一大 items they studied
	NotLast    int // items on which the chair did not state last (末位表态)
	Incomplete int // items whose statements are not recorded in full (the chair's, or any other's, missing)
}

// CountMeetingFigures counts the figures from registers loaded with
// NeedMeetings and NeedItems.
func CountMeetingFigures(r *Registers, p zhenggai.Period) MeetingFigures {
	var f MeetingFigures
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || m.Type != zhenggai.MeetingPartyGroup || !within(m.Date, p) {
			continue
		}
		f.Meetings++
		for j := range m.Items {
			it := &m.Items[j]
			if !isDecision(it.Kind) {
				continue
			}
			f.Items++
			broken, stated := chairNotLast(m, it)
			switch {
			case broken:
				f.NotLast++
			case !stated || len(it.Statements) < 2:
				f.Incomplete++
			}
		}
	}
	return f
}

// Sentence writes the figures as a report cites them: 整改以来召开党组
// 会议N次，研究“三重一大”事项N项，均按规定末位表态。 The last clause only
// when every item bears it out; otherwise how many do not. "" when the
// register holds no such meeting.
func (f MeetingFigures) Sentence() string {
	if f.Meetings == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "整改以来召开%s%d次", zhenggai.MeetingPartyGroup, f.Meetings)
	if f.Items > 0 {
		fmt.Fprintf(&b, "，研究“三重一大”事项%d项", f.Items)
		switch {
		case f.NotLast == 0 && f.Incomplete == 0:
			b.WriteString("，均按规定末位表态")
		default:
			var parts []string
			if f.NotLast > 0 {
				parts = append(parts, fmt.Sprintf("%d项主要负责人未末位表态", f.NotLast))
			}
			if f.Incomplete > 0 {
				parts = append(parts, fmt.Sprintf("%d项表态记录不完整", f.Incomplete))
			}
			b.WriteString("，其中" + strings.Join(parts, "，"))
		}
	}
	b.WriteString("。")
	return b.String()
}
