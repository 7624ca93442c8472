package ui_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"zhenggai"
)

func TestHistoryPage(t *testing.T) {
	e := newFormEnv(t)
	r, c, p, m := e.seed()
	// One change by a named user through the store, one through the page.
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: 3, Name: "wangfang", Via: "web", Addr: "10.0.0.8"})
	m.Owner, m.Deadline, m.Content = "王芳", zhenggai.NewDate(2021, 1, 15), "组织机关党员干部<b>逐章</b>学习"
	if err := e.st.UpdateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	e.report(m)
	resp, body := e.post(fmt.Sprintf("/measures/%d/status", m.ID), url.Values{"version": {fmt.Sprint(m.Version)}, "status": {"basically_completed"}})
	if resp.StatusCode != 303 {
		t.Fatalf("status change: %d %s", resp.StatusCode, body)
	}

	resp, body = e.get(fmt.Sprintf("/history/measures/%d", m.ID))
	if resp.StatusCode != 200 {
		t.Fatalf("history: %d %s", resp.StatusCode, body)
	}
	for _, want := range []string{
		"整改措施的修改记录", "措施1：组织机关党员干部", fmt.Sprintf(`href="/problems/%d#measure-%d"`, p.ID, m.ID),
		"新建", "修改", "未知", // the seed was written without an actor
		"wangfang", "网页 · 10.0.0.8",
		"<strong>责任人</strong>：", "<del>李四</del> → <ins>王芳</ins>",
		"<del>2020年12月31日</del> → <ins>2021年1月15日</ins>",
		"&lt;b&gt;逐章&lt;/b&gt;", // text, never markup
		"<del>正在整改</del> → <ins>基本完成</ins>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("history page lacks %q", want)
		}
	}
	if strings.Contains(body, "<b>逐章") || strings.Contains(body, "version") || strings.Contains(body, "版本") {
		t.Errorf("history page shows markup or the version column")
	}
	if n := len(regexp.MustCompile(`\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}`).FindAllString(body, -1)); n != 3 {
		t.Errorf("%d dated entries, want 3", n)
	}
	// The entries are in order and the status change names the signed-in user.
	i, j := strings.Index(body, "李四</del>"), strings.Index(body, "正在整改</del>")
	if i < 0 || j < 0 || i > j {
		t.Errorf("entries out of order")
	}

	// The other records have theirs, linked from their pages.
	for _, path := range []string{fmt.Sprintf("/history/rounds/%d", r.ID), fmt.Sprintf("/history/categories/%d", c.ID),
		fmt.Sprintf("/history/problems/%d", p.ID)} {
		if resp, body := e.get(path); resp.StatusCode != 200 || !strings.Contains(body, "新建") {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
	_, page := e.get(fmt.Sprintf("/problems/%d", p.ID))
	for _, link := range []string{fmt.Sprintf(`href="/history/problems/%d"`, p.ID), fmt.Sprintf(`href="/history/measures/%d"`, m.ID)} {
		if !strings.Contains(page, link) {
			t.Errorf("problem page lacks %s", link)
		}
	}
	if _, page := e.get(fmt.Sprintf("/rounds/%d", r.ID)); !strings.Contains(page, fmt.Sprintf(`href="/history/rounds/%d"`, r.ID)) {
		t.Errorf("dashboard lacks the round's history link")
	}

	// Only audited tables, only records the log knows.
	for _, path := range []string{"/history/sessions/1", "/history/audit_log/1", "/history/schema_migrations/1",
		"/history/measures/999", "/history/measures/x", "/history/..%2fmeasures/1"} {
		if resp, _ := e.get(path); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
	}
}

// TestHistoryOfVoided: a voided measure's history page says who voided
// it, when (Beijing time) and why, and its restoring.
func TestHistoryOfVoided(t *testing.T) {
	e := newFormEnv(t)
	_, _, _, m := e.seed()
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{UserID: 3, Name: "wangfang", Via: "web"})
	if err := e.st.Void(ctx, "measure", m.ID, "与措施2重复录入"); err != nil {
		t.Fatal(err)
	}
	if err := e.st.Restore(ctx, "measure", m.ID); err != nil {
		t.Fatal(err)
	}
	resp, body := e.get(fmt.Sprintf("/history/measures/%d", m.ID))
	if resp.StatusCode != 200 {
		t.Fatalf("history: %d %s", resp.StatusCode, body)
	}
	for _, want := range []string{"<strong>作废理由</strong>", "<ins>与措施2重复录入</ins>", "<del>与措施2重复录入</del>",
		"<strong>作废人</strong>", "<ins>wangfang</ins>", "<strong>作废时间</strong>"} {
		if !strings.Contains(body, want) {
			t.Errorf("history of a voided measure lacks %q", want)
		}
	}
	if !regexp.MustCompile(`<ins>\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}</ins>`).MatchString(body) {
		t.Error("the time of the voiding is not shown as a date")
	}
}
