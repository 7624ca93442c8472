package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// MemberProposals: a member submits (or co-signs) a proposal at least
// once in the number of years the setting gives (seed problem 12: "有的委
// 员在四年任期内没有提交一份提案"). Years count whole, while the member
// serves, and only years in which the register holds any proposal (a
// year not entered is not a member's silence). A co-signer who declined
// does not count.
var MemberProposals = Rule{
	ID:          "member_proposals",
	Needs:       NeedCPPCCMembers | NeedProposals,
	Title:       "委员按要求提交提案",
	SeedProblem: 12,
	Area:        AreaMembers,
	Settings: []Setting{
		{Name: "years", Label: "连续多少年没有提案即列出", Default: "2"},
	},
	Check: checkMemberProposals,
}

func checkMemberProposals(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	need := int(v.int("years", 2))
	if need < 1 {
		need = 2
	}
	ix := indexMembers(r.CPPCCMembers)
	kept := map[int]bool{}
	signed := map[int]map[int]bool{} // member index → years with a proposal
	lo, hi := 0, 0
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		if pr.Voided || pr.Status == zhenggai.PropDraft || !yearIn(pr.Year, p) {
			continue
		}
		kept[pr.Year] = true
		if lo == 0 || pr.Year < lo {
			lo = pr.Year
		}
		hi = max(hi, pr.Year)
		for _, s := range pr.Signers {
			// The lead, and co-signers who confirmed: one invited who
			// never answered did not sign (the members' counts agree).
			if s.Seq != 1 && (s.ConfirmedOn.IsZero() || !s.DeclinedOn.IsZero()) {
				continue
			}
			if m := ix.find(s.PersonID, s.Name); m >= 0 {
				if signed[m] == nil {
					signed[m] = map[int]bool{}
				}
				signed[m][pr.Year] = true
			}
		}
	}
	if lo == 0 {
		return nil, nil
	}
	var flagged, fromStart int64
	longestStart := 0
	var recs []Record
	var names []string
	for i := range r.CPPCCMembers {
		m := &r.CPPCCMembers[i]
		if m.Voided {
			continue
		}
		run, runFrom, best, bestFrom := 0, 0, 0, 0
		first := 0 // the first year he serves in the register
		for y := lo; y <= hi; y++ {
			if !kept[y] || !serves(m, y) {
				run = 0
				continue
			}
			if first == 0 {
				first = y
			}
			if signed[i][y] {
				run = 0
				continue
			}
			if run == 0 {
				runFrom = y
			}
			run++
			if run > best {
				best, bestFrom = run, runFrom
			}
		}
		if best < need {
			continue
		}
		flagged++
		recs = append(recs, memberRecord(m))
		names = append(names, fmt.Sprintf("%s（%s无提案）", m.Name, span([]int{bestFrom, bestFrom + best - 1})))
		if bestFrom == first {
			fromStart++
			longestStart = max(longestStart, best)
		}
	}
	if flagged == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("委员履职考核管理不到位，%d名委员连续%d年以上没有提交提案（含联名）", flagged, need)
	if fromStart > 0 {
		text += fmt.Sprintf("，其中%d名委员自任职起%s年任期内没有提交一份提案", fromStart, zhenggai.Numeral(longestStart))
	}
	text += "，如" + examples(names, 3)
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"members": flagged, "years": int64(need), "from_start": fromStart, "longest_from_start": int64(longestStart)},
		Records: capped(recs)}}, nil
}
