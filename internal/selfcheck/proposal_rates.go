package selfcheck

import (
	"context"
	"fmt"
	"slices"

	"zhenggai"
)

// ProposalRates: each year's 答复率 and 满意率 reach the unit's
// requirement (seed problem 10). Rates are zhenggai.CountProposals' over
// the proposals of the year whose reply was due when the period ends (or
// on the register's last recorded date, if earlier: proposalsEnd) or that
// were answered: one still within its time is not yet a miss. The
// 满意率 counts 满意 only, over the feedback forms returned, as the
// statistics page does (满意和基本满意率 is another rate). Defaults: 90%
// and 80%.
var ProposalRates = Rule{
	ID:          "proposal_rates",
	Needs:       NeedProposals,
	Title:       "提案答复率、满意率达到要求",
	SeedProblem: 10,
	Area:        AreaProposals,
	Settings: []Setting{
		{Name: "reply_rate", Label: "答复率不低于（%）", Default: "90"},
		{Name: "satisfied_rate", Label: "满意率不低于（%，按收回的意见表计，不含基本满意）", Default: "80"},
	},
	Check: checkProposalRates,
}

func checkProposalRates(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	replyMin, satMin := v.int("reply_rate", 90), v.int("satisfied_rate", 80)
	end := proposalsEnd(r, p)
	byYear := map[int][]int{} // indexes of r.Proposals: a Proposal is large to copy
	var order []int
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		if !registered(pr) || !yearIn(pr.Year, p) {
			continue
		}
		if zhenggai.ProposalReplied(pr) == nil {
			due := zhenggai.ProposalDue(pr)
			if end.IsZero() || due.IsZero() || dkey(due) >= dkey(end) {
				continue // not yet due (or not assigned): the overdue rule's
			}
		}
		if byYear[pr.Year] == nil {
			order = append(order, pr.Year)
		}
		byYear[pr.Year] = append(byYear[pr.Year], i)
	}
	slices.Sort(order)
	var fs []Finding
	for _, y := range order {
		ps := byYear[y]
		s := zhenggai.ProposalStats{Scope: fmt.Sprintf("%d年", y)}
		for _, i := range ps {
			s.Add(&r.Proposals[i])
		}
		reg, rep, forms, sat := int64(s.Registered), int64(s.Replied), int64(s.Forms), int64(s.Satisfied)
		var recs []Record
		if below(rep, reg, replyMin) {
			for _, i := range ps {
				if zhenggai.ProposalReplied(&r.Proposals[i]) == nil {
					recs = append(recs, proposalRecord(&r.Proposals[i]))
				}
			}
			fs = append(fs, Finding{Severity: Common,
				Text: fmt.Sprintf("提案办理答复率不高，%d年到期应答复的提案%d件，已书面答复%d件，%s，低于%d%%的要求",
					y, reg, rep, rateText("答复率", rep, reg), replyMin),
				Figures: map[string]int64{"year": int64(y), "registered": reg, "replied": rep, "rate_permille": permille(rep, reg), "required": replyMin},
				Records: capped(recs)})
		}
		if below(sat, forms, satMin) {
			recs = nil
			for _, i := range ps {
				if v := zhenggai.ProposalVerdict(&r.Proposals[i]); v != "" && v != zhenggai.FeedbackSatisfied {
					recs = append(recs, proposalRecord(&r.Proposals[i]))
				}
			}
			fs = append(fs, Finding{Severity: Common,
				Text: fmt.Sprintf("提案办理满意率不高，%d年收回办复情况征询意见表%d件，满意%d件、基本满意%d件、不满意%d件，满意率%s，低于%d%%的要求",
					y, forms, sat, s.Basic, s.Unsatisfied, zhenggai.Rate{Num: int(sat), Den: int(forms)}.Percent(), satMin),
				Figures: map[string]int64{"year": int64(y), "forms": forms, "satisfied": sat, "basic": int64(s.Basic),
					"unsatisfied": int64(s.Unsatisfied), "rate_permille": permille(sat, forms), "required": satMin},
				Records: capped(recs)})
		}
	}
	return fs, nil
}
