// Package browsertest drives Debian's chromium (headless, through
// chromedp) against the whole program served over real HTTP, for tests
// that must see what a person sees: pages rendered, forms filled and sent,
// scripts that must not run. It saves a PNG of every page it visits into
// a folder it prints ($ZHENGGAI_SCREENSHOTS, or a new temporary folder),
// so that a person can look at them: the whole page when a person asked
// for them ($ZHENGGAI_SCREENSHOTS set), else the screen only (a failing
// run keeps what the tab showed; encoding pages of nine thousand pixels
// in every run brought the package near go test's ten minutes).
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Install is what makes the browser available on Debian.
// chromium-l10n holds the Chinese the date fields are written in.
const Install = "apt-get install -y chromium chromium-l10n fonts-noto-cjk"

// Chromium returns the browser's path; the test fails, never skips, when
// there is none.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatalf("chromium is not installed; install it with: %s", Install)
	return ""
}

// Browser is one headless chromium with one tab, on one server.
type Browser struct {
	t    testing.TB
	ctx  context.Context
	Base string // the server's URL, e.g. http://127.0.0.1:41234
	Dir  string // where the screenshots go
	full bool   // whole pages ($ZHENGGAI_SCREENSHOTS set), else the screen
	n    int
}

// Timeout bounds every step (a page load, a click and what follows).
const Timeout = 30 * time.Second

// New starts chromium for a test against the server at base.
func New(t testing.TB, base string) *Browser {
	t.Helper()
	path := Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("lang", "zh-CN"),
		// Linux chromium takes its language from the environment: with
		// chromium-l10n, date fields read 年/月/日 as on an office's computer.
		// LANG stays a locale every machine has: with zh_CN.UTF-8 not
		// generated, files of Chinese names could not be chosen for upload.
		chromedp.Env("LANGUAGE=zh_CN", "LANG=C.UTF-8"),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx, chromedp.WithErrorf(func(f string, a ...any) { t.Logf("chromium: "+f, a...) }))
	t.Cleanup(func() { cancelB(); cancelA() })
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium (%s): %v", path, err)
	}
	// Dates and numbers of scripts (Intl) in Chinese, even without
	// chromium-l10n.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetLocaleOverride, emulation.SetLocaleOverrideParams{Locale: "zh-CN"})
		return err
	})); err != nil {
		t.Fatalf("chromium in Chinese: %v", err)
	}
	dir := os.Getenv("ZHENGGAI_SCREENSHOTS")
	if dir == "" {
		d, err := os.MkdirTemp("", "zhenggai-screenshots-")
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	dir = filepath.Join(dir, regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots of the pages visited: %s", dir)
	b := &Browser{t: t, ctx: ctx, Base: strings.TrimRight(base, "/"), Dir: dir, full: os.Getenv("ZHENGGAI_SCREENSHOTS") != ""}
	b.Desktop()
	return b
}

// do runs steps within Timeout, failing the test with what was being done.
func (b *Browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browser: %s: %v", what, err)
	}
}

// Phone makes the tab a 375×812 phone screen.
func (b *Browser) Phone() {
	b.t.Helper()
	b.do("phone viewport", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
}

// Desktop makes the tab a 1280×900 desktop screen.
func (b *Browser) Desktop() {
	b.t.Helper()
	b.do("desktop viewport", chromedp.EmulateViewport(1280, 900))
}

// Visit opens a path of the server, waits for its body and saves a
// screenshot named after name.
func (b *Browser) Visit(path, name string) {
	b.t.Helper()
	b.do("visit "+path, chromedp.Navigate(b.Base+path), chromedp.WaitReady(chromedp.CSS("body")))
	b.Shot(name)
}

// Shot saves a PNG of the tab as NN-name.png: the full page when
// screenshots were asked for, else the screen.
func (b *Browser) Shot(name string) string {
	b.t.Helper()
	if !b.full {
		return b.shot(name, chromedp.CaptureScreenshot())
	}
	return b.shot(name, chromedp.FullScreenshot(100))
}

// ShotAt scrolls the element sel to the top and saves what the screen
// shows, as NN-name.png: on a long page, the part a person looks at.
func (b *Browser) ShotAt(sel, name string) string {
	b.t.Helper()
	b.Eval(fmt.Sprintf(`document.querySelector(%q).scrollIntoView()`, sel))
	return b.shot(name, chromedp.CaptureScreenshot())
}

func (b *Browser) shot(name string, a chromedp.Action[[]byte]) string {
	b.t.Helper()
	b.n++
	f := filepath.Join(b.Dir, fmt.Sprintf("%02d-%s.png", b.n, name))
	b.save(f, a)
	return f
}

// ShotFile scrolls the element sel to the top ("html" for the top of
// the page) and saves what the screen shows as the PNG file f: the
// pictures of the user's guide.
func (b *Browser) ShotFile(sel, f string) {
	b.t.Helper()
	b.Eval(fmt.Sprintf(`document.querySelector(%q).scrollIntoView()`, sel))
	b.save(f, chromedp.CaptureScreenshot())
}

func (b *Browser) save(f string, a chromedp.Action[[]byte]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	png, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", filepath.Base(f), err)
	}
	if err := os.WriteFile(f, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// Fill sets the value of a form field (input, textarea or select).
func (b *Browser) Fill(sel, value string) {
	b.t.Helper()
	b.do("fill "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.SetValue(chromedp.CSS(sel), value))
}

// Check ticks a checkbox, or clears it.
func (b *Browser) Check(sel string, on bool) {
	b.t.Helper()
	b.Eval(fmt.Sprintf(`document.querySelector(%q).checked = %t`, sel, on))
}

// Click clicks an element, waits until the page shows then (a CSS
// selector of the page that follows) and saves a screenshot as name.
func (b *Browser) Click(sel, then, name string) {
	b.t.Helper()
	// Mark the page, so that waiting for then does not find it on the
	// page being left.
	b.Eval(`document.documentElement.dataset.zgLeaving = "1"`)
	b.do("click "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)),
		chromedp.WaitReady(chromedp.CSS("html:not([data-zg-leaving]) "+then)))
	b.Shot(name)
}

// Keys types into the element that has the focus, as a person at the
// keyboard: text, or keys of package kb (kb.Enter, kb.Tab, kb.ArrowDown).
func (b *Browser) Keys(keys string) {
	b.t.Helper()
	b.do("type "+fmt.Sprintf("%q", keys), typeKeys(keys, 0))
}

// typeKeys types keys as a keyboard does. chromedp.KeyEvent sends Enter
// as a keydown and a separate char event, which a page cannot cancel from
// its keydown (a real keyboard's can be): the form would be sent behind
// the page's back. Here Enter is one keydown carrying its text, as
// Chrome's own keyboard sends it.
func typeKeys(keys string, mod chromedp.Modifier) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			if r != '\r' {
				if _, err := chromedp.KeyEvent(string(r), chromedp.KeyModifiers(mod))(ctx, t); err != nil {
					return err
				}
				continue
			}
			down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter",
				Modifiers: int64(mod), WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
			if mod == 0 {
				down.Text, down.UnmodifiedText = "\r", "\r"
			}
			up := down
			up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
			for _, e := range []input.DispatchKeyEventParams{down, up} {
				if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, e); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// KeysTo types keys that send a form (Enter, or Ctrl+Enter with ctrl),
// waits until the page that follows shows then and saves a screenshot
// as name.
func (b *Browser) KeysTo(keys string, ctrl bool, then, name string) {
	b.t.Helper()
	var mod chromedp.Modifier
	if ctrl {
		mod = chromedp.ModifierCtrl
	}
	b.Eval(`document.documentElement.dataset.zgLeaving = "1"`)
	b.do("type "+fmt.Sprintf("%q", keys)+" and wait for "+then, typeKeys(keys, mod),
		chromedp.WaitReady(chromedp.CSS("html:not([data-zg-leaving]) "+then)))
	b.Shot(name)
}

// Focused is the id (else the name) of the element that has the focus.
func (b *Browser) Focused() string {
	b.t.Helper()
	return b.Eval(`(() => { const e = document.activeElement; return e ? (e.id || e.name || e.tagName) : "" })()`)
}

// Text is the visible text of the first element matching sel.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// Eval runs a JavaScript expression in the page and returns its value as
// text (JSON for objects).
func (b *Browser) Eval(expr string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[any](expr))
	if err != nil {
		b.t.Fatalf("eval %s: %v", expr, err)
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// Location is the address of the page shown.
func (b *Browser) Location() string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// SignIn signs in through the login form as a person would.
func (b *Browser) SignIn(login, password string) {
	b.t.Helper()
	b.Visit("/login", "login")
	b.Fill("#name", login)
	b.Fill("#password", password)
	b.Click("form button[type=submit]", "header.top .whoami", "signed-in")
}

// Forget drops every cookie: the next page is a stranger's visit.
func (b *Browser) Forget() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	_, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCookies, cdp.Empty{})
		return chromedp.Void{}, err
	})
	if err != nil {
		b.t.Fatalf("clear cookies: %v", err)
	}
}

// Upload chooses files in a file input, as a person does with the
// browser's file dialog.
func (b *Browser) Upload(sel string, paths ...string) {
	b.t.Helper()
	b.do("choose files for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.SetUploadFiles(chromedp.CSS(sel), paths))
}

// SignOut clicks 退出 in the header and waits for the login form.
func (b *Browser) SignOut() {
	b.t.Helper()
	b.OpenMenu()
	b.Click("header.top form.whoami button[type=submit]", "#password", "signed-out")
}

// OpenMenu opens the menu where it is folded behind 菜单 (phones), as a
// person would before using its links; elsewhere it does nothing.
func (b *Browser) OpenMenu() {
	b.t.Helper()
	b.Eval(`(() => { const t = document.getElementById("menu-toggle"), l = document.querySelector("label.menu");
		if (t && l && !t.checked && getComputedStyle(l).display !== "none") l.click() })()`)
}

// Has reports whether the page shows an element matching sel.
func (b *Browser) Has(sel string) bool {
	b.t.Helper()
	return b.Eval(fmt.Sprintf(`document.querySelector(%q) !== null`, sel)) == "true"
}

// Post sends a form POST to path from the page, with the page's cookies,
// as a hand-made request would (bypassing the buttons the page shows),
// and returns the HTTP status.
func (b *Browser) Post(path string, form map[string]string) int {
	b.t.Helper()
	var fields strings.Builder
	for k, v := range form {
		fmt.Fprintf(&fields, "f.append(%q, %q);", k, v)
	}
	expr := fmt.Sprintf(`(() => { const f = new URLSearchParams(); %s
		return fetch(%q, {method: "POST", body: f, redirect: "manual"}).then(r => r.status); })()`, fields.String(), path)
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("post %s: %v", path, err)
	}
	return v
}

// WaitFor waits until the page shows an element matching sel (e.g. a
// chart drawn by a script after the page loaded).
func (b *Browser) WaitFor(sel string) {
	b.t.Helper()
	b.do("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
}

// Size makes the tab a screen w×h CSS pixels; below 800 px wide it is a
// phone (touch, mobile viewport), as the page's media queries see it.
func (b *Browser) Size(w, h int) {
	b.t.Helper()
	if w < 800 {
		b.do(fmt.Sprintf("%d×%d phone viewport", w, h), chromedp.EmulateViewport(int64(w), int64(h), chromedp.EmulateMobile))
		return
	}
	b.do(fmt.Sprintf("%d×%d viewport", w, h), chromedp.EmulateViewport(int64(w), int64(h)))
}

// Overflow says why the page is wider than the screen: "" when it is
// not, else its width and the outermost elements that stick out (those
// whose parent does not), as a person would look for them.
func (b *Browser) Overflow() string {
	b.t.Helper()
	return b.Eval(`(() => {
		const w = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
		if (sw <= w) return "";
		const out = [];
		for (const e of document.body.querySelectorAll("*")) {
			const r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
			if (r.width > 0 && r.right > w + 1 && p.right <= w + 1) out.push(` + describeJS + `(e) + " " + Math.round(r.right) + "px");
			if (out.length >= 5) break;
		}
		return "page " + sw + "px wide on a " + w + "px screen: " + out.join("; ");
	})()`)
}

// Covered lists the visible links, buttons and fields that something
// else covers: for each, scrolled into view, the element at the centre
// of its (first) box must be itself or inside it.
func (b *Browser) Covered() []string {
	b.t.Helper()
	s := b.Eval(`(() => {
		const desc = ` + describeJS + `;
		const out = [];
		for (const e of document.querySelectorAll("a[href], button, summary, select, textarea, input:not([type=hidden]), label")) {
			if (!e.getClientRects().length) continue;
			// Inside a closed <details> (the menu's 登记簿) it is not shown
			// at all; its summary is.
			const d = e.closest("details");
			if (d && !d.open && e.closest("summary")?.parentElement !== d) continue;
			const cs = getComputedStyle(e);
			if (cs.visibility !== "visible" || cs.opacity === "0") continue;
			e.scrollIntoView({block: "center", inline: "center"});
			const r = e.getClientRects()[0];
			if (r.width < 2 || r.height < 2) continue;
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			if (hit && (hit === e || e.contains(hit) || (e.labels && [...e.labels].includes(hit)))) continue;
			out.push(desc(e) + " under " + (hit ? desc(hit) : "nothing (off screen)"));
		}
		window.scrollTo(0, 0);
		return out.join("\n");
	})()`)
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// describeJS names an element for a test's message: tag, id, classes
// and the start of its text.
const describeJS = `(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
	(typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "") +
	" “" + (e.innerText || e.value || "").trim().replace(/\s+/g, " ").slice(0, 24) + "”")`

// PrintPDF prints the page shown as Chromium's print dialog would, with
// the page size and margins of the page's own print stylesheet (@page).
func (b *Browser) PrintPDF() []byte {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, Timeout)
	defer cancel()
	yes := true
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4),
		func(p *page.PrintToPDFParams) { p.PreferCSSPageSize = &yes }))
	if err != nil {
		b.t.Fatalf("print to PDF: %v", err)
	}
	return pdf
}
