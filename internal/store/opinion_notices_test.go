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

// seedPublication publishes the round of seedRound, with its problem.
func seedPublication(t *testing.T, st *store.Store) (*zhenggai.Publication, *zhenggai.Problem) {
	t.Helper()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "办公室"})
	r, _, p, _ := seedRound(t, st)
	pub := &zhenggai.Publication{RoundID: r.ID, Title: "通报", AsOf: zhenggai.NewDate(2020, 10, 28),
		Summary: "截至2020年10月28日……", Body: `<section id="problem-1">学习停留在表面</section>`,
		Problems: []zhenggai.PublishedProblem{{ID: p.ID, Seq: 1, Category: "学习贯彻不深入", Title: p.Title}}}
	publishReviewed(ctx, t, st, pub)
	return pub, p
}

// publishReviewed drafts pub, submits it and has a second person approve it.
func publishReviewed(ctx context.Context, t *testing.T, st *store.Store, pub *zhenggai.Publication) {
	t.Helper()
	if err := st.DraftPublication(ctx, pub); err != nil {
		t.Fatal(err)
	}
	if err := st.SubmitPublication(ctx, pub.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.ApprovePublication(ctx, pub.ID, &zhenggai.User{ID: 99, DisplayName: "主要负责人"}); err != nil {
		t.Fatal(err)
	}
}

func TestOpinionNotices(t *testing.T) {
	t.Parallel()
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) { testOpinionNotices(t, env.Store) })
}

// testOpinionNotices: a new opinion reaches the unit's office at once
// (e-mail queued for whoever has an address), with the unit's deadline in
// working days; it is given to the problem's owner, who drafts an answer
// that stays private until the office approves it; a return tells him why.
func testOpinionNotices(t *testing.T, st *store.Store) {
	st.MailQueued = true
	pub, p := seedPublication(t, st)
	office := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "桑植县政协党组", "办公室甲")
	office.User.Email = "bgs@example.cn"
	if err := st.UpdateUser(context.Background(), office.User); err != nil {
		t.Fatal(err)
	}
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "桑植县政协党组", "覃丽")
	other := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "别的单位", "办公室乙")
	if err := st.SaveSettings(context.Background(), pub.UnitID, zhenggai.Settings{GreenDays: 20, YellowDays: 10, OpinionDays: 10}); err != nil {
		t.Fatal(err)
	}
	asOffice := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: office.User.ID, Name: office.User.Name})
	asOwner := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: owner.User.ID, Name: owner.User.Name})
	inbox := func(l *testkit.Login) []*zhenggai.Notification {
		t.Helper()
		list, err := st.Inbox(context.Background(), l.User.ID, false, 50)
		if err != nil {
			t.Fatal(err)
		}
		return list
	}

	o := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Name: "张三", Contact: "13800000000", Content: "学习记录应当公开"}
	if err := st.CreateOpinion(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	if want := zhenggai.DateOf(time.Now()).AddWorkdays(10); o.DueOn != want {
		t.Errorf("deadline %s, want %s (10 working days)", o.DueOn, want)
	}
	got := inbox(office)
	if len(got) != 1 || got[0].Subject != "收到群众意见建议："+o.Ref || got[0].RecordKind != zhenggai.RecordOpinion ||
		got[0].RecordID != o.ID || got[0].Kind != zhenggai.NoticeOpinion || got[0].EmailState != zhenggai.EmailPending ||
		!strings.Contains(got[0].Body, "答复期限："+o.DueOn.Chinese()) || strings.Contains(got[0].Body, "13800000000") {
		t.Fatalf("the office's inbox: %+v", got)
	}
	if n, _ := st.UnreadCount(context.Background(), office.User.ID); n != 1 {
		t.Errorf("unread %d", n)
	}
	if len(inbox(other)) != 0 || len(inbox(owner)) != 0 {
		t.Error("a new opinion reached someone outside the unit's office")
	}
	stored, err := st.Opinion(context.Background(), o.ID)
	if err != nil || stored.DueOn != o.DueOn || stored.Colour(zhenggai.DateOf(time.Now())) != zhenggai.Green {
		t.Fatalf("stored: %+v %v", stored, err)
	}

	// Given to the owner the problem names, who is told.
	if err := st.AssignOpinion(asOffice, o.ID, other.User.ID, "办公室甲", 1); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("assigned to another unit's office: %v", err)
	}
	if err := st.AssignOpinion(asOffice, o.ID, owner.User.ID, "办公室甲", 1); err != nil {
		t.Fatal(err)
	}
	if got := inbox(owner); len(got) != 1 || got[0].Subject != "请办理意见建议："+o.Ref || !strings.Contains(got[0].Body, "办公室甲请您办理") ||
		got[0].EmailState != zhenggai.EmailNone {
		t.Fatalf("the owner's inbox: %+v", got)
	}
	// Only the assignee drafts; the office reviews; nothing public before.
	if err := st.DraftOpinion(asOffice, o.ID, "拟答复", "办公室甲", 2); zhenggai.ErrorCode(err) != zhenggai.EFORBID {
		t.Errorf("drafted by someone not the assignee: %v", err)
	}
	if err := st.ReviewOpinion(asOffice, o.ID, true, true, "", "办公室甲", 2); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
		t.Errorf("approved with no draft: %v", err)
	}
	if err := st.DraftOpinion(asOwner, o.ID, "已在机关公开栏公开学习记录。", "覃丽", 2); err != nil {
		t.Fatal(err)
	}
	if pubd, _ := st.PublishedOpinions(context.Background(), pub.ID); len(pubd) != 0 {
		t.Errorf("a draft is public: %+v", pubd)
	}
	if got := inbox(office); len(got) != 2 || got[0].Subject != "请审核意见建议的答复："+o.Ref || !strings.Contains(got[0].Body, "覃丽拟写了答复") {
		t.Fatalf("the office was not asked to review: %+v", got)
	}
	if err := st.ReviewOpinion(asOffice, o.ID, false, false, " ", "办公室甲", 3); zhenggai.ErrorCode(err) != zhenggai.EINVALID {
		t.Errorf("returned without a reason: %v", err)
	}
	if err := st.ReviewOpinion(asOffice, o.ID, false, false, "请写明公开的时间", "办公室甲", 3); err != nil {
		t.Fatal(err)
	}
	if got := inbox(owner); len(got) != 2 || got[0].Subject != "答复被退回："+o.Ref || !strings.Contains(got[0].Body, "理由：请写明公开的时间") {
		t.Fatalf("the owner was not told of the return: %+v", got)
	}
	if err := st.DraftOpinion(asOwner, o.ID, "已于10月30日在机关公开栏公开学习记录。", "覃丽", 4); err != nil {
		t.Fatal(err)
	}
	if err := st.ReviewOpinion(asOffice, o.ID, true, true, "", "办公室甲", 5); err != nil {
		t.Fatal(err)
	}
	done, err := st.Opinion(context.Background(), o.ID)
	if err != nil {
		t.Fatal(err)
	}
	if done.Status != zhenggai.OpinionAnswered || done.Answer != "已于10月30日在机关公开栏公开学习记录。" || done.Draft != "" ||
		done.AnsweredBy != "覃丽" || !done.AnswerPublished || done.Colour(zhenggai.DateOf(time.Now())) != zhenggai.NoColour {
		t.Errorf("after approval: %+v", done)
	}
	if pubd, _ := st.PublishedOpinions(context.Background(), pub.ID); len(pubd) != 1 || pubd[0].Answer != done.Answer {
		t.Errorf("the approved answer is not public: %+v", pubd)
	}
	if got := inbox(owner); len(got) != 3 || got[0].Subject != "答复已审核同意："+o.Ref {
		t.Errorf("the owner was not told of the approval: %+v", got)
	}
	if err := st.DraftOpinion(asOwner, o.ID, "再改一次", "覃丽", 6); zhenggai.ErrorCode(err) != zhenggai.ECONFLICT {
		t.Errorf("drafted after the answer: %v", err)
	}
	if rep, err := st.VerifyAudit(context.Background()); err != nil || !rep.OK() {
		t.Errorf("audit after the handling: %+v %v", rep, err)
	}
}
