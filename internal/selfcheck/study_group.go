package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// StudyGroup: the 中心组 studies at least as often as the setting, per
// year (seed problem 2). A year the period covers only in part needs the
// share of its whole months covered (rounded down). A year without any
// meeting recorded is left out: its books were not entered.
var StudyGroup = Rule{
	ID:          "study_group",
	Needs:       NeedMeetings,
	Title:       "中心组理论学习按要求开展",
	SeedProblem: 2,
	Area:        AreaMeetings,
	Proves:      []string{"理论学习", "中心组", "学习制度"},
	Settings: []Setting{
		{Name: "per_year", Label: "每年至少学习次数", Default: "12"},
	},
	Check: checkStudyGroup,
}

// monthsCovered counts the whole months of year y inside p.
func monthsCovered(y int, p zhenggai.Period) int {
	n := 0
	for m := 1; m <= 12; m++ {
		first := zhenggai.NewDate(y, m, 1)
		last := zhenggai.NewDate(y, m+1, 1).AddDays(-1)
		if m == 12 {
			last = zhenggai.NewDate(y, 12, 31)
		}
		if within(first, p) && within(last, p) {
			n++
		}
	}
	return n
}

func checkStudyGroup(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	per := v.int("per_year", 12)
	counts := map[int]int64{}
	kept := map[int]bool{} // years with any meeting: the register was kept
	recs := map[int][]Record{}
	lo, hi := p.Start.Year(), p.End.Year()
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided || !within(m.Date, p) {
			continue
		}
		y := m.Date.Year()
		kept[y] = true
		if p.Start.IsZero() && (lo == 0 || y < lo) {
			lo = y
		}
		if p.End.IsZero() && y > hi {
			hi = y
		}
		if m.Type == zhenggai.MeetingStudyGroup {
			counts[y]++
			recs[y] = append(recs[y], meetingRecord(m))
		}
	}
	var fs []Finding
	for y := lo; y <= hi && lo > 0; y++ {
		months := monthsCovered(y, p)
		if months == 0 || !kept[y] {
			continue
		}
		need := per * int64(months) / 12
		if counts[y] >= need {
			continue
		}
		req := fmt.Sprintf("每年不少于%d次", per)
		if months < 12 {
			req = fmt.Sprintf("%d个月内不少于%d次", months, need)
		}
		fs = append(fs, Finding{
			Severity: Common,
			Text:     fmt.Sprintf("中心组理论学习不经常，%d年中心组学习%d次，未达到%s的要求", y, counts[y], req),
			Figures:  map[string]int64{"year": int64(y), "sessions": counts[y], "required": need},
			Records:  capped(recs[y]),
		})
	}
	return fs, nil
}
