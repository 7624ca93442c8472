package selfcheck

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"zhenggai"
)

// Dues: what each member paid each month equals the due computed by 中组
// 发〔2008〕3号, and no member goes six months in a row unpaid (seed
// problem 17). Where the gap shows how the branch rounded (to the 元 half
// up, or dropping the jiao and fen: 抹零头), the finding names it.
var Dues = Rule{
	ID:          "dues",
	Needs:       NeedDues,
	Title:       "党费按标准足额按月交纳",
	SeedProblem: 17,
	Area:        AreaDues,
	Settings: []Setting{
		{Name: "rounding", Label: "应缴党费取整方式（half_up 四舍五入到分，down 舍去分以下）", Default: string(zhenggai.RoundHalfUp)},
		{Name: "unpaid_months", Label: "连续未交纳党费的月数（达到即列出）", Default: "6"},
	},
	Check: checkDues,
}

// month is a year and month as one number: year*12 + month-1.
type month int

func parseMonth(s string) (month, bool) {
	y, m, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok {
		return 0, false
	}
	yi, err1 := strconv.Atoi(y)
	mi, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || mi < 1 || mi > 12 {
		return 0, false
	}
	return month(yi*12 + mi - 1), true
}

func monthOf(d zhenggai.Date) month { return month(d.Year()*12 + d.Month() - 1) }
func (m month) year() int           { return int(m) / 12 }
func (m month) String() string      { return fmt.Sprintf("%d年%d月", int(m)/12, int(m)%12+1) }

// monthRange writes 2019年4月至9月, 2019年11月至2020年4月.
func monthRange(a, b month) string {
	if a.year() == b.year() {
		return fmt.Sprintf("%s至%d月", a, int(b)%12+1)
	}
	return a.String() + "至" + b.String()
}

// practice names a rounding the payment shows against the due, or "".
func practice(due, paid zhenggai.Fen) string {
	switch {
	case due%100 == 0:
		return ""
	case paid == due/100*100:
		return "抹零头"
	case paid == (due+50)/100*100:
		return "四舍五入到元"
	}
	return ""
}

func checkDues(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	mode := zhenggai.Rounding(v["rounding"])
	run := month(v.int("unpaid_months", 6))
	if run < 1 {
		run = 6
	}
	bases := map[int64]map[int]zhenggai.Fen{}
	for _, b := range r.Bases {
		if bases[b.MemberID] == nil {
			bases[b.MemberID] = map[int]zhenggai.Fen{}
		}
		bases[b.MemberID][b.Year] = b.Base
	}
	// Payments by member as spans of one slice ordered by member (the
	// loader's order; sorted here otherwise): a county has 30,000, and a
	// map of them all cost more than the query that read them.
	pays := r.Payments
	if !slices.IsSortedFunc(pays, func(a, b zhenggai.DuesPayment) int { return cmp.Compare(a.MemberID, b.MemberID) }) {
		pays = slices.Clone(pays)
		slices.SortStableFunc(pays, func(a, b zhenggai.DuesPayment) int { return cmp.Compare(a.MemberID, b.MemberID) })
	}
	type paySpan struct {
		lo, hi int
		first  month
	}
	spans := map[int64]paySpan{}
	var lastPaid month
	for i := 0; i < len(pays); {
		j, first := i, month(0)
		for ; j < len(pays) && pays[j].MemberID == pays[i].MemberID; j++ {
			if m, ok := parseMonth(pays[j].Month); ok {
				if first == 0 || m < first {
					first = m
				}
				lastPaid = max(lastPaid, m)
			}
		}
		spans[pays[i].MemberID] = paySpan{i, j, first}
		i = j
	}
	var from, to month
	if !p.Start.IsZero() {
		from = monthOf(p.Start)
	}
	// Months count while whole: an end in the middle of a month leaves
	// that month out (it may not be due yet).
	switch {
	case !p.End.IsZero() && p.End.AddDays(1).Month() != p.End.Month():
		to = monthOf(p.End)
	case !p.End.IsZero():
		to = monthOf(p.End) - 1
	default:
		to = lastPaid
	}

	var paid []zhenggai.Fen // of the member at hand, by month from his start
	var under, over, dueSum, paidSum zhenggai.Fen
	var gapMembers, gapMonths int64
	practices := map[string]int64{}
	var years []int
	var recs []Record
	var runs []Finding
	for i := range r.Members {
		mb := &r.Members[i]
		start, ok := parseMonth(mb.Joined)
		if !ok {
			start = from
		}
		end, ok := parseMonth(mb.Left)
		if !ok || end > to {
			end = to
		}
		start = max(start, from)
		if start == 0 { // neither joined nor a period start: from the first record
			start = spans[mb.ID].first
			for y := range bases[mb.ID] {
				if m := month(y * 12); start == 0 || m < start {
					start = m
				}
			}
		}
		if start == 0 || end < start {
			continue
		}
		// This member's payments by month of [start, end], summed.
		sp := spans[mb.ID]
		paid = slices.Grow(paid[:0], int(end-start+1))[:end-start+1]
		clear(paid)
		for _, pm := range pays[sp.lo:sp.hi] {
			if m, ok := parseMonth(pm.Month); ok && m >= start && m <= end {
				paid[m-start] += pm.Paid
			}
		}
		gap := false
		var streak month
		var streakStart month
		var longest, longestStart month
		for m := start; m <= end; m++ {
			base := bases[mb.ID][m.year()]
			if !mb.Kind.Fixed() && base <= 0 {
				streak = 0 // no base set: the due is unknown
				continue
			}
			d := zhenggai.Due(mb.Kind, base, mb.Fixed, mode)
			pd := paid[m-start]
			if pd <= 0 {
				if streak == 0 {
					streakStart = m
				}
				streak++
				if streak > longest {
					longest, longestStart = streak, streakStart
				}
				continue
			}
			streak = 0
			if pd == d {
				continue
			}
			gap = true
			gapMonths++
			dueSum += d
			paidSum += pd
			if pd < d {
				under += d - pd
			} else {
				over += pd - d
			}
			if pr := practice(d, pd); pr != "" {
				practices[pr]++
			}
			years = append(years, m.year())
		}
		if gap {
			gapMembers++
			recs = append(recs, Record{Kind: "dues_member", ID: mb.ID, Label: "党员" + mb.Name})
		}
		if longest >= run {
			runs = append(runs, Finding{
				Severity: Serious,
				Text: fmt.Sprintf("党费收缴管理不规范，党员%s自%s连续%d个月未交纳党费",
					mb.Name, monthRange(longestStart, longestStart+longest-1), longest),
				Figures: map[string]int64{"months": int64(longest)},
				Records: []Record{{Kind: "dues_member", ID: mb.ID, Label: "党员" + mb.Name}},
			})
		}
	}
	var fs []Finding
	if gapMembers > 0 {
		text := fmt.Sprintf("党费未按标准足额交纳，%s有%d名党员%d个月次实缴党费与应缴不符，应缴%s、实缴%s",
			span(years), gapMembers, gapMonths, exactYuan(dueSum), exactYuan(paidSum))
		if under > 0 {
			text += "，少缴" + exactYuan(under)
		}
		if over > 0 {
			text += "，多缴" + exactYuan(over)
		}
		// Name the practice when it explains at least half the gaps.
		names := []string{}
		for _, pr := range []string{"抹零头", "四舍五入到元"} {
			if practices[pr]*2 >= gapMonths {
				names = append(names, pr)
			}
		}
		if len(names) > 0 {
			text += "，存在按" + strings.Join(names, "、") + "计缴党费的做法"
		}
		fs = append(fs, Finding{
			Severity: Common,
			Text:     text,
			Figures: map[string]int64{"members": gapMembers, "months": gapMonths, "due_fen": int64(dueSum), "paid_fen": int64(paidSum),
				"under_fen": int64(under), "over_fen": int64(over), "rounded_down_months": practices["抹零头"], "rounded_half_up_months": practices["四舍五入到元"]},
			Records: capped(recs),
		})
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Text < runs[j].Text })
	return append(fs, runs...), nil
}

// exactYuan writes dues to the fen (76.50元): 万元 would round away the
// very gap the finding is about.
func exactYuan(f zhenggai.Fen) string { return zhenggai.Yuan2(f) + "元" }
