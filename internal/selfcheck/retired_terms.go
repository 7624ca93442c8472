package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// RetiredTerms: a retired cadre serves a post no more than two terms
// (seed problem 38). A post held within the period counts when its term
// is beyond the setting.
var RetiredTerms = Rule{
	ID:          "retired_terms",
	Needs:       NeedRetired,
	Title:       "退休干部兼职任期届数",
	SeedProblem: 38,
	Area:        AreaRetired,
	Settings: []Setting{
		{Name: "max", Label: "兼职最多连任几届", Default: "2"},
	},
	Check: checkRetiredTerms,
}

func checkRetiredTerms(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	limit := int(v.int("max", 2))
	end := retiredEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	posts, _ := heldPosts(r, p, end)
	var n int64
	var recs []Record
	var names []string
	for _, ps := range posts {
		if ps.Term <= limit {
			continue
		}
		n++
		recs = append(recs, retiredRecord(ps))
		names = append(names, fmt.Sprintf("%s在%s任%s已第%d届", retiredWho(ps), ps.Org, ps.Post, ps.Term))
	}
	if n == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Common,
		Text:    fmt.Sprintf("退休干部兼职任期超过规定，%d名(次)兼职超过%d届，如%s", n, limit, examples(names, 3)),
		Figures: map[string]int64{"posts": n, "max": int64(limit)}, Records: capped(recs)}}, nil
}
