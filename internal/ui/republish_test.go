package ui_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestWithholdingWarnsOfPublishedReports: withholding a problem that a
// published report shows says so on saving, the problem page and the
// publishing page warn and offer to withdraw and republish, and the
// button does it; then the warnings are gone.
func TestWithholdingWarnsOfPublishedReports(t *testing.T) {
	e := newFormEnv(t)
	r, c, p, _ := e.seed()
	pub := testkit.Publish(t, e.st, r.ID, zhenggai.NewDate(2020, 10, 28))
	prob := fmt.Sprintf("/problems/%d", p.ID)
	resp, body := e.post(prob, url.Values{"category_id": {fmt.Sprint(c.ID)}, "seq": {"1"}, "title": {p.Title},
		"withheld": {"1"}, "withheld_reason": {"涉及正在查办的案件"}, "version": {"1"}})
	wantRedirect(t, resp, body, prob+"#still-published")
	if f := flashOf(t, resp); !strings.Contains(f, "仍出现在已公布的1份整改进展情况中") {
		t.Errorf("flash %q", f)
	}
	_, body = e.get(prob)
	button := fmt.Sprintf(`action="/publications/%d/republish"`, pub.ID)
	for _, s := range []string{`id="still-published"`, "本问题已设为不予公开（涉及正在查办的案件），但仍出现在以前公布的整改进展情况中",
		"截至2020年10月28日", button, "撤回并重新公布"} {
		if !strings.Contains(body, s) {
			t.Errorf("problem page lacks %q:\n%s", s, excerptOf(body))
		}
	}
	_, body = e.get(fmt.Sprintf("/rounds/%d/publish", r.ID))
	if !strings.Contains(body, "仍含现已不予公开的问题：</strong>具体问题1：学习停留在表面") || !strings.Contains(body, button) {
		t.Errorf("publishing page does not flag the report:\n%s", excerptOf(body))
	}

	// Republishing drafts the replacement; the old one stays public until
	// a second person approves the new one.
	resp, body = e.post(fmt.Sprintf("/publications/%d/republish", pub.ID), url.Values{})
	wantRedirect(t, resp, body, fmt.Sprintf("/publications/%d", pub.ID+1))
	if f := flashOf(t, resp); !strings.Contains(f, "已重新起草截至2020年10月28日的整改进展情况报告") {
		t.Errorf("flash %q", f)
	}
	if code, _ := e.get(fmt.Sprintf("/public/reports/%d", pub.ID)); code.StatusCode != 200 {
		t.Errorf("the old report left the public site before the new one was approved: %d", code.StatusCode)
	}
	resp, body = e.post(fmt.Sprintf("/publications/%d/submit", pub.ID+1), url.Values{})
	wantRedirect(t, resp, body, fmt.Sprintf("/publications/%d", pub.ID+1))
	ctx := zhenggai.WithActor(t.Context(), zhenggai.Actor{Name: "test"})
	if err := e.st.ApprovePublication(ctx, pub.ID+1, &zhenggai.User{DisplayName: "审核人"}); err != nil {
		t.Fatal(err)
	}
	_, body = e.get(prob)
	if strings.Contains(body, `id="still-published"`) {
		t.Error("the problem page still warns after republishing")
	}
	_, body = e.get(fmt.Sprintf("/rounds/%d/publish", r.ID))
	if strings.Contains(body, "仍含现已不予公开的问题") || !strings.Contains(body, "重新公布：具体问题1已不予公开") {
		t.Errorf("publishing page after republishing:\n%s", excerptOf(body))
	}
}
