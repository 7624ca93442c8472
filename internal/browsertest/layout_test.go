package browsertest_test

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/browsertest"
	"zhenggai/internal/demo"
	"zhenggai/internal/notify"
	"zhenggai/internal/testkit"
)

// screens are the widths every main page must fit: a common phone, a
// common office laptop and, between them, a tablet held sideways.
var screens = []struct {
	name string
	w, h int
}{{"phone", 390, 844}, {"desktop", 1366, 768}, {"tablet", 1024, 768}}

// page is one page a role opens, with the name its screenshots get; doc
// pages are pictured in the user's guide (docs/操作手册).
type page struct {
	path, name string
	doc        bool
}

// update writes the user's guide's pictures into docs/img:
// go test ./internal/browsertest -run TestPagesFitTheScreen -update
var update = flag.Bool("update", false, "write the screenshots of the user's guide into docs/img")

// docImages is docs/img, from this package's folder.
const docImages = "../../docs/img"

// TestPagesFitTheScreen: every main page, opened by the role that uses
// it, on a 390 px phone, a 1366 px laptop and a 1024 px tablet, is no wider than the screen
// (wide tables scroll inside their own box), and no link, button or field
// lies under another element; on the phone the menu folds into a 菜单
// button that opens over nothing it hides.
func TestPagesFitTheScreen(t *testing.T) {
	env, r, pw := demoEnv(t)
	if _, err := notify.Dispatch(ctx, env.Store, nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	pub, err := demo.Publish(ctx, env.Store, r)
	if err != nil {
		t.Fatal(err)
	}
	// Problem 36 is the one with 覃丽's open measure (see closing_test).
	prob := demoProblem(t, env, r, 36)
	ms, err := env.Store.ProblemMeasures(ctx, prob.ID)
	if err != nil || len(ms) == 0 {
		t.Fatalf("problem 36's measures: %v %v", ms, err)
	}
	m := ms[len(ms)-1]
	op := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: prob.ID, Name: "李群众", Contact: "13800000000",
		Content: "建议把干部交流的名单在单位内公示，接受职工监督。"}
	if err := env.Store.CreateOpinion(ctx, op); err != nil {
		t.Fatal(err)
	}

	rid := fmt.Sprint(r.ID)
	roles := []rolePages{
		{"qinli", []page{ // 责任人: her warnings, the problem, the progress form
			{"/tasks", "owner-tasks", true},
			{"/inbox", "owner-inbox", true},
			{fmt.Sprintf("/problems/%d", prob.ID), "owner-problem", true},
			{fmt.Sprintf("/measures/%d/progress/new", m.ID), "owner-progress-form", true},
			{"/rounds/" + rid + "/tree?colour=red", "owner-warnings", false},
		}},
		{"xiangjianguo", []page{ // 责任领导: 我的任务 is his home
			{"/tasks", "leader-tasks", true},
			{"/inbox", "leader-inbox", true},
			{fmt.Sprintf("/problems/%d", prob.ID), "leader-problem", true},
		}},
		{"bangongshi", []page{ // the unit's office
			{"/rounds", "office-rounds", true},
			{"/rounds/" + rid, "office-round", true},
			{"/rounds/" + rid + "/tree", "office-tree", true},
			{"/rounds/" + rid + "/ledger", "office-ledger", true},
			{"/rounds/" + rid + "/voided", "office-voided", false},
			{fmt.Sprintf("/problems/%d", prob.ID), "office-problem", false},
			{fmt.Sprintf("/problems/%d/edit", prob.ID), "office-problem-form", false},
			{fmt.Sprintf("/measures/%d/edit", m.ID), "office-measure-form", false},
			{"/rounds/" + rid + "/publish", "office-publish", true},
			{"/import", "office-import", true},
			{"/rounds/new", "office-round-form", false},
			{"/rounds/" + rid + "/problems/new", "office-new-problem", false},
			{"/rounds/" + rid + "/report?format=html&date=" + zhenggai.Today().String(), "office-report", false},
			{"/opinions", "office-opinions", true},
			{fmt.Sprintf("/opinions/%d", op.ID), "office-opinion", true},
			{fmt.Sprintf("/history/problems/%d", prob.ID), "office-history", false},
			{"/account/password", "office-password", false},
			{"/search?q=" + url.QueryEscape("干部"), "office-search", false},
			{fmt.Sprintf("/units/%d/persons", r.UnitID), "office-persons", false},
		}},
		{"xunchaban", []page{ // the inspection office
			{"/rounds", "supervisor-rounds", true},
			{"/acceptance", "supervisor-acceptance", true},
			{"/rounds/" + rid + "/ledger", "supervisor-ledger", false},
		}},
		{"admin", []page{
			{"/admin/units", "admin-units", true},
			{"/admin/users", "admin-users", true},
			{"/admin/settings", "admin-settings", true},
		}},
		{"", []page{ // a visitor of the public site
			{"/public/", "public-list", false},
			{fmt.Sprintf("/public/reports/%d", pub.ID), "public-report", true},
			{fmt.Sprintf("/public/reports/%d/opinion", pub.ID), "public-opinion", false},
			{"/login", "login", false},
		}},
	}

	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	checkPages(t, b, srv.URL, pw, roles)

	// The checks themselves see a page too wide and a button covered.
	b.Size(390, 844)
	b.Visit("/public/", "check-the-checks")
	b.Eval(`(() => { const d = document.createElement("div"); d.style.width = "600px"; d.textContent = "宽"; document.body.append(d) })()`)
	if b.Overflow() == "" {
		t.Error("a page 600 px wide passes as fitting a 390 px screen")
	}
	b.Eval(`(() => { const d = document.createElement("div"); d.style.cssText = "position:fixed;inset:0;background:#fff"; document.body.append(d) })()`)
	if len(b.Covered()) == 0 {
		t.Error("links under a sheet covering the screen pass as uncovered")
	}
}

// rolePages are the pages one role opens; "" is a visitor.
type rolePages struct {
	login string
	pages []page
}

// checkPages opens every role's pages on every screen and checks they
// fit; with -update it writes the doc pages' pictures.
func checkPages(t *testing.T, b *browsertest.Browser, base string, pw map[string]string, roles []rolePages) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(docImages, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, role := range roles {
		b.Forget()
		b.Desktop()
		if role.login != "" {
			b.SignIn(role.login, pw[role.login])
		}
		for _, sc := range screens {
			b.Size(sc.w, sc.h)
			for _, p := range role.pages {
				b.Visit(p.path, p.name+"-"+sc.name)
				if *update && p.doc && sc.name != "tablet" {
					b.ShotFile("html", filepath.Join(docImages, p.name+"-"+sc.name+".png"))
				}
				where := fmt.Sprintf("%s at %d px (%s)", p.path, sc.w, role.login)
				if b.Location() != base+p.path {
					t.Errorf("%s: landed on %s", where, b.Location())
				}
				fits(t, b, where)
				// The report is a document of its own, without the menu.
				if role.login != "" && sc.w < 800 && p.name != "office-report" {
					phoneMenu(t, b, where, p.name)
				}
			}
		}
	}
}

// phoneMenu checks a signed-in page's menu on a phone: folded, it shows
// the 菜单 button and hides the links; open, it shows every link and the
// sign-out button, none covered and none wider than the screen.
func phoneMenu(t *testing.T, b *browsertest.Browser, where, name string) {
	t.Helper()
	if b.Eval(`document.querySelector("header.top nav").getClientRects().length`) != "0" {
		t.Errorf("%s: the menu's links show before the menu is opened", where)
	}
	b.Eval(`document.querySelector("header.top label.menu").click()`)
	if b.Eval(`document.querySelector("header.top nav").getClientRects().length`) == "0" {
		t.Errorf("%s: the menu does not open", where)
	}
	if !b.Has(`header.top form.whoami button[type=submit]`) ||
		b.Eval(`document.querySelector("header.top form.whoami button[type=submit]").getClientRects().length`) == "0" {
		t.Errorf("%s: the open menu has no 退出 button", where)
	}
	b.ShotAt("header.top", name+"-menu")
	if *update && name == "owner-home" {
		b.ShotFile("html", filepath.Join(docImages, "owner-menu-phone.png"))
	}
	fits(t, b, where+", menu open")
	b.Eval(`document.querySelector("header.top label.menu").click()`)
}

// TestOwnerOnPhone: 覃丽 on a 390 px phone opens her problem from the
// menu's 消息, reports progress with a photo taken by the phone's camera
// (the form's camera field, which asks the phone for its back camera)
// and asks to close her measure, every page fitting the screen.
func TestOwnerOnPhone(t *testing.T) {
	env, r, pw := demoEnv(t)
	prob := demoProblem(t, env, r, 36)
	ms, err := env.Store.ProblemMeasures(ctx, prob.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m *zhenggai.Measure
	for _, x := range ms {
		if x.Owner == "覃丽" && x.CloseState == zhenggai.CloseOpen {
			m = x
		}
	}
	if m == nil {
		t.Fatal("problem 36 has no open measure of 覃丽's")
	}
	photo := filepath.Join(t.TempDir(), "IMG_20201020_093512.jpg")
	if err := os.WriteFile(photo, testkit.Evidence(t, ".jpg"), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(390, 844)
	b.SignIn("qinli", pw["qinli"])
	fits(t, b, "home")
	b.Visit(fmt.Sprintf("/problems/%d", prob.ID), "phone-problem")
	b.ShotAt(fmt.Sprintf("#measure-%d", m.ID), "phone-measure")
	if *update {
		b.ShotFile(fmt.Sprintf("#measure-%d", m.ID), filepath.Join(docImages, "owner-measure-phone.png"))
	}
	fits(t, b, "problem")
	b.Click(fmt.Sprintf(`#measure-%d a[href$="/progress/new"]`, m.ID), "#photo", "phone-progress-form")
	fits(t, b, "progress form")
	if got := b.Eval(`(() => { const p = document.querySelector("#photo");
		return [p.name, p.accept, p.getAttribute("capture"), p.getClientRects().length > 0].join(" ") })()`); got != "files image/* environment true" {
		t.Errorf("the camera field (name, accept, capture, shown): %q", got)
	}
	b.Fill("#content", "已召开党组会议研究干部交流，现场照片附后。")
	b.Upload("#photo", photo)
	if *update {
		b.ShotFile("form.edit", filepath.Join(docImages, "owner-progress-filled-phone.png"))
	}
	b.Click("form.edit button[type=submit]", "#close-state", "phone-progress-saved")
	if txt := b.Text("main"); !strings.Contains(txt, "IMG_20201020_093512.jpg") {
		t.Error("the problem page does not list the photo taken on the phone")
	}
	b.Click(fmt.Sprintf("#request-close-%d button", m.ID), "#close-state", "phone-requested")
	if s := b.Text(fmt.Sprintf("#measure-close-%d", m.ID)); s != zhenggai.CloseRequested.Label() {
		t.Errorf("after asking to close on the phone, the measure is %q", s)
	}
	fits(t, b, "problem after asking to close")
	if *update {
		b.ShotFile(fmt.Sprintf("#measure-%d", m.ID), filepath.Join(docImages, "owner-requested-phone.png"))
	}
}

// fits fails the test when the page shown is wider than the screen or a
// link, button or field of it lies under another element.
func fits(t *testing.T, b *browsertest.Browser, where string) {
	t.Helper()
	if o := b.Overflow(); o != "" {
		t.Errorf("%s: %s", where, o)
	}
	for _, c := range b.Covered() {
		t.Errorf("%s: covered: %s", where, c)
	}
}

// TestRegistersMenu: the menu folds the unit's registers into 登记簿. On
// a desktop it opens as a list over the page, every register's link
// shown and none covered, and leads to the register's page, where 登记簿
// names it; on a phone it opens in place inside the open menu.
func TestRegistersMenu(t *testing.T) {
	env, _, pw := demoEnv(t)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(1366, 900)
	b.SignIn("bangongshi", pw["bangongshi"])
	if b.Eval(`document.querySelector("header.top .navgroup-body a[href='/travel']").getClientRects().length`) != "0" &&
		b.Eval(`document.querySelector("header.top .navgroup").open`) != "false" {
		t.Error("the registers show before 登记簿 is opened")
	}
	b.Eval(`document.querySelector("header.top .navgroup summary").click()`)
	n := b.Eval(`[...document.querySelectorAll("header.top .navgroup-body a")].filter(a => a.getClientRects().length && a.getBoundingClientRect().height > 10).length`)
	if n != "12" {
		t.Errorf("登记簿 opened shows %s registers, want 12", n)
	}
	b.ShotAt("body", "registers-menu-desktop")
	// Open, it lies over the page (a dropdown): its own links are what
	// must be clear.
	if o := b.Overflow(); o != "" {
		t.Errorf("登记簿 open at 1366 px: %s", o)
	}
	if c := b.Eval(`[...document.querySelectorAll("header.top .navgroup-body a")].filter(a => {
		const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return !(hit === a || a.contains(hit)); }).map(a => a.textContent).join("、")`); c != "" {
		t.Errorf("登记簿 open at 1366 px: covered: %s", c)
	}
	b.Click(`header.top .navgroup-body a[href="/travel"]`, "main h1", "travel-from-menu")
	if s := b.Text("header.top .navgroup summary"); !strings.Contains(s, "因私出国(境)") {
		t.Errorf("on the travel ledger the menu's 登记簿 reads %q", s)
	}
	b.Size(390, 844)
	b.Visit("/meetings", "phone-meetings")
	b.Eval(`document.querySelector("header.top label.menu").click()`)
	b.Eval(`document.querySelector("header.top .navgroup summary").click()`)
	b.ShotAt("header.top", "registers-menu-phone")
	fits(t, b, "登记簿 open in the phone's menu")
	if b.Eval(`getComputedStyle(document.querySelector("header.top .navgroup-body")).position`) != "static" {
		t.Error("on a phone 登记簿 opens over the page, not in place")
	}
}
