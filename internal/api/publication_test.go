package api_test

import (
	"context"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestPublicationReview: drafted through the API, a report answers its
// warnings and has no public address; the reviewer returns it with a
// reason (none is refused), the drafter submits it again, and the
// reviewer's approval gives it its address.
func TestPublicationReview(t *testing.T) { backends(t, testPublicationReview) }

func testPublicationReview(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r := &zhenggai.Round{Unit: "某单位", Inspector: "县委第一巡察组", Kind: zhenggai.KindInspection,
		Declared: zhenggai.Declared{Problems: 2}}
	if err := e.st.CreateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	if err := e.st.CreateCategory(ctx, c); err != nil {
		t.Fatal(err)
	}
	if err := e.st.CreateProblem(ctx, &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "会议记录不规范"}); err != nil {
		t.Fatal(err)
	}
	e.must(422, "POST", path("/api/v1/rounds/%d/publications", r.ID), obj{"as_of": ""})
	out := e.must(201, "POST", path("/api/v1/rounds/%d/publications", r.ID), obj{"as_of": "2024-05-31"})
	id := num(out["id"])
	w := arr(out["warnings"])
	if out["state"] != "draft" || out["url"] != nil || len(w) != 1 || w[0] != "与公布的总数不符：公布具体问题2个，逐项统计为1个" {
		t.Fatalf("draft: %v", out)
	}
	e.must(403, "POST", path("/api/v1/publications/%d/approve", id), nil) // his own draft
	e.must(200, "POST", path("/api/v1/publications/%d/submit", id), nil)
	reviewer := *e
	reviewer.login = testkit.Principal(t, e.st, "某单位", "主要负责人甲")
	reviewer.must(422, "POST", path("/api/v1/publications/%d/return", id), obj{"reason": ""})
	out = reviewer.must(200, "POST", path("/api/v1/publications/%d/return", id), obj{"reason": "请核对具体问题数"})
	if out["state"] != "returned" || out["return_reason"] != "请核对具体问题数" {
		t.Fatalf("returned: %v", out)
	}
	reviewer.must(409, "POST", path("/api/v1/publications/%d/approve", id), nil)
	e.must(200, "POST", path("/api/v1/publications/%d/submit", id), nil)
	out = reviewer.must(200, "POST", path("/api/v1/publications/%d/approve", id), nil)
	if out["state"] != "published" || out["url"] != path("/public/reports/%d", id) || out["approved_by"] != "主要负责人甲" || num(out["seq"]) != 1 {
		t.Fatalf("approved: %v", out)
	}
}

// TestAcceptRecorded: the office above accepts an imported round's
// 原台账记载 problems through the API, with a reason; without one, 422;
// the unit's own administrator may not; nothing left, 409.
func TestAcceptRecorded(t *testing.T) { backends(t, testAcceptRecorded) }

func testAcceptRecorded(t *testing.T, e *env) {
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := &zhenggai.Unit{Name: "县委巡察办"}
	if err := e.st.SaveUnit(ctx, office); err != nil {
		t.Fatal(err)
	}
	if err := e.st.SaveUnit(ctx, &zhenggai.Unit{Name: "某单位", ParentID: office.ID}); err != nil {
		t.Fatal(err)
	}
	r, err := e.st.ImportRound(ctx, &zhenggai.Imported{
		Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "某单位", Kind: zhenggai.KindInspection},
		Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
			{Seq: 1, Title: "会议记录不规范", Measures: []zhenggai.ImportedMeasure{{Content: "规范记录", Status: zhenggai.Completed}}},
			{Seq: 2, Title: "档案不全", Measures: []zhenggai.ImportedMeasure{{Content: "补齐档案", Status: zhenggai.BasicallyCompleted}}},
		}}},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	out := e.must(200, "GET", path("/api/v1/rounds/%d/problems", r.ID), nil)
	if ps := arr(out["problems"]); len(ps) != 2 || m(ps[0])["recorded_status"] != "completed" || m(ps[0])["close_state"] != "" {
		t.Fatalf("problems: %v", out)
	}
	clerk := *e
	clerk.login = testkit.SignIn(t, e.st, zhenggai.RoleUnitAdmin, "某单位", "办公室甲")
	clerk.must(403, "POST", path("/api/v1/rounds/%d/recorded/accept", r.ID), obj{"reason": "自己验收"})
	sup := *e
	sup.login = testkit.SignIn(t, e.st, zhenggai.RoleSupervisor, "县委巡察办", "巡察办甲")
	sup.must(422, "POST", path("/api/v1/rounds/%d/recorded/accept", r.ID), obj{"reason": ""})
	out = sup.must(200, "POST", path("/api/v1/rounds/%d/recorded/accept", r.ID), obj{"reason": "经核对原台账，整改已完成"})
	steps := arr(out["steps"])
	// 基本完成 as recorded is not done: only problem 1 is accepted.
	if num(out["accepted"]) != 1 || len(steps) != 1 || m(steps[0])["action"] != "accept_recorded" || m(steps[0])["reason"] != "经核对原台账，整改已完成" {
		t.Fatalf("accepted: %v", out)
	}
	sup.must(409, "POST", path("/api/v1/rounds/%d/recorded/accept", r.ID), obj{"reason": "再验收"})
}
