package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// SuggestionsPlatform: members put micro-suggestions and 社情民意 on the
// platform (政协云) at least as often as the setting, per member and year
// (seed problem 13: "多年来在平台上提出意见建议仅17条"). The years below it
// are counted together, each with its own figure.
var SuggestionsPlatform = Rule{
	ID:          "suggestions_platform",
	Needs:       NeedCPPCCMembers | NeedSuggestions,
	Title:       "委员通过履职平台提出意见建议",
	SeedProblem: 13,
	Area:        AreaMembers,
	Proves:      []string{"履职平台"},
	Settings: []Setting{
		{Name: "per_member_year", Label: "每名委员每年在平台上至少提出（条）", Default: "1"},
	},
	Check: checkSuggestionsPlatform,
}

func checkSuggestionsPlatform(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	per := v.int("per_member_year", 1)
	if per < 1 {
		return nil, nil
	}
	ix := indexMembers(r.CPPCCMembers)
	got := map[int]int64{}
	var recs []Record
	for i := range r.Suggestions {
		s := &r.Suggestions[i]
		if s.Voided || s.Via != zhenggai.ViaPlatform || !within(s.On, p) {
			continue
		}
		if s.MemberID == 0 && ix.find(s.PersonID, s.Name) < 0 {
			continue // not a member's
		}
		got[s.On.Year()]++
		recs = append(recs, Record{Kind: "suggestion", ID: s.ID, Label: s.Name + "：" + s.Title})
	}
	lo, hi := p.Start.Year(), p.End.Year()
	for i := range r.CPPCCMembers {
		m := &r.CPPCCMembers[i]
		if p.Start.IsZero() && !m.JoinedOn.IsZero() && (lo == 0 || m.JoinedOn.Year() < lo) {
			lo = m.JoinedOn.Year()
		}
	}
	if p.End.IsZero() {
		for y := range got {
			hi = max(hi, y)
		}
	}
	var years []int
	var total, required, memberYears int64
	var parts []string
	for y := lo; y <= hi && lo > 0; y++ {
		var n int64
		for i := range r.CPPCCMembers {
			if serves(&r.CPPCCMembers[i], y) {
				n++
			}
		}
		if n == 0 || got[y] >= per*n {
			continue
		}
		years = append(years, y)
		total += got[y]
		required += per * n
		memberYears += n
		parts = append(parts, fmt.Sprintf("%d年%d条", y, got[y]))
	}
	if len(years) == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Common,
		Text: fmt.Sprintf("引导委员使用“政协云”平台不到位，%s委员在平台上提出微建议、社情民意信息仅%d条（%s），按每名委员每年不少于%d条应有%d条",
			span(years), total, strings.Join(parts, "、"), per, required),
		Figures: map[string]int64{"suggestions": total, "required": required, "member_years": memberYears, "per_member_year": per},
		Records: capped(recs)}}, nil
}
