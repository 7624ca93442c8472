package browsertest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/browsertest"
)

// TestTasksOnAPhone: on the demo, the owner 覃丽 signs in on a phone and
// starts on 我的任务, her overdue measures first and counted in the menu;
// from there she reports progress with a photo and asks to close; her
// leader 向建国 then finds the request under 待我审核. The inspection
// office's home ranks its units with a drawn chart.
func TestTasksOnAPhone(t *testing.T) {
	env, r, pw := demoEnv(t)
	ms, err := env.Store.Measures(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m *zhenggai.Measure // an open measure of hers led by 向建国
	for _, x := range ms {
		if x.Owner == "覃丽" && x.Leader == "向建国" && x.CloseState == zhenggai.CloseOpen && !x.Status.Done() {
			m = x
			break
		}
	}
	if m == nil {
		t.Fatal("the demo has no open measure of 覃丽 led by 向建国")
	}
	photo := filepath.Join(t.TempDir(), "现场照片.pdf")
	if err := os.WriteFile(photo, []byte(minimalPDF), 0o644); err != nil {
		t.Fatal(err)
	}

	srv := env.Serve(t, nil)
	b := browsertest.New(t, srv.URL)
	b.Phone()
	b.SignIn("qinli", pw["qinli"])
	if loc := b.Location(); !strings.HasSuffix(loc, "/tasks") {
		t.Fatalf("the owner landed on %s", loc)
	}
	b.Shot("owner-tasks-phone")
	rows := b.Text("#tasks-measures tbody")
	if rows == "" || !strings.Contains(rows, string([]rune(m.Content)[:min(len([]rune(m.Content)), 6)])) {
		t.Errorf("her measures: %q", rows)
	}
	if b.Has("#tasks-count") && b.Text("#tasks-count") == "0" {
		t.Error("the menu counts 0")
	}

	b.Click(fmt.Sprintf(`#tasks-measures a[href="/measures/%d/progress/new"]`, m.ID), "#files", "owner-progress-form-phone")
	b.Fill("#content", "已完成整改，现场照片附后。")
	b.Upload("#files", photo)
	b.Click("form.edit button[type=submit]", "#close-state", "owner-progress-saved-phone")
	b.Click(fmt.Sprintf("#request-close-%d button", m.ID), "#close-state", "owner-asked-to-close-phone")
	if f := b.Text("p.flash"); !strings.Contains(f, "申请销号") {
		t.Fatalf("after asking to close: %q", f)
	}
	b.Visit("/tasks", "owner-tasks-after")
	if txt := b.Text("#tasks-measures tbody"); !strings.Contains(txt, "已申请销号") {
		t.Errorf("her list does not show the request: %q", txt)
	}
	b.SignOut()

	b.SignIn("xiangjianguo", pw["xiangjianguo"])
	if loc := b.Location(); !strings.HasSuffix(loc, "/tasks") {
		t.Fatalf("the leader landed on %s", loc)
	}
	if txt := b.Text("#tasks-approve"); !strings.Contains(txt, "覃丽") {
		t.Errorf("待我审核 lacks her request: %q", txt)
	}
	if txt := b.Text("#tasks-progress"); !strings.Contains(txt, "现场照片附后") {
		t.Errorf("the leader is not shown her report: %q", txt)
	}
	b.OpenMenu()
	if n := b.Text("#tasks-count"); n == "" || n == "0" {
		t.Errorf("the leader's menu count %q", n)
	}
	b.SignOut()

	b.Desktop()
	b.SignIn("xunchaban", pw["xunchaban"])
	b.WaitFor(`[data-chart="ranking"] canvas`)
	b.Shot("office-ranking")
	if txt := b.Text("#ranking-table"); !strings.Contains(txt, r.Unit) {
		t.Errorf("the ranking lacks the demo's unit: %q", txt)
	}
}
