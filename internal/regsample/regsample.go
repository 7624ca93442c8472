// Package regsample makes a unit's registers (meetings, finance vouchers,
// party dues) as domain values: the demo's five years of sample registers
// for the seed unit, in which the seed report's own figures hold, and the
// synthetic registers of `zhenggai gen` at county and province size.
//
// It is deterministic: the same Config makes the same values. Every random
// choice comes from PCG generators seeded from Config.Seed.
package regsample

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"

	"zhenggai"
	"zhenggai/internal/store"
)

// Config says what to make.
type Config struct {
	Seed uint64
	// Leaders are the party group (党组), Leaders[0] its secretary and the
	// unit's principal leader, who chairs; at least 3.
	Leaders []string
	// Staff are the office's cadres: Staff[0] records the minutes, Staff[1]
	// is the branch secretary, Staff[2] keeps the accounts; at least 3.
	Staff []string
	// From and To bound the registers' dates.
	From, To zhenggai.Date
	// Facts makes the seed's figures hold (the demo): the meetings per year
	// and by type it states, the dates it names, the 23 large expenses
	// without a decision. The sizes below are then ignored but Members.
	Facts bool
	// Meetings in all, voucher lines in all (about), dues members.
	Meetings, Lines, Members int
	// Proposals in all and CPPCC members (issue 15); with Facts the
	// demo's (ProposalFacts, CPPCCMembers). Zero makes none.
	Proposals, CPPCC int
	// SignInYears: the leaders' and staff's sign-ins and leave requests
	// of the last years of the range (the demo's, with Facts, are its own:
	// from SignInsFrom). Zero makes none.
	SignInYears int
	// Sample marks every record as sample data (示例数据).
	Sample bool
}

// Seed facts (seed report 000, problems 17, 21–25, 33–35).
var (
	// Feedback is when the seed's round gave its feedback: from then on
	// the sample unit keeps the rules.
	Feedback = zhenggai.NewDate(2020, 7, 27)
	// LargeExpense is the threshold of a single expense that the party
	// group must decide (单笔10000元以上).
	LargeExpense zhenggai.Fen = 1_000_000
	// Undecided is how many such expenses of 2016–2019 it did not decide.
	Undecided = 23
	// MeetingsPerYear are the meetings of all types in 2018 and 2019
	// (2019年召开各类会议22次，较2018年同比下降21%).
	MeetingsPerYear = map[int]int{2016: 30, 2017: 31, 2018: 28, 2019: 22, 2020: 27}
	// ChairFirst are the days the seed names on which the chairman spoke
	// first (末位表态 broken, problem 24); OnlyChair the one on which only
	// he spoke (problem 23; its other example, 2014年2月14日, is before the
	// registers).
	ChairFirst = []zhenggai.Date{zhenggai.NewDate(2016, 6, 3), zhenggai.NewDate(2020, 4, 23)}
	OnlyChair  = zhenggai.NewDate(2019, 9, 18)
	// MissingViews are the days, chosen here (the seed names none), of
	// party-group meetings where two present members' views on the
	// decision items were not recorded.
	MissingViews = []zhenggai.Date{zhenggai.NewDate(2017, 4, 11), zhenggai.NewDate(2018, 5, 15)}
	// DuesRoundedFrom is the first month dues were rounded to the 元
	// (2017年以来…四舍五入、抹零头); DuesExactFrom the month they are exact again.
	DuesRoundedFrom, DuesExactFrom = "2017-01", "2020-08"
)

// Demo is the demo's configuration for the seed unit: 2016年1月1日 to the
// seed report's day, 2020年10月28日.
func Demo(leaders, staff []string) Config {
	return Config{Seed: 758074, Leaders: leaders, Staff: staff, From: zhenggai.NewDate(2016, 1, 1),
		To: zhenggai.NewDate(2020, 10, 28), Facts: true, Members: 32, Sample: true}
}

// Validate checks c.
func (c Config) Validate() error {
	switch {
	case len(c.Leaders) < 3 || len(c.Staff) < 3:
		return zhenggai.Errorf(zhenggai.EINVALID, "登记簿示例至少需要3名领导和3名干部")
	case !c.From.Valid() || !c.To.Valid() || c.To.Before(c.From):
		return zhenggai.Errorf(zhenggai.EINVALID, "登记簿的起止日期不正确")
	case c.Members < 0 || c.Meetings < 0 || c.Lines < 0 || c.Proposals < 0 || c.CPPCC < 0 || c.SignInYears < 0:
		return zhenggai.Errorf(zhenggai.EINVALID, "登记簿的规模不能为负数")
	}
	return nil
}

// maker holds what one Generate call is making.
type maker struct {
	c        Config
	rng      *rand.Rand
	cppcc    []string // 政协常委 (not on the staff)
	retired  []string
	others   []string // more in-service cadres
	meetings []zhenggai.Meeting
	// dropViews are the meetings where two views go unrecorded.
	dropViews map[int]bool
	vouchers  []store.BulkVoucher
	members   []store.BulkMember
	persons   []zhenggai.Person
	// The CPPCC registers, from their own generator (members.go).
	crng            *rand.Rand
	cmembers        []store.BulkCPPCCMember
	suggestionsList []zhenggai.Suggestion
	townships       []zhenggai.Township
	proposals       []zhenggai.Proposal
	// Registers (III), issue 16, from their own generator (travel.go).
	trng        *rand.Rand
	travel      []zhenggai.TravelPerson
	retiredList []zhenggai.RetiredPost
	staffDocs   int
	// Study (study.go), from its own generator.
	notesChecks []zhenggai.NotesCheck
	// The archives, from their own generator (archives.go).
	archives []zhenggai.ArchiveFile
}

// Generate makes the registers c describes, for a unit still to be set
// (UnitID 0).
func Generate(c Config) (*store.BulkRegisters, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	m := &maker{c: c, rng: rand.New(rand.NewPCG(c.Seed, 0x7265_6773)), dropViews: map[int]bool{}}
	m.roster()
	if c.Sample {
		for i := range m.persons {
			m.persons[i].Note = "示例数据"
		}
	}
	m.schedule()
	m.makeVouchers()
	m.fillStatements()
	m.number()
	m.dues()
	m.cppccRegisters()
	m.travelRegisters()
	m.makeNotesChecks()
	m.makeArchives()
	m.rectification()
	b := &store.BulkRegisters{Persons: m.persons, Meetings: m.meetings, Vouchers: m.vouchers, Members: m.members,
		TravelPersons: m.travel, RetiredPosts: m.retiredList,
		ImportName: "序时账（示例）.csv", CPPCCMembers: m.cmembers, Suggestions: m.suggestionsList, Townships: m.townships,
		Proposals: m.proposals, NotesChecks: m.notesChecks, Archives: m.archives}
	// Attendance and leave (issue 16), from a generator of their own.
	b.SignIns, b.Leaves = m.attendance()
	return b, nil
}

// Names are made from parts (as gen's are), never the roster's.
var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高覃向田彭谷钟唐邓龙符尹宋廖贺易")
	givenNames = []string{"建华", "志强", "秀兰", "海燕", "国庆", "丽华", "红梅", "晓东", "卫东", "春生", "玉兰", "文杰",
		"德明", "小燕", "桂香", "永红", "光明", "新民", "金凤", "立群", "家乐", "云飞", "静怡", "子涵", "俊峰", "艳萍"}
)

func (m *maker) names(n int, used map[string]bool) []string {
	out := make([]string, 0, n)
	for try := 0; len(out) < n; try++ {
		name := string(surnames[m.rng.IntN(len(surnames))]) + givenNames[m.rng.IntN(len(givenNames))]
		if try > 2000 {
			name += string(surnames[m.rng.IntN(len(surnames))]) // three-character given names once two run short
		}
		if !used[name] {
			used[name] = true
			out = append(out, name)
		}
	}
	return out
}

// roster makes the unit's persons: the leaders, the staff, more cadres to
// make up the dues members, the retired, and the 常委 who sit on the
// standing committee.
func (m *maker) roster() {
	used := map[string]bool{}
	for _, n := range m.c.Leaders {
		used[n] = true
	}
	for _, n := range m.c.Staff {
		used[n] = true
	}
	members := m.c.Members
	retired := members * 7 / 32
	others := max(0, members-retired-len(m.c.Leaders)-len(m.c.Staff))
	m.others = m.names(others, used)
	m.retired = m.names(retired, used)
	m.cppcc = m.names(8, used)
	ranks := []string{"党组书记、主席", "党组副书记、副主席", "党组成员、副主席", "党组成员、副主席", "党组成员、秘书长", "党组成员"}
	for i, n := range m.c.Leaders {
		m.persons = append(m.persons, zhenggai.Person{Name: n, Kind: zhenggai.PersonLeader, Rank: ranks[min(i, len(ranks)-1)], Party: "中共党员"})
	}
	staffRanks := []string{"办公室主任", "机关党支部书记", "会计"}
	for i, n := range append(slices.Clone(m.c.Staff), m.others...) {
		rank := "干部"
		if i < len(staffRanks) {
			rank = staffRanks[i]
		}
		m.persons = append(m.persons, zhenggai.Person{Name: n, Kind: zhenggai.PersonStaff, Rank: rank, Party: "中共党员"})
	}
	for _, n := range m.retired {
		m.persons = append(m.persons, zhenggai.Person{Name: n, Kind: zhenggai.PersonRetired, Party: "中共党员"})
	}
	for i, n := range m.cppcc {
		party := "中共党员"
		if i%3 == 2 {
			party = "无党派人士"
		}
		m.persons = append(m.persons, zhenggai.Person{Name: n, Kind: zhenggai.PersonCPPCC, Rank: "政协常委", Party: party})
	}
}

// chair is the principal leader.
func (m *maker) chair() string { return m.c.Leaders[0] }

// body is who a meeting of a type expects and who chairs it.
func (m *maker) body(typ string) (expected []string, chair string) {
	l := m.c.Leaders
	switch typ {
	case "常委会议", "全体会议":
		return append(slices.Clone(l), m.cppcc...), l[0]
	case "机关干部会", "支部党员大会", "党课", "组织生活会":
		all := append(slices.Clone(l), m.c.Staff...)
		all = append(all, m.others...)
		if typ == "机关干部会" {
			return all, l[0]
		}
		return all, m.c.Staff[1]
	case "支委会":
		return m.c.Staff[:3], m.c.Staff[1]
	}
	return slices.Clone(l), l[0] // 党组会议, 主席会议, 中心组学习, 民主生活会
}

// decides reports whether a type's items are put to its members, one
// statement each.
func decides(typ string) bool {
	return typ == zhenggai.MeetingPartyGroup || typ == "主席会议" || typ == "支委会" || typ == "支部党员大会"
}

// facts-mode meetings per type and year (the totals are MeetingsPerYear).
var perType = map[int][]int{
	// 党组 主席 常委 全体 机关干部会 中心组 支部党员大会 支委会 党课 民主生活会 组织生活会
	2016: {10, 5, 4, 1, 2, 5, 1, 0, 0, 1, 1},
	2017: {10, 5, 4, 1, 2, 5, 2, 0, 0, 1, 1},
	2018: {9, 5, 4, 1, 2, 4, 1, 0, 0, 1, 1},
	2019: {8, 3, 3, 1, 1, 3, 1, 0, 0, 1, 1},
	2020: {9, 3, 3, 1, 1, 8, 0, 0, 0, 1, 1},
}

// scaled shares of the types, in per cent, in the order of DefaultMeetingTypes.
var typeShares = []int{25, 14, 8, 2, 10, 15, 8, 10, 6, 1, 1}

// fixedMeetings are meetings the seed dates (民主生活会 9月23日, 组织生活会
// 9月27日, the branch election of 2017年10月27日) or the demo needs.
func fixedMeetings() map[zhenggai.Date]string {
	f := map[zhenggai.Date]string{
		zhenggai.NewDate(2020, 9, 23):  "民主生活会",
		zhenggai.NewDate(2020, 9, 27):  "组织生活会",
		zhenggai.NewDate(2017, 10, 27): "支部党员大会",
		OnlyChair:                      zhenggai.MeetingPartyGroup,
	}
	for _, d := range ChairFirst {
		f[d] = zhenggai.MeetingPartyGroup
	}
	for _, d := range MissingViews {
		f[d] = zhenggai.MeetingPartyGroup
	}
	return f
}

// workday moves d to the next Monday–Friday.
func workday(d zhenggai.Date) zhenggai.Date {
	for d.Weekend() {
		d = d.AddDays(1)
	}
	return d
}

// schedule lays out the meetings, by type and date, with their ordinary
// and decision items (statements come last, fillStatements).
func (m *maker) schedule() {
	types := zhenggai.DefaultMeetingTypes
	type slot struct {
		typ string
		day zhenggai.Date
	}
	var slots []slot
	fixed := fixedMeetings()
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		start, end := zhenggai.NewDate(y, 1, 1), zhenggai.NewDate(y, 12, 31)
		if start.Before(m.c.From) {
			start = m.c.From
		}
		if m.c.To.Before(end) {
			end = m.c.To
		}
		span := start.DaysUntil(end) + 1
		counts := make([]int, len(types))
		if m.c.Facts {
			copy(counts, perType[y])
		} else {
			days := m.c.From.DaysUntil(m.c.To) + 1
			n := m.c.Meetings * span / days
			left := n
			for i := range counts {
				counts[i] = n * typeShares[i] / 100
				left -= counts[i]
			}
			counts[0] += left // the party group's, the rest of the shares' rounding
		}
		if m.c.Facts {
			for d, typ := range fixed {
				if d.Year() == y {
					slots = append(slots, slot{typ, d})
					counts[slices.Index(types, typ)]--
				}
			}
		}
		for ti, k := range counts {
			for i := range k {
				// Spread over the year, a few days either way.
				off := (2*i+1)*span/(2*k) + m.rng.IntN(9) - 4
				d := workday(start.AddDays(min(max(off, 0), span-1)))
				if _, ok := fixed[d]; ok && m.c.Facts {
					d = workday(d.AddDays(1)) // the seed's day has its own meeting
				}
				if m.c.To.Before(d) {
					d = m.c.To.AddDays(-3)
					d = workday(d)
					if m.c.To.Before(d) {
						d = m.c.To
					}
				}
				slots = append(slots, slot{types[ti], d})
			}
		}
	}
	sort.SliceStable(slots, func(i, j int) bool { return slots[i].day.Before(slots[j].day) })
	for _, s := range slots {
		mt := zhenggai.Meeting{Type: s.typ, Book: s.typ, Date: s.day, Place: "机关三楼会议室", Recorder: m.c.Staff[0], Sample: m.c.Sample}
		expected, chair := m.body(s.typ)
		mt.ChairName = chair
		if s.typ == "常委会议" || s.typ == "全体会议" {
			mt.NonMembers = "各专门委员会主任，机关各科室负责人"
		}
		// Minutes of several bodies kept in the party group's book (problem
		// 21): in the demo every 主席会议, 常委会议 and 机关干部会 of 2017 up to
		// the feedback; elsewhere one in ten.
		if s.typ == "主席会议" || s.typ == "常委会议" || s.typ == "机关干部会" {
			if m.c.Facts && !s.day.Before(zhenggai.NewDate(2017, 1, 1)) && s.day.Before(Feedback) ||
				!m.c.Facts && m.rng.IntN(10) == 0 {
				mt.Book = zhenggai.MeetingPartyGroup
			}
		}
		for i, name := range expected {
			a := zhenggai.Attendance{Name: name, Presence: zhenggai.Present}
			if name != chair && i > 0 {
				switch r := m.rng.IntN(100); {
				case r < 6:
					a.Presence, a.Note = zhenggai.OnLeave, []string{"公务外出", "病假", "参加县委中心工作"}[m.rng.IntN(3)]
				case r < 7:
					a.Presence, a.Note = zhenggai.WrittenView, "请假，书面表示同意"
				case r < 8 && !m.c.Facts:
					a.Presence = zhenggai.AbsentNoLeave
				}
			}
			mt.Attendance = append(mt.Attendance, a)
		}
		titles := titlesOf(s.typ)
		n := 1 + m.rng.IntN(3)
		for i := range n {
			t := titles[(m.rng.IntN(len(titles))+i)%len(titles)]
			it := zhenggai.AgendaItem{Title: t.title, Kind: t.kind, Decision: "会议同意。"}
			if !decides(s.typ) {
				it.Decision = ""
			}
			mt.Items = append(mt.Items, it)
		}
		if m.c.Facts && fixed[s.day] == zhenggai.MeetingPartyGroup && s.typ == zhenggai.MeetingPartyGroup {
			m.seedItem(&mt)
		}
		m.meetings = append(m.meetings, mt)
	}
}

// seedItem puts on a meeting the item the seed names for its day.
func (m *maker) seedItem(mt *zhenggai.Meeting) {
	chair := m.chair()
	switch {
	case mt.Date == ChairFirst[0]:
		it := zhenggai.AgendaItem{Title: "研究单位福利待遇发放和干部职级并行问题", Kind: zhenggai.ItemMajorDecision, Decision: "按主席意见办理。",
			Statements: []zhenggai.Statement{{PersonID: 0, Name: chair, Position: zhenggai.PosView, Summary: "首先发言，提出福利待遇发放和职级并行的意见。"}}}
		mt.Items = append(mt.Items, it)
	case mt.Date == ChairFirst[1]:
		ss := []zhenggai.Statement{{Name: chair, Position: zhenggai.PosView, Summary: "首先发言，提出经审委员会主任候选人人选。"}}
		for _, a := range mt.Attendance {
			if a.Name != chair && a.Presence == zhenggai.Present {
				ss = append(ss, zhenggai.Statement{Name: a.Name, Position: zhenggai.PosAgree, Summary: "同意主席提出的人选。"})
			}
		}
		mt.Items = append(mt.Items, zhenggai.AgendaItem{Title: "讨论工会换届经审委员会主任候选人", Kind: zhenggai.ItemCadre,
			Decision: "同意主席提出的候选人。", Statements: ss})
	case mt.Date == OnlyChair:
		mt.Items = append(mt.Items, zhenggai.AgendaItem{Title: "讨论政协云中心增加两个编制的人选", Kind: zhenggai.ItemCadre, Decision: "同意。",
			Statements: []zhenggai.Statement{{Name: chair, Position: zhenggai.PosAgree, Summary: "提出人选并同意。"}}})
	case slices.Contains(MissingViews, mt.Date):
		mt.Items = append(mt.Items, zhenggai.AgendaItem{Title: "研究推荐评先评优人选", Kind: zhenggai.ItemCadre, Decision: "同意推荐。"})
		m.dropViews[len(m.meetings)] = true
	}
}

type title struct {
	title string
	kind  zhenggai.ItemKind
}

func titlesOf(typ string) []title {
	o := zhenggai.ItemOrdinary
	switch typ {
	case zhenggai.MeetingPartyGroup:
		return []title{{"传达学习上级会议精神", o}, {"研究党风廉政建设工作", o}, {"研究机关党建工作", o}, {"研究提案办理工作", o},
			{"研究年度工作要点", zhenggai.ItemMajorDecision}, {"研究修订机关内部管理制度", zhenggai.ItemMajorDecision},
			{"研究干部职级晋升人选", zhenggai.ItemCadre}, {"研究文史资料编纂项目", zhenggai.ItemMajorProject}}
	case "主席会议":
		return []title{{"研究常委会议议程", o}, {"研究协商议政活动安排", o}, {"研究委员视察活动方案", o}, {"研究提案交办工作", o}}
	case "常委会议":
		return []title{{"审议常委会工作报告", o}, {"审议提案工作情况报告", o}, {"协商讨论县政府工作报告", o}, {"审议增补委员事项", o}}
	case "全体会议":
		return []title{{"审议政协常务委员会工作报告", o}, {"审议提案工作情况报告", o}, {"通过政治决议", o}}
	case "中心组学习":
		return []title{{"学习习近平新时代中国特色社会主义思想", o}, {"学习党章党规", o}, {"学习全国两会精神", o}, {"学习人民政协理论", o}}
	case "支部党员大会":
		return []title{{"民主评议党员", o}, {"选举支部委员会", o}, {"讨论发展党员", o}}
	case "支委会":
		return []title{{"研究党费收缴工作", o}, {"研究主题党日活动安排", o}}
	case "党课":
		return []title{{"书记讲党课", o}}
	case "民主生活会", "组织生活会":
		return []title{{"开展批评和自我批评", o}}
	}
	return []title{{"传达学习上级会议精神", o}, {"部署机关工作", o}, {"通报机关考勤情况", o}}
}

// fillStatements records, on every item of a deciding body that has none
// yet, each present member's view, the chair last (末位表态); in the
// meetings of dropViews two members' views on decision items are left out.
func (m *maker) fillStatements() {
	agree := []string{"同意。", "同意，建议抓紧落实。", "同意，要严格按程序办理。", "同意，注意控制成本。"}
	for mi := range m.meetings {
		mt := &m.meetings[mi]
		if !decides(mt.Type) {
			continue
		}
		for ii := range mt.Items {
			it := &mt.Items[ii]
			if len(it.Statements) > 0 { // set by seedItem
				continue
			}
			dropped := 0
			for _, a := range mt.Attendance {
				if a.Name == mt.ChairName || a.Presence != zhenggai.Present {
					continue
				}
				if m.dropViews[mi] && it.Kind != zhenggai.ItemOrdinary && dropped < 2 {
					dropped++
					continue
				}
				it.Statements = append(it.Statements, zhenggai.Statement{Name: a.Name, Position: zhenggai.PosAgree, Summary: agree[m.rng.IntN(len(agree))]})
			}
			it.Statements = append(it.Statements, zhenggai.Statement{Name: mt.ChairName, Position: zhenggai.PosAgree, Summary: "同意大家的意见。"})
		}
	}
	for mi := range m.meetings {
		for ii := range m.meetings[mi].Items {
			it := &m.meetings[mi].Items[ii]
			it.Seq = ii + 1
			for k := range it.Statements {
				it.Statements[k].Seq = k + 1
			}
		}
	}
}

// number numbers the meetings of each type within its year (第N次), in
// date order.
func (m *maker) number() {
	n := map[string]int{}
	for i := range m.meetings {
		mt := &m.meetings[i]
		k := fmt.Sprint(mt.Type, mt.Date.Year())
		n[k]++
		mt.Number = n[k]
	}
}

// meetingBefore is the index of the last meeting of typ strictly before
// d, -1 for none.
func (m *maker) meetingBefore(typ string, d zhenggai.Date) int {
	for i := len(m.meetings) - 1; i >= 0; i-- {
		if m.meetings[i].Type == typ && m.meetings[i].Date.Before(d) {
			return i
		}
	}
	return -1
}

// fen is a random amount from lo to hi 元, to the fen when cents.
func (m *maker) fen(lo, hi int64, cents bool) zhenggai.Fen {
	f := (lo + m.rng.Int64N(hi-lo+1)) * 100
	if cents {
		f += m.rng.Int64N(100)
	}
	return zhenggai.Fen(f)
}
