package selfcheck

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"zhenggai"
)

// VoucherPurpose: an expense voucher states its purpose (摘要) and carries
// its original documents (附单据数 > 0) (seed problem 35). Vouchers with no
// expense (transfers, receipts) are not held to it.
var VoucherPurpose = Rule{
	ID:          "voucher_purpose",
	Needs:       NeedUnsupported,
	Title:       "支出凭证摘要写明用途、附有原始单据",
	SeedProblem: 35,
	Area:        AreaFinance,
	Settings: []Setting{
		{Name: "vague", Label: "不算写明用途的摘要（每行一个，摘要只有这几个字即列出）",
			Default: "报销\n报账\n付款\n支付\n付\n支出\n费用\n转账\n付费用\n报销费用"},
	},
	Check: checkVoucherPurpose,
}

// VagueSummaries are the 摘要 the unit counts as naming no purpose (the
// loader reads the vouchers so written).
func VagueSummaries(stored map[string]string) []string {
	return List(VoucherPurpose.Values(stored)["vague"])
}

func checkVoucherPurpose(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	vague := List(v["vague"])
	var noDocs, noPurpose []*zhenggai.Voucher
	var docsSum, purposeSum zhenggai.Fen
	for i := range r.Vouchers {
		vc := &r.Vouchers[i]
		if !within(vc.Date, p) {
			continue
		}
		e := r.Expense(vc)
		if e <= 0 {
			continue
		}
		if vc.Attachments <= 0 {
			noDocs = append(noDocs, vc)
			docsSum += e
		}
		if s := strings.TrimSpace(vc.Summary); s == "" || slices.Contains(vague, s) {
			noPurpose = append(noPurpose, vc)
			purposeSum += e
		}
	}
	var fs []Finding
	add := func(vs []*zhenggai.Voucher, sum zhenggai.Fen, what string) {
		if len(vs) == 0 {
			return
		}
		var years []int
		var recs []Record
		for _, v := range vs {
			years = append(years, v.Date.Year())
			recs = append(recs, voucherRecord(v))
		}
		fs = append(fs, Finding{
			Severity: Common,
			Text:     fmt.Sprintf("财务报销手续不完备，%s有%d张支出凭证%s，涉及金额%s", span(years), len(vs), what, sum.Text()),
			Figures:  map[string]int64{"vouchers": int64(len(vs)), "amount_fen": int64(sum)},
			Records:  capped(recs),
		})
	}
	add(noDocs, docsSum, "未附原始单据")
	add(noPurpose, purposeSum, "摘要未写明用途")
	return fs, nil
}
