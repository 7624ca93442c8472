package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

// proposalWorld is a CPPCC committee with two members and a leader on
// its roster, and a handling unit.
type proposalWorld struct {
	unit, handler, other   int64
	zhang, li, wang, chair int64
	clock                  *time.Time
}

func seedProposalWorld(t *testing.T, st *store.Store) *proposalWorld {
	t.Helper()
	ctx := actx()
	r, _, _, _ := seedRound(t, st)
	w := &proposalWorld{unit: r.UnitID}
	hu, ou := &zhenggai.Unit{Name: "县交通运输局"}, &zhenggai.Unit{Name: "县教育局"}
	for _, u := range []*zhenggai.Unit{hu, ou} {
		if err := st.SaveUnit(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	w.handler, w.other = hu.ID, ou.ID
	for _, p := range []struct {
		id   *int64
		name string
		kind zhenggai.PersonKind
	}{{&w.zhang, "张立新", zhenggai.PersonCPPCC}, {&w.li, "李春梅", zhenggai.PersonCPPCC}, {&w.wang, "王建华", zhenggai.PersonCPPCC},
		{&w.chair, "向建国", zhenggai.PersonLeader}} {
		x := &zhenggai.Person{UnitID: w.unit, Name: p.name, Kind: p.kind}
		if err := st.SavePerson(ctx, x); err != nil {
			t.Fatal(err)
		}
		*p.id = x.ID
	}
	now := time.Date(2020, 3, 2, 2, 0, 0, 0, time.UTC) // a Monday, 10:00 in Shanghai
	w.clock = &now
	st.SetClock(func() time.Time { return *w.clock })
	return w
}

// at moves the clock to day d.
func (w *proposalWorld) at(d zhenggai.Date) {
	*w.clock = d.Time().Add(2 * time.Hour)
}

func mustStep(t *testing.T, st *store.Store, p *zhenggai.Proposal, actor zhenggai.ProposalActor, in zhenggai.ProposalStepInput) *zhenggai.Proposal {
	t.Helper()
	got, err := st.ProposalStep(actx(), p.ID, p.Version, actor, &in)
	if err != nil {
		t.Fatalf("%s by %s: %v", in.Action, actor, err)
	}
	return got
}

// TestProposalCycle: a proposal goes from its draft with a co-signer to
// done, each step in one transaction with its row and its dated line; the
// steps refused say why and write nothing.
func TestProposalCycle(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		w := seedProposalWorld(t, st)
		p := &zhenggai.Proposal{UnitID: w.unit, Session: "九届四次", Title: "关于加快农村公路建设的建议", Content: "案由……建议……",
			Signers: []zhenggai.ProposalSigner{{PersonID: w.zhang}, {Name: "李春梅", Deadline: zhenggai.NewDate(2020, 3, 6)}}}
		if err := st.CreateProposal(ctx, p, false); err != nil {
			t.Fatal(err)
		}
		if p.Status != zhenggai.PropDraft || p.Year != 2020 || p.Signers[1].PersonID != w.li || p.Signers[0].Name != "张立新" {
			t.Fatalf("created %+v", p)
		}
		// A stranger cannot co-sign; the invited one confirms, which submits it.
		if err := st.ProposalCosign(ctx, p.ID, w.wang, true); zhenggai.ErrorCode(err) != zhenggai.EFORBID {
			t.Errorf("stranger co-signs: %v", err)
		}
		w.at(zhenggai.NewDate(2020, 3, 4))
		if err := st.ProposalCosign(ctx, p.ID, w.li, true); err != nil {
			t.Fatal(err)
		}
		if err := st.ProposalCosign(ctx, p.ID, w.li, true); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("second answer after submission: %v", err)
		}
		p, _ = st.Proposal(ctx, p.ID)
		if p.Status != zhenggai.PropSubmitted || p.Signers[1].ConfirmedOn != zhenggai.NewDate(2020, 3, 4) || p.SubmittedOn != zhenggai.NewDate(2020, 3, 4) {
			t.Fatalf("after co-signing %+v", p)
		}

		// The office registers it (numbered 1) and assigns it.
		w.at(zhenggai.NewDate(2020, 3, 9))
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActRegister})
		if p.Status != zhenggai.PropRegistered || p.Number != "1" || p.ReviewedOn != zhenggai.NewDate(2020, 3, 9) {
			t.Fatalf("registered %+v", p)
		}
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActReject, Ground: "属于学术探讨"}); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
			t.Errorf("reject a registered one: %v", err)
		}
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorHandler, &zhenggai.ProposalStepInput{Action: zhenggai.ActAssign,
			Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: w.handler}}}); zhenggai.ErrorCode(err) != zhenggai.EFORBID {
			t.Errorf("handler assigns: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActAssign,
			Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: w.handler}, {Handler: "县财政局"}}})
		if p.Status != zhenggai.PropAssigned || len(p.Handlers) != 2 || p.Handlers[0].Handler != "县交通运输局" || p.Handlers[0].Role != zhenggai.HandlerLead ||
			p.Handlers[1].Role != zhenggai.HandlerCo || p.DueOn != zhenggai.NewDate(2020, 6, 9) {
			t.Fatalf("assigned %+v", p)
		}
		// The handling unit now handles proposals, the other not; a failed query is an error, not a no.
		if ok, err := st.HandlesProposals(ctx, w.handler); !ok || err != nil {
			t.Errorf("handler handles: %v, %v", ok, err)
		}
		if ok, err := st.HandlesProposals(ctx, w.other); ok || err != nil {
			t.Errorf("other handles: %v, %v", ok, err)
		}
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := st.HandlesProposals(cancelled, w.handler); err == nil {
			t.Error("handles: no error from a cancelled query")
		}
		// Another unit does not answer; the handling unit returns too late.
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorHandler, &zhenggai.ProposalStepInput{Action: zhenggai.ActReply,
			Class: zhenggai.ReplyClassA, Summary: "已解决", ByUnit: w.other}); zhenggai.ErrorCode(err) != zhenggai.EFORBID {
			t.Errorf("other unit replies: %v", err)
		}
		w.at(zhenggai.NewDate(2020, 3, 17)) // 6 working days after
		_, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorHandler, &zhenggai.ProposalStepInput{Action: zhenggai.ActReturn, Note: "不属本单位职责", ByUnit: w.handler})
		if zhenggai.ErrorCode(err) != zhenggai.EINVALID || !strings.Contains(zhenggai.ErrorMessage(err), "5个工作日") {
			t.Errorf("late return: %v", err)
		}
		// The extension: at most six months after assignment.
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActExtend,
			ExtendTo: zhenggai.NewDate(2020, 9, 10), Note: "跨年度"}); !strings.Contains(fieldMessage(t, err, "extend_to"), "至多") {
			t.Errorf("long extension: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActExtend, ExtendTo: zhenggai.NewDate(2020, 9, 9), Note: "需现场勘查"})
		if zhenggai.ProposalDue(p) != zhenggai.NewDate(2020, 9, 9) || p.Status != zhenggai.PropAssigned {
			t.Errorf("extended %+v", p)
		}
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActKey, KeyLeaderID: w.wang}); !strings.Contains(fieldMessage(t, err, "key_leader_id"), "领导班子成员") {
			t.Errorf("a member as key leader: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActKey, KeyLeaderID: w.chair})
		if !p.Key || p.KeyLeader != "向建国" {
			t.Errorf("key %+v", p)
		}

		// The co-handling unit's view does not move it; the lead unit replies.
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, AssignmentID: p.Handlers[1].ID,
			Class: zhenggai.ReplyClassA, Summary: "同意安排资金"})
		if p.Status != zhenggai.PropAssigned || !p.Replies[0].CoView {
			t.Fatalf("co view %+v", p)
		}
		sum := strings.Repeat("ab", 32)
		w.at(zhenggai.NewDate(2020, 5, 6))
		p = mustStep(t, st, p, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassA,
			Summary: "已列入2020年计划", LetterSHA256: sum, LetterName: "答复函.pdf", ByUnit: w.handler})
		if p.Status != zhenggai.PropReplied || p.Replies[1].LetterName != "答复函.pdf" || p.Replies[1].Round != 1 {
			t.Fatalf("replied %+v", p)
		}
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActSendBack}); fieldMessage(t, err, "note") == "" {
			t.Errorf("send back without reason: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActSendBack, Note: "答复过于简单"})
		if p.Status != zhenggai.PropAssigned || p.Replies[1].ReturnReason != "答复过于简单" || p.Replies[1].Approved {
			t.Fatalf("sent back %+v", p.Replies[1])
		}
		p = mustStep(t, st, p, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassA,
			Summary: "已列入计划，年内完成", ByUnit: w.handler})
		// The office changes the class on approving it.
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActApprove, Class: zhenggai.ReplyClassB})
		if p.Status != zhenggai.PropAnswered || p.Class != zhenggai.ReplyClassB || !p.Replies[2].Approved || p.Replies[2].Class != zhenggai.ReplyClassB {
			t.Fatalf("approved %+v", p)
		}
		if r := zhenggai.ProposalReplied(p); r == nil || r.RepliedOn != zhenggai.NewDate(2020, 5, 6) {
			t.Errorf("replied %+v", r)
		}
		// Forms: a stranger's is refused, each signer's once; B class is followed up.
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorProposer, &zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback,
			Result: zhenggai.FeedbackSatisfied, ByPerson: w.wang}); zhenggai.ErrorCode(err) != zhenggai.EFORBID {
			t.Errorf("stranger's form: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorProposer, zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback, Result: zhenggai.FeedbackSatisfied,
			Answers: map[string]string{"承办单位是否与您联系沟通": "是"}, ByPerson: w.zhang})
		if p.Status != zhenggai.PropFollowUp || p.Feedback[0].Answers["承办单位是否与您联系沟通"] != "是" {
			t.Fatalf("feedback %+v", p)
		}
		if _, err := st.ProposalStep(ctx, p.ID, p.Version, zhenggai.ActorProposer, &zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback,
			Result: zhenggai.FeedbackBasic, ByPerson: w.zhang}); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("second form: %v", err)
		}
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback, Result: zhenggai.FeedbackBasic, PersonID: w.li})
		p = mustStep(t, st, p, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActFollow, Note: "已完成路基工程", ByUnit: w.handler})
		if zhenggai.ProposalVerdict(p) != zhenggai.FeedbackBasic {
			t.Errorf("verdict %s", zhenggai.ProposalVerdict(p))
		}
		// A stale version is a conflict.
		if _, err := st.ProposalStep(ctx, p.ID, p.Version-1, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActFinish}); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("stale: %v", err)
		}
		w.at(zhenggai.NewDate(2020, 7, 1))
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActFinish})
		if p.Status != zhenggai.PropDone || p.DoneOn != zhenggai.NewDate(2020, 7, 1) {
			t.Fatalf("done %+v", p)
		}
		if m := zhenggai.ProposalArchiveMissing(p); len(m) != 0 {
			t.Errorf("archive missing %q", m)
		}
		var actions []string
		for _, e := range p.Events {
			if e.On.IsZero() || e.At.IsZero() || e.Actor == "" {
				t.Errorf("undated event %+v", e)
			}
			actions = append(actions, string(e.Action))
		}
		want := "create cosign submit register assign extend key reply reply sendback reply approve feedback feedback follow finish"
		if strings.Join(actions, " ") != want {
			t.Errorf("timeline %s\nwant     %s", strings.Join(actions, " "), want)
		}

		// Lists: by status, by the handling unit, by a signer.
		for _, tt := range []struct {
			q    store.ProposalQuery
			want int
		}{
			{store.ProposalQuery{UnitID: w.unit, Status: zhenggai.PropDone}, 1},
			{store.ProposalQuery{UnitID: w.unit, Status: zhenggai.PropAssigned}, 0},
			{store.ProposalQuery{HandlerUnitID: w.handler}, 1},
			{store.ProposalQuery{HandlerUnitID: w.other}, 0},
			{store.ProposalQuery{UnitID: w.unit, PersonID: w.li}, 1},
			{store.ProposalQuery{UnitID: w.unit, PersonID: w.wang}, 0},
			{store.ProposalQuery{UnitID: w.unit, Session: "九届四次", Year: 2020, KeyOnly: true}, 1},
			{store.ProposalQuery{UnitID: w.handler}, 0},
		} {
			got, err := st.Proposals(ctx, tt.q)
			if err != nil || len(got) != tt.want {
				t.Errorf("%+v: %d, %v; want %d", tt.q, len(got), err, tt.want)
			}
			if len(got) == 1 && (len(got[0].Signers) != 2 || len(got[0].Replies) != 3 || len(got[0].Feedback) != 2) {
				t.Errorf("%+v: children %+v", tt.q, got[0])
			}
		}
	})
}

// TestProposalReview: 不予立案 only on one of the unit's grounds, 转为意见建议
// only with the proposer's consent, 并案 into a registered one (its reply
// shown on the merged one), a return within the working days set, 不满意
// sending it back for a second reply, public or not with a reason, and
// the generic void.
func TestProposalReview(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		w := seedProposalWorld(t, st)
		newOne := func(title string) *zhenggai.Proposal {
			p := &zhenggai.Proposal{UnitID: w.unit, Title: title, Signers: []zhenggai.ProposalSigner{{PersonID: w.zhang}}}
			if err := st.CreateProposal(ctx, p, true); err != nil {
				t.Fatal(err)
			}
			return p
		}
		a, b, c := newOne("关于农村饮水安全的建议"), newOne("关于保障农村饮水安全的提案"), newOne("关于设立研究院的建议")
		if a.Status != zhenggai.PropSubmitted {
			t.Fatalf("submitted directly: %s", a.Status)
		}
		sim, err := st.SimilarProposals(ctx, w.unit, "农村饮水工程", 5)
		if err != nil || len(sim) != 2 {
			t.Errorf("similar %d, %v", len(sim), err)
		}
		// Grounds are the unit's: a setting replaces the defaults.
		if _, err := st.ProposalStep(ctx, c.ID, c.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActReject, Ground: "太长"}); fieldMessage(t, err, "ground") == "" {
			t.Errorf("ground not listed: %v", err)
		}
		set := &store.ProposalSettings{Grounds: []string{"属于学术探讨", "其他"}, Classes: zhenggai.DefaultReplyClasses, Questions: []string{"是否走访"}, ReturnDays: 3}
		if err := st.SaveProposalSettings(ctx, w.unit, set); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.ProposalSettings(ctx, w.unit); len(got.Grounds) != 2 || got.ReturnDays != 3 || got.Questions[0] != "是否走访" {
			t.Errorf("settings %+v", got)
		}
		if err := st.SaveProposalSettings(ctx, w.unit, &store.ProposalSettings{ReturnDays: 0}); fieldMessage(t, err, "return_days") == "" {
			t.Errorf("return days 0: %v", err)
		}
		if _, err := st.ProposalStep(ctx, c.ID, c.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActReject, Ground: "不属于政协提案受理范围"}); fieldMessage(t, err, "ground") == "" {
			t.Errorf("default ground after the setting: %v", err)
		}
		c = mustStep(t, st, c, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActReject, Ground: "其他"})
		if c.Status != zhenggai.PropRejected || c.Ground != "其他" {
			t.Errorf("rejected %+v", c)
		}
		// Convert needs the consent's date.
		if _, err := st.ProposalStep(ctx, b.ID, b.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActConvert, ConvertedTo: "社情民意"}); fieldMessage(t, err, "consent_on") == "" {
			t.Errorf("convert without consent: %v", err)
		}
		// Merge into a submitted one is refused; into a registered one done.
		if _, err := st.ProposalStep(ctx, b.ID, b.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActMerge, MergeInto: a.ID}); fieldMessage(t, err, "merge_into") == "" {
			t.Errorf("merge into unregistered: %v", err)
		}
		a = mustStep(t, st, a, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActRegister, Number: "12"})
		b = mustStep(t, st, b, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActMerge, MergeInto: a.ID})
		if b.Status != zhenggai.PropMerged || b.MergedInto != a.ID {
			t.Errorf("merged %+v", b)
		}
		if got, err := st.ProposalsMergedInto(ctx, a.ID); err != nil || len(got) != 1 || got[0].ID != b.ID || got[0].Signers[0].PersonID != w.zhang {
			t.Errorf("merged into a: %v, %v", got, err)
		}
		// A return within 3 working days (the setting), with its reason: back to registered.
		a = mustStep(t, st, a, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActAssign, Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: w.other}}})
		w.at(zhenggai.NewDate(2020, 3, 5))
		a = mustStep(t, st, a, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReturn, Note: "应由交通运输局承办", ByUnit: w.other})
		if a.Status != zhenggai.PropRegistered || a.Handlers[0].ReturnReason != "应由交通运输局承办" || !a.AssignedOn.IsZero() {
			t.Fatalf("returned %+v", a)
		}
		a = mustStep(t, st, a, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActAssign, Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: w.handler}}})
		a = mustStep(t, st, a, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassC, Summary: "留作参考", ByUnit: w.handler})
		a = mustStep(t, st, a, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActApprove})
		if m := zhenggai.ProposalArchiveMissing(a); strings.Join(m, ",") != "答复函,征询意见表" {
			t.Errorf("missing %q", m)
		}
		w.at(zhenggai.NewDate(2020, 4, 1))
		a = mustStep(t, st, a, zhenggai.ActorProposer, zhenggai.ProposalStepInput{Action: zhenggai.ActFeedback, Result: zhenggai.FeedbackUnsatisfied, ByPerson: w.zhang})
		// The second reply's own due date; the first's stays (the on-time rate counts against it).
		if a.Status != zhenggai.PropRedo || a.RedoDueOn != zhenggai.NewDate(2020, 7, 1) || a.DueOn != zhenggai.NewDate(2020, 6, 5) ||
			zhenggai.ProposalDueNow(a) != zhenggai.NewDate(2020, 7, 1) {
			t.Fatalf("unsatisfied %+v", a)
		}
		// An extension in the redo moves the second reply's date, at most six months from the form.
		if _, err := st.ProposalStep(ctx, a.ID, a.Version, zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActExtend,
			ExtendTo: zhenggai.NewDate(2020, 10, 2), Note: "涉及省级部门"}); fieldMessage(t, err, "extend_to") == "" {
			t.Errorf("redo extended past six months: %v", err)
		}
		a = mustStep(t, st, a, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActExtend, ExtendTo: zhenggai.NewDate(2020, 9, 1), Note: "涉及省级部门"})
		if a.RedoDueOn != zhenggai.NewDate(2020, 9, 1) || a.DueOn != zhenggai.NewDate(2020, 6, 5) || !a.ExtendedTo.IsZero() {
			t.Errorf("redo extended: redo %v due %v extended %v", a.RedoDueOn, a.DueOn, a.ExtendedTo)
		}
		a = mustStep(t, st, a, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassA, Summary: "已解决", ByUnit: w.handler})
		if a.Replies[len(a.Replies)-1].Round != 2 {
			t.Errorf("second reply round %d", a.Replies[len(a.Replies)-1].Round)
		}
		// The archive: a document filed, then voided.
		doc := &zhenggai.ProposalDocument{Kind: zhenggai.DocReplyLetter, SHA256: strings.Repeat("cd", 32), Name: "答复函.pdf"}
		if err := st.AddProposalDocument(ctx, a.ID, doc, "提案委"); err != nil {
			t.Fatal(err)
		}
		if err := st.Void(ctx, "proposal_document", doc.ID, "传错文件"); err != nil {
			t.Fatal(err)
		}
		// Public or not, with a reason.
		a, _ = st.Proposal(ctx, a.ID)
		if len(a.Documents) != 0 {
			t.Errorf("voided document listed %+v", a.Documents)
		}
		if err := st.SetProposalPublic(ctx, a.ID, a.Version, false, ""); fieldMessage(t, err, "not_public_reason") == "" {
			t.Errorf("not public without reason: %v", err)
		}
		if err := st.SetProposalPublic(ctx, a.ID, a.Version, false, "涉及个人隐私"); err != nil {
			t.Fatal(err)
		}
		if a, _ = st.Proposal(ctx, a.ID); a.Public || a.NotPublic != "涉及个人隐私" {
			t.Errorf("public %+v", a)
		}
		// Voided: out of the lists, back when restored.
		if err := st.Void(ctx, "proposal", c.ID, "重复录入"); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Proposals(ctx, store.ProposalQuery{UnitID: w.unit}); len(got) != 2 {
			t.Errorf("after void %d", len(got))
		}
		if _, err := st.ProposalStep(ctx, c.ID, anyVersionOf(st, c.ID), zhenggai.ActorOffice, &zhenggai.ProposalStepInput{Action: zhenggai.ActKey}); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
			t.Errorf("step on voided: %v", err)
		}
		if err := st.Restore(ctx, "proposal", c.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Proposals(ctx, store.ProposalQuery{UnitID: w.unit}); len(got) != 3 {
			t.Errorf("after restore %d", len(got))
		}
	})
}

func anyVersionOf(st *store.Store, id int64) int64 {
	p, err := st.Proposal(actx(), id)
	if err != nil {
		return 0
	}
	return p.Version
}

// TestProposalNotices: the co-signer invited, the handling unit's office
// given the proposal, the leader named for a 重点提案 and the proposer
// when the office approves the reply each find it in their inbox.
func TestProposalNotices(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st, ctx := env.Store, actx()
		w := seedProposalWorld(t, st)
		account := func(name string, unit, person int64, role zhenggai.Role) int64 {
			u := &zhenggai.User{UnitID: unit, Name: name, DisplayName: name, Role: role, PersonID: person}
			if err := st.CreateUser(ctx, u, "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA"); err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		zhang, li := account("zhang", w.unit, w.zhang, zhenggai.RoleMember), account("li", w.unit, w.li, zhenggai.RoleMember)
		chair := account("chair", w.unit, w.chair, zhenggai.RoleLeader)
		office, other := account("jtj", w.handler, 0, zhenggai.RoleUnitAdmin), account("jyj", w.other, 0, zhenggai.RoleUnitAdmin)
		inbox := func(user int64) []string {
			t.Helper()
			ns, err := st.Inbox(ctx, user, false, 50)
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, n := range ns {
				if n.Kind == zhenggai.NoticeProposal {
					out = append(out, n.Subject+"｜"+n.Body)
				}
			}
			return out
		}
		has := func(user int64, n int, parts ...string) {
			t.Helper()
			got := inbox(user)
			if len(got) != n {
				t.Fatalf("user %d: %d notices, want %d: %q", user, len(got), n, got)
			}
			for _, p := range parts {
				if !strings.Contains(strings.Join(got, "\n"), p) {
					t.Errorf("user %d: no %q in %q", user, p, got)
				}
			}
		}
		p := &zhenggai.Proposal{UnitID: w.unit, Session: "九届四次", Title: "关于加快农村公路建设的建议", Content: "案由……建议……",
			Signers: []zhenggai.ProposalSigner{{PersonID: w.zhang}, {Name: "李春梅", Deadline: zhenggai.NewDate(2020, 3, 6)}}}
		if err := st.CreateProposal(ctx, p, false); err != nil {
			t.Fatal(err)
		}
		has(li, 1, "联名邀请：《关于加快农村公路建设的建议》｜张立新委员邀请您联名提出提案《关于加快农村公路建设的建议》，请查看提案内容后确认联名或谢绝，联名截止日期：2020年3月6日。")
		has(zhang, 0)
		if err := st.ProposalCosign(ctx, p.ID, w.li, true); err != nil {
			t.Fatal(err)
		}
		p, _ = st.Proposal(ctx, p.ID)
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActRegister})
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActAssign,
			Handlers: []zhenggai.ProposalAssignment{{HandlerUnitID: w.handler}, {Handler: "县财政局"}}})
		has(office, 1, "交办提案：九届四次第1号《关于加快农村公路建设的建议》｜政协提案委员会将九届四次第1号《关于加快农村公路建设的建议》交由贵单位主办，请于2020年6月2日前书面答复提案者；如不属于贵单位职责，请在5个工作日内说明理由退回。")
		has(other, 0)
		p = mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActKey, KeyLeaderID: w.chair})
		has(chair, 1, "重点提案督办：九届四次第1号《关于加快农村公路建设的建议》｜九届四次第1号《关于加快农村公路建设的建议》已列为重点提案，由您督办，主办单位：县交通运输局，答复期限：2020年6月2日。")
		p = mustStep(t, st, p, zhenggai.ActorHandler, zhenggai.ProposalStepInput{Action: zhenggai.ActReply, Class: zhenggai.ReplyClassA, Summary: "已解决", ByUnit: w.handler})
		has(zhang, 0) // not before the office's review
		mustStep(t, st, p, zhenggai.ActorOffice, zhenggai.ProposalStepInput{Action: zhenggai.ActApprove})
		for _, u := range []int64{zhang, li} {
			has(u, map[int64]int{zhang: 1, li: 2}[u], "提案答复：九届四次第1号《关于加快农村公路建设的建议》｜承办单位对您的提案九届四次第1号《关于加快农村公路建设的建议》的答复（A类）已经政协提案委员会审核，请查看答复并填写办理情况征询意见表（满意、基本满意或不满意）。")
		}
		has(office, 1)
	})
}
