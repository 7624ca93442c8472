package zhenggai_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"zhenggai"
)

func pday(y, m, day int) zhenggai.Date { return zhenggai.NewDate(y, m, day) }

// answered is a registered proposal assigned on a day, answered on
// another with class c (approved), with forms of the given results.
func pAnswered(assigned, replied zhenggai.Date, c zhenggai.ReplyClass, results ...zhenggai.FeedbackResult) zhenggai.Proposal {
	p := zhenggai.Proposal{Status: zhenggai.PropAnswered, AssignedOn: assigned, Class: c,
		Replies: []zhenggai.ProposalReply{{Round: 1, RepliedOn: replied, Class: c, Approved: true}}}
	for i, r := range results {
		p.Feedback = append(p.Feedback, zhenggai.ProposalFeedback{Round: 1, PersonID: int64(i + 1), Result: r, ReturnedOn: replied.AddDays(10)})
	}
	return p
}

func TestRatePercent(t *testing.T) {
	tests := []struct {
		num, den int
		want     string
	}{
		{62, 62, "100%"},
		{2499, 2500, "99.9%"}, // 99.96%: never 100%
		{9999, 10000, "99.9%"},
		{1, 3, "33.3%"},
		{2, 3, "66.6%"}, // truncated, as 99.96 is
		{1, 2, "50%"},
		{0, 5, "0%"},
		{0, 0, ""},
		{3, 0, ""},
	}
	for _, tt := range tests {
		r := zhenggai.Rate{Label: "答复率", Num: tt.num, Den: tt.den}
		if got := r.Percent(); got != tt.want {
			t.Errorf("%d/%d: Percent = %q, want %q", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestRateString(t *testing.T) {
	tests := []struct {
		r    zhenggai.Rate
		want string
	}{
		{zhenggai.Rate{Label: "答复率", Num: 62, Den: 62}, "答复率100%（62/62）"},
		{zhenggai.Rate{Label: "满意率", Num: 40, Den: 50, Over: "按收回的意见表计"}, "满意率80%（40/50），按收回的意见表计"},
		{zhenggai.Rate{Label: "满意率", Over: "按收回的意见表计"}, "满意率—（无收回的意见表）"},
		{zhenggai.Rate{Label: "答复率"}, "答复率—（无立案的提案）"},
		{zhenggai.Rate{Label: "立案率", Over: "按收到的提案计"}, "立案率—（无收到的提案）"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String = %q, want %q", got, tt.want)
		}
	}
}

// TestProposalRates: every rate from its counts, with its denominator.
func TestProposalRates(t *testing.T) {
	s := zhenggai.ProposalStats{Received: 80, Registered: 60, Replied: 50, OnTime: 45, Done: 30, Forms: 40,
		Satisfied: 30, Basic: 8, Unsatisfied: 2}
	want := map[string]zhenggai.Rate{
		"立案率":      {Label: "立案率", Num: 60, Den: 80, Over: "按收到的提案计"},
		"答复率":      {Label: "答复率", Num: 50, Den: 60},
		"按期答复率":    {Label: "按期答复率", Num: 45, Den: 50, Over: "按已答复的提案计"},
		"办结率":      {Label: "办结率", Num: 30, Den: 60},
		"意见表收回率":   {Label: "意见表收回率", Num: 40, Den: 50, Over: "按已答复的提案计"},
		"满意率":      {Label: "满意率", Num: 30, Den: 40, Over: "按收回的意见表计"},
		"满意和基本满意率": {Label: "满意和基本满意率", Num: 38, Den: 40, Over: "按收回的意见表计"},
	}
	rates := s.Rates()
	if len(rates) != len(want) {
		t.Fatalf("%d rates, want %d", len(rates), len(want))
	}
	for _, r := range rates {
		if w, ok := want[r.Label]; !ok || r != w {
			t.Errorf("%s = %+v, want %+v", r.Label, r, w)
		}
		got, ok := s.Rate(r.Label)
		if !ok || got != r {
			t.Errorf("Rate(%q) = %+v, %v", r.Label, got, ok)
		}
	}
	if _, ok := s.Rate("好评率"); ok {
		t.Error("Rate of an unknown label found")
	}
	sat, _ := s.Rate("满意率")
	both, _ := s.Rate("满意和基本满意率")
	if sat.Percent() != "75%" || both.Percent() != "95%" {
		t.Errorf("满意率 %s, 满意和基本满意率 %s: want 75%% and 95%%, kept apart", sat.Percent(), both.Percent())
	}
	// No form returned: both satisfaction rates have no denominator and say so.
	none := zhenggai.ProposalStats{Received: 5, Registered: 5}
	for _, l := range []string{"满意率", "满意和基本满意率"} {
		r, _ := none.Rate(l)
		if r.Percent() != "" || !strings.Contains(r.String(), "—（无收回的意见表）") {
			t.Errorf("%s without forms: %q", l, r.String())
		}
	}
}

// seedSession is the seed's 九届四次: 79 received, 2 turned into
// opinions, 15 merged into others, 62 registered and all answered.
func pSeedSession() []zhenggai.Proposal {
	var ps []zhenggai.Proposal
	for i := range 62 {
		p := pAnswered(pday(2020, 1, 20), pday(2020, 4, 10), zhenggai.ReplyClassA, zhenggai.FeedbackSatisfied)
		p.Status = zhenggai.PropDone
		p.Number = fmt.Sprint(i + 1)
		ps = append(ps, p)
	}
	for range 15 {
		ps = append(ps, zhenggai.Proposal{Status: zhenggai.PropMerged, MergedInto: 1})
	}
	for range 2 {
		ps = append(ps, zhenggai.Proposal{Status: zhenggai.PropConverted, ConvertedTo: "社情民意"})
	}
	// Neither a draft nor a voided one is received.
	ps = append(ps, zhenggai.Proposal{Status: zhenggai.PropDraft}, zhenggai.Proposal{Status: zhenggai.PropRegistered, Voided: true})
	return ps
}

func TestCountProposalsSeed(t *testing.T) {
	s := zhenggai.CountProposals("", pSeedSession())
	want := zhenggai.ProposalStats{Received: 79, Converted: 2, Merged: 15, Registered: 62, Replied: 62, OnTime: 62,
		ClassA: 62, Done: 62, Forms: 62, Satisfied: 62}
	if s != want {
		t.Fatalf("counts %+v\nwant   %+v", s, want)
	}
	sent := s.Sentences()
	if sent[0] != "共收到提案79件，经提案委员会审查，转一般性意见2件，并案后实际立案62件。" {
		t.Errorf("first sentence %q", sent[0])
	}
	if len(sent) != 2 || !strings.Contains(sent[1], "已书面答复62件，答复率100%") || !strings.Contains(sent[1], "满意率100%") {
		t.Errorf("second sentence %q", sent)
	}
	s.Scope = "九届四次会议"
	if got := s.Sentences()[0]; !strings.HasPrefix(got, "九届四次会议共收到提案79件，") {
		t.Errorf("with a scope: %q", got)
	}
}

func TestProposalSentences(t *testing.T) {
	tests := []struct {
		name string
		s    zhenggai.ProposalStats
		want []string
	}{
		{"none", zhenggai.ProposalStats{}, []string{"共收到提案0件。"}},
		{"all registered", zhenggai.ProposalStats{Received: 3, Registered: 3},
			[]string{"共收到提案3件，全部立案。", "已书面答复0件，答复率0%。"}},
		{"rejected, no merge", zhenggai.ProposalStats{Received: 10, Rejected: 1, Registered: 9, Replied: 9, OnTime: 8, ClassA: 5, ClassB: 3, ClassC: 1},
			[]string{"共收到提案10件，经提案委员会审查，不予立案1件，立案9件。",
				"已书面答复9件，答复率100%，按期答复8件，其中A类5件、B类3件、C类1件。"}},
		{"pending", zhenggai.ProposalStats{Received: 10, Pending: 2, Registered: 8},
			[]string{"共收到提案10件，立案8件，尚有2件待审查。", "已书面答复0件，答复率0%。"}},
		{"forms", zhenggai.ProposalStats{Received: 4, Registered: 4, Replied: 4, OnTime: 4, Done: 3, Forms: 3, Satisfied: 1, Basic: 1, Unsatisfied: 1},
			[]string{"共收到提案4件，全部立案。",
				"已书面答复4件，答复率100%，按期答复4件；已办结3件；收回办理情况征询意见表的3件中，满意1件、基本满意1件、不满意1件，满意率33.3%，满意和基本满意率66.6%。"}},
	}
	for _, tt := range tests {
		if got := tt.s.Sentences(); !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestCountProposals(t *testing.T) {
	sat, basic, unsat := zhenggai.FeedbackSatisfied, zhenggai.FeedbackBasic, zhenggai.FeedbackUnsatisfied
	assigned := pday(2020, 1, 20) // due 2020-04-20
	tests := []struct {
		name string
		p    zhenggai.Proposal
		want zhenggai.ProposalStats
	}{
		{"draft", zhenggai.Proposal{Status: zhenggai.PropDraft}, zhenggai.ProposalStats{}},
		{"voided", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "A", sat)
			p.Voided = true
			return p
		}(),
			zhenggai.ProposalStats{}},
		{"submitted", zhenggai.Proposal{Status: zhenggai.PropSubmitted}, zhenggai.ProposalStats{Received: 1, Pending: 1}},
		{"rejected", zhenggai.Proposal{Status: zhenggai.PropRejected, Ground: "不属于政协职能"}, zhenggai.ProposalStats{Received: 1, Rejected: 1}},
		{"converted", zhenggai.Proposal{Status: zhenggai.PropConverted}, zhenggai.ProposalStats{Received: 1, Converted: 1}},
		// A merged one is answered with its main case, but counted as merged only.
		{"merged with a reply", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "A", sat)
			p.Status = zhenggai.PropMerged
			return p
		}(), zhenggai.ProposalStats{Received: 1, Merged: 1}},
		{"registered", zhenggai.Proposal{Status: zhenggai.PropRegistered}, zhenggai.ProposalStats{Received: 1, Registered: 1}},
		{"assigned", zhenggai.Proposal{Status: zhenggai.PropAssigned, AssignedOn: assigned}, zhenggai.ProposalStats{Received: 1, Registered: 1}},
		// A reply not yet approved by the office is not a reply.
		{"reply under review", zhenggai.Proposal{Status: zhenggai.PropReplied, AssignedOn: assigned,
			Replies: []zhenggai.ProposalReply{{Round: 1, RepliedOn: pday(2020, 3, 1), Class: "A"}}},
			zhenggai.ProposalStats{Received: 1, Registered: 1}},
		// A co-handling unit's view is not the reply.
		{"co view only", zhenggai.Proposal{Status: zhenggai.PropAssigned, AssignedOn: assigned,
			Replies: []zhenggai.ProposalReply{{Round: 1, CoView: true, Approved: true, RepliedOn: pday(2020, 3, 1)}}},
			zhenggai.ProposalStats{Received: 1, Registered: 1}},
		{"on time, on the due day", pAnswered(assigned, pday(2020, 4, 20), "A"),
			zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassA: 1}},
		{"late by a day", pAnswered(assigned, pday(2020, 4, 21), "C"),
			zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, ClassC: 1}},
		{"late, but within the extension", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 6, 1), "A")
			p.ExtendedTo, p.ExtendReason = pday(2020, 7, 20), "涉及多部门"
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassA: 1}},
		{"after the extension", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 7, 21), "A")
			p.ExtendedTo = pday(2020, 7, 20)
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, ClassA: 1}},
		// A due date set by the office wins over three months.
		{"own due date", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "A")
			p.DueOn = pday(2020, 2, 28)
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, ClassA: 1}},
		// Never assigned: no due date, on time.
		{"no due date", pAnswered(zhenggai.Date{}, pday(2020, 3, 1), "A"),
			zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassA: 1}},
		// The first approved reply counts for on time: the second round is later.
		{"redo answered again", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "B", unsat)
			p.Status = zhenggai.PropAnswered
			p.Replies = append(p.Replies, zhenggai.ProposalReply{Round: 2, RepliedOn: pday(2020, 6, 1), Class: "A", Approved: true})
			p.Class = "A"
			p.Feedback = append(p.Feedback, zhenggai.ProposalFeedback{Round: 2, PersonID: 1, Result: basic})
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassA: 1, Forms: 1, Basic: 1}},
		// The redo's own due date does not move the first's: a first reply
		// a day late stays late, one on time stays on time.
		{"redo after a late first reply", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 4, 21), "B", unsat)
			p.Status, p.RedoDueOn = zhenggai.PropAnswered, pday(2020, 7, 25)
			p.Replies = append(p.Replies, zhenggai.ProposalReply{Round: 2, RepliedOn: pday(2020, 7, 1), Class: "A", Approved: true})
			p.Class = "A"
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, ClassA: 1, Forms: 1, Unsatisfied: 1}},
		{"redo due before the first reply's due date", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 4, 20), "C", unsat)
			p.Status, p.RedoDueOn = zhenggai.PropRedo, pday(2020, 4, 1)
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassC: 1, Forms: 1, Unsatisfied: 1}},
		{"redo pending", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "C", unsat)
			p.Status = zhenggai.PropRedo
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassC: 1, Forms: 1, Unsatisfied: 1}},
		// The worst form of the round is the proposal's verdict.
		{"co-signers differ", pAnswered(assigned, pday(2020, 3, 1), "A", sat, basic, sat),
			zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassA: 1, Forms: 1, Basic: 1}},
		{"B class followed up", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "B", sat)
			p.Status = zhenggai.PropFollowUp
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassB: 1, Forms: 1, Satisfied: 1}},
		{"done", func() zhenggai.Proposal {
			p := pAnswered(assigned, pday(2020, 3, 1), "B", sat)
			p.Status, p.DoneOn = zhenggai.PropDone, pday(2020, 9, 1)
			return p
		}(), zhenggai.ProposalStats{Received: 1, Registered: 1, Replied: 1, OnTime: 1, ClassB: 1, Done: 1, Forms: 1, Satisfied: 1}},
	}
	for _, tt := range tests {
		if got := zhenggai.CountProposals("", []zhenggai.Proposal{tt.p}); got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestProposalDue(t *testing.T) {
	tests := []struct {
		p    zhenggai.Proposal
		want zhenggai.Date
	}{
		{zhenggai.Proposal{}, zhenggai.Date{}},
		{zhenggai.Proposal{AssignedOn: pday(2020, 1, 20)}, pday(2020, 4, 20)},
		// Three months from 30 November overflow February as time.AddDate does.
		{zhenggai.Proposal{AssignedOn: pday(2019, 11, 30)}, pday(2020, 3, 1)},
		{zhenggai.Proposal{AssignedOn: pday(2020, 1, 20), DueOn: pday(2020, 4, 1)}, pday(2020, 4, 1)},
		{zhenggai.Proposal{AssignedOn: pday(2020, 1, 20), DueOn: pday(2020, 4, 1), ExtendedTo: pday(2020, 7, 1)}, pday(2020, 7, 1)},
	}
	for _, tt := range tests {
		if got := zhenggai.ProposalDue(&tt.p); got != tt.want {
			t.Errorf("due of %+v = %v, want %v", tt.p, got, tt.want)
		}
		if got := zhenggai.ProposalDueNow(&tt.p); got != tt.want {
			t.Errorf("due now of %+v = %v, want %v", tt.p, got, tt.want)
		}
	}
	// After 不满意 the reply awaited is the second, due on its own date;
	// the first's stays.
	p := zhenggai.Proposal{AssignedOn: pday(2020, 1, 20), RedoDueOn: pday(2020, 8, 1)}
	if zhenggai.ProposalDue(&p) != pday(2020, 4, 20) || zhenggai.ProposalDueNow(&p) != pday(2020, 8, 1) {
		t.Errorf("redo: due %v, due now %v", zhenggai.ProposalDue(&p), zhenggai.ProposalDueNow(&p))
	}
}

func TestProposalVerdict(t *testing.T) {
	fb := func(round int, r zhenggai.FeedbackResult) zhenggai.ProposalFeedback {
		return zhenggai.ProposalFeedback{Round: round, Result: r}
	}
	sat, basic, unsat := zhenggai.FeedbackSatisfied, zhenggai.FeedbackBasic, zhenggai.FeedbackUnsatisfied
	tests := []struct {
		forms []zhenggai.ProposalFeedback
		want  zhenggai.FeedbackResult
	}{
		{nil, ""},
		{[]zhenggai.ProposalFeedback{fb(1, sat)}, sat},
		{[]zhenggai.ProposalFeedback{fb(1, sat), fb(1, unsat), fb(1, basic)}, unsat},
		{[]zhenggai.ProposalFeedback{fb(1, unsat), fb(2, sat)}, sat},     // the latest round decides
		{[]zhenggai.ProposalFeedback{fb(2, basic), fb(1, unsat)}, basic}, // whatever the order
	}
	for _, tt := range tests {
		p := zhenggai.Proposal{Feedback: tt.forms}
		if got := zhenggai.ProposalVerdict(&p); got != tt.want {
			t.Errorf("verdict of %v = %q, want %q", tt.forms, got, tt.want)
		}
	}
}
