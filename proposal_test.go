package zhenggai

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestProposalNext walks every status × action × actor: the steps the
// cycle allows (written out here, apart from ProposalSteps) give their
// status, a step of the cycle taken by the wrong actor is EFORBID, and
// any other EINVALID; each refusal says what in Chinese.
func TestProposalNext(t *testing.T) {
	P, O, H := ActorProposer, ActorOffice, ActorHandler
	type key struct {
		from   ProposalStatus
		action ProposalAction
	}
	type allowed struct {
		to ProposalStatus
		by []ProposalActor
	}
	want := map[key]allowed{
		{PropDraft, ActSubmit}:       {PropSubmitted, []ProposalActor{P, O}},
		{PropSubmitted, ActRegister}: {PropRegistered, []ProposalActor{O}},
		{PropSubmitted, ActReject}:   {PropRejected, []ProposalActor{O}},
		{PropSubmitted, ActMerge}:    {PropMerged, []ProposalActor{O}},
		{PropRegistered, ActMerge}:   {PropMerged, []ProposalActor{O}},
		{PropSubmitted, ActConvert}:  {PropConverted, []ProposalActor{O}},
		{PropRegistered, ActAssign}:  {PropAssigned, []ProposalActor{O}},
		{PropAssigned, ActAssign}:    {PropAssigned, []ProposalActor{O}},
		{PropAssigned, ActReturn}:    {PropRegistered, []ProposalActor{H}},
		{PropAssigned, ActReply}:     {PropReplied, []ProposalActor{H, O}},
		{PropRedo, ActReply}:         {PropReplied, []ProposalActor{H, O}},
		{PropReplied, ActApprove}:    {PropAnswered, []ProposalActor{O}},
		{PropReplied, ActSendBack}:   {PropAssigned, []ProposalActor{O}},
		{PropAnswered, ActFeedback}:  {PropAnswered, []ProposalActor{P, O}},
		{PropFollowUp, ActFeedback}:  {PropFollowUp, []ProposalActor{P, O}},
		{PropFollowUp, ActFollow}:    {PropFollowUp, []ProposalActor{H, O}},
		{PropAnswered, ActFinish}:    {PropDone, []ProposalActor{O}},
		{PropFollowUp, ActFinish}:    {PropDone, []ProposalActor{O}},
		{PropRegistered, ActExtend}:  {PropRegistered, []ProposalActor{O}},
		{PropAssigned, ActExtend}:    {PropAssigned, []ProposalActor{O}},
		{PropRedo, ActExtend}:        {PropRedo, []ProposalActor{O}},
		{PropSubmitted, ActKey}:      {PropSubmitted, []ProposalActor{O}},
		{PropRegistered, ActKey}:     {PropRegistered, []ProposalActor{O}},
		{PropAssigned, ActKey}:       {PropAssigned, []ProposalActor{O}},
		{PropReplied, ActKey}:        {PropReplied, []ProposalActor{O}},
		{PropAnswered, ActKey}:       {PropAnswered, []ProposalActor{O}},
		{PropFollowUp, ActKey}:       {PropFollowUp, []ProposalActor{O}},
		{PropRedo, ActKey}:           {PropRedo, []ProposalActor{O}},
	}
	actions := []ProposalAction{ActSubmit, ActRegister, ActReject, ActMerge, ActConvert, ActAssign, ActReturn, ActReply,
		ActApprove, ActSendBack, ActFeedback, ActFollow, ActFinish, ActExtend, ActKey, ActCreate, ActCosign, "nonsense"}
	actors := []ProposalActor{P, O, H, ActorLeader}
	steps := 0
	for _, from := range ProposalStatuses {
		for _, action := range actions {
			for _, by := range actors {
				name := fmt.Sprintf("%s/%s/%s", from, action, by)
				got, err := ProposalNext(from, action, by)
				w, ok := want[key{from, action}]
				switch {
				case ok && slices.Contains(w.by, by):
					steps++
					if err != nil || got != w.to {
						t.Errorf("%s: %q, %v; want %q", name, got, err, w.to)
					}
				case ok:
					if ErrorCode(err) != EFORBID || got != "" || !strings.Contains(ErrorMessage(err), by.Label()+"不能") {
						t.Errorf("%s: %q, %v; want EFORBID naming %s", name, got, err, by.Label())
					}
				default:
					if ErrorCode(err) != EINVALID || got != "" || !strings.Contains(ErrorMessage(err), from.Label()+"的提案不能") {
						t.Errorf("%s: %q, %v; want EINVALID", name, got, err)
					}
				}
			}
		}
	}
	if steps != 34 {
		t.Errorf("%d allowed steps walked, want 34", steps)
	}
}

func TestProposalAfterFeedback(t *testing.T) {
	for _, tt := range []struct {
		class  ReplyClass
		result FeedbackResult
		want   ProposalStatus
	}{
		{ReplyClassA, FeedbackSatisfied, PropAnswered},
		{ReplyClassA, FeedbackBasic, PropAnswered},
		{ReplyClassA, FeedbackUnsatisfied, PropRedo},
		{ReplyClassB, FeedbackSatisfied, PropFollowUp},
		{ReplyClassB, FeedbackBasic, PropFollowUp},
		{ReplyClassB, FeedbackUnsatisfied, PropRedo},
		{ReplyClassC, FeedbackSatisfied, PropAnswered},
		{ReplyClassC, FeedbackUnsatisfied, PropRedo},
	} {
		if got := ProposalAfterFeedback(tt.class, tt.result); got != tt.want {
			t.Errorf("%s/%s: %s, want %s", tt.class, tt.result, got, tt.want)
		}
	}
}

func TestProposalValidate(t *testing.T) {
	ok := func() *Proposal {
		return &Proposal{Title: "关于加快农村公路建设的建议", Source: SourceMember, Timing: TimingSession, Year: 2020,
			Signers: []ProposalSigner{{Name: "张三"}}}
	}
	for _, tt := range []struct {
		name   string
		change func(p *Proposal)
		field  string
		msg    string
	}{
		{"fine", func(*Proposal) {}, "", ""},
		{"no title", func(p *Proposal) { p.Title = "" }, "title", "案题不能为空"},
		{"long title", func(p *Proposal) { p.Title = strings.Repeat("建", MaxProposalTitle+1) }, "title", "案题过长"},
		{"two lines", func(p *Proposal) { p.Title = "关于公路\n关于学校" }, "title", "案题"},
		{"long content", func(p *Proposal) { p.Content = strings.Repeat("字", MaxProposalContent+1) }, "content", "案由和建议过长"},
		{"bad source", func(p *Proposal) { p.Source = "x" }, "source", "提案者类别"},
		{"bad timing", func(p *Proposal) { p.Timing = "x" }, "timing", "大会提案或平时提案"},
		{"party without name", func(p *Proposal) { p.Source = SourceParty }, "submitter", "提案单位"},
		{"party named", func(p *Proposal) { p.Source, p.Submitter = SourceParty, "民盟桑植县支部" }, "", ""},
		{"year", func(p *Proposal) { p.Year = 1900 }, "year", "年度"},
		{"no lead", func(p *Proposal) { p.Signers = nil }, "signers", "领衔提案人"},
		{"too many", func(p *Proposal) { p.Signers = make([]ProposalSigner, MaxProposalSigners+1) }, "signers", "联名人过多"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := ok()
			tt.change(p)
			err := p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			v, isV := err.(*ValidationError)
			if !isV || !strings.Contains(v.For(tt.field), tt.msg) {
				t.Errorf("error %v; want on %s: %q", err, tt.field, tt.msg)
			}
		})
	}
}

func TestProposalStepInputCheck(t *testing.T) {
	grounds := DefaultRejectGrounds
	sum := strings.Repeat("ab", 32)
	for _, tt := range []struct {
		in    ProposalStepInput
		field string // "" when accepted
	}{
		{ProposalStepInput{Action: ActRegister}, ""},
		{ProposalStepInput{Action: ActReject, Ground: "属于学术探讨"}, ""},
		{ProposalStepInput{Action: ActReject, Ground: "看着不顺眼"}, "ground"},
		{ProposalStepInput{Action: ActMerge}, "merge_into"},
		{ProposalStepInput{Action: ActConvert, ConvertedTo: "社情民意"}, "consent_on"},
		{ProposalStepInput{Action: ActConvert, ConvertedTo: "简报", ConsentOn: NewDate(2020, 3, 1)}, "converted_to"},
		{ProposalStepInput{Action: ActConvert, ConvertedTo: "意见建议", ConsentOn: NewDate(2020, 3, 1)}, ""},
		{ProposalStepInput{Action: ActAssign}, "handlers"},
		{ProposalStepInput{Action: ActAssign, Handlers: []ProposalAssignment{{Handler: "县交通运输局"}}}, ""},
		{ProposalStepInput{Action: ActReturn}, "note"},
		{ProposalStepInput{Action: ActReply, Summary: "已列入计划"}, "class"},
		{ProposalStepInput{Action: ActReply, Class: ReplyClassA}, "summary"},
		{ProposalStepInput{Action: ActReply, Class: ReplyClassA, Summary: "已解决", LetterSHA256: "zz", LetterName: "函.pdf"}, "letter"},
		{ProposalStepInput{Action: ActReply, Class: ReplyClassA, Summary: "已解决", LetterSHA256: sum, LetterName: "函.pdf"}, ""},
		{ProposalStepInput{Action: ActSendBack}, "note"},
		{ProposalStepInput{Action: ActApprove, Class: "D"}, "class"},
		{ProposalStepInput{Action: ActFeedback}, "result"},
		{ProposalStepInput{Action: ActFeedback, Result: FeedbackBasic, Answers: map[string]string{"是否联系": "是"}}, ""},
		{ProposalStepInput{Action: ActFollow}, "note"},
		{ProposalStepInput{Action: ActExtend, Note: "需跨年度实施"}, "extend_to"},
		{ProposalStepInput{Action: ActExtend, ExtendTo: NewDate(2020, 9, 1)}, "note"},
	} {
		err := tt.in.Check(grounds)
		if tt.field == "" {
			if err != nil {
				t.Errorf("%+v refused: %v", tt.in, err)
			}
			continue
		}
		if v, ok := err.(*ValidationError); !ok || v.For(tt.field) == "" {
			t.Errorf("%s: %v; want a message on %s", tt.in.Action, err, tt.field)
		}
	}
}

func TestProposalColour(t *testing.T) {
	s := Settings{GreenDays: 20, YellowDays: 10}
	today := NewDate(2020, 6, 1)
	for _, tt := range []struct {
		status ProposalStatus
		due    Date
		ext    Date
		want   Colour
	}{
		{PropAssigned, NewDate(2020, 8, 1), Date{}, NoColour},
		{PropAssigned, NewDate(2020, 6, 15), Date{}, Green},
		{PropAssigned, NewDate(2020, 6, 5), Date{}, Yellow},
		{PropAssigned, NewDate(2020, 5, 31), Date{}, Red},
		{PropAssigned, NewDate(2020, 5, 31), NewDate(2020, 9, 1), NoColour}, // extended
		{PropRedo, NewDate(2020, 5, 1), Date{}, Red},
		{PropAnswered, NewDate(2020, 5, 1), Date{}, NoColour}, // replied: nothing awaited
		{PropDone, NewDate(2020, 5, 1), Date{}, NoColour},
	} {
		p := &Proposal{Status: tt.status, DueOn: tt.due, ExtendedTo: tt.ext}
		if got := ProposalColour(s, p, today); got != tt.want {
			t.Errorf("%s due %s ext %s: %q, want %q", tt.status, tt.due, tt.ext, got, tt.want)
		}
	}
}

func TestProposalsSimilar(t *testing.T) {
	if got := ProposalWords("关于加强农村公路 建设的建议（G5513）"); !slices.Equal(got, []string{"加强", "强农", "农村", "村公", "公路",
		"建设", "建议", "g5513"}) {
		t.Errorf("words %q", got)
	}
	ps := []*Proposal{
		{ID: 1, Title: "关于加强农村公路养护的建议"},
		{ID: 2, Title: "关于发展乡村旅游的建议"},
		{ID: 3, Title: "关于农村公路安全设施建设的建议"},
		{ID: 4, Title: "关于加强教师队伍建设的建议"},
		{ID: 5, Title: "农村公路"},
	}
	got := ProposalsSimilar("关于加快农村公路建设的提案", ps, 2)
	var ids []int64
	for _, p := range got {
		ids = append(ids, p.ID)
	}
	// 3 shares 农村, 村公, 公路, 建设; 1 and 5 three of them, 5 the newer;
	// 4 (关于加强…的建议) only the frame, which does not count.
	if !slices.Equal(ids, []int64{3, 5}) {
		t.Errorf("similar %v, want [3 5]", ids)
	}
	if got := ProposalsSimilar("关于教师待遇的建议", ps[:3], 5); len(got) != 0 {
		t.Errorf("only common words: %d found", len(got))
	}
}

func TestReplyClassesFrom(t *testing.T) {
	got := ReplyClassesFrom("a=已采纳\nB =  \nX=不存在\nC=留作参考")
	if got[0].Meaning != "已采纳" || got[1].Meaning != DefaultReplyClasses[1].Meaning || got[2].Meaning != "留作参考" || len(got) != 3 {
		t.Errorf("classes %+v", got)
	}
	if got := LinesFrom(" \n", DefaultRejectGrounds); !slices.Equal(got, DefaultRejectGrounds) {
		t.Errorf("defaults %q", got)
	}
	if got := LinesFrom("甲\n甲\n 乙 ", nil); !slices.Equal(got, []string{"甲", "乙"}) {
		t.Errorf("lines %q", got)
	}
}

func TestProposalPartsOf(t *testing.T) {
	under := func(office, unit int64) bool { return office == unit || office == 1 && unit == 2 }
	p := &Proposal{UnitID: 2, Signers: []ProposalSigner{{Seq: 1, PersonID: 7}, {Seq: 2, PersonID: 8, DeclinedOn: NewDate(2020, 3, 1)}},
		Handlers: []ProposalAssignment{{HandlerUnitID: 4}, {HandlerUnitID: 5, ReturnedOn: NewDate(2020, 3, 2)}}}
	for _, tt := range []struct {
		name string
		u    *User
		want ProposalParts
	}{
		{"office", &User{UnitID: 2, Role: RoleUnitAdmin}, ProposalParts{Reader: true, Office: true}},
		{"leader reads", &User{UnitID: 2, Role: RoleLeader}, ProposalParts{Reader: true}},
		{"inspection office reads", &User{UnitID: 1, Role: RoleSupervisor}, ProposalParts{Reader: true}},
		{"lead signer", &User{UnitID: 2, Role: RoleMember, PersonID: 7}, ProposalParts{Proposer: true}},
		{"declined co-signer", &User{UnitID: 2, Role: RoleMember, PersonID: 8}, ProposalParts{}},
		{"another member", &User{UnitID: 2, Role: RoleMember, PersonID: 9}, ProposalParts{}},
		{"handling unit", &User{UnitID: 4, Role: RoleResponsible}, ProposalParts{Handler: 4}},
		{"unit that returned it", &User{UnitID: 5, Role: RoleUnitAdmin}, ProposalParts{}},
		{"nobody", nil, ProposalParts{}},
	} {
		can := func(perm Perm, tg Target) bool { return Can(tt.u, perm, tg, under) }
		if got := ProposalPartsOf(tt.u, p, can); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestProposalPartsHide: a proposer alone sees only the replies the
// office approved, never a co-handling unit's view; the office, readers
// and the handling unit see them all.
func TestProposalPartsHide(t *testing.T) {
	replies := []ProposalReply{{ID: 1, Approved: true}, {ID: 2}, {ID: 3, Approved: true, CoView: true}}
	for _, c := range []struct {
		parts ProposalParts
		want  string
	}{
		{ProposalParts{Proposer: true}, "[1]"},
		{ProposalParts{Proposer: true, Office: true}, "[1 2 3]"},
		{ProposalParts{Reader: true}, "[1 2 3]"},
		{ProposalParts{Handler: 7}, "[1 2 3]"},
	} {
		p := &Proposal{Replies: slices.Clone(replies)}
		c.parts.Hide(p)
		var ids []int64
		for _, r := range p.Replies {
			ids = append(ids, r.ID)
		}
		if fmt.Sprint(ids) != c.want {
			t.Errorf("%+v sees %v, want %s", c.parts, ids, c.want)
		}
	}
}

// TestProposalRound: the round counts the 不满意 forms, whatever the
// status (a second reply sent back by the office stays the second round).
func TestProposalRound(t *testing.T) {
	for _, c := range []struct {
		name     string
		feedback []ProposalFeedback
		want     int
	}{
		{"no form yet", nil, 1},
		{"satisfied", []ProposalFeedback{{Round: 1, Result: FeedbackSatisfied}}, 1},
		{"one co-signer unsatisfied", []ProposalFeedback{{Round: 1, Result: FeedbackSatisfied}, {Round: 1, Result: FeedbackUnsatisfied}}, 2},
		{"second reply also unsatisfied", []ProposalFeedback{{Round: 1, Result: FeedbackUnsatisfied}, {Round: 2, Result: FeedbackUnsatisfied}}, 3},
		{"second reply satisfied", []ProposalFeedback{{Round: 1, Result: FeedbackUnsatisfied}, {Round: 2, Result: FeedbackBasic}}, 2},
	} {
		for _, st := range []ProposalStatus{PropRedo, PropAssigned, PropReplied} {
			p := &Proposal{Status: st, Feedback: c.feedback}
			if got := ProposalRound(p); got != c.want {
				t.Errorf("%s (%s): round %d, want %d", c.name, st, got, c.want)
			}
		}
	}
}
