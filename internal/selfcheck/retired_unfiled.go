package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// RetiredUnfiled: a retired cadre's post or re-employment is approved
// and filed with the organisation department before he takes it up (seed
// problem 38: "退休干部返聘审批手续不规范，未经过县委组织部审核备案"). A post held
// within the period counts when it was never filed, or filed only after
// it began; the finding says how many were filed since.
var RetiredUnfiled = Rule{
	ID:          "retired_unfiled",
	Needs:       NeedRetired,
	Title:       "退休干部兼职(返聘)审批备案",
	SeedProblem: 38,
	Area:        AreaRetired,
	Settings: []Setting{
		{Name: "department", Label: "备案的组织部门", Default: "县委组织部"},
	},
	Check: checkRetiredUnfiled,
}

// retiredEnd is the period's end, or with an open period the posts' last
// date.
func retiredEnd(r *Registers, p zhenggai.Period) zhenggai.Date {
	if !p.End.IsZero() {
		return p.End
	}
	var hi zhenggai.Date
	for _, ps := range r.RetiredPosts {
		for _, d := range []zhenggai.Date{ps.From, ps.To, ps.FiledOn, ps.ApprovedOn} {
			if !d.IsZero() && hi.Before(d) {
				hi = d
			}
		}
	}
	return hi
}

// heldPosts are the live posts held some day of [start, end], with the
// last day each is held in it.
func heldPosts(r *Registers, p zhenggai.Period, end zhenggai.Date) (out []*zhenggai.RetiredPost, last []zhenggai.Date) {
	for i := range r.RetiredPosts {
		ps := &r.RetiredPosts[i]
		if ps.Voided || end.Before(ps.From) || (!ps.To.IsZero() && !p.Start.IsZero() && ps.To.Before(p.Start)) {
			continue
		}
		l := end
		if !ps.To.IsZero() && ps.To.Before(end) {
			l = ps.To
		}
		out, last = append(out, ps), append(last, l)
	}
	return out, last
}

func retiredRecord(p *zhenggai.RetiredPost) Record {
	return Record{Kind: "retired_post", ID: p.ID, Label: fmt.Sprintf("%s（%s%s）", p.Name, p.Org, p.Post)}
}

// retiredWho names the holder as a finding does: 张三（原县政协副主席）.
func retiredWho(p *zhenggai.RetiredPost) string {
	if p.FormerRank == "" {
		return p.Name
	}
	return fmt.Sprintf("%s（原%s）", p.Name, p.FormerRank)
}

func checkRetiredUnfiled(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	dept := v["department"]
	end := retiredEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	posts, _ := heldPosts(r, p, end)
	var unfiled, rehired, filedSince, unapproved int64
	var recs []Record
	var names []string
	for _, ps := range posts {
		if ps.Filed() && !ps.From.Before(ps.FiledOn) {
			continue
		}
		unfiled++
		if ps.Kind == zhenggai.RetiredRehired {
			rehired++
		}
		if ps.ApprovedOn.IsZero() {
			unapproved++
		}
		if ps.Filed() && !end.Before(ps.FiledOn) {
			filedSince++
		}
		recs = append(recs, retiredRecord(ps))
		names = append(names, fmt.Sprintf("%s%s起在%s%s%s", retiredWho(ps), monthText(ps.From), ps.Org, ps.Kind.Label(), ps.Post))
	}
	if unfiled == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("退休领导干部兼职管理不到位，%d名(次)退休干部兼职(返聘)未经%s审核备案", unfiled, dept)
	if rehired > 0 {
		text += fmt.Sprintf("，其中返聘%d名(次)", rehired)
	}
	if unapproved > 0 {
		text += fmt.Sprintf("，%d名(次)无审批手续", unapproved)
	}
	text += "，如" + examples(names, 3)
	if filedSince > 0 {
		text += fmt.Sprintf("；截至%s，已补办备案%d名(次)", end.Chinese(), filedSince)
	}
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"posts": int64(len(posts)), "unfiled": unfiled, "rehired_unfiled": rehired, "unapproved": unapproved,
			"filed_since": filedSince},
		Records: capped(recs)}}, nil
}
