package selfcheck

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"zhenggai"
)

// NeverSigns: no rank is above the sign-in (seed problem 27: "机关签到考勤
// 制度只约束处级以下干部，处级领导均不履行签到考勤制度"; the report: "从7月28日开始，
// 包括处级领导干部，机关所有干部职工都认真履行了签到考勤制度"). A group — the
// leaders (领导班子成员), the staff, or the persons of one 职务/职级 — none of
// whom signed in for at least the setting's working days on which others
// did, and then a person alone, get a finding saying from when to when,
// and from when they did sign in. Days on approved leave neither count
// nor break a person's stretch.
var NeverSigns = Rule{
	ID:          "never_signs",
	Needs:       NeedAttendance,
	Title:       "领导干部与其他干部职工一样履行签到考勤制度",
	SeedProblem: 27,
	Area:        AreaAttendance,
	Settings: []Setting{
		{Name: "days", Label: "他人签到而本人（本职级）连续多少个工作日无签到即列出", Default: strconv.Itoa(neverSignsDays)},
	},
	Check: checkNeverSigns,
}

// stretch is the longest run of days others signed on and a group did not.
type stretch struct {
	from, to int // day slots, to included
	days     int // days counted in it
	others   int // others' sign-ins in it
	after    int // first slot after it one of the group signed, -1 none
}

// longestStretch finds, for the persons in members (slots), the longest
// run of working days on which someone else signed in and none of them
// did; a day all of them were excused is skipped.
func (g *attendanceGrid) longestStretch(members []int) stretch {
	if g.total == nil {
		g.total = make([]int, g.n)
		for pi := range g.persons {
			for d, ok := range g.signed[pi] {
				if ok {
					g.total[d]++
				}
			}
		}
	}
	best, cur := stretch{from: -1, after: -1}, stretch{from: -1, after: -1}
	for d := range g.n {
		if !g.work[d] {
			continue
		}
		mine, excused := 0, true
		for _, pi := range members {
			if g.signed[pi][d] {
				mine++
			}
			excused = excused && g.excused[pi][d]
		}
		others := g.total[d] - mine
		switch {
		case mine > 0:
			if cur.days > 0 && cur.after < 0 {
				cur.after = d
				if cur.days > best.days {
					best = cur
				}
			}
			cur = stretch{from: -1, after: -1}
		case others == 0 || excused:
			// Nobody else signed either (a day the clock was down) or
			// the group was all on leave: neither counts nor breaks.
		default:
			if cur.from < 0 {
				cur.from = d
			}
			cur.to, cur.days, cur.others = d, cur.days+1, cur.others+others
		}
	}
	if cur.days > best.days {
		best = cur
	}
	return best
}

func checkNeverSigns(ctx context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	minDays := int(max(1, v.int("days", neverSignsDays)))
	g, ok := newAttendanceGrid(r, p)
	if !ok {
		return nil, nil
	}
	type group struct {
		label   string
		members []int
	}
	var groups []group
	byKind := map[zhenggai.PersonKind][]int{}
	byRank := map[string][]int{}
	var ranks []string
	for pi, per := range g.persons {
		byKind[per.Kind] = append(byKind[per.Kind], pi)
		if per.Rank != "" {
			if byRank[per.Rank] == nil {
				ranks = append(ranks, per.Rank)
			}
			byRank[per.Rank] = append(byRank[per.Rank], pi)
		}
	}
	for _, k := range []zhenggai.PersonKind{zhenggai.PersonLeader, zhenggai.PersonStaff} {
		if len(byKind[k]) > 1 {
			groups = append(groups, group{k.Label(), byKind[k]})
		}
	}
	sort.Strings(ranks)
	for _, rk := range ranks {
		if len(byRank[rk]) > 1 {
			groups = append(groups, group{"职务为“" + rk + "”的人员", byRank[rk]})
		}
	}
	covered := map[int]bool{}
	var out []Finding
	write := func(label string, members []int, s stretch) {
		var recs []Record
		for _, m := range members {
			covered[m] = true
			recs = append(recs, personRecord(g.persons[m]))
		}
		from, to := g.day(s.from), g.day(s.to)
		who := label
		if len(members) > 1 {
			who = fmt.Sprintf("%s%d人", label, len(members))
		}
		text := fmt.Sprintf("机关签到考勤制度执行不一，%s在%s期间的%d个工作日均无签到记录，同期其他干部职工签到%d人次", who,
			spanText(from, to), s.days, s.others)
		if s.after >= 0 {
			text += fmt.Sprintf("；%s起开始签到", g.day(s.after).ChineseAfter(to))
		} else if s.from >= 0 && g.day(s.from) == g.start {
			text = fmt.Sprintf("存在官僚主义习气，机关签到考勤制度只约束其他干部职工，%s均不履行签到考勤制度，%s期间无签到记录（同期其他干部职工签到%d人次）",
				who, spanText(from, to), s.others)
		}
		out = append(out, Finding{Severity: Serious, Text: text,
			Figures: map[string]int64{"persons": int64(len(members)), "working_days": int64(s.days), "others_sign_ins": int64(s.others),
				"from": int64(dkey(from)), "to": int64(dkey(to))},
			Records: capped(recs)})
	}
	for _, gr := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		all := true
		for _, m := range gr.members {
			all = all && covered[m]
		}
		if all || len(gr.members) == len(g.persons) {
			continue
		}
		if s := g.longestStretch(gr.members); s.days >= minDays {
			write(gr.label, gr.members, s)
		}
	}
	for pi, per := range g.persons {
		if covered[pi] {
			continue
		}
		if s := g.longestStretch([]int{pi}); s.days >= minDays {
			write(per.Name, []int{pi}, s)
		}
	}
	return out, nil
}
