package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/browsertest"
	"zhenggai/internal/testkit"
)

// TestProposalCycleOnPhone: on a 390-px phone, a member submits a
// proposal with a co-signer (an earlier one on the subject shown while he
// types its title), the co-signer confirms, the office registers it and
// assigns it to a handling unit, a user of that unit replies (A类), the
// office approves the reply, the member returns the feedback form (满意)
// and the office finishes it: the page shows 已办结 with every stage dated,
// and no page is wider than the phone.
func TestProposalCycleOnPhone(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	cppcc, err := st.EnsureUnit(ctx, "桑植县政协")
	if err != nil {
		t.Fatal(err)
	}
	roads, err := st.EnsureUnit(ctx, "县交通运输局")
	if err != nil {
		t.Fatal(err)
	}
	zhang := &zhenggai.Person{UnitID: cppcc, Name: "张立新", Kind: zhenggai.PersonCPPCC}
	li := &zhenggai.Person{UnitID: cppcc, Name: "李春梅", Kind: zhenggai.PersonCPPCC}
	for _, p := range []*zhenggai.Person{zhang, li} {
		if err := st.SavePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	earlier := &zhenggai.Proposal{UnitID: cppcc, Title: "关于农村公路养护的建议", Year: 2019, Signers: []zhenggai.ProposalSigner{{PersonID: li.ID}}}
	if err := st.CreateProposal(ctx, earlier, true); err != nil {
		t.Fatal(err)
	}
	hash, err := auth.HashPassword(testkit.TestPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []*zhenggai.User{
		{UnitID: cppcc, Name: "zhang", DisplayName: "张立新", Role: zhenggai.RoleMember, PersonID: zhang.ID},
		{UnitID: cppcc, Name: "li", DisplayName: "李春梅", Role: zhenggai.RoleMember, PersonID: li.ID},
		{UnitID: cppcc, Name: "tianwei", DisplayName: "提案委办公室", Role: zhenggai.RoleUnitAdmin},
		{UnitID: roads, Name: "jiaotong", DisplayName: "交通局办公室", Role: zhenggai.RoleResponsible},
	} {
		if err := st.CreateUser(ctx, u, hash); err != nil {
			t.Fatal(err)
		}
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(390, 844)
	as := func(login string) {
		t.Helper()
		b.Forget()
		b.SignIn(login, testkit.TestPassword)
	}
	fits := func(where string) {
		t.Helper()
		if o := b.Overflow(); o != "" {
			t.Errorf("%s on a 390-px phone: %s", where, o)
		}
	}
	status := func(want string) {
		t.Helper()
		if got := b.Text("#proposal-status"); got != want {
			t.Fatalf("status %q, want %q (%s)", got, want, b.Text("main"))
		}
	}

	// The member types the title: the earlier proposal on the subject shows.
	as("zhang")
	b.OpenMenu()
	if !b.Has("#propose-link") {
		t.Errorf("the member's menu has no 提交提案")
	}
	b.Visit("/proposals/new", "new")
	fits("the new proposal's form")
	b.Eval(`document.getElementById("title").focus()`)
	b.Keys("关于加快农村公路建设的建议")
	b.WaitFor("#similar-list")
	if !strings.Contains(b.Text("#similar-list"), "关于农村公路养护的建议") {
		t.Errorf("similar: %s", b.Text("#similar-list"))
	}
	b.Shot("similar")
	b.Fill("#content", "案由：部分村组道路未硬化。建议：分年度实施硬化工程。")
	b.Check(fmt.Sprintf(`#cosigners input[value="%d"]`, li.ID), true)
	b.Click("#submit-proposal", "#proposal-status", "draft")
	status("征集联名")
	fits("the proposal's page")
	id := strings.TrimPrefix(b.Location(), srv.URL+"/proposals/")

	// The co-signer confirms: the proposal is submitted.
	as("li")
	b.Visit("/proposals/"+id, "invited")
	b.Click("#cosign-confirm", "#proposal-status", "confirmed")
	status("待审查")

	// The office registers and assigns it.
	as("tianwei")
	b.Visit("/proposals/"+id, "office")
	fits("the office's forms")
	b.Click("#submit-register", "#proposal-status", "registered")
	status("已立案")
	b.Fill("#handler_unit", fmt.Sprint(roads))
	b.Click("#submit-assign", "#proposal-status", "assigned")
	status("办理中")

	// The handling unit finds it in its queue and replies, A类.
	as("jiaotong")
	b.OpenMenu()
	if !b.Has("#assigned-link") {
		t.Errorf("the handling unit's menu has no 承办提案")
	}
	b.Visit("/proposals/assigned", "queue")
	fits("the handling unit's queue")
	b.Click("#assigned-"+id+" a", "#proposal-status", "to-reply")
	b.Check(`#reply-form input[name=class][value=A]`, true)
	b.Fill("#summary", "已将该路段列入2020年农村公路建设计划，年内完工。")
	b.Click("#submit-reply", "#proposal-status", "replied")
	status("答复待审核")

	// The office approves the reply; the member returns his form.
	as("tianwei")
	b.Visit("/proposals/"+id, "review")
	b.Click("#submit-approve", "#proposal-status", "approved")
	status("待反馈")
	as("zhang")
	b.Visit("/proposals/"+id, "feedback")
	fits("the feedback form")
	b.Check(`#feedback-form input[name=result][value=satisfied]`, true)
	b.Click("#submit-feedback", "#proposal-status", "feedback")
	status("待反馈")

	// The office finishes it: every stage is dated on the timeline.
	as("tianwei")
	b.Visit("/proposals/"+id, "finish")
	b.Click("#submit-finish", "#proposal-status", "done")
	status("已办结")
	fits("the finished proposal")
	today := zhenggai.Today().Chinese()
	lines := strings.Split(b.Eval(`[...document.querySelectorAll("#proposal-timeline li")].map(l => l.innerText.replace(/\n/g, " ")).join("\n")`), "\n")
	want := []string{"起草", "确认联名", "提交", "立案", "交办", "答复", "审核通过答复", "反馈意见", "办结"}
	if len(lines) != len(want) {
		t.Fatalf("timeline:\n%s", strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], today+" "+w) {
			t.Errorf("stage %d: %q, want %s on %s", i+1, lines[i], w, today)
		}
	}
	b.Visit("/proposals", "register")
	fits("the register of proposals")
	if !b.Has("#proposal-" + id) {
		t.Errorf("the register lacks the proposal: %s", b.Text("main"))
	}
	b.Visit("/proposals/"+id, "done-again")
	if got := b.Text("#proposal-feedback"); !strings.Contains(got, "满意") || !strings.Contains(got, "张立新") {
		t.Errorf("feedback: %s", got)
	}

	// The statistics of its year count it: received, answered, done,
	// satisfied — the sentences the progress report may use.
	b.Visit(fmt.Sprintf("/proposals/stats?year=%d", zhenggai.Today().Year()), "stats")
	fits("the statistics")
	sentences := b.Eval(`document.querySelector("#proposal-sentences").value`)
	for _, w := range []string{"共收到提案1件", "已书面答复1件，答复率100%", "已办结1件", "满意率100%"} {
		if !strings.Contains(sentences, w) {
			t.Errorf("the statistics' sentences lack %q: %s", w, sentences)
		}
	}
}
