package httpd_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/httpd"
	"zhenggai/internal/testkit"
)

// TestLockedRecordsSayWhy sends every write route of the route table
// that names a problem or a measure, on the API and on the pages, to a
// problem accepted (closed and locked) and to one submitted to the office
// (waiting for acceptance), with a request that would be valid on an open
// problem. Each answers 409 saying locked or waiting, never a duplicate
// number or "modified by someone else", and nothing is written.
func TestLockedRecordsSayWhy(t *testing.T) {
	testkit.EachBackend(t, testLockedRecordsSayWhy)
}

// lockedCase is a problem in one closing state with one of its measures.
type lockedCase struct {
	state   string // accepted, submitted
	problem *zhenggai.Problem
	measure *zhenggai.Measure
	want    string // what the refusal says
	// allowed are the write routes the state lets through: the way out
	// of it. They are not sent, so that the state stays.
	allowed map[string]bool
}

func testLockedRecordsSayWhy(t *testing.T, env *testkit.Env) {
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := &zhenggai.Unit{Name: "市委巡察办"}
	must(t, st.SaveUnit(ctx, office))
	must(t, st.SaveUnit(ctx, &zhenggai.Unit{Name: "甲单位", ParentID: office.ID}))
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	must(t, st.CreateRound(ctx, r))
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	must(t, st.CreateCategory(ctx, c))
	sum, size, err := env.Files.Put(strings.NewReader("制度文本"))
	must(t, err)
	// A problem whose every measure was asked and approved: submitted to
	// the office; the first one then accepted.
	closed := func(seq int) (*zhenggai.Problem, *zhenggai.Measure) {
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: seq, Title: fmt.Sprintf("问题%d", seq)}
		must(t, st.CreateProblem(ctx, p))
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立制度", Leader: "向建国", Owner: "覃丽",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress, Deadline: zhenggai.NewDate(2020, 10, 20)}
		must(t, st.CreateMeasure(ctx, m))
		must(t, st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "已印发",
			Files: []zhenggai.Attachment{{Name: "制度.pdf", SHA256: sum, Size: size, ContentType: "application/pdf"}}}, 0))
		for _, a := range []zhenggai.CloseAction{zhenggai.CloseRequest, zhenggai.CloseApprove} {
			_, err := st.CloseMeasure(ctx, m.ID, a, "某人", "")
			must(t, err)
		}
		return p, m
	}
	p1, m1 := closed(1)
	_, err = st.CloseProblem(ctx, p1.ID, zhenggai.CloseAccept, "巡察办", "")
	must(t, err)
	p2, m2 := closed(2)
	cases := []*lockedCase{
		{state: "accepted", problem: p1, measure: m1, want: "锁定",
			allowed: map[string]bool{"POST /problems/{id}/close/reopen": true, "POST /api/v1/problems/{id}/close/reopen": true}},
		{state: "submitted", problem: p2, measure: m2, want: "等待验收",
			allowed: map[string]bool{"POST /problems/{id}/close/accept": true, "POST /problems/{id}/close/reject": true,
				"POST /api/v1/problems/{id}/close/accept": true, "POST /api/v1/problems/{id}/close/reject": true}},
	}
	admin := testkit.Admin(t, st)
	now := func() time.Time { return time.Date(2020, 10, 28, 10, 0, 0, 0, zhenggai.Shanghai) }
	srv := env.Serve(t, now)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	entries := func() int64 {
		rep, err := st.VerifyAudit(ctx)
		must(t, err)
		return rep.Entries
	}
	before := entries()

	for _, lc := range cases {
		for _, rt := range httpd.Routes() {
			method, path, _ := strings.Cut(rt.Pattern, " ")
			if method == http.MethodGet || rt.On != "problem" && rt.On != "measure" || lc.allowed[rt.Pattern] {
				continue
			}
			id := lc.problem.ID
			if rt.On == "measure" {
				id = lc.measure.ID
			}
			path = strings.ReplaceAll(path, "{id}", fmt.Sprint(id))
			body, ctype, ok := lockedBody(rt.Pattern, lc, c.ID)
			if !ok {
				t.Errorf("%s: this test has no valid request for the route: add one", rt.Pattern)
				continue
			}
			req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
			must(t, err)
			req.Header.Set("Content-Type", ctype)
			if rt.API {
				admin.Bearer(req)
			} else {
				req.AddCookie(admin.Cookie)
			}
			resp, err := client.Do(req)
			must(t, err)
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			text := refusalText(string(got))
			if rt.API {
				var e struct {
					Error struct{ Code, Message string }
				}
				json.Unmarshal(got, &e)
				text = e.Error.Message
				if e.Error.Code != "locked" {
					t.Errorf("%s on the %s problem: code %q, want %q: %s", rt.Pattern, lc.state, e.Error.Code, "locked", got)
				}
			}
			if resp.StatusCode != http.StatusConflict || !strings.Contains(text, lc.want) {
				t.Errorf("%s on the %s problem: %d, want 409 saying %q: %s", rt.Pattern, lc.state, resp.StatusCode, lc.want, clipBody(text))
			}
			for _, wrong := range []string{"序号", "他人修改"} {
				if strings.Contains(text, wrong) {
					t.Errorf("%s on the %s problem says %q: %s", rt.Pattern, lc.state, wrong, clipBody(text))
				}
			}
		}
	}
	// The problem's edit form says so before anything is typed.
	for _, lc := range cases {
		req, _ := http.NewRequest("GET", srv.URL+fmt.Sprintf("/problems/%d/edit", lc.problem.ID), nil)
		req.AddCookie(admin.Cookie)
		resp, err := client.Do(req)
		must(t, err)
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if _, held, _ := strings.Cut(string(page), `id="held">`); !strings.Contains(held, lc.want) || !strings.Contains(held, "只能改是否公开") {
			t.Errorf("the edit form of the %s problem does not say why: %d", lc.state, resp.StatusCode)
		}
	}
	if after := entries(); after != before {
		t.Errorf("refused requests wrote %d audit entries", after-before)
	}
	for _, lc := range cases {
		p, err := st.Problem(ctx, lc.problem.ID)
		must(t, err)
		if string(p.CloseState) != lc.state {
			t.Errorf("problem %d is %q, want %q", p.ID, p.CloseState, lc.state)
		}
	}
}

// lockedBody is a request to the route that an open problem would take:
// the record's current version, a changed text, a valid status.
func lockedBody(pattern string, lc *lockedCase, category int64) (body, ctype string, ok bool) {
	p, m := lc.problem, lc.measure
	form := func(v url.Values) (string, string, bool) {
		return v.Encode(), "application/x-www-form-urlencoded", true
	}
	js := func(v map[string]any) (string, string, bool) {
		b, _ := json.Marshal(v)
		return string(b), "application/json", true
	}
	measure := map[string]any{"seq": 1, "content": "改写的措施", "leader": "向建国", "owner": "覃丽",
		"deadline": "2020-11-30", "kind": "immediate", "status": "in_progress", "version": m.Version}
	switch pattern {
	case "PUT /api/v1/problems/{id}":
		return js(map[string]any{"category_id": category, "seq": p.Seq, "title": "改写的问题", "version": p.Version})
	case "POST /problems/{id}":
		return form(url.Values{"category_id": {fmt.Sprint(category)}, "seq": {fmt.Sprint(p.Seq)}, "title": {"改写的问题"},
			"version": {fmt.Sprint(p.Version)}})
	case "POST /api/v1/problems/{id}/measures":
		delete(measure, "version")
		measure["seq"] = 2
		return js(measure)
	case "POST /problems/{id}/measures":
		return form(url.Values{"seq": {"2"}, "content": {"新增措施"}, "kind": {"immediate"}, "status": {"not_started"},
			"deadline": {"2020-11-30"}})
	case "PUT /api/v1/measures/{id}":
		return js(measure)
	case "POST /measures/{id}":
		return form(url.Values{"seq": {"1"}, "content": {"改写的措施"}, "kind": {"immediate"}, "status": {"in_progress"},
			"deadline": {"2020-11-30"}, "version": {fmt.Sprint(m.Version)}})
	case "PUT /api/v1/measures/{id}/status":
		return js(map[string]any{"status": "basically_completed", "version": m.Version})
	case "POST /measures/{id}/status":
		return form(url.Values{"status": {"basically_completed"}, "version": {fmt.Sprint(m.Version)}})
	case "POST /api/v1/measures/{id}/progress":
		return js(map[string]any{"date": "2020-10-20", "content": "又有进展", "status": "basically_completed", "measure_version": m.Version})
	case "POST /measures/{id}/progress":
		return form(url.Values{"date": {"2020-10-20"}, "content": {"又有进展"}, "status": {"basically_completed"},
			"measure_version": {fmt.Sprint(m.Version)}})
	case "POST /api/v1/measures/{id}/close/request", "POST /api/v1/measures/{id}/close/approve",
		"POST /api/v1/measures/{id}/close/return", "POST /api/v1/problems/{id}/close/accept",
		"POST /api/v1/problems/{id}/close/reject", "POST /api/v1/problems/{id}/close/reopen":
		return js(map[string]any{"reason": "理由"})
	case "POST /measures/{id}/close/request", "POST /measures/{id}/close/approve", "POST /measures/{id}/close/return",
		"POST /problems/{id}/close/accept", "POST /problems/{id}/close/reject", "POST /problems/{id}/close/reopen":
		return form(url.Values{"reason": {"理由"}})
	case "POST /api/v1/problems/{id}/void", "POST /api/v1/measures/{id}/void":
		return js(map[string]any{"reason": "重复录入"})
	case "POST /api/v1/problems/{id}/restore", "POST /api/v1/measures/{id}/restore":
		return js(map[string]any{})
	case "POST /problems/{id}/void", "POST /measures/{id}/void":
		return form(url.Values{"reason": {"重复录入"}})
	case "POST /problems/{id}/restore", "POST /measures/{id}/restore":
		return form(url.Values{})
	}
	return "", "", false
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// refusalText is the message of a refusal page (refused.html), or the
// page whole when it has none.
func refusalText(page string) string {
	_, msg, ok := strings.Cut(page, `id="refusal">`)
	if !ok {
		return page
	}
	msg, _, _ = strings.Cut(msg, "</p>")
	return msg
}

func clipBody(s string) string {
	if len(s) > 400 {
		s = s[:400]
	}
	return s
}
