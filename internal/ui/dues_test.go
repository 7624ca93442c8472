package ui_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestDuesPages: the unit's office imports its branch's sheet (preview,
// bad rows listed, confirm), sees the year with the gaps marked, enters a
// member with his base and a payment, exports the year; a leader reads
// the register and uses the calculator but may not change anything.
func TestDuesPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := context.Background()
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/dues")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/dues" class="on"`) || !strings.Contains(body, "还没有党员的党费记录") {
		t.Errorf("empty dues page, or no menu link:\n%s", excerptOf(body))
	}

	bad := []byte("2020年\n姓名,类别,1月\n李四,干部,1\n,在职,1\n")
	resp, body = clerk.postMultipart("/dues/import", nil, upFile{"file", "党费.csv", bad})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "2处错误") || !strings.Contains(body, "“干部”须为在职") || !strings.Contains(body, "第4行") {
		t.Errorf("bad rows not listed:\n%s", excerptOf(body))
	}
	good := []byte("2020年党费缴纳表\n姓名,类别,缴费基数（元）,1月,2月,3月\n王明,在职,5100,76.5,76,76.5\n")
	resp, body = clerk.postMultipart("/dues/import", nil, upFile{"file", "党费.csv", good})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "检查通过，可导入党员1名（新增1名）") || !strings.Contains(body, `name="file_data"`) {
		t.Fatalf("no preview:\n%s", excerptOf(body))
	}
	if ms, _ := e.st.DuesMembers(ctx, r.UnitID); len(ms) != 0 {
		t.Fatal("the preview wrote")
	}
	data := regexp.MustCompile(`name="file_data" value="([^"]+)"`).FindStringSubmatch(body)
	resp, body = clerk.postMultipart("/dues/import", url.Values{"file_data": {html.UnescapeString(data[1])}, "file_name": {"党费.csv"}, "confirm": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.get("/dues?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	// February short (76 of 76.50), April to October unpaid (the clock is 2020-10-28).
	if strings.Count(body, `class="badge off" title="应交76.50元`) != 8 || !strings.Contains(body, `data-label="2月"><span class="badge off" title="应交76.50元，实交76.00元">76.00</span>`) {
		t.Errorf("gaps not marked:\n%s", excerptOf(body))
	}
	if !strings.Contains(body, `class="list rowcards" id="dues-list"`) {
		t.Error("the list is not readable on a phone")
	}

	resp, body = clerk.post("/dues/members", url.Values{"name": {"赵农"}, "kind": {"farmer"}, "fixed": {"1.5"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "0.20元至1.00元") {
		t.Errorf("farmer's 1.50元 not refused by field:\n%s", excerptOf(body))
	}
	resp, body = clerk.post("/dues/members", url.Values{"name": {"钱退"}, "kind": {"retired"}, "joined": {"2020年1月"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("add member: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	ms, _ := e.st.DuesMembers(ctx, r.UnitID)
	var qian *zhenggai.DuesMember
	for _, m := range ms {
		if m.Name == "钱退" {
			qian = m
		}
	}
	if qian == nil || qian.Joined != "2020-01" {
		t.Fatalf("members %+v", ms)
	}
	resp, _ = clerk.post(fmt.Sprintf("/dues/members/%d/bases", qian.ID), url.Values{"year": {"2020"}, "base": {"5000.01"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("base: %d", resp.StatusCode)
	}
	resp, _ = clerk.post(fmt.Sprintf("/dues/members/%d/payments", qian.ID), url.Values{"month": {"2020-01"}, "paid": {"50"}, "paid_on": {"2020-01-10"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("payment: %d", resp.StatusCode)
	}
	resp, body = clerk.get(fmt.Sprintf("/dues/members/%d/edit?year=2020", qian.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "5000.01") || !strings.Contains(body, "2020年1月10日") {
		t.Errorf("member page lacks base or payment:\n%s", excerptOf(body))
	}

	resp, body = clerk.get(fmt.Sprintf("/history/dues_members/%d", qian.ID))
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "钱退") {
		t.Errorf("history of a member:\n%s", excerptOf(body))
	}
	resp, body = clerk.get("/dues.xlsx?year=2020")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "xlsx") || !strings.HasPrefix(body, "PK") {
		t.Errorf("export: %d %v", resp.StatusCode, resp.Header)
	}

	resp, body = leader.get("/dues?year=2020")
	wantStatus(t, resp, body, http.StatusOK)
	if strings.Contains(body, "/dues/import") || strings.Contains(body, "新增党员") {
		t.Error("a leader is offered the office's actions")
	}
	resp, _ = leader.post(fmt.Sprintf("/dues/members/%d/payments", qian.ID), url.Values{"month": {"2020-02"}, "paid": {"1"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader's payment: %d", resp.StatusCode)
	}
	resp, body = leader.get("/dues/calculator?kind=in_service&base=5100")
	wantStatus(t, resp, body, http.StatusOK)
	for _, want := range []string{"1.5%", "月工资收入（税后）5000元以上至10000元（含）的，交纳1.5%", "5100.00元 × 1.5% = 76.50元", `id="dues-due">76.50<`} {
		if !strings.Contains(body, want) {
			t.Errorf("calculator lacks %q:\n%s", want, excerptOf(body))
		}
	}
	resp, body = leader.get("/dues/calculator?kind=in_service&base=abc")
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "缴费基数须为金额") {
		t.Errorf("bad base not named:\n%s", excerptOf(body))
	}

	resp, _ = clerk.post(fmt.Sprintf("/dues/members/%d/void", qian.ID), url.Values{"reason": {"组织关系转出"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("void: %d", resp.StatusCode)
	}
	if ms, _ := e.st.DuesMembers(ctx, r.UnitID); len(ms) != 1 {
		t.Errorf("after void: %d members", len(ms))
	}
}
