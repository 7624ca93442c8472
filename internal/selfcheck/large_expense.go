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
// it is such a decision; a voucher not linked is backed by any such item
// dated before it whose amount covers it. A decision on the same day as
// the expense does not count: the minutes cannot show it came first, and
// a decision taken after the money was spent is 事后补议, not approval.
var LargeExpense = Rule{
	ID:          "large_expense",
	Needs:       NeedMeetings | NeedItems | NeedLarge,
	Title:       "大额资金使用经党组会议事前集体研究",
	SeedProblem: 22,
	Area:        AreaMajor,
	Settings: []Setting{
		{Name: "threshold", Label: "大额资金标准（元，单笔达到即须研究）", Default: "10000"},
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
	amount zhenggai.Fen
	party  bool // decided by the 党组会议
}

func checkLargeExpense(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	threshold := v.fen("threshold", 1000000)
	items := map[int64]fundItem{}
	var party []fundItem // 党组会议 大额资金 items, any date
	for i := range r.Meetings {
		m := &r.Meetings[i]
		if m.Voided {
			continue
		}
		for _, it := range m.Items {
			fi := fundItem{m.Date, it.Amount, m.Type == zhenggai.MeetingPartyGroup && it.Kind == zhenggai.ItemLargeFund}
			items[it.ID] = fi
			if fi.party {
				party = append(party, fi)
			}
		}
	}
	// The party's decisions by date, with the largest amount decided up
	// to each: a voucher not linked is backed when the largest decided
	// before its day covers it (a binary search, not a scan per voucher).
	sort.Slice(party, func(i, j int) bool { return dkey(party[i].date) < dkey(party[j].date) })
	best := make([]zhenggai.Fen, len(party))
	for i, fi := range party {
		best[i] = fi.amount
		if i > 0 && best[i-1] > best[i] {
			best[i] = best[i-1]
		}
	}
	var n, late int64
	var sum zhenggai.Fen
	var years []int
	var recs []Record
	for i := range r.Vouchers {
		vc := &r.Vouchers[i]
		if !within(vc.Date, p) {
			continue
		}
		e := r.Expense(vc)
		if e < threshold {
			continue
		}
		backed := false
		if vc.DecisionItemID != 0 {
			fi, ok := items[vc.DecisionItemID]
			backed = ok && fi.party && dkey(fi.date) < dkey(vc.Date)
			if ok && fi.party && !backed {
				late++
			}
		} else {
			backed = covered(party, best, vc.Date, e)
		}
		if backed {
			continue
		}
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

// covered reports whether a decision dated before day decided at least
// e: party sorted by date, best the running largest amount.
func covered(party []fundItem, best []zhenggai.Fen, day zhenggai.Date, e zhenggai.Fen) bool {
	k := dkey(day)
	n := sort.Search(len(party), func(i int) bool { return dkey(party[i].date) >= k })
	return n > 0 && best[n-1] >= e
}
