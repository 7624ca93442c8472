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
// are listed.
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
	var late, open int64
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
		default:
			continue
		}
		years = append(years, pr.Year)
		recs = append(recs, proposalRecord(pr))
		names = append(names, pr.String())
	}
	if late+open == 0 {
		return nil, nil
	}
	var parts []string
	if open > 0 {
		parts = append(parts, fmt.Sprintf("%d件超过办理期限仍未答复", open))
	}
	if late > 0 {
		parts = append(parts, fmt.Sprintf("%d件超过办理期限才答复", late))
	}
	text := fmt.Sprintf("提案办理不及时，%s立案的提案中%s，如%s", span(years), strings.Join(parts, "、"), examples(names, 3))
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"late": late, "open": open}, Records: capped(recs)}}, nil
}
