package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

var noFollow = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := noFollow.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func postForm(t *testing.T, u string, v url.Values) *http.Response {
	t.Helper()
	resp, err := noFollow.PostForm(u, v)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// TestPublicSite: a visitor without an account reads the demo's report,
// sends an opinion on one problem and gets its number; the unit answers;
// the answer shows under the opinion, without the sender's contact, and
// what he typed stays text.
func TestPublicSite(t *testing.T) {
	env := testkit.Open(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	today := zhenggai.Today()
	r, err := demo.Load(ctx, env.Store, env.Files, today)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := demo.Publish(ctx, env.Store, r)
	if err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, nil)

	code, body := get(t, srv.URL+"/public/")
	if code != 200 || !strings.Contains(body, pub.Title) || !strings.Contains(body, fmt.Sprintf(`href="/public/reports/%d"`, pub.ID)) {
		t.Fatalf("/public/: %d, report not listed", code)
	}
	reportURL := fmt.Sprintf("%s/public/reports/%d", srv.URL, pub.ID)
	code, body = get(t, reportURL)
	if code != 200 || !strings.Contains(body, "已完成整改35个") {
		t.Fatalf("report: %d", code)
	}
	if n := strings.Count(body, "对此问题提意见"); n != 38 {
		t.Errorf("%d links to the opinion form, want one per problem (38)", n)
	}
	if strings.Contains(body, "<script") {
		t.Error("the public report page carries a script")
	}
	prob := pub.Problems[4]
	formURL := fmt.Sprintf("%s/public/reports/%d/opinion?problem=%d", srv.URL, pub.ID, prob.ID)
	if !strings.Contains(body, strings.TrimPrefix(formURL, srv.URL)) {
		t.Errorf("no link to the form for problem %d", prob.ID)
	}
	code, body = get(t, formURL)
	if code != 200 || !regexp.MustCompile(fmt.Sprintf(`<option value="%d"\s+selected>`, prob.ID)).MatchString(body) {
		t.Errorf("form: %d, problem not preselected", code)
	}

	post := fmt.Sprintf("%s/public/reports/%d/opinions", srv.URL, pub.ID)
	// Bad input: refused with the reason, nothing stored, what was typed kept.
	resp := postForm(t, post, url.Values{"content": {strings.Repeat("长", zhenggai.MaxOpinion+1)}, "name": {"张三"}})
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 422 || !strings.Contains(string(b), "意见建议过长（最多2000字）") || !strings.Contains(string(b), `value="张三"`) {
		t.Errorf("too long: %d", resp.StatusCode)
	}

	resp = postForm(t, post, url.Values{"problem_id": {fmt.Sprint(prob.ID)}, "name": {"<b>张三</b>"},
		"contact": {"13912345678"}, "content": {scriptTag + "学习记录请在网上公开"}})
	resp.Body.Close()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != 303 || !strings.HasPrefix(loc, "/public/thanks/YJ") {
		t.Fatalf("send: %d %q", resp.StatusCode, loc)
	}
	ref := strings.TrimPrefix(loc, "/public/thanks/")
	if want := fmt.Sprintf("YJ%04d%02d%02d-", today.Year(), today.Month(), today.Day()); !strings.HasPrefix(ref, want) || len(ref) != len(want)+9 {
		t.Errorf("reference %q, want %s and eight random characters", ref, want)
	}
	var receipt *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "zg_receipt" {
			receipt = c
		}
	}
	if receipt == nil || receipt.Path != loc || !receipt.HttpOnly {
		t.Fatalf("receipt cookie %+v", receipt)
	}
	req, _ := http.NewRequest("GET", srv.URL+loc, nil)
	req.AddCookie(receipt)
	resp, err = noFollow.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if code, body := resp.StatusCode, string(b); code != 200 || !strings.Contains(body, ref) || !strings.Contains(body, "感谢") {
		t.Errorf("thank-you page: %d", code)
	}

	// Not shown before the unit publishes an answer.
	if _, body = get(t, reportURL); strings.Contains(body, ref) {
		t.Error("an unanswered opinion is shown")
	}
	o, err := env.Store.OpinionByRef(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	if o.Contact != "13912345678" || o.ProblemID != prob.ID {
		t.Errorf("stored: %+v", o)
	}
	if err := env.Store.AnswerOpinion(ctx, o.ID, "已在机关网站公开学习记录。"+imgTag, true, "办公室", o.Version); err != nil {
		t.Fatal(err)
	}
	_, body = get(t, reportURL)
	if !strings.Contains(body, ref) || !strings.Contains(body, "已在机关网站公开学习记录。") {
		t.Fatal("published answer not shown")
	}
	if strings.Contains(body, "13912345678") || strings.Contains(body, "张三") {
		t.Error("the sender's name or contact is shown publicly")
	}
	low := strings.ToLower(body)
	if strings.Contains(low, "<script>alert") || strings.Contains(low, "<img src=x") ||
		!strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("hostile text not shown as text")
	}
	// Under its problem: after that problem's element opens, before the next one.
	i := strings.Index(body, fmt.Sprintf(`id="problem-%d"`, prob.ID))
	j := strings.Index(body, fmt.Sprintf(`id="problem-%d"`, pub.Problems[5].ID))
	k := strings.Index(body, `id="opinion-`+ref+`"`)
	if !(i < k && k < j) {
		t.Errorf("opinion at %d, not under its problem (%d–%d)", k, i, j)
	}

	// Throttle: five an hour from one address.
	for n := 2; n <= 6; n++ {
		resp := postForm(t, post, url.Values{"content": {fmt.Sprintf("第%d条意见建议内容", n)}})
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if n <= 5 && resp.StatusCode != 303 {
			t.Fatalf("opinion %d: %d", n, resp.StatusCode)
		}
		if n == 6 && (resp.StatusCode != 429 || !strings.Contains(string(b), "一小时内最多提交5条") || !strings.Contains(string(b), "第6条意见建议内容")) {
			t.Errorf("sixth opinion: %d", resp.StatusCode)
		}
	}

	// Withdrawn: gone from the list and the page.
	if err := env.Store.Withdraw(ctx, pub.ID, "更正数据", "办公室"); err != nil {
		t.Fatal(err)
	}
	if code, _ := get(t, reportURL); code != 404 {
		t.Errorf("withdrawn report: %d", code)
	}
	if _, body := get(t, srv.URL+"/public/"); strings.Contains(body, pub.Title) {
		t.Error("withdrawn report still listed")
	}
}
