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
	"zhenggai/internal/sample"
	"zhenggai/internal/testkit"
)

// TestVoidPages: the unit's office voids a measure on the problem's page
// (not without a reason), finds it on the round's 已作废 list with who,
// when and why, and restores it; a leader sees no 作废 button and is
// refused; a record under an accepted problem is refused saying so; a
// voided round is found and restored on its 已作废 list.
func TestVoidPages(t *testing.T) { testkit.EachBackend(t, testVoidPages) }

func testVoidPages(t *testing.T, env *testkit.Env) {
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	office := &zhenggai.Unit{Name: "市委巡察办"}
	must(st.SaveUnit(ctx, office))
	must(st.SaveUnit(ctx, &zhenggai.Unit{Name: "甲单位", ParentID: office.ID}))
	sum, size, err := env.Files.Put(strings.NewReader("制度文本"))
	must(err)
	// problem makes a round with one problem, one measure, one progress
	// entry with a file.
	problem := func(title string) (*zhenggai.Round, *zhenggai.Problem, *zhenggai.Measure) {
		r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
		must(st.CreateRound(ctx, r))
		c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
		must(st.CreateCategory(ctx, c))
		p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: title}
		must(st.CreateProblem(ctx, p))
		m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立档案管理制度", Leader: "向建国", Owner: "覃丽",
			Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress, Deadline: zhenggai.NewDate(2020, 10, 20)}
		must(st.CreateMeasure(ctx, m))
		must(st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "已印发制度",
			Files: []zhenggai.Attachment{{Name: "制度.pdf", SHA256: sum, Size: size, ContentType: "application/pdf"}}}, 0))
		return r, p, m
	}
	r, p, m := problem("档案管理不规范")
	_, closed, closedM := problem("已销号的问题")
	for _, a := range []zhenggai.CloseAction{zhenggai.CloseRequest, zhenggai.CloseApprove} {
		_, err := st.CloseMeasure(ctx, closedM.ID, a, "某人", "")
		must(err)
	}
	_, err = st.CloseProblem(ctx, closed.ID, zhenggai.CloseAccept, "巡察办", "")
	must(err)

	now := func() time.Time { return time.Date(2020, 10, 28, 10, 0, 0, 0, zhenggai.Shanghai) }
	srv := env.Serve(t, now)
	unitAdmin := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室")
	leader := testkit.SignIn(t, st, zhenggai.RoleLeader, "甲单位", "向建国")
	// do sends a request as l, following redirects (the flash with them),
	// and gives the status and the page it ends on.
	do := func(l *testkit.Login, method, path string, v url.Values) (int, string) {
		t.Helper()
		c := &http.Client{Jar: testkit.Jar(t, srv.URL, l)}
		var resp *http.Response
		var err error
		if method == http.MethodPost {
			resp, err = c.PostForm(srv.URL+path, v)
		} else {
			resp, err = c.Get(srv.URL + path)
		}
		must(err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	page := func(l *testkit.Login, path string) string {
		t.Helper()
		code, body := do(l, http.MethodGet, path, nil)
		if code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, code)
		}
		return body
	}
	prob := fmt.Sprintf("/problems/%d", p.ID)
	list := fmt.Sprintf("/rounds/%d/voided", r.ID)
	voidM := fmt.Sprintf("/measures/%d/void", m.ID)
	card := fmt.Sprintf(`id="measure-%d"`, m.ID)

	body := page(unitAdmin, prob)
	for _, want := range []string{`action="` + prob + `/void"`, `action="` + voidM + `"`, `action="/progress/`, `action="/files/`} {
		if !strings.Contains(body, want) {
			t.Errorf("the office's problem page lacks %s", want)
		}
	}
	if !strings.Contains(page(unitAdmin, fmt.Sprintf("/rounds/%d/tree", r.ID)), fmt.Sprintf(`action="/categories/%d/void"`, p.CategoryID)) ||
		!strings.Contains(page(unitAdmin, fmt.Sprintf("/rounds/%d", r.ID)), fmt.Sprintf(`action="/rounds/%d/void"`, r.ID)) {
		t.Error("the tree has no 作废 for its category, or the overview none for the round")
	}
	if body := page(leader, fmt.Sprintf("/rounds/%d/tree", r.ID)); strings.Contains(body, "/void") {
		t.Error("a leader is offered 作废 on the tree")
	}
	if body := page(leader, prob); strings.Contains(body, "/void") {
		t.Error("a leader is offered 作废")
	}
	if code, _ := do(leader, http.MethodPost, voidM, url.Values{"reason": {"重复录入"}}); code != http.StatusForbidden {
		t.Errorf("a leader voids a measure: %d, want 403", code)
	}

	// No reason: refused as such, the measure stays.
	code, body := do(unitAdmin, http.MethodPost, voidM, url.Values{"reason": {"  "}})
	if code != http.StatusOK || !strings.Contains(body, `class="flash refused"`) || !strings.Contains(body, "未能作废该整改措施：") ||
		!strings.Contains(body, "作废理由") || !strings.Contains(body, card) {
		t.Errorf("voiding without a reason: %d, want the problem page with a refusal naming 作废理由 and the measure: %s", code, shownFlash(body))
	}
	code, body = do(unitAdmin, http.MethodPost, voidM, url.Values{"reason": {"重复录入"}})
	if code != http.StatusOK || !strings.Contains(body, "已作废该整改措施。") || strings.Contains(body, "flash refused") || strings.Contains(body, card) {
		t.Errorf("voiding the measure: %d, flash %q, measure still shown: %v", code, shownFlash(body), strings.Contains(body, card))
	}

	// The list: the measure with who, why; its progress went with it.
	body = page(unitAdmin, list)
	for _, want := range []string{"整改措施", "建立档案管理制度", "办公室", "重复录入", "2020年10月28日",
		fmt.Sprintf(`action="/measures/%d/restore"`, m.ID), "随上级一并作废", "已印发制度"} {
		if !strings.Contains(body, want) {
			t.Errorf("the 已作废 list lacks %q", want)
		}
	}
	if body := page(leader, list); !strings.Contains(body, "建立档案管理制度") || strings.Contains(body, "/restore") {
		t.Error("a leader's 已作废 list: the measure missing, or a 恢复 button shown")
	}
	if !strings.Contains(page(unitAdmin, fmt.Sprintf("/rounds/%d", r.ID)), `href="`+list+`"`) {
		t.Error("the round overview has no link to its 已作废 list")
	}

	// Restored by the unit's office: back on the problem page.
	code, body = do(unitAdmin, http.MethodPost, fmt.Sprintf("/measures/%d/restore", m.ID), nil)
	if code != http.StatusOK || !strings.Contains(body, "已恢复该整改措施。") || strings.Contains(body, "建立档案管理制度") {
		t.Errorf("restoring: %d, flash %q", code, shownFlash(body))
	}
	if body := page(unitAdmin, prob); !strings.Contains(body, card) || !strings.Contains(body, "已印发制度") {
		t.Error("the restored measure or its progress is not on the problem page")
	}
	if code, body = do(unitAdmin, http.MethodPost, fmt.Sprintf("/measures/%d/restore", m.ID), nil); !strings.Contains(body, "没有作废") {
		t.Errorf("restoring a live measure: %d, flash %q", code, shownFlash(body))
	}

	// Under an accepted problem: refused with the reason.
	code, body = do(unitAdmin, http.MethodPost, fmt.Sprintf("/measures/%d/void", closedM.ID), url.Values{"reason": {"重复录入"}})
	if code != http.StatusConflict || !strings.Contains(body, "已验收销号并锁定，不能作废") {
		t.Errorf("voiding under an accepted problem: %d, want 409 saying it is locked", code)
	}
	if body := page(unitAdmin, fmt.Sprintf("/problems/%d", closed.ID)); strings.Contains(body, "/void") {
		t.Error("an accepted problem's page offers 作废")
	}

	// The round: voided, it leaves the list of rounds, its 已作废 page
	// is where it is restored.
	code, body = do(unitAdmin, http.MethodPost, fmt.Sprintf("/rounds/%d/void", r.ID), url.Values{"reason": {"重复导入"}})
	if code != http.StatusOK || !strings.Contains(body, `id="round-voided"`) || !strings.Contains(body, fmt.Sprintf(`action="/rounds/%d/restore"`, r.ID)) {
		t.Errorf("voiding the round: %d, flash %q", code, shownFlash(body))
	}
	if code, body := do(unitAdmin, http.MethodGet, fmt.Sprintf("/rounds/%d", r.ID), nil); code != http.StatusNotFound ||
		!strings.Contains(body, "该巡察轮次已作废") || !strings.Contains(body, list) {
		t.Errorf("a voided round's overview: %d, not saying where it is restored", code)
	}
	code, body = do(unitAdmin, http.MethodPost, fmt.Sprintf("/rounds/%d/restore", r.ID), nil)
	if code != http.StatusOK || !strings.Contains(body, "已恢复该巡察轮次。") || !strings.Contains(body, "整改总览") {
		t.Errorf("restoring the round: %d, flash %q", code, shownFlash(body))
	}
}

// shownFlash is the flash message of a page, for failures.
func shownFlash(page string) string {
	_, f, ok := strings.Cut(page, `class="flash`)
	if !ok {
		return ""
	}
	f, _, _ = strings.Cut(f, "</p>")
	return f
}

// TestImportVoidsEarlier: a report imported again is warned of on its
// preview, which offers to void the earlier round; confirmed with that
// box ticked, the new round is saved and the earlier one voided for the
// reason 重复导入, listed on its 已作废 page.
func TestImportVoidsEarlier(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	confirm := url.Values{"text": {sample.Sangzhi}, "confirm": {"1"}, "unit_parent": {e.office}}
	resp, body := e.postMultipart("/import", confirm)
	wantRedirect(t, resp, body, "/rounds/1")
	_, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}})
	if !strings.Contains(body, "该报告可能已经导入过") || !strings.Contains(body, `name="void_earlier"`) ||
		!strings.Contains(body, "导入后作废此前导入的轮次（理由：重复导入）") {
		t.Fatal("the preview of a report imported before does not offer to void the earlier round")
	}
	confirm.Set("void_earlier", "1")
	resp, body = e.postMultipart("/import", confirm)
	wantRedirect(t, resp, body, "/rounds/2")
	if f := flashOf(t, resp); !strings.Contains(f, "已导入：14个问题") || !strings.Contains(f, "已作废此前导入的1个轮次（理由：重复导入）") {
		t.Errorf("flash %q", f)
	}
	if _, err := e.st.Round(ctx, 1); zhenggai.ErrorCode(err) != zhenggai.ENOTFOUND {
		t.Errorf("the earlier round is still live: %v", err)
	}
	if _, err := e.st.Round(ctx, 2); err != nil {
		t.Errorf("the new round: %v", err)
	}
	resp, body = e.get("/rounds/1/voided")
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, `id="round-voided"`) || !strings.Contains(body, "重复导入") || !strings.Contains(body, `action="/rounds/1/restore"`) {
		t.Error("the earlier round's 已作废 page does not list it with its reason and 恢复")
	}
	// The next preview names the new round only: a voided one is gone.
	if _, body = e.postMultipart("/import", url.Values{"text": {sample.Sangzhi}}); !strings.Contains(body, `href="/rounds/2"`) ||
		strings.Contains(body, `href="/rounds/1"`) {
		t.Error("the preview names the voided round, or not the new one")
	}
}
