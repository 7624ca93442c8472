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
// are counted together, each with its own figure. A year only partly in
// the period asks for its share by months (half a year, half the count),
// and says which months it counts. The finding names the members who put
// nothing on the platform in those years (its records), in the register's
// order.
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
	byID := make(map[int64]int, len(r.CPPCCMembers))
	for i := range r.CPPCCMembers {
		byID[r.CPPCCMembers[i].ID] = i
	}
	// Counted in slices, not maps keyed by member and year: a county's
	// five years of this were most of the rule's time.
	got := map[int]int64{}            // by year
	mine := map[int][]int32{}         // by year: each member's
	lastYear, last := 0, []int32(nil) // the rows come by date
	for i := range r.Suggestions {
		s := &r.Suggestions[i]
		if s.Voided || s.Via != zhenggai.ViaPlatform || !within(s.On, p) {
			continue
		}
		m, ok := byID[s.MemberID]
		if s.MemberID == 0 || !ok {
			m = ix.find(s.PersonID, s.Name)
		}
		if m < 0 {
			continue // not a member's
		}
		y := s.On.Year()
		if last == nil || y != lastYear {
			if last = mine[y]; last == nil {
				last = make([]int32, len(r.CPPCCMembers))
				mine[y] = last
			}
			lastYear = y
		}
		got[y]++
		last[m]++
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
	// Each member's platform suggestions in the years found short, and
	// whether he served in any of them.
	onPlatform, served := make([]int64, len(r.CPPCCMembers)), make([]bool, len(r.CPPCCMembers))
	for y := lo; y <= hi && lo > 0; y++ {
		// The months of y in the period.
		first, last := 1, 12
		if !p.Start.IsZero() && p.Start.Year() == y {
			first = int(p.Start.Month())
		}
		if !p.End.IsZero() && p.End.Year() == y {
			last = int(p.End.Month())
		}
		months := int64(last - first + 1)
		var n int64
		for i := range r.CPPCCMembers {
			if serves(&r.CPPCCMembers[i], y) {
				n++
			}
		}
		need := per * n * months / 12
		if n == 0 || need == 0 || got[y] >= need {
			continue
		}
		years = append(years, y)
		total += got[y]
		required += need
		memberYears += n
		label := fmt.Sprintf("%d年", y)
		if months < 12 {
			label = fmt.Sprintf("%d年%d月至%d月", y, first, last)
		}
		parts = append(parts, fmt.Sprintf("%s%d条", label, got[y]))
		counts := mine[y]
		for i := range r.CPPCCMembers {
			if serves(&r.CPPCCMembers[i], y) {
				served[i] = true
				if counts != nil {
					onPlatform[i] += int64(counts[i])
				}
			}
		}
	}
	if len(years) == 0 {
		return nil, nil
	}
	var short []int // in the register's order
	for m, k := range onPlatform {
		if served[m] && k == 0 {
			short = append(short, m)
		}
	}
	var recs []Record
	var names []string
	for _, m := range short {
		recs = append(recs, memberRecord(&r.CPPCCMembers[m]))
		names = append(names, r.CPPCCMembers[m].Name)
	}
	text := fmt.Sprintf("引导委员使用“政协云”平台不到位，%s委员在平台上提出微建议、社情民意信息仅%d条（%s），按每名委员每年不少于%d条应有%d条",
		span(years), total, strings.Join(parts, "、"), per, required)
	if len(short) > 0 {
		text += fmt.Sprintf("，%d名委员未在平台上提出，如%s", len(short), examples(names, 3))
	}
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"suggestions": total, "required": required, "member_years": memberYears, "per_member_year": per,
			"members_none": int64(len(short))},
		Records: capped(recs)}}, nil
}
