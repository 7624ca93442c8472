package zhenggai

import (
	"fmt"
	"strings"
	"time"
)

// Notification is a message in a person's inbox: a warning, a step of
// closing, an opinion from the public, and, when it is to be e-mailed, he
// has an address and SMTP is set up, an e-mail. It refers to its record
// (RecordKind, RecordID, and the measure within a problem); the pages and
// the API build the link from that, so no address is stored.
type Notification struct {
	ID         int64      `json:"id"`
	UnitID     int64      `json:"unit_id"`
	UserID     int64      `json:"user_id"`
	Kind       NoticeKind `json:"kind,omitempty"`
	RecordKind string     `json:"record_kind,omitempty"` // RecordProblem or RecordOpinion; "" for none
	RecordID   int64      `json:"record_id,omitempty"`
	MeasureID  int64      `json:"measure_id,omitempty"` // the measure of the problem it is about
	Colour     Colour     `json:"colour,omitempty"`
	Subject    string     `json:"subject"`
	Body       string     `json:"body"`
	Read       bool       `json:"read"`
	EmailState string     `json:"email_state,omitempty"` // one of the Email states below
	CreatedAt  time.Time  `json:"created_at"`

	Email string `json:"-"` // the recipient's address, for sending
}

// Email states of a notification.
const (
	EmailNone      = ""
	EmailPending   = "pending"
	EmailSending   = "sending" // claimed by a sender
	EmailSent      = "sent"
	EmailFailed    = "failed"     // given up after repeated failures
	EmailNoAddress = "no_address" // the recipient has no address any more
)

// Record kinds a notice refers to: what a page shows.
const (
	RecordProblem     = "problem"
	RecordOpinion     = "opinion"
	RecordPublication = "publication"
	RecordProposal    = "proposal"
)

// NoticeKind is what a notice is about.
type NoticeKind string

const (
	NoticeWarning     NoticeKind = "warning"     // a measure's deadline colour
	NoticeClosing     NoticeKind = "closing"     // a step of closing (销号)
	NoticeOpinion     NoticeKind = "opinion"     // an opinion from the public and its handling
	NoticePublication NoticeKind = "publication" // a progress report's review before it is public
	NoticeProposal    NoticeKind = "proposal"    // a CPPCC proposal's step that asks someone to act
)

// Audience is the rule of who receives a notice, in terms of the unit's
// roles and the names the ledger writes; the store turns it into
// accounts (enabled ones, each once).
type Audience struct {
	Unit         int64    // the unit whose people are meant
	OfficesAbove bool     // the inspection offices' staff (巡察办) above the unit, however far up
	UnitAdmins   bool     // the unit's office (单位管理员)
	Principals   bool     // the unit's principal leaders (主要负责人)
	Leaders      []string // 责任领导 of the unit by the name the ledger writes
	Owners       []string // 责任人 of the unit by the name the ledger writes
	Users        []int64  // named accounts of the unit
	// Persons are roster persons (a member, a leader): the accounts
	// linked to them, of whatever unit.
	Persons []int64
	Except  []int64 // accounts left out whatever the rest says (the drafter of what is to be reviewed)
}

// Empty reports whether the rule names nobody.
func (a Audience) Empty() bool {
	return !a.OfficesAbove && !a.UnitAdmins && !a.Principals && len(a.Leaders) == 0 && len(a.Owners) == 0 && len(a.Users) == 0 &&
		len(a.Persons) == 0
}

// Notice is one message to be put in the inboxes of its audience.
type Notice struct {
	To         Audience
	Kind       NoticeKind
	RecordKind string
	RecordID   int64
	MeasureID  int64
	Colour     Colour
	Subject    string
	Body       string
	Email      bool // also e-mailed to those with an address, when SMTP is set up
}

// For is the notice as the message of one recipient; his messages belong
// to unit (his own: an office's staff keep theirs when the unit's records
// go elsewhere).
func (n Notice) For(unit, user int64) *Notification {
	return &Notification{UnitID: unit, UserID: user, Kind: n.Kind, RecordKind: n.RecordKind, RecordID: n.RecordID,
		MeasureID: n.MeasureID, Colour: n.Colour, Subject: n.Subject, Body: n.Body}
}

// MailLink is the last line of a notice's e-mail: where to read it (url),
// or to sign in when the program's address is not known ("").
func MailLink(url string) string {
	if url == "" {
		return "请登录巡察整改管理系统查看。"
	}
	return "详情请见：" + url
}

// Every text of the program's notices is written below, the way an office
// writes a reminder: closing steps, warnings, opinions.

// CloseFacts are what the notices of a closing step say and whom they
// reach, read where the step is taken.
type CloseFacts struct {
	Unit         string // the unit's name
	ProblemSeq   int
	ProblemTitle string
	// The measure of a step on a measure.
	MeasureContent string
	Leader, Owner  string
	// The leaders and owners of every measure of the problem, for a step
	// on the problem.
	Leaders, Owners []string
}

// CloseNotices are the messages a closing step sends: asking to close a
// measure tells its leader; returning it tells its owner (with the
// reason); a problem submitted tells the inspection offices above the
// unit, any of which may accept it; an acceptance, a rejection (with its
// reason) or a reopening tells the unit: its office and the leaders and
// owners of the problem's measures. Approving a measure tells nobody (the
// submission that may follow does). In-app only: e-mail goes out for
// warnings, opinions and the daily digest.
func CloseNotices(st *CloseStep, f CloseFacts) []Notice {
	n := Notice{Kind: NoticeClosing, RecordKind: RecordProblem, RecordID: st.ProblemID, To: Audience{Unit: st.UnitID}}
	problem := fmt.Sprintf("具体问题%d“%s”", f.ProblemSeq, Clip(f.ProblemTitle, 30))
	measure := fmt.Sprintf("具体问题%d的措施“%s”", f.ProblemSeq, Clip(f.MeasureContent, 30))
	switch st.Action {
	case CloseRequest:
		n.MeasureID, n.To.Leaders = st.MeasureID, names(f.Leader)
		n.Subject, n.Body = "请审核销号申请："+measure, st.By+"申请销号，请核对佐证材料后同意或退回。"
	case CloseReturn:
		n.MeasureID, n.To.Owners = st.MeasureID, names(f.Owner)
		n.Subject, n.Body = "销号申请被退回："+measure, st.By+"退回了销号申请，理由："+st.Reason
	case CloseSubmit:
		n.To.OfficesAbove = true
		n.Subject = f.Unit + "报请验收销号：" + problem
		n.Body = "该问题的整改措施已全部经责任领导同意销号（最后由" + st.By + "同意），请核对后验收或退回。"
	case CloseAccept, CloseReject, CloseReopen:
		n.To.UnitAdmins, n.To.Leaders, n.To.Owners = true, names(f.Leaders...), names(f.Owners...)
		switch st.Action {
		case CloseAccept:
			n.Subject, n.Body = "已验收销号："+problem, st.By+"验收通过，该问题已销号。"
		case CloseReject:
			n.Subject, n.Body = "验收未通过："+problem, st.By+"退回了销号，理由："+st.Reason+"。请按意见继续整改后重新申请销号。"
		default:
			n.Subject, n.Body = "已重新打开："+problem, st.By+"重新打开了已销号的问题，理由："+st.Reason
		}
	default:
		return nil
	}
	if n.To.Empty() {
		return nil
	}
	return []Notice{n}
}

// names are the distinct names given, trimmed, without the empty ones.
func names(list ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// WarningNotice is the message of a measure's change to colour (not
// NoColour) on day today; problemNo is its problem's number. Green
// reaches the owner, yellow the leader too, red also the unit's principal
// leader (主要负责人); it is e-mailed as well. holds are what holds a
// 长期坚持 measure yellow (its proof rules still find something).
func WarningNotice(m *Measure, problemNo int, colour Colour, today Date, holds ...ProofHold) Notice {
	to := Audience{Unit: m.UnitID, Owners: names(m.Owner)}
	if colour == Yellow || colour == Red {
		to.Leaders = names(m.Leader)
	}
	to.Principals = colour == Red
	what := fmt.Sprintf("问题%d措施%d", problemNo, m.Seq)
	var subject, why string
	switch {
	case m.Status == Ongoing && colour == Red:
		subject = fmt.Sprintf("红色预警：%s未按期报送长期坚持情况", what)
		last := "从未报送"
		if !m.LastReport.IsZero() {
			last = "最近一次报送为" + m.LastReport.Chinese()
		}
		why = fmt.Sprintf("该措施为长期坚持，须每%d天报送一次落实情况（长效机制：%s），%s，已逾期。", m.ReportEvery, m.Mechanism, last)
	case m.Status == Ongoing && len(holds) > 0:
		subject = fmt.Sprintf("黄色预警：%s的长效机制经台账验证仍有问题", what)
		why = fmt.Sprintf("该措施为长期坚持（长效机制：%s），%s，请整改台账中的相关记录；问题消除后预警自动解除。", m.Mechanism, HoldText(holds))
	case colour == Red:
		subject = fmt.Sprintf("红色预警：%s已超过整改时限", what)
		why = fmt.Sprintf("整改时限为%s，已逾期%d天，请抓紧整改并报送进展。", m.Deadline.Chinese(), m.Deadline.DaysUntil(today))
	case colour == Yellow:
		subject = fmt.Sprintf("黄色预警：%s整改时限临近", what)
		why = fmt.Sprintf("整改时限为%s，还剩%d天。", m.Deadline.Chinese(), today.DaysUntil(m.Deadline))
	default:
		subject = fmt.Sprintf("绿色预警：%s整改时限将至", what)
		why = fmt.Sprintf("整改时限为%s，还剩%d天。", m.Deadline.Chinese(), today.DaysUntil(m.Deadline))
	}
	body := fmt.Sprintf("%s\n整改措施：%s\n责任领导：%s　责任人：%s\n完成情况：%s",
		why, Clip(m.Content, 200), orDash(m.Leader), orDash(m.Owner), m.Status.Label())
	return Notice{To: to, Kind: NoticeWarning, RecordKind: RecordProblem, RecordID: m.ProblemID, MeasureID: m.ID,
		Colour: colour, Subject: subject, Body: body, Email: true}
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// OpinionNotices are the messages of a step of an opinion's handling (by
// whom, the return's reason): a new opinion tells the unit's office at
// once, with its deadline; an assignment tells the assignee; a draft
// tells the office, which reviews it; its approval or return tells the
// assignee. They are e-mailed too. None carries the sender's name or
// contact, which only the office sees.
func OpinionNotices(step OpinionStep, o *Opinion, by, reason string) []Notice {
	n := Notice{Kind: NoticeOpinion, RecordKind: RecordOpinion, RecordID: o.ID, To: Audience{Unit: o.UnitID}, Email: true}
	on := "整篇报告"
	if o.Problem != "" {
		on = o.Problem
	}
	due := ""
	if !o.DueOn.IsZero() {
		due = "答复期限：" + o.DueOn.Chinese() + "。"
	}
	what := fmt.Sprintf("针对：%s\n内容：%s", on, Clip(o.Content, 200))
	assignee := func() bool {
		n.To.Users = nil
		if o.AssigneeID != 0 {
			n.To.Users = []int64{o.AssigneeID}
		}
		return o.AssigneeID != 0
	}
	switch step {
	case OpinionReceived:
		n.To.UnitAdmins = true
		n.Subject = "收到群众意见建议：" + o.Ref
		n.Body = what + "\n" + due + "请指定承办人或直接答复。"
	case OpinionGiven:
		if !assignee() {
			return nil
		}
		n.Subject = "请办理意见建议：" + o.Ref
		n.Body = by + "请您办理这条意见建议，拟写答复，经单位管理员审核后答复。" + due + "\n" + what
	case OpinionDrafted:
		n.To.UnitAdmins = true
		n.Subject = "请审核意见建议的答复：" + o.Ref
		n.Body = by + "拟写了答复，请审核后同意或退回。" + due + "\n拟答复：" + Clip(o.Draft, 200)
	case OpinionApproved:
		if !assignee() {
			return nil
		}
		n.Subject = "答复已审核同意：" + o.Ref
		n.Body = by + "同意了您拟写的答复。"
	case OpinionReturned:
		if !assignee() {
			return nil
		}
		n.Subject = "答复被退回：" + o.Ref
		n.Body = by + "退回了您拟写的答复，理由：" + reason + "。请修改后重新提交。" + due
	default:
		return nil
	}
	return []Notice{n}
}

// DigestItem is a measure in red or yellow, as a digest lists it.
type DigestItem struct {
	Measure   *Measure
	ProblemNo int
	Colour    Colour
}

// DigestConcerns reports whether a measure in colour (red or yellow) is
// listed in u's daily digest: the measures he owns or leads, and for a
// unit's principal leader every red one of his unit.
func DigestConcerns(u *User, m *Measure, colour Colour) bool {
	if m.UnitID != u.UnitID {
		return false
	}
	mine := u.LedgerName != "" && (u.Role == RoleResponsible && strings.TrimSpace(m.Owner) == u.LedgerName ||
		u.Role == RoleLeader && strings.TrimSpace(m.Leader) == u.LedgerName)
	return mine || u.Principal && colour == Red
}

// DigestMail is the daily digest e-mail of u on day today: his unread
// messages and the measures in red or yellow that concern him.
func DigestMail(u *User, today Date, unread []*Notification, items []DigestItem) (subject, body string) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：\n\n截至%s，", u.DisplayName, today.Chinese())
	fmt.Fprintf(&b, "您有%d条未读消息，%d项整改措施处于红色或黄色预警。\n", len(unread), len(items))
	if len(unread) > 0 {
		b.WriteString("\n一、未读消息\n")
		for i, n := range unread {
			fmt.Fprintf(&b, "%d. %s\n", i+1, n.Subject)
		}
	}
	if len(items) > 0 {
		b.WriteString("\n二、预警中的整改措施\n")
		for i, it := range items {
			m := it.Measure
			fmt.Fprintf(&b, "%d. 【%s】问题%d措施%d：%s（整改时限%s，责任人%s）\n", i+1, it.Colour.Label(),
				it.ProblemNo, m.Seq, Clip(m.Content, 60), m.Deadline.Chinese(), orDash(m.Owner))
		}
	}
	return fmt.Sprintf("巡察整改每日汇总（%s）", today.Chinese()), b.String()
}

// PublicationNotices are the messages of a publication's review step: to
// its reviewers (the unit's principal leaders, or the inspection offices
// above it, as the unit's reviewer setting says) when it is submitted
// (pending), to its drafter when it is returned or approved (published).
func PublicationNotices(state PublicationState, p *Publication, reviewer PublicationReviewer) []Notice {
	what := fmt.Sprintf("截至%s的整改进展情况报告", p.AsOf.Chinese())
	n := Notice{Kind: NoticePublication, RecordKind: RecordPublication, RecordID: p.ID, To: Audience{Unit: p.UnitID}}
	switch state {
	case PublicationPending:
		n.Subject, n.Body = p.Unit+"报请审核公布："+what, p.DraftedBy+"起草了该报告，请审核：同意后公开，或填写原因退回。"
		if reviewer == ReviewerOffice {
			n.To.OfficesAbove = true
		} else {
			n.To.Principals = true
		}
		n.To.Except = []int64{p.DrafterID} // a second person's review
	case PublicationReturned:
		n.Subject, n.Body = "公布审核退回："+what, "退回原因："+strings.TrimRight(p.ReturnReason, "。")+"。请修改后重新提交审核。"
		n.To.Users = []int64{p.DrafterID}
	default:
		n.Subject, n.Body = "已审核公布："+what, p.ApprovedBy+"审核同意，该报告已公开。"
		n.To.Users = []int64{p.DrafterID}
	}
	if n.To.Empty() || len(n.To.Users) == 1 && n.To.Users[0] == 0 {
		return nil
	}
	return []Notice{n}
}

// ProposalInviteNotices ask the co-signers a proposal invites (those of the
// roster, not yet answered) to co-sign it by their deadline.
func ProposalInviteNotices(p *Proposal) []Notice {
	var to []int64
	for _, sg := range p.Signers {
		if sg.Seq > 1 && sg.PersonID != 0 && sg.ConfirmedOn.IsZero() && sg.DeclinedOn.IsZero() {
			to = append(to, sg.PersonID)
		}
	}
	if len(to) == 0 {
		return nil
	}
	lead := ""
	if len(p.Signers) > 0 {
		lead = p.Signers[0].Name
	}
	body := fmt.Sprintf("%s委员邀请您联名提出提案《%s》，请查看提案内容后确认联名或谢绝", lead, p.Title)
	if d := p.Signers[len(p.Signers)-1].Deadline; !d.IsZero() {
		body += fmt.Sprintf("，联名截止日期：%s", d.Chinese())
	}
	return []Notice{{To: Audience{Unit: p.UnitID, Persons: to}, Kind: NoticeProposal, RecordKind: RecordProposal, RecordID: p.ID,
		Subject: "联名邀请：《" + p.Title + "》", Body: body + "。", Email: true}}
}

// ProposalStepNotices are the messages of a proposal's step, from the
// proposal after it: the handling units of the program given it (交办),
// to their offices; the proposer and his confirmed co-signers when the
// office approves a reply (with the feedback form to fill); the leader
// named to supervise a 重点提案. on is the step's date (the units assigned
// on it are the new ones); returnDays the working days a wrong assignment
// may be returned within.
func ProposalStepNotices(action ProposalAction, p *Proposal, on Date, returnDays int) []Notice {
	n := Notice{Kind: NoticeProposal, RecordKind: RecordProposal, RecordID: p.ID, Email: true}
	due := ProposalDueNow(p)
	switch action {
	case ActAssign:
		var out []Notice
		for _, h := range p.Handlers {
			if h.HandlerUnitID == 0 || !h.ReturnedOn.IsZero() || h.AssignedOn != on {
				continue
			}
			m := n
			m.To = Audience{Unit: h.HandlerUnitID, UnitAdmins: true}
			m.Subject = "交办提案：" + p.String()
			m.Body = fmt.Sprintf("政协提案委员会将%s交由贵单位%s", p.String(), h.Role.Label())
			if !due.IsZero() {
				m.Body += fmt.Sprintf("，请于%s前书面答复提案者", due.Chinese())
			}
			if h.Role == HandlerCo {
				m.Body = fmt.Sprintf("政协提案委员会将%s交由贵单位%s，请将办理意见送主办单位", p.String(), h.Role.Label())
			}
			if returnDays > 0 {
				m.Body += fmt.Sprintf("；如不属于贵单位职责，请在%d个工作日内说明理由退回", returnDays)
			}
			m.Body += "。"
			out = append(out, m)
		}
		return out
	case ActApprove:
		var to []int64
		for _, sg := range p.Signers {
			if sg.PersonID != 0 && (sg.Seq == 1 || !sg.ConfirmedOn.IsZero()) {
				to = append(to, sg.PersonID)
			}
		}
		if len(to) == 0 {
			return nil
		}
		n.To = Audience{Unit: p.UnitID, Persons: to}
		n.Subject = "提案答复：" + p.String()
		n.Body = fmt.Sprintf("承办单位对您的提案%s的答复（%s类）已经政协提案委员会审核，请查看答复并填写办理情况征询意见表（满意、基本满意或不满意）。",
			p.String(), p.Class)
		return []Notice{n}
	case ActKey:
		if !p.Key || p.KeyLeadID == 0 {
			return nil
		}
		n.To = Audience{Unit: p.UnitID, Persons: []int64{p.KeyLeadID}}
		n.Subject = "重点提案督办：" + p.String()
		var lead []string
		for _, h := range p.Handlers {
			if h.Role == HandlerLead && h.ReturnedOn.IsZero() {
				lead = append(lead, h.Handler)
			}
		}
		n.Body = fmt.Sprintf("%s已列为重点提案，由您督办", p.String())
		if len(lead) > 0 {
			n.Body += "，主办单位：" + strings.Join(lead, "、")
		}
		if !due.IsZero() {
			n.Body += "，答复期限：" + due.Chinese()
		}
		n.Body += "。"
		return []Notice{n}
	}
	return nil
}
