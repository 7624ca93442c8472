package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// ProposalArchive: every registered proposal that was answered keeps its
// reply letter (回复报告) and the proposer's feedback form (办复情况征询意
// 见表) in its archive (seed problem 14: "2016年至2019年4年共立案230件，
// 回复报告能查阅到的只有162件，办复情况征询意见表能查阅到的只有93件").
// Counted by the year the proposal counts in, from the first to the last
// year where something is missing: the years between are counted whole,
// as the seed counts its four years. A proposal not yet answered is the
// overdue rule's (proposal_overdue), not this one's.
var ProposalArchive = Rule{
	ID:          "proposal_archive",
	Needs:       NeedProposals,
	Title:       "提案办理资料完整归档（回复报告、办复情况征询意见表）",
	SeedProblem: 14,
	Area:        AreaProposals,
	Proves:      []string{"档案", "归档"},
	Check:       checkProposalArchive,
}

func checkProposalArchive(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	type count struct{ registered, letters, forms, missing int64 }
	years := map[int]*count{}
	recs := map[int][]Record{}
	lo, hi := 0, 0
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		if !registered(pr) || !yearIn(pr.Year, p) {
			continue
		}
		c := years[pr.Year]
		if c == nil {
			c = &count{}
			years[pr.Year] = c
		}
		c.registered++
		letter, form := hasLetter(pr), hasForm(pr)
		if letter {
			c.letters++
		}
		if form {
			c.forms++
		}
		if zhenggai.ProposalReplied(pr) != nil && (!letter || !form) {
			c.missing++
			recs[pr.Year] = append(recs[pr.Year], proposalRecord(pr))
			if lo == 0 || pr.Year < lo {
				lo = pr.Year
			}
			hi = max(hi, pr.Year)
		}
	}
	if lo == 0 {
		return nil, nil
	}
	var total count
	var parts []string
	var all []Record
	figures := map[string]int64{}
	for y := lo; y <= hi; y++ {
		c := years[y]
		if c == nil {
			continue
		}
		total.registered += c.registered
		total.letters += c.letters
		total.forms += c.forms
		total.missing += c.missing
		all = append(all, recs[y]...)
		parts = append(parts, fmt.Sprintf("%d年立案%d件、回复报告%d件、征询意见表%d件", y, c.registered, c.letters, c.forms))
		figures[fmt.Sprintf("registered_%d", y)] = c.registered
		figures[fmt.Sprintf("letters_%d", y)] = c.letters
		figures[fmt.Sprintf("forms_%d", y)] = c.forms
	}
	figures["registered"], figures["letters"], figures["forms"], figures["incomplete"] = total.registered, total.letters, total.forms, total.missing
	figures["from"], figures["to"] = int64(lo), int64(hi)
	n := ""
	if hi > lo {
		n = fmt.Sprintf("%d年", hi-lo+1)
	}
	found := func(what string, k int64) string {
		if k >= total.registered {
			return what + "均能查阅到"
		}
		return fmt.Sprintf("%s能查阅到的只有%d件", what, k)
	}
	text := fmt.Sprintf("提案办理资料缺失，%s%s共立案%d件，%s，%s", span([]int{lo, hi}), n, total.registered,
		found("回复报告", total.letters), found("办复情况征询意见表", total.forms))
	if len(parts) > 1 {
		text += "（" + strings.Join(parts, "；") + "）"
	}
	return []Finding{{Severity: Common, Text: text, Figures: figures, Records: capped(all)}}, nil
}
