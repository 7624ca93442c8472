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
	"time"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestRefusalIsShownAsRefusal: a closing step the store refuses (a return
// without its reason, a request the leader must approve first) comes back
// as a refusal, in the alert style and not the green "done" box, in one
// sentence that says what was refused and why: no "输入有误", no doubled
// full stop, no "未能措施1：…：…".
func TestRefusalIsShownAsRefusal(t *testing.T) {
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
	m := &zhenggai.Measure{ProblemID: p.ID, Seq: 1, Content: "建立档案管理制度", Leader: "向建国", Owner: "覃丽",
		Kind: zhenggai.MeasureImmediate, Status: zhenggai.InProgress}
	if err := st.CreateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, func() time.Time { return time.Date(2020, 10, 28, 10, 0, 0, 0, zhenggai.Shanghai) })
	owner := testkit.SignIn(t, st, zhenggai.RoleResponsible, "甲单位", "覃丽")
	client := &http.Client{Jar: testkit.Jar(t, srv.URL, owner)}
	// Asking to close a measure without any evidence is refused.
	resp, err := client.PostForm(srv.URL+fmt.Sprintf("/measures/%d/close/request", m.ID), url.Values{})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	body := string(b)
	flash := regexp.MustCompile(`<p class="flash[^"]*"[^>]*>([^<]*)</p>`).FindStringSubmatch(body)
	if flash == nil {
		t.Fatalf("no message after a refused step:\n%s", excerptOf(body))
	}
	if !strings.Contains(flash[0], `class="flash refused" role="alert"`) {
		t.Errorf("a refusal shown as done: %s", flash[0])
	}
	msg := flash[1]
	if !strings.HasPrefix(msg, "第1项措施未能申请销号：") || strings.Count(msg, "。") != 1 || !strings.HasSuffix(msg, "。") ||
		strings.Contains(msg, "输入有误") || strings.Contains(msg, "未能措施") {
		t.Errorf("refusal %q: want one sentence saying what was refused and why", msg)
	}
}

func TestRefusalSentence(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"须先上传佐证材料。", "须先上传佐证材料。"},
		{"须先上传佐证材料", "须先上传佐证材料。"},
		{"须先上传佐证材料；", "须先上传佐证材料。"},
		{"是否确认？", "是否确认？"},
		{"", ""},
	} {
		if got := zhenggai.Sentence(tt.in); got != tt.want {
			t.Errorf("Sentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMeasureFormTellsEverything: the measure form refuses 长期坚持
// without mechanism and period together with the other mistakes.
func TestMeasureFormTellsEverything(t *testing.T) {
	e := newFormEnv(t)
	_, _, p, _ := e.seed()
	resp, body := e.post(fmt.Sprintf("/problems/%d/measures", p.ID), url.Values{"seq": {"2"}, "content": {""},
		"kind": {"mechanism"}, "status": {"ongoing"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	for _, want := range []string{"整改措施不能为空", "“长期坚持”须关联长效机制", "“长期坚持”须规定定期报送的周期"} {
		if !strings.Contains(body, want) {
			t.Errorf("the form does not say %q:\n%s", want, excerptOf(body))
		}
	}
}
