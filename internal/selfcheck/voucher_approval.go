package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// VoucherApproval: every voucher carries its approval (审核人), booked or
// not: one booked without approval is counted apart (seed problem 34).
var VoucherApproval = Rule{
	ID:          "voucher_approval",
	Needs:       NeedUnsigned,
	Title:       "会计凭证经审核签字",
	SeedProblem: 34,
	Area:        AreaFinance,
	Check:       checkVoucherApproval,
}

func checkVoucherApproval(_ context.Context, r *Registers, p zhenggai.Period, _ Values) ([]Finding, error) {
	var n, posted int64
	var years []int
	var recs []Record
	for i := range r.Vouchers {
		v := &r.Vouchers[i]
		if !within(v.Date, p) || strings.TrimSpace(v.Approver) != "" {
			continue
		}
		n++
		if strings.TrimSpace(v.Poster) != "" {
			posted++
		}
		years = append(years, v.Date.Year())
		recs = append(recs, voucherRecord(v))
	}
	if n == 0 {
		return nil, nil
	}
	text := fmt.Sprintf("会计凭证审核把关不严，%s有%d张记账凭证无审核人签字", span(years), n)
	if posted > 0 {
		text += fmt.Sprintf("，其中%d张未经审核即已记账", posted)
	}
	return []Finding{{
		Severity: Serious,
		Text:     text,
		Figures:  map[string]int64{"vouchers": n, "posted": posted},
		Records:  capped(recs),
	}}, nil
}
