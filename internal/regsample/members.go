package regsample

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"zhenggai"
	"zhenggai/internal/store"
)

// The CPPCC registers (issue 15): members with their activities and
// plenary attendance, suggestions (this file), proposals (proposals.go)
// and the townships' liaison groups (townships.go). Made after the other
// registers, from a generator of their own, so that the meetings,
// vouchers and dues the seed's figures fix are the same with or without
// them. Marked sample data (示例数据) as the rest.

// Seed facts of the CPPCC registers (seed problems 12 and 13).
var (
	// Term is the committee's term, the 2016–2020 of the registers.
	Term = "第九届"
	// CPPCCMembers is the demo's number of members.
	CPPCCMembers = 196
	// Silent are the members who submitted (or co-signed) no proposal in
	// the four years 2016–2019 ("有的委员在四年任期内没有提交一份提案"); they
	// co-sign in 2020, after the feedback.
	Silent = 12
	// PlenaryLeaveYear and PlenaryOnLeave: the plenary of 2019 (九届四次)
	// with more than a hundred on leave ("委员先后有100多人请假").
	PlenaryLeaveYear, PlenaryOnLeave = 2019, 105
	// Absentees are the members absent without leave from two plenaries
	// (2017 and 2018).
	Absentees = 2
	// PlatformSuggestions are the members' suggestions on the platform
	// (政协云) over the years ("多年来在平台上提出意见建议仅17条").
	PlatformSuggestions = 17
)

var (
	sectors    = []string{"中共", "民革", "民盟", "民建", "农工党", "致公党", "无党派人士", "共青团", "工商联", "文化艺术界", "科技界", "教育界", "医药卫生界", "经济界", "农业界", "社会福利界", "少数民族界", "宗教界", "特邀人士"}
	committees = []string{"提案委员会", "经济科技委员会", "教科文卫体委员会", "社会法制和民族宗教委员会", "文史和学习委员会", "农业和农村委员会"}
)

// cppcc makes the CPPCC registers when c asks for them (the demo, or gen
// with CPPCC members).
func (m *maker) cppccRegisters() {
	n := m.c.CPPCC
	if m.c.Facts {
		n = CPPCCMembers
	}
	if n == 0 {
		return
	}
	m.crng = rand.New(rand.NewPCG(m.c.Seed, 0x6370_7063))
	m.cppccMembers(max(n, len(m.cppcc)))
	m.plenaryAttendance()
	m.memberActivities()
	m.suggestions()
	m.makeTownships()
	m.makeProposals()
}

// cppccMembers makes the members: the 常委 of the roster first, then new
// persons of kind 政协委员.
func (m *maker) cppccMembers(n int) {
	used := map[string]bool{}
	for _, p := range m.persons {
		used[p.Name] = true
	}
	names := slices.Clone(m.cppcc)
	more := m.cnames(n-len(names), used)
	names = append(names, more...)
	for _, name := range more {
		p := zhenggai.Person{Name: name, Kind: zhenggai.PersonCPPCC, Rank: "政协委员", Party: "群众"}
		if m.c.Sample {
			p.Note = "示例数据"
		}
		m.persons = append(m.persons, p)
	}
	for i, name := range names {
		mb := zhenggai.CPPCCMember{Name: name, Term: Term, Sector: sectors[m.crng.IntN(len(sectors))],
			Committee: committees[m.crng.IntN(len(committees))], Standing: i < len(m.cppcc) || i%8 == 0,
			Status: zhenggai.MemberActive, JoinedOn: m.c.From, Sample: m.c.Sample}
		m.cmembers = append(m.cmembers, store.BulkCPPCCMember{CPPCCMember: mb})
	}
}

// cnames are n new names, from the CPPCC generator.
func (m *maker) cnames(n int, used map[string]bool) []string {
	out := make([]string, 0, max(n, 0))
	for try := 0; len(out) < n; try++ {
		name := string(surnames[m.crng.IntN(len(surnames))]) + givenNames[m.crng.IntN(len(givenNames))]
		if try > 2000 {
			name += string(surnames[m.crng.IntN(len(surnames))])
		}
		if try > 20000 {
			name += fmt.Sprint(try) // a province's members: names run out
		}
		if !used[name] {
			used[name] = true
			out = append(out, name)
		}
	}
	return out
}

// silent reports whether member i is one who submitted nothing in
// 2016–2019 (the demo's last members).
func (m *maker) silent(i int) bool { return m.c.Facts && i >= len(m.cmembers)-Silent }

// absentee reports whether member i is absent without leave from the
// plenaries of 2017 and 2018 (the demo's).
func (m *maker) absentee(i int) bool {
	k := len(m.cmembers) - Silent - Absentees
	return m.c.Facts && i >= k && i < k+Absentees
}

// plenaryAttendance makes each plenary's attendance the whole committee:
// the party group's leaders, then every member. In the demo the plenary
// of PlenaryLeaveYear has PlenaryOnLeave members on leave and the
// absentees miss those of 2017 and 2018; otherwise about one in twelve
// is on leave and, outside the demo, one in a hundred absent.
func (m *maker) plenaryAttendance() {
	for mi := range m.meetings {
		mt := &m.meetings[mi]
		if mt.Type != "全体会议" {
			continue
		}
		var att []zhenggai.Attendance
		members := map[string]bool{}
		for _, cm := range m.cmembers {
			members[cm.Name] = true
		}
		for _, a := range mt.Attendance {
			if !members[a.Name] {
				if m.c.Facts {
					a.Presence, a.Note = zhenggai.Present, "" // the leaders attend: the seed's count is of members
				}
				att = append(att, a)
			}
		}
		y := mt.Date.Year()
		leave := map[int]bool{}
		if m.c.Facts && y == PlenaryLeaveYear {
			for _, i := range m.crng.Perm(len(m.cmembers) - Silent - Absentees)[:PlenaryOnLeave] {
				leave[i] = true
			}
		}
		for i, cm := range m.cmembers {
			a := zhenggai.Attendance{Name: cm.Name, Presence: zhenggai.Present}
			r := m.crng.IntN(100)
			switch {
			case m.absentee(i) && (y == 2017 || y == 2018):
				a.Presence = zhenggai.AbsentNoLeave
			case leave[i] || !(m.c.Facts && y == PlenaryLeaveYear) && r < 8:
				a.Presence, a.Note = zhenggai.OnLeave, []string{"公务外出", "病假", "参加县委中心工作", "外出务工"}[m.crng.IntN(4)]
			case !m.c.Facts && r == 99:
				a.Presence = zhenggai.AbsentNoLeave
			}
			att = append(att, a)
		}
		mt.Attendance = att
	}
}

// memberActivities gives each member an activity a year now and then
// (the seed: 组织培训不经常).
func (m *maker) memberActivities() {
	titles := map[zhenggai.ActivityKind][]string{
		zhenggai.ActivityResearch:   {"脱贫攻坚专题调研", "乡村振兴专题调研", "民营经济发展调研", "旅游产业发展调研"},
		zhenggai.ActivityInspection: {"重点项目建设视察", "县城提质改造视察", "农村饮水安全视察"},
		zhenggai.ActivityTraining:   {"委员履职能力培训", "提案业务培训"},
		zhenggai.ActivityContact:    {"走访联系界别群众", "委员接待日"},
	}
	kinds := zhenggai.ActivityKinds[:4]
	for i := range m.cmembers {
		cm := &m.cmembers[i]
		for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
			for range m.crng.IntN(2) {
				k := kinds[m.crng.IntN(len(kinds))]
				cm.Activities = append(cm.Activities, zhenggai.MemberActivity{Kind: k, Title: titles[k][m.crng.IntN(len(titles[k]))],
					On: m.dayIn(y), Sample: m.c.Sample})
			}
		}
	}
}

// dayIn is a working day of year y within the registers' dates.
func (m *maker) dayIn(y int) zhenggai.Date {
	start, end := zhenggai.NewDate(y, 1, 1), zhenggai.NewDate(y, 12, 31)
	if start.Before(m.c.From) {
		start = m.c.From
	}
	if m.c.To.Before(end) {
		end = m.c.To
	}
	d := workday(start.AddDays(m.crng.IntN(max(start.DaysUntil(end), 1))))
	if m.c.To.Before(d) {
		d = m.c.To
	}
	return d
}

// suggestions are the members' micro-suggestions and 社情民意: in the
// demo PlatformSuggestions on the platform before the feedback and a
// dozen a year on paper; elsewhere about one in four members a year on
// the platform and as many on paper.
func (m *maker) suggestions() {
	titles := []string{"关于加强农村留守儿童关爱的建议", "关于规范城区占道经营的建议", "关于改善乡村道路安全设施的建议",
		"关于加快发展特色种养业的建议", "关于完善基层医疗服务的建议", "关于保护传统村落的建议", "关于整治河道采砂的建议"}
	add := func(via zhenggai.SuggestionVia, on zhenggai.Date) {
		i := m.crng.IntN(len(m.cmembers))
		s := zhenggai.Suggestion{MemberID: int64(i + 1), Name: m.cmembers[i].Name, Kind: zhenggai.SuggestSQMY, Via: via,
			Title: titles[m.crng.IntN(len(titles))], On: on, Sample: m.c.Sample}
		if m.crng.IntN(2) == 0 {
			s.Kind = zhenggai.SuggestMicro
		}
		if m.crng.IntN(4) == 0 {
			s.Adopted, s.AdoptedOn, s.AdoptedBy = zhenggai.AdoptCounty, on.AddDays(20), "《桑植政协信息》"
		}
		m.suggestionsList = append(m.suggestionsList, s)
	}
	if m.c.Facts {
		span := m.c.From.DaysUntil(Feedback)
		for i := range PlatformSuggestions {
			add(zhenggai.ViaPlatform, workday(m.c.From.AddDays((2*i+1)*span/(2*PlatformSuggestions))))
		}
		for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
			for range 12 {
				add(zhenggai.ViaPaper, m.dayIn(y))
			}
		}
		return
	}
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		for range len(m.cmembers) / 4 {
			add(zhenggai.ViaPlatform, m.dayIn(y))
			add(zhenggai.ViaPaper, m.dayIn(y))
		}
	}
}
