package ui_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
	"zhenggai/internal/xlsx"

	"github.com/xuri/excelize/v2"
)

// TestRecordedStatusPages: a problem an imported ledger recorded as done
// shows 原台账记载 on its page and in the ledger, and waits on the
// office's acceptance page; the unit's office cannot accept it; the
// office above accepts the checked ones with a reason (none is refused),
// after which they are closed and leave the queue.
func TestRecordedStatusPages(t *testing.T) {
	testkit.EachBackend(t, func(t *testing.T, env *testkit.Env) {
		st := env.Store
		ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
		office := &zhenggai.Unit{Name: "县委巡察办"}
		if err := st.SaveUnit(ctx, office); err != nil {
			t.Fatal(err)
		}
		unit := &zhenggai.Unit{Name: "某单位", ParentID: office.ID}
		if err := st.SaveUnit(ctx, unit); err != nil {
			t.Fatal(err)
		}
		r, err := st.ImportRound(ctx, &zhenggai.Imported{
			Round: zhenggai.ImportedRound{Inspector: "县委第二巡察组", Unit: "某单位", Kind: zhenggai.KindInspection,
				FeedbackDate: zhenggai.NewDate(2019, 7, 1)},
			Categories: []zhenggai.ImportedCategory{{Seq: 1, Title: "类别", Problems: []zhenggai.ImportedProblem{
				{Seq: 1, Title: "会议记录不规范", Measures: []zhenggai.ImportedMeasure{{Content: "规范记录", Status: zhenggai.Completed}}},
				{Seq: 2, Title: "档案不全", Measures: []zhenggai.ImportedMeasure{{Content: "补齐档案", Status: zhenggai.Completed}}},
			}}},
		}, "")
		if err != nil {
			t.Fatal(err)
		}
		probs, _ := st.Problems(ctx, r.ID)
		srv := env.Serve(t, nil)
		client := func(l *testkit.Login) *http.Client {
			return &http.Client{Jar: testkit.Jar(t, srv.URL, l),
				CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		}
		do := func(c *http.Client, path string, v url.Values) (int, string) {
			t.Helper()
			var resp *http.Response
			var err error
			if v == nil {
				resp, err = c.Get(srv.URL + path)
			} else {
				resp, err = c.PostForm(srv.URL+path, v)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		clerk := client(testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "某单位", "办公室甲"))
		sup := client(testkit.SignIn(t, st, zhenggai.RoleSupervisor, "县委巡察办", "巡察办甲"))

		for _, path := range []string{fmt.Sprintf("/problems/%d", probs[0].ID), fmt.Sprintf("/rounds/%d/ledger", r.ID)} {
			if code, body := do(clerk, path, nil); code != 200 || !strings.Contains(body, "原台账记载：已完成") {
				t.Errorf("%s does not show the recorded status: %d", path, code)
			}
		}
		if _, body := do(clerk, fmt.Sprintf("/problems/%d", probs[0].ID), nil); !strings.Contains(body, "未申请销号") {
			t.Error("the recorded problem shows as closed")
		}
		_, body := do(sup, "/acceptance", nil)
		if !strings.Contains(body, `id="recorded-`) || !strings.Contains(body, "1.会议记录不规范") || !strings.Contains(body, "按原台账记载验收销号") {
			t.Fatalf("the office's queue lacks the recorded problems:\n%s", excerptOf(body))
		}
		accept := fmt.Sprintf("/rounds/%d/recorded/accept", r.ID)
		if code, _ := do(clerk, accept, url.Values{"problem_id": {fmt.Sprint(probs[0].ID)}, "reason": {"自己验收"}}); code != http.StatusForbidden {
			t.Errorf("the unit's office accepting: %d, want 403", code)
		}
		if code, body := do(sup, accept, url.Values{"problem_id": {fmt.Sprint(probs[0].ID)}}); code != 422 || !strings.Contains(body, "请填写验收理由") {
			t.Errorf("accepting without a reason: %d", code)
		}
		if code, _ := do(sup, accept, url.Values{"problem_id": {fmt.Sprint(probs[0].ID)}, "reason": {"经核对原台账，整改已完成"}}); code != http.StatusSeeOther {
			t.Fatalf("accepting: %d", code)
		}
		p, _ := st.Problem(ctx, probs[0].ID)
		steps, _ := st.CloseSteps(ctx, p.ID)
		if p.CloseState != zhenggai.CloseAccepted || len(steps) != 1 || steps[0].Reason != "经核对原台账，整改已完成" || steps[0].By != "巡察办甲" {
			t.Errorf("after acceptance: %s %+v", p.CloseState, steps)
		}
		_, body = do(sup, "/acceptance", nil)
		if strings.Contains(body, "1.会议记录不规范") || !strings.Contains(body, "2.档案不全") {
			t.Errorf("the queue after accepting problem 1:\n%s", excerptOf(body))
		}
		if _, body := do(clerk, fmt.Sprintf("/problems/%d", probs[0].ID), nil); strings.Contains(body, "原台账记载：") ||
			!strings.Contains(body, "巡察办按原台账记载验收销号") {
			t.Errorf("the accepted problem's page:\n%s", excerptOf(body))
		}
	})
}

// TestImportPreviewShowsRecorded: a report whose table has a 完成情况
// column previews each problem's recorded status, and once imported the
// round's page counts them while none is closed.
func TestImportPreviewShowsRecorded(t *testing.T) {
	e := newFormEnv(t)
	text, err := os.ReadFile("../textimport/testdata/wild/w43-sections-attachment.txt")
	if err != nil {
		t.Fatal(err)
	}
	resp, body := e.postMultipart("/import", url.Values{"text": {string(text)}})
	wantStatus(t, resp, body, 200)
	if n := strings.Count(body, "原台账记载：已完成"); n != 3 || !strings.Contains(body, "原台账记载：正在整改") {
		t.Errorf("preview shows %d problems recorded as done:\n%s", n, excerptOf(body))
	}
	resp, body = e.postMultipart("/import", url.Values{"text": {string(text)}, "confirm": {"1"}, "unit_parent": {e.office}})
	wantStatus(t, resp, body, http.StatusSeeOther)
	rounds, err := e.st.Rounds(context.Background())
	if err != nil || len(rounds) != 1 {
		t.Fatalf("rounds: %v %v", rounds, err)
	}
	l, err := e.st.Ledger(context.Background(), rounds[0].ID, zhenggai.NewDate(2024, 10, 8))
	if err != nil {
		t.Fatal(err)
	}
	if c := l.Summary.ProblemCounts; c[zhenggai.Completed] != 3 || c[zhenggai.InProgress] != 1 {
		t.Errorf("counts %v", c)
	}
	for _, c := range l.Categories {
		for _, p := range c.Problems {
			if p.CloseState != zhenggai.CloseOpen {
				t.Errorf("problem %d imported as closed: %s", p.Seq, p.CloseState)
			}
		}
	}
	_, body = e.get(fmt.Sprintf("/rounds/%d/ledger", rounds[0].ID))
	if n := strings.Count(body, "原台账记载：已完成"); n != 3 {
		t.Errorf("the ledger shows %d problems recorded as done", n)
	}
	// The Excel ledger says so in 备注, and reads back without a warning.
	_, file := e.get(fmt.Sprintf("/rounds/%d/ledger.xlsx", rounds[0].ID))
	wb, err := excelize.OpenReader(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := wb.GetRows(wb.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for _, r := range rows {
		if len(r) > 10 && strings.Contains(r[10], "原台账记载") {
			marked++
		}
	}
	if marked != 4 {
		t.Errorf("%d rows of the Excel ledger say 原台账记载, want 4 (3 done, 1 in progress)", marked)
	}
	im, err := xlsx.Parse(context.Background(), strings.NewReader(file))
	if err != nil || len(im.Warnings) != 0 {
		t.Errorf("the exported ledger reads back with %v, warnings %q", err, im.Warnings)
	}
	// The report counts them as the ledger does.
	_, body = e.get(fmt.Sprintf("/rounds/%d/report?date=2024-10-08", rounds[0].ID))
	if !strings.Contains(body, "已完成整改3个") {
		t.Errorf("the report's totals do not count what was recorded:\n%s", excerptOf(body))
	}
}
