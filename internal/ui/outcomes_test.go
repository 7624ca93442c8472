package ui_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
)

// TestMeasureOutcomeForm: a measure's outcomes are typed on its form,
// amounts in 元 (or 万元) to the fen; a bad figure is named next to its
// field, keeps what was typed and saves nothing; saved figures show on the
// form again, on the problem page, in the history and, summed, on the
// dashboard.
func TestMeasureOutcomeForm(t *testing.T) {
	e := newFormEnv(t)
	ctx := context.Background()
	r, _, p, m := e.seed()
	resp, body := e.get(fmt.Sprintf("/measures/%d/edit", m.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"整改成效", `<label for="rule_names">建立完善制度</label>`, `<label for="refunded">清退违规资金（元）</label>`,
		`<label for="recovered">追回资金（元）</label>`, `<label for="saved">挽回经济损失（元）</label>`,
		`<label for="talks">谈话提醒、批评教育（人）</label>`, `<label for="organisational">组织处理（人）</label>`,
		`<label for="disciplinary">党纪政务处分（人）</label>`} {
		if !strings.Contains(body, s) {
			t.Errorf("measure form lacks %q", s)
		}
	}
	upd := fmt.Sprintf("/measures/%d", m.ID)
	good := url.Values{"seq": {"1"}, "content": {"清退违规发放的补贴，修订完善制度"}, "owner": {"李四"}, "kind": {"immediate"},
		"status": {"in_progress"}, "version": {"1"}}
	many := ""
	for i := range zhenggai.MaxRuleNames + 1 {
		many += fmt.Sprintf("第%d号制度\n", i+1)
	}
	for _, b := range []struct {
		kv            []string
		field, reason string
	}{
		{[]string{"refunded", "12.345"}, "refunded", "清退违规资金最多精确到分（元后两位小数）"},
		{[]string{"refunded", "一万二"}, "refunded", "清退违规资金须为金额（元），如 12600 或 1260.50"},
		{[]string{"refunded", "-5"}, "refunded", "清退违规资金不能为负数"},
		{[]string{"recovered", "100000000000"}, "recovered", "追回资金过大（最多100亿元）"},
		{[]string{"saved", "1.2.3"}, "saved", "挽回经济损失须为金额"},
		{[]string{"talks", "1.5"}, "talks", "谈话提醒、批评教育人数须为整数"},
		{[]string{"organisational", "-1"}, "organisational", "组织处理人数不能为负数"},
		{[]string{"disciplinary", "10001"}, "disciplinary", "党纪政务处分人数须在0至10000之间"},
		{[]string{"rule_names", many}, "rule_names", "建立完善制度最多填写50项"},
		{[]string{"rule_names", "《" + strings.Repeat("制", 101) + "》"}, "rule_names", "过长（最多100字）"},
	} {
		resp, body = e.post(upd, merge(good, b.kv...))
		wantStatus(t, resp, body, 422)
		wantReason(t, body, b.field, b.reason)
		if b.field != "rule_names" && !strings.Contains(body, `value="`+html.EscapeString(b.kv[1])+`"`) {
			t.Errorf("%s: what was typed is not kept", b.kv)
		}
		if got, _ := e.st.Measure(ctx, m.ID); got.Version != 1 || !got.Outcomes().IsZero() {
			t.Fatalf("%s: a refused form saved %+v", b.kv, got)
		}
	}

	resp, body = e.post(upd, merge(good, "rule_names", "《档案管理制度》\n财务管理制度、《考勤制度》\n\n《档案管理制度》",
		"refunded", "1.26万", "recovered", "3,860.50", "saved", "", "talks", "２", "organisational", "1 人", "disciplinary", ""))
	wantRedirect(t, resp, body, fmt.Sprintf("/problems/%d", p.ID))
	got, _ := e.st.Measure(ctx, m.ID)
	want := zhenggai.Outcomes{Rules: 3, RefundedFen: 1_260_000, RecoveredFen: 386_050, Talks: 2, Organisational: 1}
	if got.Outcomes() != want || !reflect.DeepEqual(got.RuleNames, []string{"档案管理制度", "财务管理制度", "考勤制度"}) {
		t.Fatalf("saved %q %+v, want %+v", got.RuleNames, got.Outcomes(), want)
	}

	resp, body = e.get(fmt.Sprintf("/measures/%d/edit", m.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"《档案管理制度》\n《财务管理制度》\n《考勤制度》</textarea>", `name="refunded" value="12600"`,
		`name="recovered" value="3860.5"`, `name="saved" value=""`, `name="talks" value="2"`, `name="disciplinary" value=""`} {
		if !strings.Contains(body, s) {
			t.Errorf("edit form lacks %q", s)
		}
	}
	resp, body = e.get(fmt.Sprintf("/problems/%d", p.ID))
	wantStatus(t, resp, body, 200)
	if s := "整改成效：建立完善制度《档案管理制度》《财务管理制度》《考勤制度》 · 清退违规资金12600元 · 追回资金3860.5元 · 谈话提醒、批评教育2人 · 组织处理1人"; !strings.Contains(body, s) {
		t.Errorf("problem page lacks %q", s)
	}
	resp, body = e.get(fmt.Sprintf("/rounds/%d/ledger", r.ID))
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "<th>整改成效</th>") || !strings.Contains(body, `data-label="整改成效">建立完善制度《档案管理制度》《财务管理制度》《考勤制度》 · 清退违规资金12600元`) {
		t.Errorf("ledger page lacks the outcome column:\n%s", excerptOf(body))
	}
	resp, body = e.get(fmt.Sprintf("/history/measures/%d", m.ID))
	wantStatus(t, resp, body, 200)
	for _, s := range []string{"建立完善制度", "《档案管理制度》《财务管理制度》《考勤制度》", "清退违规资金", "12600元", "3860.5元", "组织处理（人）"} {
		if !strings.Contains(body, s) {
			t.Errorf("history lacks %q", s)
		}
	}
	resp, body = e.get(fmt.Sprintf("/rounds/%d", r.ID))
	wantStatus(t, resp, body, 200)
	card := body[strings.Index(body, `id="outcomes"`):]
	card = card[:strings.Index(card, "预警措施")]
	for _, s := range []string{"<td>建立完善制度</td><td class=\"num\">3项</td>", "<td>清退违规资金</td><td class=\"num\">1.26万元</td>",
		"<td>追回资金</td><td class=\"num\">3860.5元</td>", "<td>谈话提醒、批评教育</td><td class=\"num\">2人</td>",
		"<td>组织处理</td><td class=\"num\">1人</td>", "建立完善的制度（3项）"} {
		if !strings.Contains(card, s) {
			t.Errorf("dashboard lacks %q in\n%s", s, card)
		}
	}
	if strings.Contains(card, "挽回经济损失") || strings.Contains(card, `<th class="num">公布</th>`) {
		t.Errorf("dashboard shows a figure that is zero, or a declared column with nothing declared:\n%s", card)
	}
}

// TestImportLedgerOutcomes: a workbook with outcome columns shows their
// sum on the preview, and imports them; a bad amount is a listed bad row.
func TestImportLedgerOutcomes(t *testing.T) {
	e := newFormEnv(t)
	mk := func(rows ...[]any) []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow("Sheet1", cell, &r)
		}
		var buf bytes.Buffer
		f.WriteTo(&buf)
		return buf.Bytes()
	}
	head := []any{"序号", "问题类别", "具体问题", "整改措施", "完成情况", "建立完善制度", "清退违规资金（万元）", "组织处理（人）"}
	good := mk([]any{"县委第一巡察组巡察某局党组反馈意见整改清单"}, head,
		[]any{1, "（一）财经纪律执行不严", "超标准发放补贴。", "清退超标准发放的补贴。", "正在整改", "", 1.26, 1},
		[]any{nil, nil, nil, "修订完善财务管理制度。", "未启动", "《财务管理制度》", "", ""})
	resp, body := e.postMultipart("/import", url.Values{"text": {""}}, upFile{"file", "台账.xlsx", good})
	wantStatus(t, resp, body, 200)
	if !strings.Contains(body, "各项措施记有的整改成效合计：建立完善制度1项，清退违规资金1.26万元，组织处理1人。") {
		t.Errorf("preview lacks the outcomes:\n%s", excerptOf(body))
	}
	resp, body = e.postMultipart("/import", url.Values{"text": {""}, "confirm": {"1"}, "unit_parent": {e.office}}, upFile{"file", "台账.xlsx", good})
	wantRedirect(t, resp, body, "/rounds/1")
	l, err := e.st.Ledger(context.Background(), 1, zhenggai.NewDate(2020, 10, 28))
	if err != nil {
		t.Fatal(err)
	}
	if want := (zhenggai.Outcomes{Rules: 1, RefundedFen: 1_260_000, Organisational: 1}); l.Summary.Outcomes != want {
		t.Errorf("imported outcomes %+v, want %+v", l.Summary.Outcomes, want)
	}

	bad := mk(head, []any{1, "（一）财经纪律执行不严", "超标准发放补贴。", "清退补贴。", "正在整改", "", "一点二万", "半个"})
	resp, body = e.postMultipart("/import", url.Values{"text": {""}}, upFile{"file", "坏.xlsx", bad})
	wantStatus(t, resp, body, 422)
	for _, s := range []string{"台账中有2处错误", `<td class="num">2</td><td>清退违规资金（元）</td>`, "须为金额（万元）",
		`<td class="num">2</td><td>组织处理（人）</td>`, "人数“半个”须为整数"} {
		if !strings.Contains(body, s) {
			t.Errorf("bad-rows page lacks %q", s)
		}
	}
	if n := e.counts(); n[0] != 1 {
		t.Errorf("a rejected workbook wrote: %v", n)
	}
}
