package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// RetiredOverAge: a retired cadre leaves his post at the set age, 70 by
// default (seed problem 38). A post counts when its holder was past the
// age on its last day held within the period.
var RetiredOverAge = Rule{
	ID:          "retired_over_age",
	Needs:       NeedRetired,
	Title:       "退休干部兼职任职年龄",
	SeedProblem: 38,
	Area:        AreaRetired,
	Settings: []Setting{
		{Name: "age", Label: "兼职任职年龄界限（周岁）", Default: "70"},
	},
	Check: checkRetiredOverAge,
}

func checkRetiredOverAge(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	limit := int(v.int("age", 70))
	end := retiredEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	posts, last := heldPosts(r, p, end)
	var n int64
	var recs []Record
	var names []string
	for i, ps := range posts {
		if ps.Born.IsZero() || ps.AgeOn(last[i]) < limit {
			continue
		}
		n++
		recs = append(recs, retiredRecord(ps))
		names = append(names, fmt.Sprintf("%s（%d年%d月出生）%s仍在%s任%s", ps.Name, ps.Born.Year(), ps.Born.Month(), last[i].Chinese(), ps.Org, ps.Post))
	}
	if n == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Common,
		Text:    fmt.Sprintf("退休干部超龄兼职，%d名(次)年满%d周岁仍在兼职(返聘)，如%s", n, limit, examples(names, 3)),
		Figures: map[string]int64{"posts": n, "age": int64(limit)}, Records: capped(recs)}}, nil
}
