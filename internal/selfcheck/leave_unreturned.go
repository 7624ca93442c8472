package selfcheck

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"zhenggai"
)

// LeaveUnreturned: leave is returned (销假) by its expected date (seed
// problem 32: "干部管理宽松软……请销假制度执行不严格"). Approved leave due back
// within the period — its expected return date, else the first working
// day after it — not returned by the period's end (no later than the
// last date the registers record: the rules read no clock), or returned
// more than the setting's days late.
var LeaveUnreturned = Rule{
	ID:          "leave_unreturned",
	Needs:       NeedAttendance,
	Title:       "请假按期销假",
	SeedProblem: 32,
	Area:        AreaAttendance,
	Settings: []Setting{
		{Name: "grace_days", Label: "应销假日期后多少天内销假不算逾期", Default: "0"},
	},
	Check: checkLeaveUnreturned,
}

// attendanceEnd is the day to which the registers tell: the period's
// end, no later than the last sign-in or leave date they record.
func attendanceEnd(r *Registers, p zhenggai.Period) zhenggai.Date {
	last := 0
	note := func(d zhenggai.Date) {
		if !d.IsZero() && dkey(d) > last {
			last = dkey(d)
		}
	}
	for i := range r.SignIns {
		note(r.SignIns[i].On)
	}
	for i := range r.Leaves {
		l := &r.Leaves[i]
		note(l.To)
		note(l.ReturnedOn)
		note(l.ApprovedOn)
	}
	if last == 0 {
		return zhenggai.Date{}
	}
	if !p.End.IsZero() && dkey(p.End) < last {
		return p.End
	}
	return dateOfKey(last)
}

func checkLeaveUnreturned(ctx context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	grace := int(max(0, v.int("grace_days", 0)))
	end := attendanceEnd(r, p)
	if end.IsZero() {
		return nil, nil
	}
	cal := r.Calendar
	if cal == nil {
		cal = zhenggai.NewWorkCalendar(nil)
	}
	type hit struct {
		l    *zhenggai.Leave
		due  zhenggai.Date
		late int // days late when returned; -1 not returned
	}
	var hits []hit
	var approved, unreturned, late int64
	var years []int
	for i := range r.Leaves {
		l := &r.Leaves[i]
		if l.Voided || !l.Approved() {
			continue
		}
		due := l.Due(cal)
		if !within(due, zhenggai.Period{Start: p.Start, End: end}) {
			continue
		}
		approved++
		years = append(years, due.Year())
		switch {
		case l.ReturnedOn.IsZero() && due.AddDays(grace).Before(end):
			unreturned++
			hits = append(hits, hit{l, due, -1})
		case !l.ReturnedOn.IsZero() && due.DaysUntil(l.ReturnedOn) > grace:
			late++
			hits = append(hits, hit{l, due, due.DaysUntil(l.ReturnedOn)})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(hits) == 0 {
		return nil, nil
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if (hits[i].late < 0) != (hits[j].late < 0) {
			return hits[i].late < 0
		}
		return hits[i].due.Before(hits[j].due)
	})
	var ex []string
	var recs []Record
	for _, h := range hits {
		recs = append(recs, leaveRecord(h.l))
		if len(ex) < 3 {
			s := fmt.Sprintf("%s%s%s，应于%s销假", h.l.Name, spanText(h.l.From, h.l.To), h.l.Kind.Label(), h.due.ChineseAfter(h.l.To))
			if h.late < 0 {
				s += "，至" + end.Chinese() + "仍未销假"
			} else {
				s += fmt.Sprintf("，%s才销假", h.l.ReturnedOn.ChineseAfter(h.due))
			}
			ex = append(ex, s)
		}
	}
	text := fmt.Sprintf("请销假制度执行不严格，%s经批准的请假%d次", span(years), approved)
	switch {
	case unreturned > 0 && late > 0:
		text += fmt.Sprintf("，其中%d次到期未销假、%d次逾期销假", unreturned, late)
	case unreturned > 0:
		text += fmt.Sprintf("，其中%d次到期未销假", unreturned)
	default:
		text += fmt.Sprintf("，其中%d次逾期销假", late)
	}
	if len(hits) > len(ex) {
		ex[len(ex)-1] += "等"
	}
	text += "（如" + strings.Join(ex, "；") + "）"
	return []Finding{{Severity: Common, Text: text,
		Figures: map[string]int64{"leaves": approved, "unreturned": unreturned, "late": late, "grace_days": int64(grace)},
		Records: capped(recs)}}, nil
}
