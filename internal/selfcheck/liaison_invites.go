package selfcheck

import (
	"context"
	"fmt"

	"zhenggai"
)

// LiaisonInvites: each township's liaison leader is invited in a year to
// the committee's inspections, research or standing committee meetings
// at least as often as the setting (seed problem 15: "乡镇政协联络组长反映
// 很少受邀参加县政协重大视察、调研活动，列席县政协常委会不多"). A leader
// counts in a year he held the post for part of; an invitation of his
// township naming nobody counts for him. Without any invitation in the
// register the rule says nothing: the register is not kept.
var LiaisonInvites = Rule{
	ID:          "liaison_invites",
	Needs:       NeedTownships,
	Title:       "乡镇政协联络组长受邀参加视察、调研和列席常委会议",
	SeedProblem: 15,
	Area:        AreaLiaison,
	Settings: []Setting{
		{Name: "per_year", Label: "联络组长每年至少受邀次数", Default: "1"},
	},
	Check: checkLiaisonInvites,
}

func checkLiaisonInvites(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	need := v.int("per_year", 1)
	start, end, ok := registerSpan(r, p)
	if !ok {
		return nil, nil
	}
	kept := false
	for i := range r.Townships {
		if len(r.Townships[i].Invitations) > 0 {
			kept = true
			break
		}
	}
	if !kept {
		return nil, nil
	}
	var fs []Finding
	for y := start.Year(); y <= end.Year(); y++ {
		ys, ye := dkey(zhenggai.NewDate(y, 1, 1)), dkey(zhenggai.NewDate(y, 12, 31))
		var leaders, short int64
		var recs []Record
		var names []string
		for i := range r.Townships {
			t := &r.Townships[i]
			if t.Voided {
				continue
			}
			for _, ps := range t.Posts {
				if ps.Role != zhenggai.LiaisonLeader || (!ps.From.IsZero() && dkey(ps.From) > ye) || (!ps.To.IsZero() && dkey(ps.To) < ys) {
					continue
				}
				leaders++
				var n int64
				for _, in := range t.Invitations {
					k := dkey(in.On)
					if k < ys || k > ye || !within(in.On, p) {
						continue
					}
					if in.PersonID == 0 && in.Name == "" || in.PersonID != 0 && in.PersonID == ps.PersonID ||
						(in.PersonID == 0 || ps.PersonID == 0) && in.Name == ps.Name {
						n++
					}
				}
				if n < need {
					short++
					recs = append(recs, townshipRecord(t))
					names = append(names, t.Name+ps.Name)
				}
			}
		}
		if short == 0 {
			continue
		}
		what := "全年未受邀参加县政协视察、调研活动或列席常委会议"
		if need > 1 {
			what = fmt.Sprintf("全年受邀参加县政协视察、调研活动或列席常委会议不足%d次", need)
		}
		fs = append(fs, Finding{Severity: Notice,
			Text:    fmt.Sprintf("乡镇政协联络组长很少受邀参加县政协活动，%d年%d名联络组长中有%d名%s，如%s", y, leaders, short, what, examples(names, 3)),
			Figures: map[string]int64{"year": int64(y), "leaders": leaders, "not_invited": short, "per_year": need},
			Records: capped(recs)})
	}
	return fs, nil
}
