package selfcheck

import (
	"context"
	"fmt"
	"sort"

	"zhenggai"
)

// LargeExpense: every single expense at or above the threshold is backed
// by a 党组会议 大额资金 decision dated before it (seed problem 22: "2016
// 年至2019年有23笔未上党组会研究"). The voucher's linked item counts when
// it is such a decision; a voucher not linked is backed by such an item
// decided within the window before it whose amount not yet spent covers
// it — a decision is spent by the expenses it backs, so one decision of
// 2万元 backs one expense of 2万元, not three, and a decision of 2016 does
// not back an expense of 2019. A decision on the same day as the expense
// does not count: the minutes cannot show it came first, and a decision
// taken after the money was spent is 事后补议, not approval.
var LargeExpense = Rule{
	ID:          "large_expense",
	Needs:       NeedMeetings | NeedItems | NeedLarge,
	Title:       "大额资金使用经党组会议事前集体研究",
	SeedProblem: 22,
	Area:        AreaMajor,
	Proves:      []string{"财务", "会计", "报销"},
	Settings: []Setting{
		{Name: "threshold", Label: "大额资金标准（元，单笔达到即须研究）", Default: "10000", Yuan: true},
		{Name: "window_days", Label: "未关联凭证可援引的决策距开支的最长天数", Default: "365"},
	},
	Check: checkLargeExpense,
}

// LargeExpenseThreshold is the threshold a unit set (the loader reads
// only the vouchers at or above it, of those not flagged otherwise).
func LargeExpenseThreshold(stored map[string]string) zhenggai.Fen {
	return LargeExpense.Values(stored).fen("threshold", 1000000)
}

type fundItem struct {
	date   zhenggai.Date
	amount zhenggai.Fen // left to spend, once the expenses it backs are taken
	party  bool         // decided by the 党组会议
}

func checkLargeExpense(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	threshold := v.fen("threshold", 1000000)
	window := v.int("window_days", 365)
	items := map[int64]*fundItem{}
	var party []*fundItem // 党组会议 大额资金 items, any date
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided {
			continue
		}
		for _, it := range m.Items {
			fi := &fundItem{m.Date, it.Amount, m.Type == zhenggai.MeetingPartyGroup && it.Kind == zhenggai.ItemLargeFund}
			items[it.ID] = fi
			if fi.party {
				party = append(party, fi)
			}
		}
	}
	sort.SliceStable(party, func(i, j int) bool { return dkey(party[i].date) < dkey(party[j].date) })
	// The large expenses by date: the linked ones spend their decision
	// first, then each one not linked spends the latest decision before it
	// that still covers it.
	var large []*zhenggai.Voucher
	for i := range r.Vouchers {
		vc := &r.Vouchers[i]
		if r.Expense(vc) >= threshold {
			large = append(large, vc)
		}
	}
	sort.SliceStable(large, func(i, j int) bool { return dkey(large[i].Date) < dkey(large[j].Date) })
	backed := map[int64]bool{}
	var late int64
	for _, vc := range large {
		fi, ok := items[vc.DecisionItemID]
		if vc.DecisionItemID == 0 || !ok || !fi.party {
			continue
		}
		if dkey(fi.date) < dkey(vc.Date) {
			backed[vc.ID] = true
			fi.amount -= r.Expense(vc)
		} else if within(vc.Date, p) {
			late++
		}
	}
	for _, vc := range large {
		if vc.DecisionItemID != 0 {
			continue
		}
		e, k := r.Expense(vc), dkey(vc.Date)
		earliest := dkey(vc.Date.AddDays(-int(window)))
		for i := sort.Search(len(party), func(i int) bool { return dkey(party[i].date) >= k }) - 1; i >= 0 && dkey(party[i].date) >= earliest; i-- {
			if party[i].amount >= e {
				party[i].amount -= e
				backed[vc.ID] = true
				break
			}
		}
	}
	var n int64
	var sum zhenggai.Fen
	var years []int
	var recs []Record
	for _, vc := range large {
		if backed[vc.ID] || !within(vc.Date, p) {
			continue
		}
		e := r.Expense(vc)
		n++
		sum += e
		years = append(years, vc.Date.Year())
		recs = append(recs, voucherRecord(vc))
	}
	if n == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("执行三重一大制度不严格，%s有%d笔单笔%s以上开支未经党组会议研究，金额合计%s",
		span(years), n, threshold.Text(), sum.Text())
	if late > 0 {
		text += fmt.Sprintf("，其中%d笔系开支当日或事后才上会研究", late)
	}
	return []Finding{{
		Severity: Serious,
		Text:     text,
		Figures:  map[string]int64{"expenses": n, "amount_fen": int64(sum), "decided_late": late, "threshold_fen": int64(threshold)},
		Records:  capped(recs),
	}}, nil
}
