package regsample

import (
	"zhenggai"
	"zhenggai/internal/store"
)

// Due is the monthly due of a member of kind on base, by 中组发〔2008〕3号:
// the whole base at one rate, half up to the fen; fixed 0.20元 for
// students, the unemployed and 低保; a farmer's own fixed amount.
func Due(kind zhenggai.DuesKind, base, fixed zhenggai.Fen) zhenggai.Fen {
	var permille int64
	switch kind {
	case zhenggai.DuesInService:
		switch {
		case base <= 300_000:
			permille = 5
		case base <= 500_000:
			permille = 10
		case base <= 1_000_000:
			permille = 15
		default:
			permille = 20
		}
	case zhenggai.DuesRetired:
		permille = 5
		if base > 500_000 {
			permille = 10
		}
	case zhenggai.DuesFarmer:
		return fixed
	default:
		return 20
	}
	return zhenggai.Fen((int64(base)*permille + 500) / 1000)
}

// dues makes the branch's members (the leaders, the staff and the other
// in-service cadres, then the retired), each year's base and every month's
// payment. From DuesRoundedFrom to before DuesExactFrom some members paid
// the due rounded to the 元 (四舍五入 for some, 抹零头 for others, problem
// 17): in the demo every third member, elsewhere one in six.
func (m *maker) dues() {
	if m.c.Members == 0 {
		return
	}
	type who struct {
		name string
		kind zhenggai.DuesKind
	}
	var all []who
	for _, n := range m.c.Leaders {
		all = append(all, who{n, zhenggai.DuesInService})
	}
	for _, n := range append(append([]string{}, m.c.Staff...), m.others...) {
		all = append(all, who{n, zhenggai.DuesInService})
	}
	for _, n := range m.retired {
		all = append(all, who{n, zhenggai.DuesRetired})
	}
	if len(all) > m.c.Members {
		all = all[:m.c.Members]
	}
	first, last := period(m.c.From), period(m.c.To)
	for i, w := range all {
		mem := store.BulkMember{DuesMember: zhenggai.DuesMember{Name: w.name, Kind: w.kind, Joined: first, Sample: m.c.Sample}}
		if !m.c.Facts && i%50 == 49 {
			// Now and then a member who pays a fixed due.
			mem.Kind = []zhenggai.DuesKind{zhenggai.DuesStudent, zhenggai.DuesUnemployed, zhenggai.DuesDibao}[i/50%3]
		}
		switch {
		case m.c.Facts && i == len(all)-len(m.retired)-1:
			mem.Joined = "2018-03" // transferred in
		case m.c.Facts && i == len(all)-len(m.retired)-2:
			mem.Left = "2019-06" // transferred out
		}
		rounds := m.c.Facts && i%3 == 1 || !m.c.Facts && i%6 == 1
		halfUp := i%2 == 1
		var base zhenggai.Fen
		switch w.kind {
		case zhenggai.DuesRetired:
			base = m.fen(3200, 6500, true)
		default:
			base = m.fen(2600, 9600, true)
			if i < len(m.c.Leaders) {
				base = m.fen(6000, 9800, true)
			}
		}
		for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
			if y > m.c.From.Year() {
				base = base * zhenggai.Fen(103+m.rng.IntN(4)) / 100 // yearly raise
			}
			if base%100 == 0 {
				base += 37 // a payroll's 税后 figure has fen
			}
			mem.Bases = append(mem.Bases, zhenggai.DuesBase{Year: y, Base: base})
		}
		for d := m.c.From; !m.c.To.Before(d); d = firstOfNext(d) {
			mo := period(d)
			if mo < mem.Joined || mem.Left != "" && mo > mem.Left || mo > last {
				continue
			}
			due := Due(mem.Kind, mem.Bases[d.Year()-m.c.From.Year()].Base, mem.Fixed)
			paid := due
			if rounds && mo >= DuesRoundedFrom && mo < DuesExactFrom {
				if halfUp {
					paid = (due + 50) / 100 * 100 // 四舍五入
				} else {
					paid = due / 100 * 100 // 抹零头
				}
			}
			mem.Payments = append(mem.Payments, zhenggai.DuesPayment{Month: mo, Paid: paid, PaidOn: workday(d.AddDays(4))})
		}
		m.members = append(m.members, mem)
	}
}
