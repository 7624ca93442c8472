package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// ProposalOverdue: a registered proposal is answered by its due date
// (zhenggai.ProposalDue: three months after assignment, or the extension)
// — seed problem 10, "提案监督偏重形式，缺乏跟踪问效机制". Those answered
// late and those still unanswered past their due date when the period
// ends (or the register's last recorded date, if earlier: proposalsEnd)
// are listed; so are second replies after 不满意 (due three months from
// the form, RedoDueOn) given late or not given by then.
var ProposalOverdue = Rule{
	ID:          "proposal_overdue",
	Needs:       NeedProposals,
	Title:       "提案在办理期限内答复",
	SeedProblem: 10,
	Area:        AreaProposals,
	Check:       checkProposalOverdue,
}

func checkProposalOverdue(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	end := proposalsEnd(r, p)
	var late, open, redo int64
	var years []int
	var recs []Record
	var names []string
	for i := range r.Proposals {
		pr := &r.Proposals[i]
		if !registered(pr) || !yearIn(pr.Year, p) {
			continue
		}
		due := zhenggai.ProposalDue(pr)
		if due.IsZero() {
			continue
		}
		reply := zhenggai.ProposalReplied(pr)
		switch {
		case reply != nil && dkey(reply.RepliedOn) > dkey(due):
			late++
		case reply == nil && !end.IsZero() && dkey(due) < dkey(end):
			open++
		case redoLate(pr, end):
			redo++
		default:
			continue
		}
		years = append(years, pr.Year)
		recs = append(recs, proposalRecord(pr))
		names = append(names, pr.String())
	}
	if late+open+redo == 0 {
		return nil, nil
	}
	var parts []string
	if open > 0 {
		parts = append(parts, fmt.Sprintf("%d件超过办理期限仍未答复", open))
	}
	if late > 0 {
		parts = append(parts, fmt.Sprintf("%d件超过办理期限才答复", late))
	}
	if redo > 0 {
		parts = append(parts, fmt.Sprintf("%d件提案人不满意后重新办理超过期限", redo))
	}
	text := fmt.Sprintf("提案办理不及时，%s立案的提案中%s，如%s", span(years), strings.Join(parts, "、"), examples(names, 3))
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"late": late, "open": open, "redo_late": redo}, Records: capped(recs)}}, nil
}

// redoLate: the second reply after 不满意 came after its due date, or has
// not come by end though due before it.
func redoLate(pr *zhenggai.Proposal, end zhenggai.Date) bool {
	if pr.RedoDueOn.IsZero() {
		return false
	}
	var second *zhenggai.ProposalReply
	for i := range pr.Replies {
		r := &pr.Replies[i]
		if r.Approved && !r.CoView && r.Round >= 2 && (second == nil || r.RepliedOn.Before(second.RepliedOn)) {
			second = r
		}
	}
	if second != nil {
		return dkey(second.RepliedOn) > dkey(pr.RedoDueOn)
	}
	return !end.IsZero() && dkey(pr.RedoDueOn) < dkey(end)
}
