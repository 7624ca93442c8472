package api_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestWithholdingAfterPublishing: a problem withheld after a report showed
// it is listed in still_published with that report; republishing
// withdraws the report and publishes the round again as of the same date
// without the problem, in one step. The public's opinions follow the new
// report, but those on the withheld problem, whose answers must not stay
// public. Nothing is left to republish afterwards, and the log verifies.
func TestWithholdingAfterPublishing(t *testing.T) { backends(t, testWithholdingAfterPublishing) }

func testWithholdingAfterPublishing(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r := &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection}
	if err := e.st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	e.st.CreateCategory(ctx, c)
	p1 := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "违规发放津贴补贴"}
	p2 := &zhenggai.Problem{CategoryID: c.ID, Seq: 2, Title: "会议记录不规范"}
	for _, p := range []*zhenggai.Problem{p1, p2} {
		if err := e.st.CreateProblem(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	asOf := zhenggai.NewDate(2024, 5, 31)
	pub := testkit.Publish(t, e.st, r.ID, asOf)
	var ops []*zhenggai.Opinion
	for _, pid := range []int64{p1.ID, p2.ID, 0} {
		o := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: pid, Content: "请说明整改的具体情况"}
		if err := e.st.CreateOpinion(ctx, o); err != nil {
			t.Fatal(err)
		}
		if err := e.st.AnswerOpinion(ctx, o.ID, "已整改到位，答复如下", true, "办公室", o.Version); err != nil {
			t.Fatal(err)
		}
		ops = append(ops, o)
	}

	// Withheld: the answer names the report that still shows it.
	out := e.must(200, "PUT", path("/api/v1/problems/%d", p1.ID), obj{"category_id": c.ID, "seq": 1, "title": p1.Title,
		"withheld": true, "withheld_reason": "涉及正在查办的案件", "version": 1})
	still := arr(out["still_published"])
	if len(still) != 1 || num(m(still[0])["id"]) != pub.ID || m(still[0])["as_of"] != "2024-05-31" ||
		m(still[0])["url"] != path("/public/reports/%d", pub.ID) {
		t.Fatalf("still_published after withholding: %v", out["still_published"])
	}
	if other := arr(e.must(200, "GET", path("/api/v1/problems/%d", p2.ID), nil)["still_published"]); len(other) != 0 {
		t.Errorf("a problem not withheld lists %v", other)
	}

	// The replacement is a draft: the old report stays public until a
	// second person approves it, and the drafter cannot.
	out = e.must(201, "POST", path("/api/v1/publications/%d/republish", pub.ID), nil)
	fresh := num(out["id"])
	if out["state"] != "draft" || out["url"] != nil {
		t.Fatalf("republished before review: %v", out)
	}
	e.must(200, "POST", path("/api/v1/publications/%d/submit", fresh), nil)
	e.must(403, "POST", path("/api/v1/publications/%d/approve", fresh), nil)
	if live, _ := e.st.Publication(ctx, pub.ID); !live.Public() {
		t.Fatal("the old report was withdrawn before the new one was approved")
	}
	reviewer := *e
	reviewer.login = testkit.Principal(t, e.st, "某单位", "主要负责人甲")
	out = reviewer.must(200, "POST", path("/api/v1/publications/%d/approve", fresh), nil)
	if fresh == pub.ID || out["as_of"] != "2024-05-31" || len(arr(out["problems"])) != 1 ||
		num(m(arr(out["problems"])[0])["id"]) != p2.ID {
		t.Fatalf("republished: %v", out)
	}
	old, err := e.st.Publication(ctx, pub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !old.Withdrawn || !strings.Contains(old.Reason, "具体问题1已不予公开") || !strings.Contains(old.Reason, path("第%d号", fresh)) {
		t.Errorf("the old report: withdrawn %v, reason %q", old.Withdrawn, old.Reason)
	}
	neu, err := e.st.Publication(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(neu.Body, p1.Title) || !strings.Contains(neu.Body, p2.Title) || !strings.Contains(neu.Body, "另有1个具体问题按规定不予公开") {
		t.Errorf("the new report's body:\n%s", neu.Body)
	}
	if len(arr(e.must(200, "GET", path("/api/v1/problems/%d", p1.ID), nil)["still_published"])) != 0 {
		t.Error("still published after republishing")
	}
	for i, want := range []int64{pub.ID, fresh, fresh} {
		o, err := e.st.Opinion(ctx, ops[i].ID)
		if err != nil || o.PublicationID != want {
			t.Errorf("opinion %d is on publication %d, want %d (%v)", i, o.PublicationID, want, err)
		}
	}
	// The public site: the old report is gone, the new one lacks the
	// withheld problem and its answered opinion.
	resp, err := http.Get(e.srv.URL + path("/public/reports/%d", pub.ID))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("the withdrawn report answers %d", resp.StatusCode)
	}
	resp, err = http.Get(e.srv.URL + path("/public/reports/%d", fresh))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.Contains(string(page), p1.Title) || strings.Count(string(page), "已整改到位，答复如下") != 2 {
		t.Errorf("the new report's page (%d) shows the withheld problem or lost answers", resp.StatusCode)
	}

	if code, body := e.call("POST", path("/api/v1/publications/%d/republish", pub.ID), nil); code != 409 {
		t.Errorf("republishing a withdrawn report: %d %v", code, body)
	}
	rep, err := e.st.VerifyAudit(ctx)
	if err != nil || !rep.OK() {
		t.Errorf("audit: %v %+v", err, rep)
	}
}
