package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/store"
	"zhenggai/internal/testkit"
)

const pageJournal = "某单位序时账\n" +
	"日期,凭证字号,摘要,科目编码,科目名称,借方金额,贷方金额,附单据数,制单人,审核人\n" +
	"2020-09-05,记-1,支付办公用品费,5001,业务活动费用,\"1,260.50\",,2,王芳,李明\n" +
	",,支付办公用品费,1011,零余额账户用款额度,,\"1,260.50\",,,\n" +
	"2020-09-20,记-2,购置电脑,5001,业务活动费用,50000,,,王芳,\n" +
	",,购置电脑,1011,零余额账户用款额度,,50000,,,\n" +
	",,购置电脑,7201,事业支出,50000,,,,\n" +
	",,购置电脑,8101,资金结存,,50000,,,\n"

// TestVoucherPages: the unit's office uploads a journal, sees what it
// holds and would replace, confirms; the list filters, pages and
// exports; a voucher shows its lines and expense and is linked to the
// 大额资金 item proposed; a bad journal lists its rows and writes nothing;
// a leader reads but may not import.
func TestVoucherPages(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	ctx := context.Background()
	u, _ := e.st.Unit(ctx, r.UnitID)
	as := func(role zhenggai.Role, name string) *formEnv {
		return &formEnv{t: t, dir: e.dir, st: e.st, srv: e.srv, c: &http.Client{CheckRedirect: e.c.CheckRedirect,
			Jar: testkit.Jar(t, e.srv.URL, testkit.SignIn(t, e.st, role, u.Name, name))}}
	}
	clerk, leader := as(zhenggai.RoleUnitAdmin, "办公室"), as(zhenggai.RoleLeader, "张主席")

	resp, body := clerk.get("/vouchers")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, `href="/vouchers" class="on"`) || !strings.Contains(body, "还没有导入财务凭证") {
		t.Errorf("empty list, or no menu entry:\n%s", excerptOf(body))
	}
	// Bad rows are listed, nothing written.
	bad := strings.Replace(pageJournal, "2020-09-20,记-2", "2020-09-31,记-2", 1)
	resp, body = clerk.postMultipart("/vouchers/import", nil, upFile{"file", "序时账.csv", []byte(bad)})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, `id="journal-errors"`) || !strings.Contains(body, "第5行") || !strings.Contains(body, "序时账中有1处错误") {
		t.Errorf("bad rows not listed:\n%s", excerptOf(body))
	}
	// Preview, then confirm.
	resp, body = clerk.postMultipart("/vouchers/import", nil, upFile{"file", "序时账.csv", []byte(pageJournal)})
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "会计期间1个，凭证2张，分录6行") || strings.Contains(body, "replace-warning") {
		t.Errorf("preview:\n%s", excerptOf(body))
	}
	if p, _ := e.st.Vouchers(ctx, store.VoucherQuery{UnitID: u.ID}); p.Total != 0 {
		t.Fatal("the preview wrote vouchers")
	}
	tok := regexp.MustCompile(`name="token" value="([0-9a-f]{64})"`).FindStringSubmatch(body)
	if tok == nil {
		t.Fatalf("no token:\n%s", excerptOf(body))
	}
	if resp, _ := clerk.post("/vouchers/import", url.Values{"token": {strings.Repeat("0", 64)}, "name": {"x.csv"}}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("an unknown token: %d", resp.StatusCode)
	}
	resp, body = clerk.post("/vouchers/import", url.Values{"token": {tok[1]}, "name": {"序时账.csv"}})
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/vouchers?period=2020-09") {
		t.Fatalf("confirm: %d %s\n%s", resp.StatusCode, resp.Header.Get("Location"), excerptOf(body))
	}
	// A second upload of the same periods warns of the replacement.
	_, body = clerk.postMultipart("/vouchers/import", nil, upFile{"file", "序时账.csv", []byte(pageJournal)})
	if !strings.Contains(body, `id="replace-warning"`) || !strings.Contains(body, "已有2张，将替换") {
		t.Errorf("no replace warning:\n%s", excerptOf(body))
	}

	_, body = leader.get("/vouchers?period=2020-09")
	if !strings.Contains(body, "共2张凭证，借方合计101260.50元") || !strings.Contains(body, `data-label="凭证字号"`) {
		t.Errorf("list:\n%s", excerptOf(body))
	}
	for q, want := range map[string]string{"noapprover=1": "共1张凭证，借方合计100000.00元", "ref=记字第1号": "共1张凭证，借方合计1260.50元",
		"q=电脑&min=100000": "共1张凭证，借方合计100000.00元", "min=100000.01": "没有符合条件的凭证", "min=abc": "金额应为元"} {
		_, body = leader.get("/vouchers?" + q)
		if !strings.Contains(body, want) {
			t.Errorf("%s: want %q\n%s", q, want, excerptOf(body))
		}
	}
	resp, body = leader.get("/vouchers.xlsx?noattach=1")
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(resp.Header.Get("Content-Disposition"), "xlsx") {
		t.Errorf("export: %q", resp.Header.Get("Content-Disposition"))
	}
	// The expense's accounts are the office's setting.
	if resp, body := clerk.post("/vouchers/settings", url.Values{"expense_prefixes": {"5x"}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("bad prefix: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	if set, _ := e.st.NamedSettings(ctx, u.ID, "vouchers.expense"); len(set) != 0 {
		t.Errorf("a bad prefix was saved: %v", set)
	}
	if resp, _ := clerk.post("/vouchers/settings", url.Values{"expense_prefixes": {"5001、5101"}, "budget_prefixes": {""}}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("prefixes: %d", resp.StatusCode)
	}
	if exp, bud, _ := e.st.VoucherPrefixes(ctx, u.ID); fmt.Sprint(exp, bud) != "[5001 5101] [7]" {
		t.Errorf("prefixes saved: %v %v", exp, bud)
	}
	if resp, _ := leader.post("/vouchers/settings", url.Values{"expense_prefixes": {"5"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader sets the prefixes: %d", resp.StatusCode)
	}
	if _, body := clerk.get("/vouchers"); !strings.Contains(body, `value="5001,5101"`) {
		t.Errorf("the prefixes form does not show them:\n%s", excerptOf(body))
	}
	if err := e.st.SaveVoucherPrefixes(ctx, u.ID, "", ""); err != nil {
		t.Fatal(err)
	}
	if resp, _ := leader.get("/vouchers/import"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader opens the import: %d", resp.StatusCode)
	}

	// A meeting decided 60,000元 before the computer was bought.
	raw := (&testkit.Env{Dir: e.dir}).Raw(t)
	var meeting, item int64
	if err := raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, created_at) VALUES (?, '党组会议', '党组会议', 4, '2020-09-01', '2020-09-01T00:00:00Z') RETURNING id`, u.ID).Scan(&meeting); err != nil {
		t.Fatal(err)
	}
	if err := raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind, amount) VALUES (?, ?, 1, '购置办公电脑', 'large_fund', 6000000) RETURNING id`, u.ID, meeting).Scan(&item); err != nil {
		t.Fatal(err)
	}
	p, _ := e.st.Vouchers(ctx, store.VoucherQuery{UnitID: u.ID, Word: "记", Number: 2})
	v := p.Vouchers[0]
	show := fmt.Sprintf("/vouchers/%d", v.ID)
	resp, body = clerk.get(show)
	wantStatus(t, resp, body, http.StatusOK)
	// The expense counts the 5xxx side only.
	for _, s := range []string{`<dd id="voucher-expense">50000.00元`, "未审核", "无附单据", "尚未关联", "2020年9月1日党组会议（第4次）：购置办公电脑（6万元）", `id="voucher-lines"`} {
		if !strings.Contains(body, s) {
			t.Errorf("voucher page lacks %q:\n%s", s, excerptOf(body))
		}
	}
	if resp, _ := leader.post(show+"/link", url.Values{"item": {fmt.Sprint(item)}, "version": {"1"}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a leader links: %d", resp.StatusCode)
	}
	resp, body = clerk.post(show+"/link", url.Values{"item": {fmt.Sprint(item)}, "version": {"1"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("link: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	resp, body = clerk.post(show+"/link", url.Values{"item": {"0"}, "version": {"1"}})
	wantStatus(t, resp, body, http.StatusUnprocessableEntity)
	if !strings.Contains(body, "请刷新后再试") {
		t.Errorf("stale link:\n%s", excerptOf(body))
	}
	_, body = leader.get(show)
	if !strings.Contains(body, "已关联：") || !strings.Contains(body, fmt.Sprintf(`href="/meetings/%d"`, meeting)) {
		t.Errorf("linked decision not shown:\n%s", excerptOf(body))
	}
	// The link's row has its history page, which the leader reads too;
	// unlinking voids it, with the reason in its history.
	lk, err := e.st.VoucherLinkOf(ctx, &v)
	if err != nil || lk == nil {
		t.Fatalf("link row %+v %v", lk, err)
	}
	hist := fmt.Sprintf("/history/voucher_links/%d", lk.ID)
	if !strings.Contains(body, `href="`+hist+`"`) {
		t.Errorf("no link to the link's history:\n%s", excerptOf(body))
	}
	resp, body = clerk.post(show+"/link", url.Values{"item": {"0"}, "version": {"2"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("unlink: %d\n%s", resp.StatusCode, excerptOf(body))
	}
	_, body = leader.get(show)
	if !strings.Contains(body, "尚未关联") || !strings.Contains(body, `href="`+hist+`"`) {
		t.Errorf("unlinked voucher page:\n%s", excerptOf(body))
	}
	resp, body = leader.get(hist)
	wantStatus(t, resp, body, http.StatusOK)
	if !strings.Contains(body, "取消关联") {
		t.Errorf("link history lacks the unlinking:\n%s", excerptOf(body))
	}
}
