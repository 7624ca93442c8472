package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai/internal/report"
)

// A report dated before the round's feedback is refused with the reason,
// on the report page and on the publishing page, and nothing is published;
// the feedback's own day is a date a report may have. The forms offer no
// earlier date, and the round page says which faces a PDF would stand in.
func TestReportDatedBeforeFeedback(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed() // feedback on 27 July 2020
	const msg = "报告日期2020年7月26日早于巡察反馈日期2020年7月27日"

	_, page := e.get(fmt.Sprintf("/rounds/%d", r.ID))
	if !strings.Contains(page, `id="report-date" name="date" value="2020-10-28" min="2020-07-27"`) {
		t.Error("the report form lets a date before the feedback be picked")
	}
	faces, err := report.InstalledFaces(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if note := report.FaceNote(faces); note != "" && !strings.Contains(page, `<p class="meta" id="face-note">`+note+`</p>`) {
		t.Errorf("the round page does not say %q", note)
	}

	for _, format := range []string{"text", "docx"} {
		resp, body := e.get(fmt.Sprintf("/rounds/%d/report?date=2020-07-26&format=%s", r.ID, format))
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, msg) {
			t.Errorf("%s dated before the feedback: %d", format, resp.StatusCode)
		}
	}
	if resp, body := e.get(fmt.Sprintf("/rounds/%d/report?date=2020-07-27&format=text", r.ID)); resp.StatusCode != 200 ||
		!strings.Contains(body, "截至7月27日，巡察反馈的1个问题1个具体问题") {
		t.Errorf("dated on the feedback's day: %d %.300s", resp.StatusCode, body)
	}

	resp, body := e.get(fmt.Sprintf("/rounds/%d/publish?as_of=2020-07-26", r.ID))
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, msg) ||
		strings.Contains(body, `id="publish"`) || strings.Contains(body, "report-preview") {
		t.Errorf("preview before the feedback: %d", resp.StatusCode)
	}
	if !strings.Contains(body, `name="as_of" value="2020-07-26" min="2020-07-27"`) {
		t.Error("the publishing form lets a date before the feedback be picked")
	}
	resp, body = e.post(fmt.Sprintf("/rounds/%d/publications", r.ID), url.Values{"as_of": {"2020-07-26"}})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, msg) {
		t.Errorf("publishing before the feedback: %d", resp.StatusCode)
	}
	if pubs, err := e.st.Publications(context.Background(), r.ID); err != nil || len(pubs) != 0 {
		t.Errorf("published %d reports (%v)", len(pubs), err)
	}
	if resp, _ := e.post(fmt.Sprintf("/rounds/%d/publications", r.ID), url.Values{"as_of": {"2020-07-27"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("publishing on the feedback's day: %d", resp.StatusCode)
	}
}
