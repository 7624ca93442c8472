package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// RetiredPaid: a retired cadre takes no pay for a post he holds (seed
// problem 38). Posts held within the period with a pay count.
var RetiredPaid = Rule{
	ID:          "retired_paid",
	Needs:       NeedRetired,
	Title:       "退休干部兼职不取酬",
	SeedProblem: 38,
	Area:        AreaRetired,
	Check:       checkRetiredPaid,
}

func checkRetiredPaid(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	end := retiredEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	posts, _ := heldPosts(r, p, end)
	var n int64
	var total zhenggai.Fen
	var recs []Record
	var names []string
	for _, ps := range posts {
		if ps.Pay <= 0 {
			continue
		}
		n++
		total += ps.Pay
		recs = append(recs, retiredRecord(ps))
		names = append(names, fmt.Sprintf("%s在%s%s%s，年报酬%s元", retiredWho(ps), ps.Org, ps.Kind.Label(), ps.Post, ps.Pay.Yuan()))
	}
	if n == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Serious,
		Text:    fmt.Sprintf("退休干部兼职(返聘)违规取酬，%d名(次)领取报酬，如%s", n, clauses(names, 3)),
		Figures: map[string]int64{"posts": n, "pay_fen": int64(total)}, Records: capped(recs)}}, nil
}
