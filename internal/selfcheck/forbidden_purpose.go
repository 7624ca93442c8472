package selfcheck

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"zhenggai"
)

// ForbiddenPurpose: no spending on what the eight-point rules forbid —
// souvenirs, gifts, shopping cards, local specialties, fine tobacco and
// liquor — as the voucher's or a line's 摘要 names it (seed problem 33);
// and no purchase over its standard (超标, the seed's 超标购买文件袋): a
// voucher whose 摘要 names an item of the over-standard list and whose
// expense exceeds that item's ceiling. The ceiling is per voucher, not per
// piece: a voucher does not say how many were bought. Defaults: 文件袋
// 2000元, 会议用品 5000元 — a county office's document bags for a year's
// meetings stay under 2000元 at the 财政 standard prices; at exactly the
// ceiling a voucher is within it.
var ForbiddenPurpose = Rule{
	ID:          "forbidden_purpose",
	Needs:       NeedForbidden,
	Title:       "不得违规购买纪念品、礼品、购物卡等",
	SeedProblem: 33,
	Area:        AreaFinance,
	Settings: []Setting{
		{Name: "words", Label: "禁止列支的用途（每行一个，摘要中出现即列出）",
			Default: "纪念品\n礼品\n购物卡\n土特产\n高档烟酒\n烟酒\n消费卡\n礼金"},
		{Name: "over_standard", Label: "超标准购买（每行一个“物品:每张凭证限额元”，摘要出现该物品且支出超过限额即列出）",
			Default: "文件袋:2000\n会议用品:5000"},
	},
	Check: checkForbiddenPurpose,
}

// ForbiddenWords are the words a voucher is read for (its own 摘要 or a
// line's naming one): the rule's forbidden words and over-standard items
// as a unit set them.
func ForbiddenWords(stored map[string]string) []string {
	v := ForbiddenPurpose.Values(stored)
	words := List(v["words"])
	for _, c := range ceilings(v["over_standard"]) {
		if !slices.Contains(words, c.item) {
			words = append(words, c.item)
		}
	}
	return words
}

type ceiling struct {
	item string
	max  zhenggai.Fen
}

// ceilings reads the over-standard list, "文件袋:2000" a line (full-width
// colon too); an item without a readable amount is left out.
func ceilings(v string) []ceiling {
	var out []ceiling
	for _, f := range List(v) {
		item, amount, ok := strings.Cut(strings.ReplaceAll(f, "：", ":"), ":")
		item = strings.TrimSpace(item)
		max, err := zhenggai.ParseYuan(strings.TrimSuffix(strings.TrimSpace(amount), "元"))
		if !ok || item == "" || err != nil || max < 0 {
			continue
		}
		out = append(out, ceiling{item, max})
	}
	return out
}

// texts are what a voucher's 摘要 say: its own, its lines' and those of
// its lines the loader read.
func texts(r *Registers, vc *zhenggai.Voucher) string {
	ts := []string{vc.Summary}
	for _, l := range vc.Lines {
		ts = append(ts, l.Summary)
	}
	ts = append(ts, r.LineSummaries[vc.ID]...)
	return strings.Join(ts, "\n")
}

func checkForbiddenPurpose(_ context.Context, r *Registers, p zhenggai.Period, v Values) ([]Finding, error) {
	var out []Finding
	if f := forbidden(r, p, List(v["words"])); f != nil {
		out = append(out, *f)
	}
	if f := overStandard(r, p, ceilings(v["over_standard"])); f != nil {
		out = append(out, *f)
	}
	return out, nil
}

func forbidden(r *Registers, p zhenggai.Period, words []string) *Finding {
	if len(words) == 0 {
		return nil
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
		// Money coming back (收回纪念品款, credited to the expense
		// account) is not spending.
		if r.Expense(vc) <= 0 {
			continue
		}
		found := wordsIn(texts(r, vc), words)
		if len(found) == 0 {
			continue
		}
		for _, w := range found {
			perWord[w]++
		}
		n++
		sum += r.Expense(vc)
		years = append(years, vc.Date.Year())
		recs = append(recs, voucherRecord(vc))
	}
	if n == 0 {
		return nil
	}
	var parts []string
	for _, w := range words {
		if perWord[w] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d张", w, perWord[w]))
		}
	}
	figs := map[string]int64{"vouchers": n, "amount_fen": int64(sum)}
	return &Finding{
		Severity: Serious,
		Text: fmt.Sprintf("违规列支禁止性开支，%s有%d张凭证摘要列支%s（%s），金额合计%s",
			span(years), n, strings.Join(keysOf(perWord, words), "、"), strings.Join(parts, "、"), sum.Text()),
		Figures: figs,
		Records: capped(recs),
	}
}

// overStandard lists the vouchers naming an item of the list whose
// expense exceeds its ceiling (the first item named, in the list's order).
func overStandard(r *Registers, p zhenggai.Period, cs []ceiling) *Finding {
	if len(cs) == 0 {
		return nil
	}
	perItem := map[string]int64{}
	var n int64
	var sum, over zhenggai.Fen
	var years []int
	var recs []Record
	for i := range r.Vouchers {
		vc := &r.Vouchers[i]
		if !within(vc.Date, p) {
			continue
		}
		all := texts(r, vc)
		for _, c := range cs {
			if !strings.Contains(all, c.item) {
				continue
			}
			if e := r.Expense(vc); e > c.max {
				perItem[c.item]++
				n++
				sum += e
				over += e - c.max
				years = append(years, vc.Date.Year())
				recs = append(recs, voucherRecord(vc))
			}
			break
		}
	}
	if n == 0 {
		return nil
	}
	var parts []string
	for _, c := range cs {
		if perItem[c.item] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d张（每张凭证限额%s）", c.item, perItem[c.item], c.max.Text()))
		}
	}
	return &Finding{
		Severity: Common,
		Text: fmt.Sprintf("超标准购买，%s有%d张凭证购买%s超过标准，金额合计%s，超出%s",
			span(years), n, strings.Join(parts, "、"), sum.Text(), over.Text()),
		Figures: map[string]int64{"vouchers": n, "amount_fen": int64(sum), "over_fen": int64(over)},
		Records: capped(recs),
	}
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

// wordsIn are the words text names, a word inside a longer one found at
// the same place not counted again (高档烟酒 is not also 烟酒).
func wordsIn(text string, words []string) []string {
	var found []string
	for _, w := range words {
		if strings.Contains(text, w) {
			found = append(found, w)
		}
	}
	var out []string
	for _, w := range found {
		rest := text
		for _, longer := range found {
			if longer != w && strings.Contains(longer, w) {
				rest = strings.ReplaceAll(rest, longer, "\x00")
			}
		}
		if strings.Contains(rest, w) {
			out = append(out, w)
		}
	}
	return out
}
