package regsample

import (
	"fmt"
	"math/rand/v2"

	"zhenggai"
)

// Registers (III), issue 16: the private travel documents' ledger and the
// retired cadres' posts. Made last, from a generator of their own, so that
// the other registers are the same with or without them; they add no
// person to the roster.

// Seed facts (seed problems 30 and 38).
var (
	// TravelLedgerOn is when the ledger of the unit's other public
	// servants was built ("未建立单位其他国家公职人员因私出国(境)管理台账"; the
	// rectification built it): the leaders (县处级) were registered when
	// they took office, the staff only then.
	TravelLedgerOn = zhenggai.NewDate(2020, 8, 20)
	// TravelDocsHeldOn is when the staff's documents were first held by
	// the unit ("也未对其因私出国(境)证件进行集中管理"); StaffDocuments how many
	// of the staff held one.
	TravelDocsHeldOn = zhenggai.NewDate(2020, 8, 25)
	StaffDocuments   = 7
	// Rehired is the retired cadre re-employed without filing with the
	// county party committee's organisation department (problem 38), from
	// RehiredFrom; in the rectification the agreement was ended
	// (RehireEnded) and the post filed (RehireFiled: "1名相关同志已与聘任单位
	// 解除聘用协议，并向县委组织部备案").
	RehiredFrom, RehireEnded, RehireFiled = zhenggai.NewDate(2019, 4, 1), zhenggai.NewDate(2020, 9, 10), zhenggai.NewDate(2020, 9, 15)
)

var destinations = []string{"泰国", "新加坡", "日本", "韩国", "马来西亚", "澳大利亚", "香港", "澳门"}

// travelRegisters makes the ledger of the leaders and staff and the
// retired cadres' posts.
func (m *maker) travelRegisters() {
	m.trng = rand.New(rand.NewPCG(m.c.Seed, 0x7472_766c))
	for _, p := range m.persons {
		if p.Kind != zhenggai.PersonLeader && p.Kind != zhenggai.PersonStaff {
			continue
		}
		m.travel = append(m.travel, m.travelLine(p))
	}
	m.retiredPosts()
}

// travelLine is one person's line: a leader in scope since before the
// registers, registered and his passport held within days; in the demo
// the staff registered and their documents held only in the
// rectification, elsewhere on time but for one in ten.
func (m *maker) travelLine(p zhenggai.Person) zhenggai.TravelPerson {
	from := m.c.From.AddDays(-365 * (1 + m.trng.IntN(4)))
	t := zhenggai.TravelPerson{Name: p.Name, Rank: p.Rank, ScopeFrom: from, RegisteredOn: workday(from.AddDays(m.trng.IntN(10))), Sample: m.c.Sample}
	if m.c.Sample {
		t.Note = "示例数据"
	}
	staff := p.Kind == zhenggai.PersonStaff
	late := staff && (m.c.Facts || m.trng.IntN(10) == 0)
	if late && m.c.Facts {
		t.ScopeFrom, t.RegisteredOn = m.c.From, TravelLedgerOn
	}
	hasDoc := !staff || (m.c.Facts && m.staffDocs < StaffDocuments) || (!m.c.Facts && m.trng.IntN(3) == 0)
	if !hasDoc {
		return t
	}
	if staff {
		m.staffDocs++
	}
	issued := workday(m.c.From.AddDays(m.trng.IntN(max(1, m.c.From.DaysUntil(m.c.To)*2/3))))
	if !staff {
		issued = workday(from.AddDays(-m.trng.IntN(2000)))
	}
	// Days from the later of issue and scope, as the rule counts them
	// (not moved past days off: the sample stays as it was drawn).
	in := issued
	if in.Before(t.ScopeFrom) {
		in = t.ScopeFrom
	}
	in = in.AddDays(1 + m.trng.IntN(8))
	if late {
		in = TravelDocsHeldOn
		if !m.c.Facts {
			in = issued.AddDays(30 + m.trng.IntN(300))
		}
	}
	t.Documents = []zhenggai.TravelDocument{{Kind: zhenggai.DocPassport, Number: fmt.Sprintf("E%08d", m.trng.IntN(100_000_000)), IssuedOn: issued, HandedIn: in}}
	if staff && m.trng.IntN(2) == 0 {
		hk := workday(issued.AddDays(m.trng.IntN(200)))
		t.Documents = append(t.Documents, zhenggai.TravelDocument{Kind: zhenggai.DocHKMacao, Number: fmt.Sprintf("C%08d", m.trng.IntN(100_000_000)),
			IssuedOn: hk, HandedIn: in})
		if !hk.Before(in) {
			t.Documents[1].HandedIn = hk.AddDays(3)
		}
	}
	// A leader's trip or two: approved before, the passport out after the
	// approval and back within days of the return.
	if !staff {
		for k := range m.trng.IntN(3) {
			start := workday(zhenggai.NewDate(m.c.From.Year()+1+k*2, 1+m.trng.IntN(11), 1+m.trng.IntN(27)))
			if m.c.To.Before(start.AddDays(30)) || start.Before(in) {
				continue
			}
			end := start.AddDays(4 + m.trng.IntN(6))
			seq := len(t.Trips) + 1
			t.Trips = append(t.Trips, zhenggai.TravelTrip{Seq: seq, Destination: destinations[m.trng.IntN(len(destinations))], From: start, To: end,
				Reason: "休假旅游", ApprovedBy: "县委组织部", ApprovedOn: start.AddDays(-10 - m.trng.IntN(10)), Document: zhenggai.DocPassport})
			t.Moves = append(t.Moves, zhenggai.TravelMove{Document: zhenggai.DocPassport, Trip: seq, Out: start.AddDays(-2), Back: end.AddDays(1 + m.trng.IntN(5))})
		}
	}
	return t
}

var (
	retiredOrgs  = []string{"县老年大学", "县关心下一代工作委员会", "县老年人体育协会", "县诗词楹联协会", "县慈善总会"}
	retiredPosts = []string{"副校长", "副主任", "会长", "副会长", "顾问"}
)

// retiredPosts gives some retired cadres a post: in the demo the one
// re-employed without filing, two filed in order; elsewhere one in five
// unfiled.
func (m *maker) retiredPosts() {
	for i, name := range m.retired {
		if !m.c.Facts && m.trng.IntN(2) == 0 {
			continue
		}
		if m.c.Facts && i > 2 {
			break
		}
		born := zhenggai.NewDate(1951+m.trng.IntN(5), 1+m.trng.IntN(12), 1)
		from := workday(zhenggai.NewDate(m.c.From.Year()+m.trng.IntN(3), 1+m.trng.IntN(12), 1))
		if m.c.To.Before(from) {
			from = m.c.From
		}
		p := zhenggai.RetiredPost{Name: name, Born: born, FormerRank: []string{"县政协副主席", "县政协秘书长", "县政协办公室主任"}[i%3],
			RetiredOn: zhenggai.NewDate(born.Year()+60, born.Month(), 1).AddDays(-1), Org: retiredOrgs[m.trng.IntN(len(retiredOrgs))],
			Post: retiredPosts[m.trng.IntN(len(retiredPosts))], Kind: zhenggai.RetiredPartTime, ApprovedBy: "县委组织部",
			ApprovedOn: from.AddDays(-20), FiledOn: from.AddDays(-12), Term: 1, From: from, Sample: m.c.Sample}
		p.FilingNo = fmt.Sprintf("组干备〔%d〕%d号", p.FiledOn.Year(), 1+m.trng.IntN(40))
		if m.c.Sample {
			p.Note = "示例数据"
		}
		if (m.c.Facts && i == 0) || (!m.c.Facts && m.trng.IntN(5) == 0) {
			// Re-employed without approval or filing.
			p.Kind, p.Org, p.Post, p.ApprovedBy, p.ApprovedOn, p.FiledOn, p.FilingNo = zhenggai.RetiredRehired, "县城市建设投资开发有限公司", "顾问", "", zhenggai.Date{}, zhenggai.Date{}, ""
			if m.c.Facts {
				p.Born, p.RetiredOn = zhenggai.NewDate(1958, 11, 1), zhenggai.NewDate(2018, 10, 31)
				p.From, p.To, p.FiledOn, p.FilingNo = RehiredFrom, RehireEnded, RehireFiled, "组干备〔2020〕27号"
				p.Note = "2020年9月10日已与聘任单位解除聘用协议，并向县委组织部备案"
			}
		}
		m.retiredList = append(m.retiredList, p)
	}
}
