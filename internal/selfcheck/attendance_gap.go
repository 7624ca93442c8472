package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// AttendanceGap: every leader and staff member signs in each working day
// or has approved leave (seed problems 27 and 32: "机关签到考勤制度只约束处级
// 以下干部"; "请销假制度执行不严格"). A working day — the calendar's, with its
// holidays and make-up weekends (调休) — with neither a sign-in nor
// approved leave is a gap; a person with at least the setting's gaps
// gets a finding. Days outside the register's first and last sign-in
// count for no one, and a person's days before his own first sign-in are
// never_signs' to report (a leader exempt, or someone who joined later:
// the roster keeps no date of joining), not a gap each.
// neverSignsDays is never_signs' default, and what attendance_gap takes
// for it: that many working days without a sign-in before a person's first
// are his not signing at all. (A unit that sets never_signs.days otherwise
// moves only never_signs: a rule reads its own settings.)
const neverSignsDays = 20

var AttendanceGap = Rule{
	ID:          "attendance_gap",
	Needs:       NeedAttendance,
	Title:       "工作日均有签到或经批准的请假",
	SeedProblem: 27,
	Area:        AreaAttendance,
	Settings: []Setting{
		{Name: "min_days", Label: "一人缺卡（既无签到也无批准请假）多少个工作日即列出", Default: "3"},
	},
	Check: checkAttendanceGap,
}

func checkAttendanceGap(ctx context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	minDays := max(1, v.int("min_days", 3))
	g, ok := newAttendanceGrid(r, p)
	if !ok {
		return nil, nil
	}
	working := 0
	for _, w := range g.work {
		if w {
			working++
		}
	}
	type hit struct {
		p    *zhenggai.Person
		days []int
		from int // his first sign-in's day, when after the register's first
	}
	var hits []hit
	for pi, per := range g.persons {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var gaps []int
		first := g.n
		for d := range g.n {
			if g.signed[pi][d] {
				first = d
				break
			}
		}
		// A short stretch before it is gaps as any (a few days' leave
		// not approved); a long one is a person not signing at all.
		before := 0
		for d := range first {
			if g.work[d] && !g.excused[pi][d] {
				before++
			}
		}
		if before < neverSignsDays {
			first = 0
		}
		for d := first; d < g.n; d++ {
			if g.work[d] && !g.signed[pi][d] && !g.excused[pi][d] {
				gaps = append(gaps, d)
			}
		}
		if int64(len(gaps)) >= minDays {
			hits = append(hits, hit{per, gaps, first})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return len(hits[i].days) > len(hits[j].days) })
	var out []Finding
	for _, h := range hits {
		var ex []string
		for _, d := range h.days[:min(3, len(h.days))] {
			ex = append(ex, g.day(d).ChineseAfter(g.start))
		}
		more := ""
		if len(h.days) > 3 {
			more = "等"
		}
		text := fmt.Sprintf("考勤管理不严格，%s在%s的%d个工作日中，有%d个工作日既无签到记录也无经批准的请假（如%s%s）",
			h.p.Name, spanText(g.start, g.end), working, len(h.days), joinDates(ex), more)
		if h.from > 0 && h.from < g.n {
			text = fmt.Sprintf("考勤管理不严格，%s自%s开始签到，此后至%s的工作日中，有%d个工作日既无签到记录也无经批准的请假（如%s%s）",
				h.p.Name, g.day(h.from).Chinese(), g.end.Chinese(), len(h.days), joinDates(ex), more)
		}
		out = append(out, Finding{Severity: Common, Text: text,
			Figures: map[string]int64{"days": int64(len(h.days)), "working_days": int64(working)},
			Records: []Record{personRecord(h.p)}})
	}
	return out, nil
}

func joinDates(ds []string) string {
	s := ""
	for i, d := range ds {
		if i > 0 {
			s += "、"
		}
		s += d
	}
	return s
}
