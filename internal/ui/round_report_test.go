package ui_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"zhenggai"
	"zhenggai/internal/demo"
	"zhenggai/internal/report"
	"zhenggai/internal/testkit"
)

// The round page's report form and what GET /rounds/{id}/report answers
// in each format.
func TestRoundReport(t *testing.T) {
	env := testkit.Open(t)
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r, err := demo.Load(ctx, env.Store, env.Files, zhenggai.NewDate(2026, 11, 27))
	if err != nil {
		t.Fatal(err)
	}
	srv := env.Serve(t, time.Now)
	c := &http.Client{Jar: testkit.Jar(t, srv.URL, testkit.SignIn(t, env.Store, zhenggai.RoleUnitAdmin, r.Unit, "覃丽"))}
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := c.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	_, page := get(fmt.Sprintf("/rounds/%d", r.ID))
	for _, want := range []string{fmt.Sprintf(`action="/rounds/%d/report"`, r.ID), `name="date"`, `<option value="docx">`, "生成报告"} {
		if !strings.Contains(page, want) {
			t.Errorf("round page lacks %s", want)
		}
	}
	base := fmt.Sprintf("/rounds/%d/report?date=2020-10-28", r.ID)

	resp, body := get(base + "&format=html")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), "inline") {
		t.Fatalf("html: %d %v", resp.StatusCode, resp.Header)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "style-src "+report.CSSHash) || strings.Contains(csp, "script-src") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
	if !strings.Contains(body, "截至10月28日，巡察反馈的14个问题38个具体问题，已完成整改35个，基本完成整改3个。") || strings.Contains(body, "<script") {
		t.Error("html report wrong")
	}

	resp, body = get(base + "&format=text")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") || !strings.Contains(body, "\n三、继续深化后续整改\n") {
		t.Errorf("text: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	resp, body = get(base + "&format=docx")
	cd := resp.Header.Get("Content-Disposition")
	if resp.StatusCode != 200 || !strings.HasPrefix(cd, "attachment") || !strings.Contains(cd, ".docx") ||
		resp.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Errorf("docx: %d %q %q", resp.StatusCode, cd, resp.Header.Get("Content-Type"))
	}
	if _, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body))); err != nil {
		t.Errorf("docx is no zip: %v", err)
	}

	resp, body = get(base + "&format=pdf")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment") || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("pdf: %d %v %.10q", resp.StatusCode, resp.Header, body)
	}

	for q, want := range map[string]int{
		"format=doc":               http.StatusUnprocessableEntity,
		"format=text&date=2020-13": http.StatusUnprocessableEntity,
	} {
		resp, body := get(fmt.Sprintf("/rounds/%d/report?", r.ID) + q)
		if resp.StatusCode != want || !strings.Contains(body, "报告") {
			t.Errorf("%s: %d, want %d", q, resp.StatusCode, want)
		}
	}
	if resp, _ := get("/rounds/999/report?format=text"); resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusForbidden {
		t.Errorf("unknown round: %d", resp.StatusCode)
	}
}

// Withholding is set in the problem form, with its reason.
func TestProblemFormWithholds(t *testing.T) {
	e := newFormEnv(t)
	_, c, p, _ := e.seed()
	_, page := e.get(fmt.Sprintf("/problems/%d/edit", p.ID))
	if !strings.Contains(page, `name="withheld"`) || !strings.Contains(page, `name="withheld_reason"`) {
		t.Fatal("the problem form has no withholding")
	}
	form := url.Values{"category_id": {fmt.Sprint(c.ID)}, "seq": {"1"}, "title": {p.Title}, "version": {"1"}, "withheld": {"1"}}
	resp, body := e.post(fmt.Sprintf("/problems/%d", p.ID), form)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "不予公开的理由不能为空") {
		t.Errorf("withheld without reason: %d", resp.StatusCode)
	}
	form.Set("withheld_reason", "涉及国家秘密")
	if resp, _ := e.post(fmt.Sprintf("/problems/%d", p.ID), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("withheld with reason: %d", resp.StatusCode)
	}
	got, _ := e.st.Problem(context.Background(), p.ID)
	if !got.Withheld || got.WithheldReason != "涉及国家秘密" {
		t.Errorf("stored %+v", got)
	}
	_, page = e.get(fmt.Sprintf("/problems/%d/edit", p.ID))
	if !strings.Contains(page, `value="1" checked`) || !strings.Contains(page, `value="涉及国家秘密"`) {
		t.Error("the form does not show the withholding")
	}
	// Unchecked: published, the reason dropped.
	form.Del("withheld")
	form.Set("version", "2")
	if resp, _ := e.post(fmt.Sprintf("/problems/%d", p.ID), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("published again: %d", resp.StatusCode)
	}
	if got, _ := e.st.Problem(context.Background(), p.ID); got.Withheld || got.WithheldReason != "" {
		t.Errorf("stored %+v", got)
	}
}

// The round form keeps the report's texts; the settings page the contact
// lines and signature.
func TestReportTextsInForms(t *testing.T) {
	e := newFormEnv(t)
	r, _, _, _ := e.seed()
	form := url.Values{"inspector": {r.Inspector}, "kind": {"巡察"}, "onsite_start": {"2020-05-11"}, "onsite_end": {"2020-06-19"},
		"feedback_date": {"2020-07-27"}, "version": {"1"}, "report_leading_group": {"成立了整改工作领导小组。"},
		"report_work": {"制定了整改方案。\n编制了整改清单。"}, "report_follow_up": {"持续巩固整改成果。"}}
	if resp, body := e.post(fmt.Sprintf("/rounds/%d", r.ID), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("round form: %d %s", resp.StatusCode, body)
	}
	got, _ := e.st.Round(context.Background(), r.ID)
	if got.ReportLeadingGroup != "成立了整改工作领导小组。" || got.ReportWork != "制定了整改方案。\n编制了整改清单。" || got.ReportFollowUp != "持续巩固整改成果。" {
		t.Errorf("stored %+v", got)
	}
	page := fmt.Sprintf("/units/%d/report-settings", r.UnitID)
	set := url.Values{"report_phone": {"0744—6223478"}, "report_mailbox": {"桑植县行政中心818室"}, "report_email": {"not-an-email"},
		"report_signature": {"中共政协桑植县委员会党组"}}
	if resp, body := e.post(page, set); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "电子邮箱格式不正确") {
		t.Errorf("bad e-mail: %d", resp.StatusCode)
	}
	set.Set("report_email", "296508598@qq.com")
	if resp, _ := e.post(page, set); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("settings: %d", resp.StatusCode)
	}
	// The warning settings page no longer holds them, and saving it keeps them.
	if _, body := e.get(fmt.Sprintf("/admin/settings?unit=%d", r.UnitID)); strings.Contains(body, `name="report_phone"`) ||
		!strings.Contains(body, page) {
		t.Errorf("the warning settings still hold the report's lines, or do not link to their page:\n%s", excerptOf(body))
	}
	if resp, _ := e.post("/admin/settings", url.Values{"unit_id": {fmt.Sprint(r.UnitID)}, "green_days": {"20"}, "yellow_days": {"10"},
		"evidence_quota_mb": {"10240"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("warning settings: %d", resp.StatusCode)
	}
	if _, body := e.get(page); !strings.Contains(body, `value="0744—6223478"`) || !strings.Contains(body, `value="中共政协桑植县委员会党组"`) {
		t.Errorf("the report settings page lost its values:\n%s", excerptOf(body))
	}
	_, body := e.get(fmt.Sprintf("/rounds/%d/report?date=2020-10-28&format=text", r.ID))
	for _, want := range []string{"\n成立了整改工作领导小组。\n制定了整改方案。\n编制了整改清单。\n", "\n三、继续深化后续整改\n持续巩固整改成果。\n",
		"联系电话：0744—6223478；邮政信箱：桑植县行政中心818室；电子邮箱：296508598@qq.com。\n\n中共政协桑植县委员会党组\n2020年10月28日\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("report lacks %q:\n%s", want, body)
		}
	}
}
