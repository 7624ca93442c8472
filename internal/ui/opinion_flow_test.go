package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestOpinionReachesSomeone: an opinion sent on the public site is at once
// in the unit's office's inbox, counted in the menu, with its deadline
// and colour on the list (red once past); the office gives it to the
// problem's owner, who finds it in his inbox, reads it without the
// sender's contact and drafts the answer; the office returns it with a
// reason, then approves the second draft, and only then is it public.
func TestOpinionReachesSomeone(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	if err := st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "档案管理不规范"}
	st.CreateProblem(ctx, p)
	if err := st.CreateMeasure(ctx, &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立档案管理制度", Leader: "向建国",
		Owner: "覃丽", Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}); err != nil {
		t.Fatal(err)
	}
	pub := testkit.Publish(t, st, r.ID, zhenggai.NewDate(2020, 10, 28))
	clock := time.Now()
	srv := env.Serve(t, func() time.Time { return clock })
	office := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室甲")
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽")
	otherOwner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "陈伟")
	browser := func(l *testkit.Login) *http.Client {
		return &http.Client{Jar: testkit.Jar(t, srv.URL, l), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	get := func(l *testkit.Login, path string) (int, string) {
		t.Helper()
		resp, err := browser(l).Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	post := func(l *testkit.Login, path string, v url.Values) (int, string) {
		t.Helper()
		resp, err := browser(l).PostForm(srv.URL+path, v)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}

	resp := postForm(t, fmt.Sprintf("%s/public/reports/%d/opinions", srv.URL, pub.ID), url.Values{"problem_id": {fmt.Sprint(p.ID)},
		"name": {"张三"}, "contact": {"13912345678"}, "content": {"档案室的制度应当上墙公开"}})
	resp.Body.Close()
	ref := strings.TrimPrefix(resp.Header.Get("Location"), "/public/thanks/")
	o, err := st.OpinionByRef(ctx, ref)
	if err != nil {
		t.Fatalf("send: %d %v", resp.StatusCode, err)
	}
	page := fmt.Sprintf("/opinions/%d", o.ID)
	due := zhenggai.DateOf(clock).AddWorkdays(zhenggai.DefaultOpinionDays)

	// The office: told at once, counted in the menu, deadline and colour.
	if _, home := get(office, "/"); !strings.Contains(home, `id="unread-count">1<`) {
		t.Error("the menu does not count the new opinion")
	}
	if _, inbox := get(office, "/inbox"); !strings.Contains(inbox, "收到群众意见建议："+ref) || !strings.Contains(inbox, `href="`+page+`"`) ||
		!strings.Contains(inbox, "答复期限："+due.Chinese()) {
		t.Fatalf("the office's inbox lacks the opinion:\n%s", inbox)
	}
	if _, list := get(office, "/opinions"); !strings.Contains(list, due.Chinese()) || !strings.Contains(list, "dot-green") {
		t.Errorf("the list lacks the deadline or its colour")
	}

	// Given to the owner the problem names: his inbox, his page.
	if code, body := post(office, page+"/assign", url.Values{"assignee": {fmt.Sprint(owner.User.ID)}, "version": {"1"}}); code != 303 {
		t.Fatalf("assign: %d %s", code, body)
	}
	if _, inbox := get(owner, "/inbox"); !strings.Contains(inbox, "请办理意见建议："+ref) || !strings.Contains(inbox, `href="`+page+`"`) {
		t.Fatalf("the owner's inbox lacks the assignment")
	}
	code, body := get(owner, page)
	if code != 200 || !strings.Contains(body, "档案室的制度应当上墙公开") || !strings.Contains(body, `id="draft"`) {
		t.Fatalf("the owner's page: %d", code)
	}
	if strings.Contains(body, "13912345678") || strings.Contains(body, "张三") || strings.Contains(body, `id="approve"`) {
		t.Error("the assignee sees the sender's contact or the office's forms")
	}
	if code, _ := get(otherOwner, page); code != 403 {
		t.Errorf("another owner opens it: %d", code)
	}
	if code, _ := get(owner, "/opinions"); code != 403 {
		t.Errorf("the owner lists every opinion: %d", code)
	}

	// Drafted: not public; the office returns it, then approves the next.
	if code, body := post(owner, page+"/draft", url.Values{"draft": {"已将制度上墙。"}, "version": {"2"}}); code != 303 {
		t.Fatalf("draft: %d %s", code, body)
	}
	report := func() string {
		t.Helper()
		resp, err := noFollow.Get(fmt.Sprintf("%s/public/reports/%d", srv.URL, pub.ID))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if body := report(); strings.Contains(body, "已将制度上墙") {
		t.Error("a draft is public")
	}
	if _, inbox := get(office, "/inbox"); !strings.Contains(inbox, "请审核意见建议的答复："+ref) {
		t.Error("the office is not asked to review")
	}
	if code, body := post(office, page+"/return", url.Values{"reason": {""}, "version": {"3"}}); code != 422 || !strings.Contains(body, "退回答复须写明理由") {
		t.Errorf("return without a reason: %d", code)
	}
	if code, _ := post(office, page+"/return", url.Values{"reason": {"请写明上墙的日期"}, "version": {"3"}}); code != 303 {
		t.Fatalf("return: %d", code)
	}
	if _, inbox := get(owner, "/inbox"); !strings.Contains(inbox, "答复被退回："+ref) || !strings.Contains(inbox, "请写明上墙的日期") {
		t.Error("the owner is not told of the return")
	}
	if code, _ := post(owner, page+"/draft", url.Values{"draft": {"已于11月2日将制度上墙。"}, "version": {"4"}}); code != 303 {
		t.Fatalf("second draft: %d", code)
	}
	if code, _ := post(office, page+"/approve", url.Values{"publish": {"1"}, "version": {"5"}}); code != 303 {
		t.Fatalf("approve: %d", code)
	}
	if body := report(); !strings.Contains(body, "已于11月2日将制度上墙。") || strings.Contains(body, "13912345678") {
		t.Error("the approved answer is not public, or the contact is")
	}
	if _, inbox := get(owner, "/inbox"); !strings.Contains(inbox, "答复已审核同意："+ref) {
		t.Error("the owner is not told of the approval")
	}

	// Another, left unanswered past its deadline, is red.
	resp = postForm(t, fmt.Sprintf("%s/public/reports/%d/opinions", srv.URL, pub.ID), url.Values{"content": {"整改情况写得太笼统"}})
	resp.Body.Close()
	clock = clock.AddDate(0, 0, 40)
	if _, list := get(office, "/opinions"); !strings.Contains(list, "dot-red") {
		t.Error("an opinion past its deadline is not red")
	}
}
