package selfcheck

import (
	"context"
	"fmt"
	"strings"

	"zhenggai"
)

// ForbiddenPurpose: no spending on what the eight-point rules forbid —
// souvenirs, gifts, shopping cards, local specialties, fine tobacco and
// liquor — as the voucher's or a line's 摘要 names it (seed problem 33).
var ForbiddenPurpose = Rule{
	ID:          "forbidden_purpose",
	Needs:       NeedForbidden,
	Title:       "不得违规购买纪念品、礼品、购物卡等",
	SeedProblem: 33,
	Area:        AreaFinance,
	Settings: []Setting{
		{Name: "words", Label: "禁止列支的用途（每行一个，摘要中出现即列出）",
			Default: "纪念品\n礼品\n购物卡\n土特产\n高档烟酒\n烟酒\n消费卡\n礼金"},
	},
	Check: checkForbiddenPurpose,
}

// ForbiddenWords are the rule's words as a unit set them.
func ForbiddenWords(stored map[string]string) []string {
	return List(ForbiddenPurpose.Values(stored)["words"])
}

func checkForbiddenPurpose(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	words := List(v["words"])
	if len(words) == 0 {
		return nil, nil
	}
	perWord := map[string]int64{}
	var n int64
	var sum zhenggai.Fen
	var years []int
	var recs []Record
	for i := range r.Vouchers {
		vc := &r.Vouchers[i]
		if !within(vc.Date, p) {
			continue
		}
		texts := []string{vc.Summary}
		for _, l := range vc.Lines {
			texts = append(texts, l.Summary)
		}
		texts = append(texts, r.LineSummaries[vc.ID]...)
		all := strings.Join(texts, "\n")
		hit := false
		for _, w := range words {
			if strings.Contains(all, w) {
				perWord[w]++
				hit = true
			}
		}
		if !hit {
			continue
		}
		n++
		sum += r.Expense(vc)
		years = append(years, vc.Date.Year())
		recs = append(recs, voucherRecord(vc))
	}
	if n == 0 {
		return nil, nil
	}
	var parts []string
	for _, w := range words {
		if perWord[w] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d张", w, perWord[w]))
		}
	}
	figs := map[string]int64{"vouchers": n, "amount_fen": int64(sum)}
	return []Finding{{
		Severity: Serious,
		Text: fmt.Sprintf("违规列支禁止性开支，%s有%d张凭证摘要列支%s（%s），金额合计%s",
			span(years), n, strings.Join(keysOf(perWord, words), "、"), strings.Join(parts, "、"), sum.Text()),
		Figures: figs,
		Records: capped(recs),
	}}, nil
}

// keysOf lists the words found, in the setting's order.
func keysOf(found map[string]int64, words []string) []string {
	var out []string
	for _, w := range words {
		if found[w] > 0 {
			out = append(out, w)
		}
	}
	return out
}
