package ui_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/testkit"
)

// TestWithheldProblemStaysUnpublished: a problem withheld from
// publication shows nowhere on the public site, its title not even in the
// opinion form's list, and an opinion cannot point at it.
func TestWithheldProblemStaysUnpublished(t *testing.T) {
	env := testkit.Open(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	today := zhenggai.Today()
	r, err := demo.Load(ctx, env.Store, env.Files, today)
	if err != nil {
		t.Fatal(err)
	}
	probs, err := env.Store.Problems(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	secret := probs[20]
	secret.Withheld, secret.WithheldReason = true, "涉及正在查办的案件"
	if err := env.Store.UpdateProblem(ctx, secret); err != nil {
		t.Fatal(err)
	}
	pub, err := demo.Publish(ctx, env.Store, r)
	if err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, nil)
	for _, path := range []string{"/public/", fmt.Sprintf("/public/reports/%d", pub.ID), fmt.Sprintf("/public/reports/%d/opinion", pub.ID),
		fmt.Sprintf("/public/reports/%d/opinion?problem=%d", pub.ID, secret.ID)} {
		code, body := get(t, srv.URL+path)
		if code != 200 {
			t.Errorf("%s: %d", path, code)
		}
		if strings.Contains(body, secret.Title) || strings.Contains(body, secret.WithheldReason) {
			t.Errorf("%s shows the withheld problem", path)
		}
	}
	_, body := get(t, srv.URL+fmt.Sprintf("/public/reports/%d", pub.ID))
	if !strings.Contains(body, "另有1个具体问题按规定不予公开") {
		t.Error("the report does not say a problem was withheld")
	}
	resp := postForm(t, srv.URL+fmt.Sprintf("/public/reports/%d/opinions", pub.ID), url.Values{
		"problem_id": {fmt.Sprint(secret.ID)}, "content": {"请问这个问题整改得怎么样了？"}})
	resp.Body.Close()
	ops, err := env.Store.Opinions(ctx, zhenggai.Scope{All: true}, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range ops {
		if o.ProblemID == secret.ID || strings.Contains(o.Problem, secret.Title) {
			t.Errorf("an opinion points at the withheld problem: %+v (status %d)", o, resp.StatusCode)
		}
	}
}
