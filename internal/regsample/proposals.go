package regsample

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"zhenggai"
)

// ProposalYear is what the demo's register holds of one year's session
// (seed problems 9, 10, 14): received = rejected + converted + merged +
// registered; of the registered, Letters keep their reply letter and
// Forms their feedback form, and Open are still unanswered.
type ProposalYear struct {
	Received, Rejected, Converted, Merged, Registered int
	Letters, Forms, Open                              int
}

// ProposalFacts are the demo's sessions: 2016–2019 230 registered, 162
// letters, 93 forms (problem 14), missing in each of the four years;
// 九届四次 (2019) 79 received, 2 turned into opinions, 62 registered after
// merging, every one answered, every form returned satisfied (problems
// 9, 10: 答复率、满意率均达100%, the 满意率 over the forms returned);
// 2020's session, after the feedback, with its archive complete and
// eight still unanswered.
var ProposalFacts = map[int]ProposalYear{
	2016: {60, 2, 0, 4, 54, 38, 20, 0},
	2017: {63, 1, 1, 3, 58, 40, 22, 0},
	2018: {61, 2, 0, 3, 56, 36, 21, 0},
	2019: {79, 0, 2, 15, 62, 48, 30, 0},
	2020: {66, 1, 1, 6, 58, 50, 50, 8},
}

// Session names the plenary of a year of the term: 九届一次 is 2016's
// (the seed: 2019 was 第九届委员会第四次会议).
func Session(y int) string { return "九届" + zhenggai.Numeral(y-2015) + "次" }

var (
	handlers = []string{"县教育局", "县交通运输局", "县卫生健康局", "县农业农村局", "县住房和城乡建设局", "县自然资源局",
		"县财政局", "县民政局", "县文化旅游广电体育局", "县生态环境局", "县水利局", "县人力资源和社会保障局"}
	subjects = []string{"农村公路养护", "城区停车难", "乡村学校师资", "基层医疗卫生", "旅游景区提质", "茶叶产业发展",
		"农村饮水安全", "易地扶贫搬迁后续扶持", "县城污水处理", "留守儿童关爱", "农产品冷链物流", "非物质文化遗产保护",
		"澧水流域生态保护", "民族文化传承", "中小企业融资"}
	parties = []string{"民盟桑植县支部", "民建桑植县支部", "农工党桑植县支部", "县工商联"}
)

// sha is a stand-in for a file's hash, from its name.
func sha(name string) string { s := sha256.Sum256([]byte(name)); return hex.EncodeToString(s[:]) }

// makeProposals makes each year's session: in the demo ProposalFacts,
// elsewhere c.Proposals spread over the years, nine in ten registered,
// most with their letter and form, a tenth of the last year's open.
// Signers come round the members in turn (each signs about every year
// and a half), the demo's silent members left out until 2020.
func (m *maker) makeProposals() {
	if len(m.cmembers) == 0 {
		return
	}
	next := 0
	signer := func(y int) int {
		for {
			i := next % len(m.cmembers)
			next++
			if !(m.silent(i) && y < 2020) {
				return i
			}
		}
	}
	years := m.c.To.Year() - m.c.From.Year() + 1
	for y := m.c.From.Year(); y <= m.c.To.Year(); y++ {
		f, ok := ProposalFacts[y]
		if !m.c.Facts || !ok {
			n := m.c.Proposals / years
			reg := n * 9 / 10
			f = ProposalYear{Received: n, Rejected: n / 30, Converted: n / 40, Registered: reg,
				Letters: reg * 9 / 10, Forms: reg * 8 / 10}
			f.Merged = n - reg - f.Rejected - f.Converted
			if f.Merged < 0 {
				f.Rejected, f.Converted, f.Merged = 0, 0, n-reg
			}
			if y == m.c.To.Year() {
				f.Open = reg / 10
			}
		}
		session := zhenggai.NewDate(y, 1, 15)
		if i := m.meetingIn("全体会议", y); i >= 0 {
			session = m.meetings[i].Date
		}
		if session.Before(m.c.From) {
			session = m.c.From
		}
		first := len(m.proposals)
		// The registered first (merges go into them), then the rest.
		lost := map[int]bool{}
		noForm := map[int]bool{}
		for _, k := range m.crng.Perm(f.Registered - f.Open)[:max(0, f.Registered-f.Open-f.Letters)] {
			lost[k] = true
		}
		for _, k := range m.crng.Perm(f.Registered - f.Open)[:max(0, f.Registered-f.Open-f.Forms)] {
			noForm[k] = true
		}
		for k := range f.Received {
			p := zhenggai.Proposal{Session: Session(y), Year: y, Number: fmt.Sprint(k + 1), Source: zhenggai.SourceMember,
				Timing: zhenggai.TimingSession, SubmittedOn: session.AddDays(-m.crng.IntN(10)), Public: true, Sample: m.c.Sample}
			subject := subjects[m.crng.IntN(len(subjects))]
			p.Title = "关于加强" + subject + "工作的建议"
			p.Content = "案由：" + subject + "方面存在短板。建议：加大投入，明确责任，限期解决。"
			lead := signer(y)
			p.Signers = []zhenggai.ProposalSigner{{Seq: 1, Name: m.cmembers[lead].Name}}
			if m.crng.IntN(10) == 0 {
				p.Source, p.Submitter = zhenggai.SourceParty, parties[m.crng.IntN(len(parties))]
			}
			for range m.crng.IntN(3) {
				co := signer(y)
				if co != lead {
					p.Signers = append(p.Signers, zhenggai.ProposalSigner{Seq: len(p.Signers) + 1, Name: m.cmembers[co].Name,
						InvitedOn: p.SubmittedOn.AddDays(-5), Deadline: p.SubmittedOn, ConfirmedOn: p.SubmittedOn.AddDays(-2)})
				}
			}
			p.ReviewedOn = session.AddDays(10)
			switch reg := f.Registered; {
			case k < reg:
				m.registered(&p, k, f, lost[k], noForm[k], session)
			case k < reg+f.Merged:
				p.Status, p.MergedInto = zhenggai.PropMerged, int64(first+m.crng.IntN(reg)+1)
			case k < reg+f.Merged+f.Converted:
				p.Status, p.ConvertedTo, p.ConsentOn = zhenggai.PropConverted, "意见建议", p.ReviewedOn.AddDays(-2)
			default:
				p.Status, p.Ground = zhenggai.PropRejected, "属于个人诉求，不宜作为提案"
			}
			m.proposals = append(m.proposals, p)
		}
		if m.c.Facts && y == 2020 {
			// The silent members co-sign after the feedback.
			for i := range m.cmembers {
				if m.silent(i) {
					p := &m.proposals[first+i%f.Registered]
					p.Signers = append(p.Signers, zhenggai.ProposalSigner{Seq: len(p.Signers) + 1, Name: m.cmembers[i].Name,
						ConfirmedOn: p.SubmittedOn})
				}
			}
		}
	}
}

// registered takes a registered proposal (the k-th of its year) through
// its cycle: assigned a month after the session to a lead handling unit
// (a third with a co-handling one), answered within the three months
// (one in twenty late), reviewed, the form back and done; the last Open
// of the year still being handled.
func (m *maker) registered(p *zhenggai.Proposal, k int, f ProposalYear, lost, noForm bool, session zhenggai.Date) {
	p.Status = zhenggai.PropRegistered
	p.AssignedOn = workday(session.AddDays(30))
	due := p.AssignedOn.Time().AddDate(0, 3, 0)
	p.DueOn = zhenggai.NewDate(due.Year(), int(due.Month()), due.Day())
	lead := handlers[m.crng.IntN(len(handlers))]
	p.Handlers = []zhenggai.ProposalAssignment{{Handler: lead, Role: zhenggai.HandlerLead, AssignedOn: p.AssignedOn}}
	if m.crng.IntN(3) == 0 {
		co := handlers[m.crng.IntN(len(handlers))]
		if co != lead {
			p.Handlers = append(p.Handlers, zhenggai.ProposalAssignment{Handler: co, Role: zhenggai.HandlerCo, AssignedOn: p.AssignedOn})
		}
	}
	p.Status = zhenggai.PropAssigned
	if k >= f.Registered-f.Open {
		return // still being handled
	}
	days := 40 + m.crng.IntN(45)
	if !(m.c.Facts && p.Year == 2019) && m.crng.IntN(20) == 0 {
		days = 100 + m.crng.IntN(30) // late
	}
	replied := workday(p.AssignedOn.AddDays(days))
	if !replied.Before(m.c.To) {
		replied = m.c.To.AddDays(-20) // the registers end: answered by then
	}
	class := []zhenggai.ReplyClass{zhenggai.ReplyClassA, zhenggai.ReplyClassA, zhenggai.ReplyClassA, zhenggai.ReplyClassB, zhenggai.ReplyClassB, zhenggai.ReplyClassC}[m.crng.IntN(6)]
	r := zhenggai.ProposalReply{AssignmentID: 1, Round: 1, RepliedOn: replied, Class: class, Summary: "已研究办理，答复如下。",
		ReviewedOn: replied.AddDays(3), Approved: true}
	if len(p.Handlers) > 1 {
		p.Replies = append(p.Replies, zhenggai.ProposalReply{AssignmentID: 2, Round: 1, CoView: true, RepliedOn: replied.AddDays(-10),
			Summary: "会办意见已送主办单位。"})
	}
	if !lost {
		r.LetterName = p.Handlers[0].Handler + "答复函.pdf"
		r.LetterSHA256 = sha(fmt.Sprint(p.Year, p.Number, "letter"))
		p.Documents = append(p.Documents, zhenggai.ProposalDocument{Kind: zhenggai.DocReplyLetter, Name: r.LetterName, SHA256: r.LetterSHA256, On: replied})
	}
	p.Replies = append(p.Replies, r)
	p.Class = class
	p.Status, p.DoneOn = zhenggai.PropDone, replied.AddDays(15)
	if noForm {
		return
	}
	result := zhenggai.FeedbackSatisfied
	if !(m.c.Facts && p.Year == 2019) && m.crng.IntN(7) == 0 {
		result = zhenggai.FeedbackBasic
	}
	on := replied.AddDays(15)
	if m.c.To.Before(on) {
		on = m.c.To
	}
	p.Feedback = []zhenggai.ProposalFeedback{{Round: 1, Name: p.Signers[0].Name, Result: result, ReturnedOn: on}}
	p.Documents = append(p.Documents, zhenggai.ProposalDocument{Kind: zhenggai.DocFeedbackForm, Name: "办理情况征询意见表.pdf",
		SHA256: sha(fmt.Sprint(p.Year, p.Number, "form")), On: on})
}

// meetingIn is the index of the first meeting of typ in year y, -1 for none.
func (m *maker) meetingIn(typ string, y int) int {
	for i := range m.meetings {
		if m.meetings[i].Type == typ && m.meetings[i].Date.Year() == y {
			return i
		}
	}
	return -1
}
