package notify_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/notify"
	"zhenggai/internal/testkit"
)

// TestOpinionEmail: with mail set up, a new opinion's notice is e-mailed
// to the unit's office with the link to the opinion's page, once; without
// an address only the inbox has it.
func TestOpinionEmail(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	st.MailQueued = true
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	smtpd := newFakeSMTP(t)
	office := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室甲").User
	quiet := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室乙").User
	full, _ := st.User(ctx, office.ID)
	full.Email = "bgs@example.cn"
	if err := st.UpdateUser(ctx, full); err != nil {
		t.Fatal(err)
	}
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	if err := st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "问题"})
	pub := testkit.Publish(t, st, r.ID, zhenggai.NewDate(2020, 10, 28))
	o := &zhenggai.Opinion{PublicationID: pub.ID, Contact: "13912345678", Content: "整改情况写得太笼统"}
	if err := st.CreateOpinion(ctx, o); err != nil {
		t.Fatal(err)
	}
	mailer, err := notify.NewMailer(smtpd.ln.Addr().String(), "zhenggai@example.cn", "", "http://zg.example")
	if err != nil {
		t.Fatal(err)
	}
	if res, err := notify.Dispatch(ctx, st, mailer, time.Now()); err != nil || res.Emails != 1 {
		t.Fatalf("dispatch: %+v %v", res, err)
	}
	sent := smtpd.sent()
	if len(sent) != 1 || sent[0].to != "bgs@example.cn" || sent[0].subject != "收到群众意见建议："+o.Ref ||
		!strings.Contains(sent[0].body, fmt.Sprintf("http://zg.example/opinions/%d", o.ID)) || strings.Contains(sent[0].body, "13912345678") {
		t.Fatalf("sent: %+v", sent)
	}
	if res, _ := notify.Dispatch(ctx, st, mailer, time.Now()); res.Emails != 0 {
		t.Errorf("sent again: %+v", res)
	}
	if n, _ := st.UnreadCount(ctx, quiet.ID); n != 1 {
		t.Errorf("the office's other account without an address: %d unread", n)
	}
}
