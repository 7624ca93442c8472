package textimport

import (
	"strings"
	"testing"

	"zhenggai"
	"zhenggai/internal/sample"
)

func TestPageNumber(t *testing.T) {
	yes := []string{"— 3 —", "-3-", "- 12 -", "—3—", "--7--", "~ 2 ~", "第3页", "第 3 页", "第3页 共12页", "第3页,共12页", "第 3 页/共 12 页"}
	no := []string{"3", "-", "— —", "-3", "3-", "第三页", "第3页的内容", "第3次会议", "— 3 — 整改情况", "2.46万元", "-0-", "第12345页"}
	for _, s := range yes {
		if !pageNumber(halfWidth(s)) {
			t.Errorf("%q not read as a page number", s)
		}
	}
	for _, s := range no {
		if pageNumber(halfWidth(s)) {
			t.Errorf("%q read as a page number", s)
		}
	}
}

// TestUnwrap joins the lines a PDF's layout broke, drops its page numbers
// and running header, and leaves typed text, whose lines are paragraphs
// and headings, as it is.
func TestUnwrap(t *testing.T) {
	pdf := strings.Join([]string{
		"根据县委统一部署，2023年4月10日至5月26日，县委第三巡察组对",
		"县财政局党组进行了常规巡察。截至2023年10月31日，反馈的3个方",
		"面11个问题，已完成整改9个，正在整改2个，整改完成率81.8%。通",
		"过整改，建立完善制度9项，追回违规发放资金2.46万元，谈话提醒4人。",
		"1.政府债务风险防控措施不够有力，隐性债务底数不清，化债台账不",
		"— 2 —",
		"县财政局党组巡察整改进展情况",
		"全。",
		"整改情况：一是制定《县级政府债务风险应急处置预案》；二是对全县隐",
		"性债务进行全面摸底，建立化债台账；三是每季度报告债务风险情况。",
		"— 3 —",
		"县财政局党组巡察整改进展情况",
		"2.惠民惠农补贴资金发放监管不严。",
	}, "\n")
	want := strings.Join([]string{
		"根据县委统一部署,2023年4月10日至5月26日,县委第三巡察组对县财政局党组进行了常规巡察。截至2023年10月31日,反馈的3个方面11个问题,已完成整改9个,正在整改2个,整改完成率81.8%。通过整改,建立完善制度9项,追回违规发放资金2.46万元,谈话提醒4人。",
		"1.政府债务风险防控措施不够有力,隐性债务底数不清,化债台账不全。",
		"整改情况:一是制定《县级政府债务风险应急处置预案》;二是对全县隐性债务进行全面摸底,建立化债台账;三是每季度报告债务风险情况。",
		"2.惠民惠农补贴资金发放监管不严。",
	}, "\n")
	u := unwrap(normalize(pdf))
	if u.norm != want {
		t.Errorf("unwrapped\n%s\nwant\n%s", u.norm, want)
	}
	// What is kept maps back to the original, without the furniture.
	if got := u.slice(strings.Index(u.norm, "1.政府"), strings.Index(u.norm, "\n整改情况")); got != "1.政府债务风险防控措施不够有力，隐性债务底数不清，化债台账不全。" {
		t.Errorf("slice across a page break: %q", got)
	}

	// Typed text: long headings with commas and no full stop, each
	// followed by a paragraph, at much the same length.
	var b strings.Builder
	for k := 1; k <= 12; k++ {
		b.WriteString(zhenggai.Numeral(k) + "、关于落实全面从严治党主体责任不够到位，监督管理偏松偏软的问题\n")
		b.WriteString("整改情况：一是制定主体责任清单，二是每季度专题研究一次。\n")
		b.WriteString("一是修订议事规则，明确集体决策的事项范围\n")
	}
	// Headings without a full stop, all of one length, each followed by its
	// paragraph: as a layout would leave them, but the paragraphs run
	// longer than the headings.
	var h strings.Builder
	for k := 1; k <= 12; k++ {
		h.WriteString("（" + zhenggai.Numeral(k) + "）国有资产管理不规范，部分资产长期闲置\n")
		h.WriteString("对全系统资产进行全面清查，盘活闲置资产，修订资产管理办法，建立资产台账，实行动态管理，年底前完成。\n")
	}
	for _, text := range []string{h.String(), sample.Sangzhi, fullWidth(sample.Sangzhi), b.String(), readReport(t, "shapes/page-cells.txt"), readReport(t, "wild/w12-status-words.txt")} {
		n := normalize(text)
		if u := unwrap(n); u.norm != n.norm {
			t.Errorf("typed text changed:\n%.300s", u.norm)
		}
	}
}
