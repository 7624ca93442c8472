package regsample

import (
	"fmt"
	"slices"
	"sort"

	"zhenggai"
	"zhenggai/internal/store"
)

// Vouchers are booked as under 政府会计制度: a payment from the zero-balance
// account is an expense (5xxx, financial side) and a budget expenditure
// (7xxx, budget side) on the same voucher, the credits on 1011 零余额账户用
// 款额度 and 8001 资金结存; an accrual credits 2302 应付账款 and its payment
// is booked on the budget side only.

// item is an expense account with the purposes it is used for.
type item struct {
	code, name string
	lo, hi     int64 // 元, an ordinary voucher's range
	purposes   []string
}

var items = []item{
	{"01", "办公费", 80, 3000, []string{"购买办公用品", "购买打印纸、硒鼓", "购买文件柜"}},
	{"02", "印刷费", 300, 6000, []string{"印刷政协会刊", "印刷提案汇编", "印刷会议材料"}},
	{"06", "水电费", 400, 5000, []string{"缴纳机关水费", "缴纳机关电费"}},
	{"07", "邮电费", 100, 2500, []string{"缴纳电话费、网络费", "邮寄文件资料"}},
	{"11", "差旅费", 200, 6000, []string{"报销赴长沙学习差旅费", "报销赴市政协开会差旅费", "报销下乡调研差旅费"}},
	{"13", "维修（护）费", 150, 5000, []string{"维修办公电脑", "维修空调", "维修办公楼水电设施"}},
	{"15", "会议费", 500, 9000, []string{"支付协商座谈会会务费", "支付常委会议会务费"}},
	{"16", "培训费", 500, 8000, []string{"支付委员培训费", "支付机关干部培训费"}},
	{"17", "公务接待费", 200, 3000, []string{"接待市政协调研组", "接待兄弟县政协考察"}},
	{"26", "劳务费", 300, 4000, []string{"支付文史资料撰稿劳务费", "支付临时用工劳务费"}},
	{"31", "公务用车运行维护费", 200, 6000, []string{"公务用车加油费", "公务用车保险费", "公务用车维修费"}},
}

// largePurposes are what a single expense of 10000元 or more pays for.
var largePurposes = []struct {
	item    int // index in items
	purpose string
}{
	{0, "购置办公电脑及打印机"}, {6, "支付政协全体会议会务费"}, {5, "机关办公楼维修改造"}, {1, "印刷文史资料"},
	{4, "委员视察调研经费"}, {10, "公务用车大修"}, {7, "委员履职培训费"}, {1, "印刷委员履职手册"},
}

func (it item) expense() (string, string) {
	return "50010202" + it.code, "业务活动费用-商品和服务费用-" + it.name
}
func (it item) budget() (string, string) {
	return "72010202" + it.code, "行政支出-商品和服务支出-" + it.name
}

func line(summary, code, name string, dr, cr zhenggai.Fen) zhenggai.VoucherLine {
	return zhenggai.VoucherLine{Summary: summary, AccountCode: code, AccountName: name, Debit: dr, Credit: cr}
}

// payLines: a payment from the zero-balance account, both sides.
func payLines(purpose string, it item, f zhenggai.Fen) []zhenggai.VoucherLine {
	c5, n5 := it.expense()
	c7, n7 := it.budget()
	return []zhenggai.VoucherLine{
		line(purpose, c5, n5, f, 0), line(purpose, "1011", "零余额账户用款额度", 0, f),
		line(purpose, c7, n7, f, 0), line(purpose, "800101", "资金结存-零余额账户用款额度", 0, f),
	}
}

// accrueLines: an expense owed (2 lines, or 3 with a second item).
func accrueLines(purpose string, it item, f zhenggai.Fen, it2 *item, f2 zhenggai.Fen) []zhenggai.VoucherLine {
	c5, n5 := it.expense()
	ls := []zhenggai.VoucherLine{line(purpose, c5, n5, f, 0)}
	if it2 != nil {
		c, n := it2.expense()
		ls = append(ls, line(purpose, c, n, f2, 0))
	}
	return append(ls, line(purpose, "2302", "应付账款", 0, f+f2))
}

// settleLines: paying what was owed, budget side only.
func settleLines(purpose string, it item, f zhenggai.Fen) []zhenggai.VoucherLine {
	c7, n7 := it.budget()
	return []zhenggai.VoucherLine{
		line(purpose, "2302", "应付账款", f, 0), line(purpose, "1011", "零余额账户用款额度", 0, f),
		line(purpose, c7, n7, f, 0), line(purpose, "800101", "资金结存-零余额账户用款额度", 0, f),
	}
}

// receiptLines: the month's quota received, no expense.
func receiptLines(f zhenggai.Fen) []zhenggai.VoucherLine {
	const s = "收到财政授权支付额度"
	return []zhenggai.VoucherLine{
		line(s, "1011", "零余额账户用款额度", f, 0), line(s, "4001", "财政拨款收入", 0, f),
		line(s, "800101", "资金结存-零余额账户用款额度", f, 0), line(s, "6001", "财政拨款预算收入", 0, f),
	}
}

// large is a planned expense of 10000元 or more.
type large struct {
	day      zhenggai.Date
	amount   zhenggai.Fen
	purpose  int // index in largePurposes
	decision [2]int
}

// decide adds to meeting mi a 大额资金 item for l and links it.
func (m *maker) decide(l *large, mi int) {
	p := largePurposes[l.purpose]
	mt := &m.meetings[mi]
	mt.Items = append(mt.Items, zhenggai.AgendaItem{Title: "研究" + p.purpose + "资金安排", Kind: zhenggai.ItemLargeFund,
		Amount: l.amount, Decision: "同意安排资金" + l.amount.Yuan() + "元。"})
	l.decision = [2]int{mi + 1, len(mt.Items)}
}

// plannedLarge lays out the demo's large expenses: 20 decided by the party
// group before they were paid and 23 not (6 of those decided by the
// 主席会议 instead) in 2016–2019, all decided in 2020. Decided amounts stay
// below the undecided ones, so no earlier decision covers an undecided one.
func (m *maker) plannedLarge() []large {
	var out []large
	var groups, groups2020 []int
	for i, mt := range m.meetings {
		if mt.Type != zhenggai.MeetingPartyGroup {
			continue
		}
		if mt.Date.Year() <= 2019 {
			groups = append(groups, i)
		} else if mt.Date.AddDays(30).Before(m.c.To) {
			groups2020 = append(groups2020, i)
		}
	}
	after := func(mi int) zhenggai.Date { return workday(m.meetings[mi].Date.AddDays(3 + m.rng.IntN(20))) }
	perm := m.rng.Perm(len(groups))
	for k := range min(20, len(groups)) {
		mi := groups[perm[k]]
		l := large{amount: m.fen(10000, 34000, false), purpose: m.rng.IntN(len(largePurposes))}
		if k == 0 {
			l.amount = LargeExpense // exactly at the threshold
		}
		m.decide(&l, mi)
		l.day = after(mi)
		out = append(out, l)
	}
	first, last := zhenggai.NewDate(2016, 3, 1), zhenggai.NewDate(2019, 12, 20)
	span := first.DaysUntil(last)
	for k := range Undecided {
		l := large{day: workday(first.AddDays(m.rng.IntN(span))), amount: m.fen(35000, 98000, true), purpose: m.rng.IntN(len(largePurposes))}
		if k < 6 {
			// 以主席会代替党组会议 (problem 21).
			if mi := m.meetingBefore("主席会议", l.day); mi >= 0 {
				m.decide(&l, mi)
			}
		}
		out = append(out, l)
	}
	for _, mi := range groups2020 {
		l := large{amount: m.fen(10000, 60000, false), purpose: m.rng.IntN(len(largePurposes))}
		m.decide(&l, mi)
		l.day = after(mi)
		out = append(out, l)
	}
	return out
}

// makeVouchers books every month from From to To.
func (m *maker) makeVouchers() {
	if !m.c.Facts && m.c.Lines == 0 {
		return
	}
	var planned map[string][]large
	if m.c.Facts {
		planned = map[string][]large{}
		for _, l := range m.plannedLarge() {
			k := period(l.day)
			planned[k] = append(planned[k], l)
		}
	}
	months := 0
	for d := m.c.From; !m.c.To.Before(d); d = firstOfNext(d) {
		months++
	}
	perMonth := 0
	if !m.c.Facts {
		perMonth = max(m.c.Lines/max(months, 1), 2)
	}
	var owed []large // accruals to settle next month
	for d := m.c.From; !m.c.To.Before(d); d = firstOfNext(d) {
		vs, rest := m.month(d, planned[period(d)], owed, perMonth)
		owed = rest
		m.vouchers = append(m.vouchers, vs...)
	}
}

func period(d zhenggai.Date) string { return fmt.Sprintf("%04d-%02d", d.Year(), d.Month()) }

func firstOfNext(d zhenggai.Date) zhenggai.Date {
	if d.Month() == 12 {
		return zhenggai.NewDate(d.Year()+1, 1, 1)
	}
	return zhenggai.NewDate(d.Year(), d.Month()+1, 1)
}

// day is a random working day of d's month, not after To.
func (m *maker) day(d zhenggai.Date) zhenggai.Date {
	last := firstOfNext(d).AddDays(-1)
	if m.c.To.Before(last) {
		last = m.c.To
	}
	for range 10 {
		x := workday(d.AddDays(m.rng.IntN(d.DaysUntil(last) + 1)))
		if !last.Before(x) {
			return x
		}
	}
	return last
}

// lax reports whether a voucher of day breaks a rule at the rate given
// in per cent (the demo's unit kept them after the feedback).
func (m *maker) lax(day zhenggai.Date, factsRate, rate int) bool {
	if m.c.Facts {
		return day.Before(Feedback) && m.rng.IntN(100) < factsRate
	}
	return m.rng.IntN(1000) < rate*10
}

// month makes the vouchers of d's month: the quota received, ordinary
// payments (perMonth lines of them, or 14 vouchers in the demo), the
// accruals of last month settled, a few new ones, and the large expenses
// planned; dated, then numbered in date order.
func (m *maker) month(d zhenggai.Date, planned, owed []large, perMonth int) ([]store.BulkVoucher, []large) {
	var vs []store.BulkVoucher
	add := func(day zhenggai.Date, ls []zhenggai.VoucherLine, attachments int) *store.BulkVoucher {
		vs = append(vs, store.BulkVoucher{Voucher: zhenggai.Voucher{Period: period(d), Date: day, Word: "记", Summary: ls[0].Summary,
			Attachments: attachments, Maker: m.c.Staff[2], Approver: m.c.Staff[0], Poster: m.c.Staff[2], Lines: ls, Sample: m.c.Sample}})
		return &vs[len(vs)-1]
	}
	lines := 0
	v := add(workday(d), receiptLines(m.fen(300000, 600000, false)), 1)
	lines += len(v.Lines)
	for _, o := range owed {
		it := items[o.purpose]
		v := add(m.day(d), settleLines("支付"+it.purposes[0]+"欠款", it, o.amount), 1)
		lines += len(v.Lines)
	}
	var rest []large
	for k := 0; ; k++ {
		if m.c.Facts && k == 14 || !m.c.Facts && lines >= perMonth {
			break
		}
		it := items[m.rng.IntN(len(items))]
		purpose := it.purposes[m.rng.IntN(len(it.purposes))]
		f := m.fen(it.lo, it.hi, true)
		var v *store.BulkVoucher
		switch r := m.rng.IntN(100); {
		case r < 6:
			v = add(m.day(d), accrueLines(purpose, it, f, nil, 0), 1)
			rest = append(rest, large{amount: f, purpose: slices.IndexFunc(items, func(x item) bool { return x.code == it.code })})
		case r < 9 && !m.c.Facts && m.rng.IntN(1000) < 30:
			// Forbidden purposes now and then (纪念品, 礼品).
			v = add(m.day(d), payLines([]string{"购买会议纪念品", "购买慰问礼品", "购买购物卡"}[m.rng.IntN(3)], items[6], f), 1)
		default:
			v = add(m.day(d), payLines(purpose, it, f), 1+m.rng.IntN(5))
		}
		lines += len(v.Lines)
		if !m.c.Facts && m.rng.IntN(100) == 0 {
			// A large expense: decided by the last party-group meeting, or not.
			l := large{amount: m.fen(35000, 98000, true), purpose: m.rng.IntN(len(largePurposes))}
			if m.rng.IntN(10) < 6 {
				if mi := m.meetingBefore(zhenggai.MeetingPartyGroup, v.Date); mi >= 0 {
					l.amount = m.fen(10000, 34000, false)
					m.decide(&l, mi)
				}
			}
			p := largePurposes[l.purpose]
			v.Lines, v.Summary = payLines(p.purpose, items[p.item], l.amount), p.purpose
			v.DecisionMeeting, v.DecisionItem = l.decision[0], l.decision[1]
		}
	}
	for _, l := range planned {
		p := largePurposes[l.purpose]
		v := add(l.day, payLines(p.purpose, items[p.item], l.amount), 2+m.rng.IntN(4))
		v.DecisionMeeting, v.DecisionItem = l.decision[0], l.decision[1]
	}
	if m.c.Facts {
		m.seedVouchers(d, add)
	}
	// The rules broken, on expense vouchers only.
	for i := range vs {
		v := &vs[i]
		if v.Lines[0].AccountCode == "1011" {
			continue // the quota received
		}
		if m.lax(v.Date, 30, 8) {
			v.Approver = "" // 未经审签 (problem 34)
		}
		if m.lax(v.Date, 6, 4) {
			v.Attachments = 0 // 无附件 (problem 35)
		}
		if m.lax(v.Date, 4, 3) {
			v.Summary = "" // 未注明用途 (problem 35)
			for j := range v.Lines {
				v.Lines[j].Summary = ""
			}
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Date.Before(vs[j].Date) })
	for i := range vs {
		vs[i].Number = i + 1
	}
	return vs, rest
}

// seedVouchers adds the demo's purchases of problem 33: souvenirs for the
// plenary sessions of 2017–2019 and leather document bags.
func (m *maker) seedVouchers(d zhenggai.Date, add func(zhenggai.Date, []zhenggai.VoucherLine, int) *store.BulkVoucher) {
	for _, mt := range m.meetings {
		if mt.Type != "全体会议" || period(mt.Date) != period(d) || mt.Date.Year() < 2017 || mt.Date.Year() > 2019 {
			continue
		}
		day := mt.Date
		add(day, payLines("购买政协全委会会议纪念品", items[6], m.fen(6800, 9600, true)), 2)
		if mt.Date.Year() >= 2018 {
			add(day, payLines("购买会议用真皮文件袋", items[0], m.fen(2500, 3800, true)), 1)
		}
	}
}
