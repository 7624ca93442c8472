package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// MeetingReduction: the year after the base year holds fewer meetings by
// the ordered share than the base year (seed problem 25: 2019, the year
// of 基层减负, against 2018). All meeting types count (各类会议).
var MeetingReduction = Rule{
	ID:          "meeting_reduction",
	Needs:       NeedMeetings,
	Title:       "精简会议，会议数量按要求压减",
	SeedProblem: 25,
	Area:        AreaMeetings,
	Settings: []Setting{
		{Name: "share", Label: "要求减少的比例（%）", Default: "30"},
		{Name: "base_year", Label: "基准年度（与其次年比较）", Default: "2018"},
	},
	Check: checkMeetingReduction,
}

func checkMeetingReduction(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	share := v.int("share", 30)
	base := int(v.int("base_year", 2018))
	year := base + 1
	// The year checked must lie in the period (an open end is open).
	if (!p.Start.IsZero() && year < p.Start.Year()) || (!p.End.IsZero() && year > p.End.Year()) {
		return nil, nil
	}
	var prev, cur int64
	var recs []Record
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided {
			continue
		}
		switch m.Date.Year() {
		case base:
			prev++
		case year:
			cur++
			recs = append(recs, meetingRecord(m))
		}
	}
	if prev == 0 || cur*100 <= prev*(100-share) {
		return nil, nil
	}
	change := "下降" + fmt.Sprint(percent(prev-cur, prev)) + "%"
	if percent(prev-cur, prev) >= share {
		// Rounded to the whole it would read as the share reached
		// (29.6% as 30%): the tenths, cut, say why it is a finding.
		tenths := (prev - cur) * 1000 / prev
		change = fmt.Sprintf("下降%d.%d%%", tenths/10, tenths%10)
	}
	switch {
	case cur == prev:
		change = "持平"
	case cur > prev:
		change = "增加" + fmt.Sprint(percent(cur-prev, prev)) + "%"
	}
	return []Finding{{
		Severity: Common,
		Text: fmt.Sprintf("精简会议不到位，%d年召开各类会议%d次，较%d年（%d次）%s，未达到减少%d%%的要求",
			year, cur, base, prev, change, share),
		Figures: map[string]int64{"year": int64(year), "meetings": cur, "base_meetings": prev, "share": share},
		Records: capped(recs),
	}}, nil
}
