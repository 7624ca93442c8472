package browsertest_test

import (
	"fmt"
	"strings"
	"testing"

	"zhenggai/internal/browsertest"
)

// TestVoidProgressOnPhone: the unit's office, on a 390 px phone, voids a
// progress entry reported twice on the problem's page, with its reason;
// the entry leaves the page, the round's 已作废 list shows it with the
// reason, and 恢复 brings it back; every page fits the screen.
func TestVoidProgressOnPhone(t *testing.T) {
	env, r, pw := demoEnv(t)
	prob := demoProblem(t, env, r, 36)
	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Size(390, 844)
	b.SignIn("bangongshi", pw["bangongshi"])
	problemPath := fmt.Sprintf("/problems/%d", prob.ID)
	b.Visit(problemPath, "void-problem")
	id := b.Eval(`(document.querySelector('li[id^="progress-"]') || {}).id || ""`)
	if id == "" {
		t.Fatalf("problem 36 has no progress entry: %q", b.Text("main"))
	}
	void := "#" + id + " > details.void"
	// Opening the fold is no new page: a click in the page itself.
	b.Eval(fmt.Sprintf(`document.querySelector(%q).click()`, void+" > summary"))
	b.WaitFor(void + ` input[name="reason"]`)
	b.Shot("void-open")
	fits(t, b, "problem with the void form open")
	b.Fill(void+` input[name="reason"]`, "重复报送")
	b.Click(void+" button", "p.flash", "void-done")
	if f := b.Text("p.flash"); !strings.Contains(f, "已作废该整改进展") || b.Has("p.flash.refused") {
		t.Errorf("after voiding: %q", f)
	}
	if b.Has("#" + id) {
		t.Error("the voided progress entry is still on the problem page")
	}

	b.Visit(fmt.Sprintf("/rounds/%d/voided", r.ID), "voided-list")
	fits(t, b, "已作废 list")
	if txt := b.Text("#voided"); !strings.Contains(txt, "整改进展") || !strings.Contains(txt, "重复报送") || !strings.Contains(txt, "办公室（示例）") {
		t.Errorf("the 已作废 list: %q", txt)
	}
	b.Click(`tr[data-kind="progress"] form[data-action="restore"] button`, "p.flash", "restored")
	if f := b.Text("p.flash"); !strings.Contains(f, "已恢复该整改进展") {
		t.Errorf("after restoring: %q", f)
	}
	b.Visit(problemPath, "problem-restored")
	if !b.Has("#" + id) {
		t.Error("the restored progress entry is not back on the problem page")
	}
}
