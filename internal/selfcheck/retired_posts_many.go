package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// RetiredPostsMany: a retired cadre holds no more posts at once than the
// setting allows, one by default (seed problem 38: 退休领导干部兼职管理不到位).
// A person counts when on some day of the period more of his posts were
// held than allowed.
var RetiredPostsMany = Rule{
	ID:          "retired_posts_many",
	Needs:       NeedRetired,
	Title:       "退休干部兼职不超过规定数量",
	SeedProblem: 38,
	Area:        AreaRetired,
	Settings: []Setting{
		{Name: "max", Label: "同时兼职(返聘)最多几个", Default: "1"},
	},
	Check: checkRetiredPostsMany,
}

func checkRetiredPostsMany(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	limit := int(v.int("max", 1))
	end := retiredEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	posts, last := heldPosts(r, p, end)
	byPerson := map[string][]int{}
	var order []string
	for i, ps := range posts {
		k := zhenggai.PersonKey(ps.Name)
		if ps.PersonID != 0 {
			k = fmt.Sprint("#", ps.PersonID)
		}
		if byPerson[k] == nil {
			order = append(order, k)
		}
		byPerson[k] = append(byPerson[k], i)
	}
	var people int64
	var recs []Record
	var names []string
	for _, k := range order {
		is := byPerson[k]
		// The most held at once: count at each post's first day in the period.
		most := 0
		for _, i := range is {
			d := posts[i].From
			if d.Before(p.Start) {
				d = p.Start
			}
			n := 0
			for _, j := range is {
				if !d.Before(posts[j].From) && !last[j].Before(d) {
					n++
				}
			}
			most = max(most, n)
		}
		if most <= limit {
			continue
		}
		people++
		for _, i := range is {
			recs = append(recs, retiredRecord(posts[i]))
		}
		names = append(names, fmt.Sprintf("%s同时兼任%d个职务", retiredWho(posts[is[0]]), most))
	}
	if people == 0 {
		return nil, nil
	}
	return []Finding{{Severity: Common,
		Text:    fmt.Sprintf("退休领导干部兼职过多，%d名退休干部同时兼职(返聘)超过%d个，如%s", people, limit, examples(names, 3)),
		Figures: map[string]int64{"people": people, "max": int64(limit)}, Records: capped(recs)}}, nil
}
