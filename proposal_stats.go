package zhenggai

import (
	"fmt"
	"slices"
	"strings"
)

// Proposal statistics, computed from the register and never typed: the
// seed's report states "共收到提案79件…转一般性意见2件，并案后实际立案62件" and
// "答复率、满意率均达100%", figures only the records can back.

// Rate is a share with its numerator and denominator, and what the
// denominator counts when that is not obvious (按收回的意见表计).
type Rate struct {
	Label string `json:"label"` // 答复率
	Num   int    `json:"num"`
	Den   int    `json:"den"`
	Over  string `json:"over,omitempty"` // what Den counts, when it is not the registered proposals
}

// Percent is the rate in percent to one decimal, "" without a denominator:
// 100 only when every one counts (never rounded up to it).
func (r Rate) Percent() string {
	if r.Den == 0 {
		return ""
	}
	if r.Num == r.Den {
		return "100%"
	}
	tenths := r.Num * 1000 / r.Den // truncated: 99.96% is 99.9%, never 100%
	if tenths%10 == 0 {
		return fmt.Sprintf("%d%%", tenths/10)
	}
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// String is the rate as a page shows it: 答复率100%（62/62）, or, without
// a denominator, 满意率—（无收回的意见表）.
func (r Rate) String() string {
	if r.Den == 0 {
		return r.Label + "—（无" + r.DenName() + "）"
	}
	s := fmt.Sprintf("%s%s（%d/%d）", r.Label, r.Percent(), r.Num, r.Den)
	if r.Over != "" {
		s += "，" + r.Over
	}
	return s
}

// DenName is what the denominator counts: 收回的意见表, 立案的提案.
func (r Rate) DenName() string {
	over := r.Over
	if over == "" {
		over = "按立案的提案计"
	}
	return strings.TrimSuffix(strings.TrimPrefix(over, "按"), "计")
}

// ProposalStats are the counts of a session or a year.
type ProposalStats struct {
	Scope       string `json:"scope"`      // 九届四次会议, 2019年
	Received    int    `json:"received"`   // 收到（提交的，不含草稿）
	Pending     int    `json:"pending"`    // 待审查
	Rejected    int    `json:"rejected"`   // 不予立案
	Converted   int    `json:"converted"`  // 转社情民意或意见建议
	Merged      int    `json:"merged"`     // 并入他案
	Registered  int    `json:"registered"` // 实际立案（并案后）
	Replied     int    `json:"replied"`    // 已书面答复（答复经审核）
	OnTime      int    `json:"on_time"`    // 按期答复
	ClassA      int    `json:"class_a"`
	ClassB      int    `json:"class_b"`
	ClassC      int    `json:"class_c"`
	Done        int    `json:"done"`  // 已办结
	Forms       int    `json:"forms"` // 收回征询意见表的提案
	Satisfied   int    `json:"satisfied"`
	Basic       int    `json:"basic"`
	Unsatisfied int    `json:"unsatisfied"`
}

// CaseStatuses are the statuses of a proposal counted as registered
// (实际立案, after merging): the one list the statistics, their SQL, the
// members' counts, the pages and the rules read.
var CaseStatuses = []ProposalStatus{PropRegistered, PropAssigned, PropReplied, PropAnswered, PropFollowUp, PropRedo, PropDone}

// IsCase reports whether s counts as registered (CaseStatuses).
func (s ProposalStatus) IsCase() bool { return slices.Contains(CaseStatuses, s) }

// ProposalVerdict is a proposal's feedback: the worst result among the
// forms of its latest round with forms; "" when no form came back.
func ProposalVerdict(p *Proposal) FeedbackResult {
	round := 0
	for _, f := range p.Feedback {
		round = max(round, f.Round)
	}
	var v FeedbackResult
	rank := map[FeedbackResult]int{FeedbackSatisfied: 1, FeedbackBasic: 2, FeedbackUnsatisfied: 3}
	for _, f := range p.Feedback {
		if f.Round == round && rank[f.Result] > rank[v] {
			v = f.Result
		}
	}
	return v
}

// ProposalReplied is the first approved reply (not a co-handling unit's
// view) of a proposal, nil for none.
func ProposalReplied(p *Proposal) *ProposalReply {
	var first *ProposalReply
	for i := range p.Replies {
		r := &p.Replies[i]
		if r.Approved && !r.CoView && (first == nil || r.RepliedOn.Before(first.RepliedOn)) {
			first = r
		}
	}
	return first
}

// ProposalRound is the reply round a proposal is at: one more than the
// last round a signer found 不满意 (which sent it back for a second
// reply), else the first. Counted from the forms, not the status: a
// second reply sent back by the office is still the second round.
func ProposalRound(p *Proposal) int {
	round := 1
	for _, f := range p.Feedback {
		if f.Result == FeedbackUnsatisfied {
			round = max(round, f.Round+1)
		}
	}
	return round
}

// ProposalDueNow is when the reply awaited is due: after 不满意 the
// second reply's date, else the first's (ProposalDue).
func ProposalDueNow(p *Proposal) Date {
	if !p.RedoDueOn.IsZero() {
		return p.RedoDueOn
	}
	return ProposalDue(p)
}

// ProposalDue is when a proposal's first reply is due: its extension,
// else its due date, else three months after assignment; zero when not
// assigned. The on-time rate counts the first reply against it.
func ProposalDue(p *Proposal) Date {
	switch {
	case !p.ExtendedTo.IsZero():
		return p.ExtendedTo
	case !p.DueOn.IsZero():
		return p.DueOn
	case !p.AssignedOn.IsZero():
		t := p.AssignedOn.Time().AddDate(0, 3, 0)
		return NewDate(t.Year(), int(t.Month()), t.Day())
	}
	return Date{}
}

// CountProposals counts proposals (voided ones are skipped) for scope.
func CountProposals(scope string, ps []Proposal) ProposalStats {
	s := ProposalStats{Scope: scope}
	for i := range ps {
		s.Add(&ps[i])
	}
	return s
}

// Add counts one proposal more (a voided one or a draft is not counted):
// for counting proposals without copying them into a slice of a scope's.
func (s *ProposalStats) Add(p *Proposal) {
	if p.Voided || p.Status == PropDraft {
		return
	}
	s.Received++
	switch p.Status {
	case PropSubmitted:
		s.Pending++
	case PropRejected:
		s.Rejected++
	case PropConverted:
		s.Converted++
	case PropMerged:
		s.Merged++
	}
	if !p.Status.IsCase() {
		return
	}
	s.Registered++
	if p.Status == PropDone {
		s.Done++
	}
	if r := ProposalReplied(p); r != nil {
		s.Replied++
		if due := ProposalDue(p); due.IsZero() || !due.Before(r.RepliedOn) {
			s.OnTime++
		}
		switch p.Class {
		case ReplyClassA:
			s.ClassA++
		case ReplyClassB:
			s.ClassB++
		case ReplyClassC:
			s.ClassC++
		}
	}
	switch ProposalVerdict(p) {
	case FeedbackSatisfied:
		s.Forms++
		s.Satisfied++
	case FeedbackBasic:
		s.Forms++
		s.Basic++
	case FeedbackUnsatisfied:
		s.Forms++
		s.Unsatisfied++
	}
}

// Rates are the shares a report states, each with its counts: 满意率 and
// 满意和基本满意率 kept apart, both over the forms returned.
func (s ProposalStats) Rates() []Rate {
	return []Rate{
		{Label: "立案率", Num: s.Registered, Den: s.Received, Over: "按收到的提案计"},
		{Label: "答复率", Num: s.Replied, Den: s.Registered},
		{Label: "按期答复率", Num: s.OnTime, Den: s.Replied, Over: "按已答复的提案计"},
		{Label: "办结率", Num: s.Done, Den: s.Registered},
		{Label: "意见表收回率", Num: s.Forms, Den: s.Replied, Over: "按已答复的提案计"},
		{Label: "满意率", Num: s.Satisfied, Den: s.Forms, Over: "按收回的意见表计"},
		{Label: "满意和基本满意率", Num: s.Satisfied + s.Basic, Den: s.Forms, Over: "按收回的意见表计"},
	}
}

// Rate returns the rate of that label, and whether there is one.
func (s ProposalStats) Rate(label string) (Rate, bool) {
	for _, r := range s.Rates() {
		if r.Label == label {
			return r, true
		}
	}
	return Rate{}, false
}

// Sentences are what a progress report says of the counts, written from
// them: "共收到提案79件，经提案委员会审查，转一般性意见2件，并案后实际立案62件。"
func (s ProposalStats) Sentences() []string {
	var out []string
	var b strings.Builder
	fmt.Fprintf(&b, "%s共收到提案%d件", s.Scope, s.Received)
	switch {
	case s.Received == 0:
	case s.Rejected+s.Converted+s.Merged > 0:
		b.WriteString("，经提案委员会审查")
		if s.Rejected > 0 {
			fmt.Fprintf(&b, "，不予立案%d件", s.Rejected)
		}
		if s.Converted > 0 {
			fmt.Fprintf(&b, "，转一般性意见%d件", s.Converted)
		}
		if s.Merged > 0 {
			fmt.Fprintf(&b, "，并案后实际立案%d件", s.Registered)
		} else {
			fmt.Fprintf(&b, "，立案%d件", s.Registered)
		}
	case s.Pending > 0:
		fmt.Fprintf(&b, "，立案%d件", s.Registered)
	default:
		fmt.Fprintf(&b, "，全部立案")
	}
	if s.Pending > 0 {
		fmt.Fprintf(&b, "，尚有%d件待审查", s.Pending)
	}
	b.WriteString("。")
	out = append(out, b.String())
	if s.Registered > 0 {
		b.Reset()
		reply, _ := s.Rate("答复率")
		fmt.Fprintf(&b, "已书面答复%d件，答复率%s", s.Replied, reply.Percent())
		if s.Replied > 0 {
			fmt.Fprintf(&b, "，按期答复%d件", s.OnTime)
		}
		if s.ClassA+s.ClassB+s.ClassC > 0 {
			fmt.Fprintf(&b, "，其中A类%d件、B类%d件、C类%d件", s.ClassA, s.ClassB, s.ClassC)
		}
		if s.Done > 0 {
			fmt.Fprintf(&b, "；已办结%d件", s.Done)
		}
		if s.Forms > 0 {
			sat, _ := s.Rate("满意率")
			both, _ := s.Rate("满意和基本满意率")
			fmt.Fprintf(&b, "；收回办理情况征询意见表的%d件中，满意%d件、基本满意%d件", s.Forms, s.Satisfied, s.Basic)
			if s.Unsatisfied > 0 {
				fmt.Fprintf(&b, "、不满意%d件", s.Unsatisfied)
			}
			fmt.Fprintf(&b, "，满意率%s，满意和基本满意率%s", sat.Percent(), both.Percent())
		}
		b.WriteString("。")
		out = append(out, b.String())
	}
	return out
}
