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
	"zhenggai/internal/notify"
	"zhenggai/internal/testkit"
)

// TestClosingWalk walks one problem through closing on its page, as the
// browser test will: each person sees only his own step's form, and the
// timeline keeps every step. Then the locked page, the office's list, and
// the inbox with its count in the header.
func TestClosingWalk(t *testing.T) {
	env := testkit.Open(t)
	st := env.Store
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	office := &zhenggai.Unit{Name: "市委巡察办"}
	st.SaveUnit(ctx, office)
	unit := &zhenggai.Unit{Name: "甲单位", ParentID: office.ID}
	st.SaveUnit(ctx, unit)
	r := &zhenggai.Round{Unit: "甲单位", Inspector: "市委第一巡察组", Kind: zhenggai.KindInspection}
	st.CreateRound(ctx, r)
	c := &zhenggai.Category{RoundID: r.ID, Seq: 1, Title: "类别"}
	st.CreateCategory(ctx, c)
	p := &zhenggai.Problem{CategoryID: c.ID, Seq: 1, Title: "档案管理不规范"}
	st.CreateProblem(ctx, p)
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立档案管理制度", Leader: "向建国", Owner: "覃丽",
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress, Deadline: zhenggai.NewDate(2020, 10, 20)}
	if err := st.CreateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	sum, size, _ := env.Files.Put(strings.NewReader("制度文本"))
	if err := st.AddProgress(ctx, &zhenggai.Progress{MeasureID: m.ID, Date: zhenggai.NewDate(2020, 9, 1), Content: "已印发制度",
		Files: []zhenggai.Attachment{{Name: "制度.pdf", SHA256: sum, Size: size, ContentType: "application/pdf"}}}, 0); err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return time.Date(2020, 10, 28, 10, 0, 0, 0, zhenggai.Shanghai) }
	srv := env.Serve(t, now)
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽")
	leader := testkit.SignIn(t, st, zhenggai.RoleLeader, "甲单位", "向建国")
	office1 := testkit.SignIn(t, st, zhenggai.RoleSupervisor, "市委巡察办", "巡察办干部")
	unitAdmin := testkit.SignIn(t, st, zhenggai.RoleUnitAdmin, "甲单位", "办公室")
	noRedirect := func(l *testkit.Login) *http.Client {
		return &http.Client{Jar: testkit.Jar(t, srv.URL, l), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	get := func(l *testkit.Login, path string) string {
		t.Helper()
		resp, err := noRedirect(l).Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	post := func(l *testkit.Login, path string, v url.Values) int {
		t.Helper()
		resp, err := noRedirect(l).PostForm(srv.URL+path, v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	prob := fmt.Sprintf("/problems/%d", p.ID)
	forms := func(l *testkit.Login) []string {
		body := get(l, prob)
		var out []string
		for _, a := range []string{"request-close", "approve-close", "return-close", "accept-close", "reject-close", "reopen"} {
			if strings.Contains(body, `data-action="`+a+`"`) {
				out = append(out, a)
			}
		}
		return out
	}
	offers := func(who string, l *testkit.Login, want ...string) {
		t.Helper()
		if got := forms(l); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s is offered %v, want %v", who, got, want)
		}
	}

	offers("owner", owner, "request-close")
	offers("leader before the request", leader)
	offers("office before the request", office1)
	if code := post(leader, fmt.Sprintf("/measures/%d/close/request", m.ID), nil); code != 403 {
		t.Errorf("the leader asks to close: %d", code)
	}
	if code := post(owner, fmt.Sprintf("/measures/%d/close/request", m.ID), nil); code != 303 {
		t.Fatalf("request: %d", code)
	}
	offers("owner after his request", owner)
	offers("leader", leader, "approve-close", "return-close")
	if code := post(leader, fmt.Sprintf("/measures/%d/close/approve", m.ID), nil); code != 303 {
		t.Fatalf("approve: %d", code)
	}
	offers("office", office1, "accept-close", "reject-close")
	if list := get(office1, "/acceptance"); !strings.Contains(list, "档案管理不规范") {
		t.Error("the office's list lacks the submitted problem")
	}
	if code := post(office1, prob+"/close/accept", nil); code != 303 {
		t.Fatalf("accept: %d", code)
	}
	body := get(office1, prob)
	for _, want := range []string{"已验收销号（已锁定）", "申请销号", "责任领导同意销号", "报巡察办验收", "巡察办验收通过，销号", "巡察办干部", "已完成"} {
		if !strings.Contains(body, want) {
			t.Errorf("closed problem page lacks %q", want)
		}
	}
	if list := get(office1, "/acceptance"); strings.Contains(list, "档案管理不规范") {
		t.Error("an accepted problem is still waiting")
	}
	// Locked: no report, status or edit on the page; the route refuses too.
	if owned := get(owner, prob); strings.Contains(owned, "/progress/new") || strings.Contains(owned, `action="/measures/`) {
		t.Error("the owner is offered changes on a closed problem")
	}
	if code := post(unitAdmin, fmt.Sprintf("/measures/%d/status", m.ID), url.Values{"status": {"in_progress"}, "version": {"9"}}); code != 409 {
		t.Errorf("status change on a closed problem: %d", code)
	}
	offers("unit admin", unitAdmin, "reopen")
	if code := post(unitAdmin, prob+"/close/reopen", url.Values{"reason": {"成效反弹"}}); code != 303 {
		t.Fatalf("reopen: %d", code)
	}
	if !strings.Contains(get(unitAdmin, prob), "成效反弹") {
		t.Error("the reopening's reason is not on the timeline")
	}

	// The office's answers came back to the owner: accepted, then reopened.
	if inbox := get(owner, "/inbox"); !strings.Contains(inbox, "已验收销号：具体问题1") || !strings.Contains(inbox, "已重新打开：具体问题1") ||
		!strings.Contains(inbox, "成效反弹") {
		t.Errorf("the owner was not told of the acceptance and the reopening: %s", inbox)
	}
	if code := post(owner, "/inbox/read", url.Values{"id": {"all"}}); code != 303 {
		t.Fatalf("read all: %d", code)
	}

	// The inbox: a warning reaches the owner; the header counts it.
	if !strings.Contains(get(owner, "/tasks"), `id="inbox-link"`) || strings.Contains(get(owner, "/tasks"), `id="unread-count"`) {
		t.Fatal("header before any unread message")
	}
	if res, err := notify.Dispatch(ctx, st, nil, now()); err != nil || res.Messages != 2 { // red: the owner and the leader
		t.Fatalf("dispatch: %+v %v", res, err)
	}
	if home := get(owner, "/tasks"); !strings.Contains(home, `<span class="count" id="unread-count">1</span>`) {
		t.Error("the header does not count the new message")
	}
	inbox := get(owner, "/inbox")
	if !strings.Contains(inbox, "红色预警：问题1措施1已超过整改时限") {
		t.Errorf("inbox lacks the warning")
	}
	if code := post(owner, "/inbox/read", url.Values{"id": {"all"}}); code != 303 {
		t.Fatalf("read all: %d", code)
	}
	if home := get(owner, "/tasks"); strings.Contains(home, `id="unread-count"`) {
		t.Error("the header still counts a read message")
	}
	mine, err := st.Inbox(ctx, owner.User.ID, false, 10)
	if err != nil || len(mine) == 0 {
		t.Fatalf("owner's inbox: %v %v", mine, err)
	}
	if code := post(leader, "/inbox/read", url.Values{"id": {fmt.Sprint(mine[0].ID)}}); code != 404 {
		t.Errorf("reading another's message: %d", code)
	}
	// The leader was told of the owner's request when it was made.
	if !strings.Contains(get(leader, "/inbox"), "请审核销号申请：具体问题1的措施") {
		t.Error("the leader's inbox lacks the closing request")
	}
}
