package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// TownshipLeader: every township's liaison group has a leader (seed
// problem 15: "桑植县共23个乡镇，其中8个乡镇政协联络组长空缺，如澧源镇2018年至今
// 无政协联络组长"). A township counts when its leader's post stood empty
// within the period for at least the setting's months; the finding says
// since when, and whether it was filled by the period's end. A township
// set up within the period (Since) counts from then: it was not vacant
// before it existed; one set up after the period is not counted. With an
// open period the registers' own first and last dates bound it.
var TownshipLeader = Rule{
	ID:          "township_leader",
	Needs:       NeedTownships,
	Title:       "乡镇政协联络组长配备到位",
	SeedProblem: 15,
	Area:        AreaLiaison,
	Settings: []Setting{
		{Name: "months", Label: "联络组长空缺多少个月即列出", Default: "3"},
	},
	Check: checkTownshipLeader,
}

// vacancy is a stretch without a leader.
type vacancy struct {
	from, to zhenggai.Date // to: the last day vacant
	open     bool          // still vacant at the period's end
	never    bool          // no leader recorded before it
}

// leaderGaps are the stretches of [start, end] no leader post covers.
func leaderGaps(t *zhenggai.Township, start, end zhenggai.Date) []vacancy {
	type span struct{ from, to int }
	var posts []span
	for _, p := range t.Posts {
		if p.Role != zhenggai.LiaisonLeader {
			continue
		}
		s := span{0, 99999999}
		if !p.From.IsZero() {
			s.from = dkey(p.From)
		}
		if !p.To.IsZero() {
			s.to = dkey(p.To)
		}
		posts = append(posts, s)
	}
	sort.Slice(posts, func(i, j int) bool { return posts[i].from < posts[j].from })
	var out []vacancy
	cur := start // the first day not known covered
	earlier := false
	for _, s := range posts {
		if s.from < dkey(start) {
			earlier = true
		}
		if s.to < dkey(cur) {
			continue
		}
		if s.from > dkey(cur) {
			// Vacant from cur to the day before s starts.
			last := dateOfKey(s.from).AddDays(-1)
			if dkey(last) > dkey(end) {
				last = end
			}
			out = append(out, vacancy{from: cur, to: last, never: !earlier && len(out) == 0 && dkey(cur) == dkey(start)})
			if dkey(last) >= dkey(end) {
				return out
			}
		}
		earlier = true
		if s.to >= dkey(end) {
			return out
		}
		cur = dateOfKey(s.to).AddDays(1)
	}
	if dkey(cur) <= dkey(end) {
		out = append(out, vacancy{from: cur, to: end, open: true, never: !earlier})
	}
	return out
}

func dateOfKey(k int) zhenggai.Date { return zhenggai.NewDate(k/10000, k/100%100, k%100) }

// registerSpan bounds an open period by the townships' own dates.
func registerSpan(r *Registers, p zhenggai.Period) (zhenggai.Date, zhenggai.Date, bool) {
	start, end := p.Start, p.End
	var lo, hi int
	note := func(d zhenggai.Date) {
		if d.IsZero() {
			return
		}
		if lo == 0 || dkey(d) < lo {
			lo = dkey(d)
		}
		hi = max(hi, dkey(d))
	}
	for i := range r.Townships {
		note(r.Townships[i].Since)
		for _, ps := range r.Townships[i].Posts {
			note(ps.From)
			note(ps.To)
		}
		for _, in := range r.Townships[i].Invitations {
			note(in.On)
		}
	}
	if start.IsZero() {
		if lo == 0 {
			return start, end, false
		}
		start = dateOfKey(lo)
	}
	if end.IsZero() {
		if hi == 0 {
			return start, end, false
		}
		end = dateOfKey(hi)
	}
	return start, end, !end.Before(start)
}

func checkTownshipLeader(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	months := int(v.int("months", 3))
	start, end, ok := registerSpan(r, p)
	if !ok {
		return nil, nil
	}
	type hit struct {
		t   *zhenggai.Township
		gap vacancy
	}
	var hits []hit
	var live, openAtEnd int64
	for i := range r.Townships {
		t := &r.Townships[i]
		if t.Voided {
			continue
		}
		from := start
		if !t.Since.IsZero() && dkey(t.Since) > dkey(from) {
			if dkey(t.Since) > dkey(end) {
				continue // set up after the period
			}
			from = t.Since
		}
		live++
		var longest *vacancy
		for _, g := range leaderGaps(t, from, end) {
			if g.from.DaysUntil(g.to)+1 < months*30 {
				continue
			}
			if longest == nil || g.from.DaysUntil(g.to) > longest.from.DaysUntil(longest.to) {
				longest = &g
			}
		}
		if longest != nil {
			hits = append(hits, hit{t, *longest})
			if longest.open {
				openAtEnd++
			}
		}
	}
	if len(hits) == 0 {
		return nil, nil
	}
	sort.SliceStable(hits, func(i, j int) bool {
		return hits[i].gap.from.DaysUntil(hits[i].gap.to) > hits[j].gap.from.DaysUntil(hits[j].gap.to)
	})
	var recs []Record
	var names []string
	for _, h := range hits {
		recs = append(recs, townshipRecord(h.t))
		when := monthText(h.gap.from) + "至" + monthText(h.gap.to)
		switch {
		case h.gap.never && h.gap.open:
			when = monthText(h.gap.from) + "以来一直"
		case h.gap.open:
			when = monthText(h.gap.from) + "至今"
		}
		names = append(names, fmt.Sprintf("%s%s无政协联络组长", h.t.Name, when))
	}
	text := fmt.Sprintf("指导乡镇政协联络组规范化建设不力，共%d个乡镇，其中%d个乡镇政协联络组长空缺，如%s",
		live, len(hits), examples(names, 3))
	switch {
	case openAtEnd == 0:
		text += fmt.Sprintf("；截至%s，均已配备", end.Chinese())
	case openAtEnd < int64(len(hits)):
		text += fmt.Sprintf("；截至%s，仍有%d个乡镇空缺", end.Chinese(), openAtEnd)
	}
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"townships": live, "vacant": int64(len(hits)), "vacant_at_end": openAtEnd, "months": int64(months)},
		Records: capped(recs)}}, nil
}
