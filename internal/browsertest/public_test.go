package browsertest_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
)

// hostile is what a mischievous person types: if it ran, the page's title
// and a global would change.
const hostile = `<script>document.title="pwned";window.zgPwned=1</script>`

// TestPublishReadOpinionAnswer: the unit's office publishes the report; a
// visitor on a phone reads it, sends an opinion on one problem and gets
// its number; the office answers and publishes the answer; the visitor
// sees it. A script typed into a problem's title and into the opinion
// shows as text and never runs.
func TestPublishReadOpinionAnswer(t *testing.T) {
	env, r, pw := demoEnv(t)
	probs, err := env.Store.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The problem the visitor writes about: one still open, since a closed
	// (销号) problem's title is locked.
	var target *zhenggai.Problem
	for _, p := range probs {
		if !p.CloseState.Locked() {
			target = p
			break
		}
	}
	if target == nil {
		t.Fatal("the demo has no open problem")
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)

	// The unit's office types a script into a problem's title, then
	// publishes the report from the round's page.
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit(fmt.Sprintf("/problems/%d/edit", target.ID), "problem-edit")
	b.Fill("#title", hostile+target.Title)
	b.Click("form.edit button[type=submit]", "main", "problem-saved")
	b.Visit(fmt.Sprintf("/rounds/%d", r.ID), "round")
	b.Click("#to-publish", "#publish", "publish-preview")
	b.ShotAt("h1", "publish-preview-top")
	pub := publishReviewed(t, b, env, pw)

	// A visitor on a phone, without an account.
	b.Forget()
	b.Phone()
	b.Visit("/public/", "public-list")
	b.Click(fmt.Sprintf(`a[href="/public/reports/%d"]`, pub.ID), ".report-body", "public-report")
	problemSel := fmt.Sprintf("#problem-%d", target.ID)
	b.ShotAt("h1", "public-report-top")
	b.ShotAt(problemSel, "public-report-problem")
	if txt := b.Text(problemSel); !strings.Contains(txt, "<script>") {
		t.Errorf("the problem's title does not show the typed script as text: %q", txt)
	}
	notRun(t, b)
	if w := b.Eval(`document.documentElement.scrollWidth`); w != "375" {
		t.Errorf("the report is %s px wide on a 375 px phone", w)
	}
	b.Click(problemSel+" .op-link a", "#form", "opinion-form")
	if v := b.Eval(`document.querySelector("#problem_id").value`); v != fmt.Sprint(target.ID) {
		t.Errorf("the form's problem is %q, want %d", v, target.ID)
	}
	b.Fill("#content", hostile+"建议把整改后的学习记录在网上公开。")
	b.Fill("#name", "张三")
	b.Fill("#contact", "13912345678")
	b.Shot("opinion-filled")
	b.Click("form.opinion-form button[type=submit]", "#ref", "opinion-thanks")
	ref := b.Text("#ref")
	if !regexp.MustCompile(`^YJ\d{8}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$`).MatchString(ref) {
		t.Fatalf("reference number %q", ref)
	}
	// The thank-you page is the sender's: another browser with the
	// address alone finds nothing.
	thanks := strings.TrimPrefix(b.Location(), srv.URL)
	b.Forget()
	b.Visit(thanks, "thanks-for-another-browser")
	if b.Has("#ref") || strings.Contains(b.Text("body"), ref) {
		t.Error("another browser opens the thank-you page with its address alone")
	}

	// The office answers in its inbox and publishes the answer.
	b.Desktop()
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit("/opinions", "inbox")
	b.Click(fmt.Sprintf(`a[href^="/opinions/"]:not([href*="?"])`), "#answer", "opinion-staff")
	if txt := b.Text("#opinion-content"); !strings.Contains(txt, "<script>") {
		t.Errorf("the inbox does not show the script as text: %q", txt)
	}
	notRun(t, b)
	if c := b.Text("main"); !strings.Contains(c, "13912345678") {
		t.Error("the staff do not see the sender's contact")
	}
	b.Fill("#answer", "感谢监督。学习记录已于本月在机关网站公开。")
	b.Check("#publish", true)
	b.Click("#save-answer", "p.flash", "opinion-answered")

	// The visitor sees the answer under the opinion, and no contact.
	b.Forget()
	b.Phone()
	b.Visit(fmt.Sprintf("/public/reports/%d#problem-%d", pub.ID, target.ID), "public-report-answered")
	b.ShotAt(fmt.Sprintf("#problem-%d", target.ID), "public-report-answer")
	op := b.Text(fmt.Sprintf("#opinion-%s", ref))
	if !strings.Contains(op, "学习记录已于本月在机关网站公开") || !strings.Contains(op, "<script>") {
		t.Errorf("opinion on the public page: %q", op)
	}
	if body := b.Text("body"); strings.Contains(body, "13912345678") || strings.Contains(body, "张三") {
		t.Error("the sender's name or contact is on the public page")
	}
	notRun(t, b)
}

// notRun checks that no typed script ran on the page shown.
func notRun(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	if title := b.Eval(`document.title`); title == "pwned" {
		t.Error("a typed script ran: the title changed")
	}
	if v := b.Eval(`String(window.zgPwned)`); v != "undefined" {
		t.Errorf("a typed script ran: window.zgPwned = %s", v)
	}
}
