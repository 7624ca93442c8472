package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

func TestPublicationsAndOpinions(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testPublicationsAndOpinions(t, env.Store) })
}

func testPublicationsAndOpinions(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
	pub, p := seedPublication(t, st)
	r, err := st.Round(ctx, pub.RoundID)
	if err != nil {
		t.Fatal(err)
	}
	if pub.UnitID != r.UnitID || pub.Unit != "桑植县政协党组" || pub.PublishedBy != "办公室" {
		t.Errorf("publication: unit %d %q, by %q", pub.UnitID, pub.Unit, pub.PublishedBy)
	}
	// A later edit of the ledger does not change what was published.
	p.Title = "改过的标题"
	if err := st.UpdateProblem(ctx, p); err != nil {
		t.Fatal(err)
	}
	got, err := st.Publication(ctx, pub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != pub.Body || got.Problems[0].Title != "学习停留在表面" || got.AsOf != pub.AsOf {
		t.Errorf("snapshot changed: %+v", got)
	}
	if err := st.DraftPublication(ctx, &zhenggai.Publication{RoundID: r.ID, Title: "x"}); code(err) != zhenggai.EINVALID {
		t.Errorf("publication without date or body: %v", err)
	}

	// Opinions: the day's numbers, random, contact kept; the receipt opens
	// the opinion to its sender only.
	today := zhenggai.DateOf(time.Now())
	o1 := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Name: "张三", Contact: "13800000000", Content: "学习记录应当公开",
		Receipt: "digest-of-the-senders-secret"}
	if err := st.CreateOpinion(context.Background(), o1); err != nil {
		t.Fatal(err)
	}
	o2 := &zhenggai.Opinion{PublicationID: pub.ID, Content: "整改情况写得太笼统"}
	if err := st.CreateOpinion(context.Background(), o2); err != nil {
		t.Fatal(err)
	}
	prefix := fmt.Sprintf("YJ%04d%02d%02d-", today.Year(), today.Month(), today.Day())
	if o1.Ref == o2.Ref || !strings.HasPrefix(o1.Ref, prefix) || !strings.HasPrefix(o2.Ref, prefix) || len(o1.Ref) != len("YJ20261127-K7M3-Q9XD") {
		t.Errorf("refs %q %q", o1.Ref, o2.Ref)
	}
	if got, err := st.OpinionReceipt(ctx, o1.Ref, "digest-of-the-senders-secret"); err != nil || got.ID != o1.ID {
		t.Errorf("the sender's receipt: %v %v", got, err)
	}
	for _, c := range []struct{ ref, receipt string }{{o1.Ref, "another"}, {o2.Ref, ""}, {o2.Ref, "digest-of-the-senders-secret"}} {
		if _, err := st.OpinionReceipt(ctx, c.ref, c.receipt); code(err) != zhenggai.ENOTFOUND {
			t.Errorf("receipt %q for %s: %v", c.receipt, c.ref, err)
		}
	}
	if o1.Problem != "具体问题1：学习停留在表面" || o1.UnitID != r.UnitID || o1.Status != zhenggai.OpinionNew {
		t.Errorf("opinion: %+v", o1)
	}
	for _, bad := range []*zhenggai.Opinion{
		{PublicationID: pub.ID, Content: ""},
		{PublicationID: pub.ID, Content: strings.Repeat("长", zhenggai.MaxOpinion+1)},
		{PublicationID: pub.ID, Content: "好的好的好的", Contact: strings.Repeat("1", zhenggai.MaxContact+1)},
		{PublicationID: pub.ID, Content: "有\x00控制字符的意见"},
		{PublicationID: pub.ID, ProblemID: p.ID + 1000, Content: "不存在的问题的意见"},
	} {
		if err := st.CreateOpinion(ctx, bad); code(err) != zhenggai.EINVALID {
			t.Errorf("bad opinion %.40q: %v", bad.Content, err)
		}
	}

	// Staff: assign, answer and publish, close; each versioned.
	admin := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室甲")
	elsewhere := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "别的单位", "办公室乙")
	if err := st.AssignOpinion(ctx, o1.ID, elsewhere.User.ID, "", 1); code(err) != zhenggai.EINVALID {
		t.Errorf("assign to another unit's user: %v", err)
	}
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "桑植县政协党组", "别的责任人")
	if err := st.AssignOpinion(ctx, o1.ID, owner.User.ID, "", 1); code(err) != zhenggai.EINVALID {
		t.Errorf("assign to an owner the problem does not name: %v", err)
	}
	if err := st.AssignOpinion(ctx, o1.ID, admin.User.ID, "", 1); err != nil {
		t.Fatal(err)
	}
	if err := st.AnswerOpinion(ctx, o1.ID, "已在机关公开栏公开学习记录。", true, "办公室甲", 1); code(err) != zhenggai.ECONFLICT {
		t.Errorf("answer with a stale version: %v", err)
	}
	if err := st.AnswerOpinion(ctx, o1.ID, "已在机关公开栏公开学习记录。", true, "办公室甲", 2); err != nil {
		t.Fatal(err)
	}
	if err := st.AnswerOpinion(ctx, o2.ID, "内部答复，不公开。", false, "办公室甲", 1); err != nil {
		t.Fatal(err)
	}
	if err := st.CloseOpinion(ctx, o1.ID, 3); err != nil {
		t.Fatal(err)
	}
	if err := st.CloseOpinion(ctx, o1.ID, 4); code(err) != zhenggai.ECONFLICT {
		t.Errorf("close twice: %v", err)
	}
	o, err := st.Opinion(ctx, o1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if o.Status != zhenggai.OpinionClosed || o.Assignee != "办公室甲" || !o.AnswerPublished || o.Contact != "13800000000" {
		t.Errorf("opinion after handling: %+v", o)
	}
	pubd, err := st.PublishedOpinions(ctx, pub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pubd) != 1 || pubd[0].ID != o1.ID || pubd[0].Name != "" || pubd[0].Contact != "" {
		t.Errorf("published opinions: %+v", pubd)
	}
	mine, err := st.Opinions(ctx, zhenggai.Scope{Unit: r.UnitID}, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) != 2 || mine[0].ID != o2.ID {
		t.Errorf("inbox: open ones first, got %d", len(mine))
	}
	if other, _ := st.Opinions(ctx, zhenggai.Scope{Unit: elsewhere.User.UnitID}, ""); len(other) != 0 {
		t.Errorf("another unit sees %d opinions", len(other))
	}

	// Withdrawing: recorded, off the public list, no more opinions.
	if err := st.Withdraw(ctx, pub.ID, "", "办公室甲"); code(err) != zhenggai.EINVALID {
		t.Errorf("withdraw without a reason: %v", err)
	}
	if err := st.Withdraw(ctx, pub.ID, "数据有误，更正后重新公布", "办公室甲"); err != nil {
		t.Fatal(err)
	}
	if live, _ := st.Publications(ctx, 0); len(live) != 0 {
		t.Errorf("withdrawn publication still listed")
	}
	if all, _ := st.Publications(ctx, r.ID); len(all) != 1 || !all[0].Withdrawn || all[0].Reason == "" {
		t.Errorf("round's publications: %+v", all)
	}
	if err := st.CreateOpinion(ctx, &zhenggai.Opinion{PublicationID: pub.ID, Content: "撤回后的意见"}); code(err) != zhenggai.ENOTFOUND {
		t.Errorf("opinion on a withdrawn report: %v", err)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("audit: %+v", rep.Problems)
	}
	hist, err := st.History(ctx, "opinions", o1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 4 {
		t.Errorf("opinion history has %d entries, want 4 (sent, assigned, answered, closed)", len(hist))
	}
}

// TestReviewBeforePublishing: a drafted report is nobody's to read or
// answer until a second person approves it; its drafter cannot; the
// reviewer can return it with a reason, which reaches the drafter, and
// the resubmission reaches the reviewer. Publications of one round are
// numbered in the order they went public. Every step is in the log.
func TestReviewBeforePublishing(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testReviewBeforePublishing(t, env.Store) })
}

func testReviewBeforePublishing(t *testing.T, st *store.Store) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
	r, _, p, _ := seedRound(t, st)
	drafter := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室甲").User
	principal := testkit.Principal(t, st, "桑植县政协党组", "向建国").User
	draft := func(day int) *zhenggai.Publication {
		t.Helper()
		pub := &zhenggai.Publication{RoundID: r.ID, Title: "通报", AsOf: zhenggai.NewDate(2020, 10, day),
			Summary: "截至……", Body: `<section id="problem-1">学习停留在表面</section>`, DrafterID: drafter.ID, DraftedBy: drafter.DisplayName,
			Problems: []zhenggai.PublishedProblem{{ID: p.ID, Seq: 1, Title: p.Title}}}
		if err := st.DraftPublication(ctx, pub); err != nil {
			t.Fatal(err)
		}
		return pub
	}
	pub := draft(28)
	hidden := func(when string) {
		t.Helper()
		if live, _ := st.Publications(ctx, 0); len(live) != 0 {
			t.Errorf("%s: listed on the public site: %+v", when, live[0])
		}
		if err := st.CreateOpinion(ctx, &zhenggai.Opinion{PublicationID: pub.ID, Content: "请公开学习记录"}); code(err) != zhenggai.ENOTFOUND {
			t.Errorf("%s: an opinion on it: %v", when, err)
		}
		if got, _ := st.Publication(ctx, pub.ID); got.Public() {
			t.Errorf("%s: public", when)
		}
	}
	hidden("drafted")
	if err := st.ApprovePublication(ctx, pub.ID, principal); code(err) != zhenggai.ECONFLICT {
		t.Errorf("approving a draft not submitted: %v", err)
	}
	if err := st.SubmitPublication(ctx, pub.ID); err != nil {
		t.Fatal(err)
	}
	hidden("submitted")
	if err := st.ApprovePublication(ctx, pub.ID, drafter); code(err) != zhenggai.EFORBID {
		t.Errorf("approved by its drafter: %v", err)
	}
	if err := st.ReturnPublication(ctx, pub.ID, " "); code(err) != zhenggai.EINVALID {
		t.Errorf("returned without a reason: %v", err)
	}
	if err := st.ReturnPublication(ctx, pub.ID, "已完成数与上次公布不符，请核对"); err != nil {
		t.Fatal(err)
	}
	hidden("returned")
	got, _ := st.Publication(ctx, pub.ID)
	if got.State != zhenggai.PublicationReturned || got.ReturnReason != "已完成数与上次公布不符，请核对" {
		t.Errorf("after return: %s %q", got.State, got.ReturnReason)
	}
	inbox := func(u *zhenggai.User, want string) {
		t.Helper()
		ns, err := st.Inbox(ctx, u.ID, false, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range ns {
			if strings.Contains(n.Subject+n.Body, want) {
				return
			}
		}
		t.Errorf("%s's inbox lacks %q: %+v", u.DisplayName, want, ns)
	}
	inbox(drafter, "退回原因：已完成数与上次公布不符，请核对。")
	if err := st.SubmitPublication(ctx, pub.ID); err != nil {
		t.Fatal(err)
	}
	inbox(principal, "报请审核公布：截至2020年10月28日")
	if err := st.ApprovePublication(ctx, pub.ID, principal); err != nil {
		t.Fatal(err)
	}
	if err := st.ApprovePublication(ctx, pub.ID, principal); code(err) != zhenggai.ECONFLICT {
		t.Errorf("approved twice: %v", err)
	}
	inbox(drafter, "向建国审核同意")
	second := draft(30)
	if err := st.SubmitPublication(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.ApprovePublication(ctx, second.ID, principal); err != nil {
		t.Fatal(err)
	}
	live, err := st.Publications(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(live) != 2 || live[0].ID != second.ID || live[0].Seq != 2 || live[1].Seq != 1 || live[1].ApprovedBy != "向建国" ||
		live[1].DraftedBy != "办公室甲" || live[1].PublishedAt.IsZero() {
		t.Errorf("public list: %+v", live)
	}
	if err := st.CreateOpinion(ctx, &zhenggai.Opinion{PublicationID: pub.ID, Content: "请公开学习记录"}); err != nil {
		t.Errorf("an opinion once approved: %v", err)
	}
	rep, err := st.VerifyAudit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() {
		t.Errorf("audit: %+v", rep.Problems)
	}
	if hist, _ := st.History(ctx, "publications", pub.ID); len(hist) != 5 {
		t.Errorf("publication history has %d entries, want 5 (drafted, submitted, returned, submitted, approved)", len(hist))
	}
}

// TestReviewByTheOffice: a unit that has the office above it review its
// publications sends the submission to that office's staff, not to its
// principal leader.
func TestReviewByTheOffice(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
		r, _, _, _ := seedRound(t, st)
		office := &zhenggai.Unit{Name: "市委巡察办"}
		if err := st.SaveUnit(ctx, office); err != nil {
			t.Fatal(err)
		}
		if err := st.SaveUnit(ctx, &zhenggai.Unit{ID: r.UnitID, Name: r.Unit, ParentID: office.ID}); err != nil {
			t.Fatal(err)
		}
		set, _ := st.Settings(ctx, r.UnitID)
		set.PublicationReviewer = zhenggai.ReviewerOffice
		if err := st.SaveSettings(ctx, r.UnitID, set); err != nil {
			t.Fatal(err)
		}
		if got, _ := st.Settings(ctx, r.UnitID); got.PublicationReviewer != zhenggai.ReviewerOffice {
			t.Fatalf("reviewer setting not kept: %q", got.PublicationReviewer)
		}
		sup := testkit.SignIn(t, st, zhenggai.RoleSupervisor, "市委巡察办", "巡察办甲").User
		principal := testkit.Principal(t, st, r.Unit, "向建国").User
		pub := &zhenggai.Publication{RoundID: r.ID, Title: "通报", AsOf: zhenggai.NewDate(2020, 10, 28), Summary: "截至……", Body: "<p>报告</p>"}
		if err := st.DraftPublication(ctx, pub); err != nil {
			t.Fatal(err)
		}
		if err := st.SubmitPublication(ctx, pub.ID); err != nil {
			t.Fatal(err)
		}
		if ns, _ := st.Inbox(ctx, sup.ID, false, 10); len(ns) != 1 || !strings.Contains(ns[0].Subject, "报请审核公布") {
			t.Errorf("the office's inbox: %+v", ns)
		}
		if ns, _ := st.Inbox(ctx, principal.ID, false, 10); len(ns) != 0 {
			t.Errorf("the principal leader was asked: %+v", ns)
		}
		tg, err := st.Target(ctx, "publication", pub.ID)
		if err != nil || tg.Reviewer != zhenggai.ReviewerOffice || tg.UnitID != r.UnitID {
			t.Errorf("target %+v %v", tg, err)
		}
	})
}
