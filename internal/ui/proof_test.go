package ui_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/testkit"
)

// TestMeasureProof: the measure form offers the rules its mechanism's
// name suggests and saves those ticked; the problem page shows what they
// find since the feedback, with links to the records, and the hold.
func TestMeasureProof(t *testing.T) {
	env := testkit.Open(t)
	srv := env.Serve(t, formClock)
	admin := testkit.Admin(t, env.Store)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar: testkit.Jar(t, srv.URL, admin)}
	e := &formEnv{t: t, dir: env.Dir, st: env.Store, srv: srv, c: c, office: fmt.Sprint(admin.User.UnitID)}
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r, _, p, m := e.seed()
	m.Kind, m.Mechanism = zhenggai.MeasureMechanism, "《财务管理制度》"
	if err := e.st.UpdateMeasure(ctx, m); err != nil {
		t.Fatal(err)
	}
	_, body := e.get(fmt.Sprintf("/problems/%d", p.ID))
	if !strings.Contains(body, "尚未指定长效机制的验证规则，建议：“会计凭证经审核签字”、“支出凭证摘要写明用途、附有原始单据”、“大额资金使用经党组会议事前集体研究”") {
		t.Errorf("problem page does not suggest the proof rules:\n%s", excerptOf(body))
	}
	edit := fmt.Sprintf("/measures/%d/edit", m.ID)
	resp, body := e.get(edit)
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"长效机制的验证", `value="voucher_approval" checked> 会计凭证经审核签字 <span class="badge">建议</span>`,
		`value="chair_last"> 主要负责人末位表态`} {
		if !strings.Contains(body, s) {
			t.Errorf("edit form lacks %q", s)
		}
	}
	form := url.Values{"seq": {"1"}, "content": {m.Content}, "kind": {"mechanism"}, "status": {"in_progress"},
		"mechanism": {m.Mechanism}, "version": {fmt.Sprint(m.Version)}, "proof_rules": {"no_such_rule"}}
	resp, body = e.post(fmt.Sprintf("/measures/%d", m.ID), form)
	wantStatus(t, resp, body, 422)
	if !strings.Contains(body, "验证规则“no_such_rule”不存在") {
		t.Errorf("unknown rule not refused:\n%s", excerptOf(body))
	}
	form["proof_rules"] = []string{"voucher_approval", "chair_last", "large_expense"}
	resp, body = e.post(fmt.Sprintf("/measures/%d", m.ID), form)
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	got, _ := e.st.Measure(ctx, m.ID)
	if strings.Join(got.ProofRules, ",") != "voucher_approval,chair_last,large_expense" {
		t.Fatalf("proof rules %v", got.ProofRules)
	}

	raw := env.Raw(t)
	var v int64
	if err := raw.QueryRow(`INSERT INTO vouchers (unit_id, period, date, word, number, summary, attachments, approver, imported_at)
		VALUES (?, '2020-09', '2020-09-01', '记', 7, '办公用品', 1, '', '2020-09-30T00:00:00Z') RETURNING id`, r.UnitID).Scan(&v); err != nil {
		t.Fatal(err)
	}
	show := fmt.Sprintf("/problems/%d", p.ID)
	resp, body = e.get(show)
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"2020年7月27日至2020年10月28日", "自查规则“会计凭证经审核签字”仍发现问题1项（涉及记录1条），本措施暂不能同意销号",
		fmt.Sprintf(`<a href="/vouchers/%d">记-7号（2020年9月）</a>`, v), "主要负责人末位表态：未发现问题"} {
		if !strings.Contains(body, s) {
			t.Errorf("problem page lacks %q", s)
		}
	}
	if _, err := raw.Exec(`UPDATE vouchers SET approver = '王会计' WHERE id = ?`, v); err != nil {
		t.Fatal(err)
	}
	_, body = e.get(show)
	if !strings.Contains(body, "各项验证规则均未发现问题") || strings.Contains(body, "暂不能同意销号") {
		t.Errorf("hold not lifted:\n%s", excerptOf(body))
	}
	// A proof's findings depend on the unit's settings of its rules: the
	// page says which differ from the defaults (a raised threshold finds
	// less), and says nothing while they are the defaults.
	if strings.Contains(body, "按本单位设置") {
		t.Errorf("settings shown while at their defaults:\n%s", excerptOf(body))
	}
	if err := e.st.SaveNamedSettings(ctx, r.UnitID, map[string]string{"selfcheck.large_expense.threshold": "50000"}); err != nil {
		t.Fatal(err)
	}
	_, body = e.get(show)
	if !strings.Contains(body, "大额资金使用经党组会议事前集体研究：未发现问题（按本单位设置：大额资金标准（元，单笔达到即须研究）50000（默认10000））") {
		t.Errorf("the unit's threshold not shown:\n%s", excerptOf(body))
	}
}

// TestRegisterFiguresOffered: the round's form and the publication's
// preview say where the report's meeting figures come from and offer the
// sentence the meetings register bears out.
func TestRegisterFiguresOffered(t *testing.T) {
	env := testkit.Open(t)
	srv := env.Serve(t, formClock)
	admin := testkit.Admin(t, env.Store)
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Jar: testkit.Jar(t, srv.URL, admin)}
	e := &formEnv{t: t, dir: env.Dir, st: env.Store, srv: srv, c: c, office: fmt.Sprint(admin.User.UnitID)}
	ctx := zhenggai.WithActor(context.Background(), zhenggai.Actor{Name: "test"})
	r, _, _, _ := e.seed()
	r.ReportLeadingGroup = "巡察整改期间，先后召开党组会议5次、主席会议3次，研究部署巡察整改工作。"
	if err := e.st.UpdateRound(ctx, r); err != nil {
		t.Fatal(err)
	}
	edit := fmt.Sprintf("/rounds/%d/edit", r.ID)
	_, body := e.get(edit)
	if !strings.Contains(body, "本单位未建立会议台账") {
		t.Errorf("typed figures not marked:\n%s", excerptOf(body))
	}
	raw := env.Raw(t)
	var m int64
	if err := raw.QueryRow(`INSERT INTO meetings (unit_id, type, book, number, date, chair_name, created_at)
		VALUES (?, '党组会议', '党组会议', 1, '2020-08-03', '甲', '2020-08-03T00:00:00Z') RETURNING id`, r.UnitID).Scan(&m); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind) VALUES (?, ?, 1, '研究巡察整改方案', 'ordinary')`, r.UnitID, m); err != nil {
		t.Fatal(err)
	}
	var it int64
	if err := raw.QueryRow(`INSERT INTO meeting_items (unit_id, meeting_id, seq, title, kind) VALUES (?, ?, 2, '研究整改资金安排', 'large_fund') RETURNING id`, r.UnitID, m).Scan(&it); err != nil {
		t.Fatal(err)
	}
	for i, n := range []string{"乙", "甲"} {
		if _, err := raw.Exec(`INSERT INTO meeting_statements (unit_id, item_id, seq, name, position) VALUES (?, ?, ?, ?, 'agree')`, r.UnitID, it, i+1, n); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{edit, fmt.Sprintf("/rounds/%d/publish?as_of=2020-10-28", r.ID)} {
		_, body = e.get(path)
		for _, s := range []string{"会议次数按会议台账自动统计（反馈以来议题或备注涉及整改的会议）：党组会议1次。",
			`<q id="meetings-sentence">整改以来召开党组会议1次，研究“三重一大”事项1项，均按规定末位表态。</q>`} {
			if !strings.Contains(body, s) {
				t.Errorf("%s lacks %q", path, s)
			}
		}
	}
	if _, body = e.get(fmt.Sprintf("/rounds/%d/publish?as_of=2020-10-28", r.ID)); !strings.Contains(body, "先后召开党组会议1次，研究部署") {
		t.Errorf("preview does not state the count:\n%s", excerptOf(body))
	}
}
