package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestReviewBeforePublishing, through the pages: the preview warns where
// its figures fall below the round's earlier publication and disagree
// with the declared totals; a drafted report is not on the public site;
// its drafter cannot approve it, even as administrator; the principal
// leader returns it with a reason the drafter reads, then approves it,
// and only then do the public list (第2次公布) and the report show it.
func TestReviewBeforePublishing(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		r := &zhenggai.Round{Unit: "桑植县政协党组", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection,
			FeedbackDate: zhenggai.NewDate(2020, 7, 27), Declared: zhenggai.Declared{Categories: 1, Problems: 5}}
		if err := st.CreateRound(ctx, r); err != nil {
			t.Fatal(err)
		}
		c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "学习贯彻不深入"}
		if err := st.CreateCategory(ctx, c); err != nil {
			t.Fatal(err)
		}
		if err := st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "学习停留在表面"}); err != nil {
			t.Fatal(err)
		}
		// An earlier publication, when the ledger had three problems.
		earlier := &zhenggai.Publication{RoundID: r.ID, Title: "通报", AsOf: zhenggai.NewDate(2020, 9, 30), Summary: "截至……",
			Body: "<p>报告</p>", Figures: zhenggai.Figures{Categories: 1, Problems: 3}}
		if err := st.DraftPublication(ctx, earlier); err != nil {
			t.Fatal(err)
		}
		if err := st.SubmitPublication(ctx, earlier.ID); err != nil {
			t.Fatal(err)
		}
		if err := st.ApprovePublication(ctx, earlier.ID, &zhenggai.User{DisplayName: "审核人"}); err != nil {
			t.Fatal(err)
		}
		srv := env.Serve(t, nil)
		drafter := testkit.Admin(t, st)
		principal := testkit.Principal(t, st, "桑植县政协党组", "向建国")
		as := func(l *testkit.Login) *http.Client {
			return &http.Client{Jar: testkit.Jar(t, srv.URL, l),
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		}
		do := func(c *http.Client, method, path string, v url.Values) (*http.Response, string) {
			t.Helper()
			var resp *http.Response
			var err error
			if method == "GET" {
				resp, err = c.Get(srv.URL + path)
			} else {
				resp, err = c.PostForm(srv.URL+path, v)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp, string(b)
		}
		office, leader, public := as(drafter), as(principal), &http.Client{}

		_, body := do(office, "GET", fmt.Sprintf("/rounds/%d/publish?as_of=2020-10-28", r.ID), nil)
		for _, w := range []string{`id="warnings"`, "具体问题1个，少于第1次公布（截至2020年9月30日）的3个",
			"与公布的总数不符：公布具体问题5个，逐项统计为1个", "提交审核后公开"} {
			if !strings.Contains(body, w) {
				t.Errorf("preview lacks %q", w)
			}
		}
		resp, _ := do(office, "POST", fmt.Sprintf("/rounds/%d/publications", r.ID), url.Values{"as_of": {"2020-10-28"}})
		var id int64
		if _, err := fmt.Sscanf(resp.Header.Get("Location"), "/publications/%d", &id); err != nil || resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("drafting: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
		}
		report := fmt.Sprintf("/public/reports/%d", id)
		hidden := func(when string) {
			t.Helper()
			if resp, _ := do(public, "GET", report, nil); resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s: the public reads the report: %d", when, resp.StatusCode)
			}
			if _, list := do(public, "GET", "/public/", nil); strings.Contains(list, report) {
				t.Errorf("%s: the public list shows it", when)
			}
		}
		hidden("drafted")
		if resp, _ := do(office, "POST", fmt.Sprintf("/publications/%d/submit", id), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit: %d", resp.StatusCode)
		}
		hidden("submitted")
		_, body = do(office, "GET", fmt.Sprintf("/publications/%d", id), nil)
		if !strings.Contains(body, "待审核") || !strings.Contains(body, "少于第1次公布") || strings.Contains(body, `id="approve"`) {
			t.Errorf("the drafter's page: state, warnings, no approve button:\n%s", excerptOf(body))
		}
		if resp, _ := do(office, "POST", fmt.Sprintf("/publications/%d/approve", id), nil); resp.StatusCode != http.StatusForbidden {
			t.Errorf("the drafter approving: %d, want 403", resp.StatusCode)
		}
		hidden("approved by its drafter")

		_, body = do(leader, "GET", fmt.Sprintf("/publications/%d", id), nil)
		if !strings.Contains(body, `id="approve"`) || !strings.Contains(body, `id="return"`) || !strings.Contains(body, "与公布的总数不符") {
			t.Errorf("the reviewer's page lacks the actions or the warnings:\n%s", excerptOf(body))
		}
		if resp, body := do(leader, "POST", fmt.Sprintf("/publications/%d/return", id), url.Values{"reason": {""}}); resp.StatusCode != 422 ||
			!strings.Contains(body, "退回须填写原因") {
			t.Errorf("return without a reason: %d", resp.StatusCode)
		}
		do(leader, "POST", fmt.Sprintf("/publications/%d/return", id), url.Values{"reason": {"具体问题数与公布的不符，请核对"}})
		_, body = do(office, "GET", fmt.Sprintf("/publications/%d", id), nil)
		if !strings.Contains(body, "已退回：</strong>具体问题数与公布的不符，请核对") || !strings.Contains(body, `id="submit"`) {
			t.Errorf("the drafter does not read the return:\n%s", excerptOf(body))
		}
		hidden("returned")
		do(office, "POST", fmt.Sprintf("/publications/%d/submit", id), nil)
		if resp, _ := do(leader, "POST", fmt.Sprintf("/publications/%d/approve", id), nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("approve: %d", resp.StatusCode)
		}
		if resp, _ := do(public, "GET", report, nil); resp.StatusCode != 200 {
			t.Errorf("approved, the report is not public: %d", resp.StatusCode)
		}
		_, list := do(public, "GET", "/public/", nil)
		if !strings.Contains(list, report) || !strings.Contains(list, "第2次公布 · 截至2020年10月28日") ||
			!strings.Contains(list, "第1次公布 · 截至2020年9月30日") {
			t.Errorf("public list does not tell the two apart:\n%s", list)
		}
	})
}
