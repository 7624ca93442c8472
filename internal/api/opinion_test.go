package api_test

import (
	"context"
	"fmt"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestOpinionHandling: over the API, on each backend, a new opinion is in
// the unit's office's inbox (kind, record, link) with its deadline and
// colour; it is given to the problem's owner, who reads it without the
// sender's contact and drafts; the office reviews, and only the approved
// answer is public.
func TestOpinionHandling(t *testing.T) {
	backends(t, testOpinionHandling)
}

func testOpinionHandling(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	st := e.st
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
	office := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室甲")
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽")
	o := &zhenggai.Opinion{PublicationID: pub.ID, ProblemID: p.ID, Name: "张三", Contact: "13912345678", Content: "档案室的制度应当上墙公开"}
	if err := st.CreateOpinion(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/opinions/%d", o.ID)

	e.login = office
	in := e.must(200, "GET", "/api/v1/inbox", nil)
	msgs, _ := in["messages"].([]any)
	if in["unread"] != 1.0 || len(msgs) != 1 {
		t.Fatalf("the office's inbox: %v", in)
	}
	if m := msgs[0].(obj); m["kind"] != "opinion" || m["record_kind"] != "opinion" || m["record_id"] != float64(o.ID) ||
		m["link"] != path || m["subject"] != "收到群众意见建议："+o.Ref {
		t.Errorf("the message: %v", m)
	}
	list := e.must(200, "GET", "/api/v1/opinions", nil)
	ops, _ := list["opinions"].([]any)
	if len(ops) != 1 {
		t.Fatalf("opinions: %v", list)
	}
	if got := ops[0].(obj); got["due_on"] != o.DueOn.String() || got["colour"] != "green" || got["contact"] != "13912345678" ||
		got["status"] != "new" {
		t.Errorf("listed: %v", got)
	}
	if code, _ := e.call("GET", "/api/v1/opinions?status=nonsense", nil); code != 422 {
		t.Errorf("a status that is none: %d", code)
	}
	if got := e.must(200, "POST", path+"/assign", obj{"assignee_id": owner.User.ID, "version": 1}); got["status"] != "assigned" ||
		got["assignee"] != "覃丽" {
		t.Errorf("assigned: %v", got)
	}

	e.login = owner
	got := e.must(200, "GET", path, nil)
	if _, ok := got["contact"]; ok || got["name"] != nil || got["content"] != "档案室的制度应当上墙公开" {
		t.Errorf("the assignee's view: %v", got)
	}
	if code, _ := e.call("GET", "/api/v1/opinions", nil); code != 403 {
		t.Errorf("the owner lists every opinion: %d", code)
	}
	if got := e.must(200, "POST", path+"/draft", obj{"draft": "已将制度上墙。", "version": 2}); got["status"] != "review" ||
		got["draft"] != "已将制度上墙。" || got["answer"] != nil {
		t.Errorf("drafted: %v", got)
	}
	if code, _ := e.call("POST", path+"/approve", obj{"publish": true, "version": 3}); code != 403 {
		t.Errorf("the assignee approves his own draft: %d", code)
	}
	if pubd, _ := st.PublishedOpinions(ctx, pub.ID); len(pubd) != 0 {
		t.Error("a draft is public")
	}

	e.login = office
	if code, out := e.call("POST", path+"/return", obj{"reason": "", "version": 3}); code != 422 {
		t.Errorf("return without a reason: %d %v", code, out)
	}
	if code, _ := e.call("POST", path+"/approve", obj{"publish": true, "version": 2}); code != 409 {
		t.Errorf("approve a stale version: %d", code)
	}
	got = e.must(200, "POST", path+"/approve", obj{"publish": true, "version": 3})
	if got["status"] != "answered" || got["answer"] != "已将制度上墙。" || got["colour"] != "" || got["answer_published"] != true {
		t.Errorf("approved: %v", got)
	}
	if pubd, _ := st.PublishedOpinions(ctx, pub.ID); len(pubd) != 1 {
		t.Error("the approved answer is not public")
	}
	e.login = owner
	in = e.must(200, "GET", "/api/v1/inbox?unread=1", nil)
	if msgs, _ := in["messages"].([]any); len(msgs) != 2 || msgs[0].(obj)["subject"] != "答复已审核同意："+o.Ref {
		t.Errorf("the owner's inbox: %v", in)
	}
}
