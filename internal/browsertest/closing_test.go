package browsertest_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/browsertest"
	"zhenggai/internal/notify"
)

// TestCloseAcceptPublish: on the demo, the owner 覃丽 sees her warnings,
// reports progress on her last open measure with an evidence file and asks
// to close it; the leader 向建国 returns it with a reason, which she reads
// on the timeline before asking again; he approves, which sends the
// problem to the inspection office; the office accepts it; the problem is
// closed and locked, the round counts 36 problems 已完成, and the report
// the unit's office then publishes says so. Neither the owner nor the
// leader of another measure may approve, by button or by hand-made POST.
func TestCloseAcceptPublish(t *testing.T) {
	env, r, pw := demoEnv(t)
	today := zhenggai.Today()
	// The warnings the demo's notifier sends every few minutes.
	if _, err := notify.Dispatch(ctx, env.Store, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	// The leader of other measures of the same unit, who must not approve
	// 向建国's.
	hash, err := auth.HashPassword("another-leader-pw")
	if err != nil {
		t.Fatal(err)
	}
	if err := env.Store.CreateUser(ctx, &zhenggai.User{UnitID: r.UnitID, Name: "wangzhihua", DisplayName: "王志华",
		Role: zhenggai.RoleLeader}, hash); err != nil {
		t.Fatal(err)
	}

	probs, err := env.Store.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var target *zhenggai.Problem
	for _, p := range probs {
		if p.Seq == 36 {
			target = p
		}
	}
	if target == nil || target.CloseState.Locked() {
		t.Fatalf("the demo's problem 36 is missing or closed: %+v", target)
	}
	ms, err := env.Store.ProblemMeasures(ctx, target.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m *zhenggai.Measure
	for _, x := range ms {
		if x.CloseState == zhenggai.CloseOpen {
			if m != nil {
				t.Fatal("problem 36 has more than one measure not approved")
			}
			m = x
		}
	}
	if m == nil || m.Owner != "覃丽" || m.Leader != "向建国" {
		t.Fatalf("problem 36's open measure: %+v", m)
	}
	problemPath := fmt.Sprintf("/problems/%d", target.ID)
	measureSel := fmt.Sprintf("#measure-%d", m.ID)
	approvePath := fmt.Sprintf("/measures/%d/close/approve", m.ID)

	// A one-page PDF standing for the scanned minutes.
	evidence := filepath.Join(t.TempDir(), "干部交流任职会议纪要.pdf")
	if err := os.WriteFile(evidence, []byte(minimalPDF), 0o644); err != nil {
		t.Fatal(err)
	}

	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)

	// 覃丽 signs in: the header counts her unread warnings.
	b.SignIn("qinli", pw["qinli"])
	// Three measures of hers near or past their deadline: green, yellow, red.
	if n := b.Text("#unread-count"); n != "3" {
		t.Errorf("the header shows %q unread messages for the owner of a red measure", n)
	}
	b.Click("#inbox-link", "h1", "owner-inbox")
	if txt := b.Text("main"); !strings.Contains(txt, "红色预警") && !strings.Contains(txt, "逾期") {
		t.Errorf("the owner's inbox does not tell of her overdue measure: %q", txt)
	}
	b.Visit(problemPath, "owner-problem")
	if txt := b.Text("h1"); !strings.Contains(txt, target.Title) {
		t.Fatalf("problem page heading %q", txt)
	}
	if b.Has(fmt.Sprintf("#approve-close-%d", m.ID)) {
		t.Error("the owner sees an approve button")
	}

	// She reports progress with the file and a status.
	b.Click(measureSel+` a[href$="/progress/new"]`, "#files", "progress-form")
	b.Fill("#content", "10月召开党组会议研究干部交流任职，3名中青年干部已到新岗位任职，会议纪要附后。")
	b.Fill("#status", string(zhenggai.BasicallyCompleted))
	b.Upload("#files", evidence)
	b.Shot("progress-filled")
	b.Click("form.edit button[type=submit]", "#close-state", "progress-saved")
	if f := b.Text("p.flash"); f == "" {
		t.Error("no message after reporting progress")
	}
	b.ShotAt("ol.timeline:last-of-type", "progress-on-timeline")
	if txt := b.Text("main"); !strings.Contains(txt, "干部交流任职会议纪要.pdf") || !strings.Contains(txt, "3名中青年干部已到新岗位任职") {
		t.Error("the problem page does not list the new report with its file")
	}

	// She asks to close the measure.
	b.Click(fmt.Sprintf("#request-close-%d button", m.ID), "#close-state", "owner-requested")
	if f := b.Text("p.flash"); !strings.Contains(f, "申请销号") || strings.Contains(f, "未能") {
		t.Fatalf("after asking to close: %q", f)
	}
	if s := b.Text(fmt.Sprintf("#measure-close-%d", m.ID)); s != zhenggai.CloseRequested.Label() {
		t.Errorf("measure's closing state %q", s)
	}
	if b.Has(fmt.Sprintf("#approve-close-%d", m.ID)) {
		t.Error("the owner sees an approve button on her own request")
	}
	if code := b.Post(approvePath, nil); code != http.StatusForbidden {
		t.Errorf("the owner's hand-made approve: HTTP %d, want 403", code)
	}
	b.SignOut()

	// The leader of other measures sees no button and is refused by hand.
	b.SignIn("wangzhihua", "another-leader-pw")
	b.Visit(problemPath+measureSel, "other-leader-problem")
	if b.Has(fmt.Sprintf("#approve-close-%d", m.ID)) || b.Has(fmt.Sprintf("#return-close-%d", m.ID)) {
		t.Error("the leader of other measures sees approve or return")
	}
	if code := b.Post(approvePath, nil); code != http.StatusForbidden {
		t.Errorf("another leader's hand-made approve: HTTP %d, want 403", code)
	}
	b.SignOut()

	// 向建国 returns it with a reason.
	b.SignIn("xiangjianguo", pw["xiangjianguo"])
	b.Visit(problemPath, "leader-problem")
	b.ShotAt(measureSel, "leader-measure")
	const reason = "会议纪要未盖章，请补充盖章件后再申请。"
	b.Fill(fmt.Sprintf("#return-reason-%d", m.ID), reason)
	b.Click(fmt.Sprintf("#return-close-%d button", m.ID), "#close-state", "leader-returned")
	if f := b.Text("p.flash"); !strings.Contains(f, "退回") || strings.Contains(f, "未能") {
		t.Fatalf("after returning: %q", f)
	}
	b.SignOut()

	// 覃丽 reads the reason on the timeline and asks again.
	b.SignIn("qinli", pw["qinli"])
	b.Visit(problemPath+"#closing", "owner-returned")
	b.ShotAt("#closing", "owner-reads-reason")
	if txt := b.Text("#close-timeline"); !strings.Contains(txt, "责任领导退回") || !strings.Contains(txt, reason) {
		t.Errorf("the closing timeline does not show the return and its reason: %q", txt)
	}
	b.Click(fmt.Sprintf("#request-close-%d button", m.ID), "#close-state", "owner-requested-again")
	if f := b.Text("p.flash"); strings.Contains(f, "未能") {
		t.Fatalf("asking again: %q", f)
	}
	b.SignOut()

	// 向建国 approves: every measure approved, the problem goes to the office.
	b.SignIn("xiangjianguo", pw["xiangjianguo"])
	b.Visit(problemPath, "leader-problem-again")
	b.Click(fmt.Sprintf("#approve-close-%d button", m.ID), "#close-state", "leader-approved")
	if f := b.Text("p.flash"); !strings.Contains(f, "同意销号") || strings.Contains(f, "未能") {
		t.Fatalf("after approving: %q", f)
	}
	if s := b.Text("#close-state"); s != zhenggai.CloseSubmitted.Label() {
		t.Errorf("problem's closing state after the last approval: %q", s)
	}
	// Approved: the wait is the office's, so no countdown nor colour.
	if heads := b.Eval(`[...document.querySelectorAll(".measure-card .head")].map(h => h.textContent).join("|")`); strings.Contains(heads, "逾期") || strings.Contains(heads, "预警") {
		t.Errorf("approved measures still count days or warn: %q", heads)
	}
	b.SignOut()

	// The office finds it among those to accept, and accepts.
	b.SignIn("xunchaban", pw["xunchaban"])
	b.Click(`header.top a[href="/acceptance"]`, "h1", "acceptance")
	link := fmt.Sprintf(`#pending-acceptance a[href^="%s#"]`, problemPath)
	if !b.Has(link) {
		t.Fatalf("problem %d is not in 待验收销号: %q", target.Seq, b.Text("main"))
	}
	b.Click(link, "#accept-close", "office-problem")
	b.ShotAt("#closing", "office-closing")
	b.Click("#accept-close button", "#close-state", "office-accepted")
	if f := b.Text("p.flash"); strings.Contains(f, "未能") {
		t.Fatalf("accepting: %q", f)
	}
	if s := b.Text("#close-state"); s != zhenggai.CloseAccepted.Label() {
		t.Errorf("problem's closing state after acceptance: %q", s)
	}
	if s := b.Text("main > .actions .st"); s != "已完成" {
		t.Errorf("the closed problem's status is %q, want 已完成", s)
	}
	if s := b.Text(measureSel + " .st"); s != "已完成" {
		t.Errorf("the closed problem's measure is %q, want 已完成", s)
	}
	// Closed and locked: nothing to edit, report or close.
	for _, sel := range []string{`a[href$="/edit"]`, `a[href$="/progress/new"]`, `a[href$="/measures/new"]`,
		`form[data-action]`, `form[action$="/status"]`} {
		if b.Has("main " + sel) {
			t.Errorf("the closed problem still offers %s", sel)
		}
	}
	b.Click(`header.top nav a[href="/rounds/`+fmt.Sprint(r.ID)+`"]`, ".cards", "dashboard")
	// The charts are drawn once their script has loaded; let their short
	// animation end so that the picture shows them.
	b.WaitFor(`[data-chart="by-category"] canvas`)
	time.Sleep(1500 * time.Millisecond)
	b.Shot("dashboard-charts")
	if n := b.Eval(`[...document.querySelectorAll(".stat")].find(s => s.querySelector(".l").textContent === "已完成整改").querySelector(".n").textContent`); n != "36" {
		t.Errorf("the dashboard counts %s problems 已完成整改, want 36", n)
	}
	// What the measures produced, summed: the demo's sample outcomes.
	b.ShotAt("#outcomes", "dashboard-outcomes")
	if txt := b.Text("#outcomes"); !strings.Contains(txt, "建立完善制度\t14项") && !strings.Contains(txt, "建立完善制度 14项") ||
		!strings.Contains(txt, "清退违规资金") || !strings.Contains(txt, "3860元") {
		t.Errorf("the dashboard's outcomes: %q", txt)
	}
	b.SignOut()

	// The unit's office publishes the report as of today, its principal
	// leader approving.
	b.SignIn("bangongshi", pw["bangongshi"])
	b.Visit(fmt.Sprintf("/rounds/%d", r.ID), "office-round")
	b.Click("#to-publish", "#publish", "publish-preview")
	if v := b.Eval(`document.querySelector("#as_of").value`); v != today.String() {
		t.Errorf("the publish form's date is %s, want today %s", v, today)
	}
	if txt := b.Text(".report-preview"); !strings.Contains(txt, "已完成整改36个") || !strings.Contains(txt, "。通过整改，建立完善制度14项，清退违规资金3860元") {
		t.Errorf("the preview's totals: %q", b.Text(".report-preview .zg-totals"))
	}
	pub := publishReviewed(t, b, env, pw)

	// Anyone reads it: 36 done.
	b.Forget()
	b.Visit(fmt.Sprintf("/public/reports/%d", pub.ID), "public-report")
	b.ShotAt(".report-body .zg-totals", "public-report-totals")
	totals := b.Text(".report-body .zg-totals")
	if !strings.Contains(totals, "已完成整改36个") || !strings.Contains(totals, "基本完成整改2个") {
		t.Errorf("the public report's totals: %q", totals)
	}
	if b.Has(fmt.Sprintf("#problem-%d", target.ID)) {
		if txt := b.Text(fmt.Sprintf("#problem-%d", target.ID)); !strings.Contains(txt, target.Title) {
			t.Errorf("the public report's problem %d: %q", target.Seq, txt)
		}
	}
}

// minimalPDF is a valid one-page PDF, small enough to write inline.
const minimalPDF = `%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj
xref
0 4
0000000000 65535 f 
0000000009 00000 n 
0000000052 00000 n 
0000000101 00000 n 
trailer<</Size 4/Root 1 0 R>>
startxref
164
%%EOF
`
