package xlsx_test

import (
	"bytes"
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// TestParseOutcomes: the outcome columns are read under the names and
// units offices head them with, amounts typed or as numbers (a 万元
// column in 万元, Excel's binary noise taken to the fen), and an outcome
// in a merged cell counts once, on its first row.
func TestParseOutcomes(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	head := append(append([]any{}, header...), "建章立制", "清退违规资金(元)", "追回资金（万元）", "挽回损失", "谈话提醒、批评教育（人）", "组织处理人数", "党纪处分")
	rows := [][]any{
		head,
		{1, cat, "问题一。", "修订完善制度。", "", "", "", "", "", "", "", "《档案管理制度》\n《财务管理制度》、考勤制度", "1,260.50", 1.26, "", "２人", nil, nil},
		{nil, nil, nil, "清退违规发放的补贴。", "", "", "", "", "", "", "", "", 2316.4000000000001, "0.5万", "300元", nil, 1, "1"},
		{2, cat, "问题二。", "追回资金。", "", "", "", "", "", "", "", "", "", "", 3860.5, nil, nil, nil},
		{nil, nil, nil, "诫勉谈话。", "", "", "", "", "", "", "", "", "", "", "", 4, nil, nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	// 挽回损失 merged over problem 2's two measures: once, not twice.
	if err := f.MergeCell("Sheet1", "O4", "O5"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	im, err := xlsx.Parse(context.Background(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	ps := im.Categories[0].Problems
	got := [][]any{}
	for _, p := range ps {
		for _, m := range p.Measures {
			got = append(got, []any{m.RuleNames, m.RefundedFen, m.RecoveredFen, m.SavedFen, m.Talks, m.Organisational, m.Disciplinary})
		}
	}
	want := [][]any{
		{[]string{"档案管理制度", "财务管理制度", "考勤制度"}, zhenggai.Fen(126_050), zhenggai.Fen(1_260_000), zhenggai.Fen(0), 2, 0, 0},
		{[]string(nil), zhenggai.Fen(231_640), zhenggai.Fen(500_000), zhenggai.Fen(30_000), 0, 1, 1},
		{[]string(nil), zhenggai.Fen(0), zhenggai.Fen(0), zhenggai.Fen(386_050), 0, 0, 0},
		{[]string(nil), zhenggai.Fen(0), zhenggai.Fen(0), zhenggai.Fen(0), 4, 0, 0},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("outcomes\n got %v\nwant %v", got, want)
	}
}

// TestParseOutcomeRejects: a bad figure is a bad row, named by sheet, row
// and column, and nothing is imported; a row with only an outcome still
// needs its measure.
func TestParseOutcomeRejects(t *testing.T) {
	head := append([]any{}, header...)
	for _, c := range xlsx.Columns[len(header):] {
		head = append(head, c)
	}
	row := func(outcomes ...any) []any {
		return append([]any{1, cat, "问题。", "措施。", "", "", "", "", "", "", ""}, outcomes...)
	}
	cases := []struct {
		name   string
		row    []any
		column string
		reason string
	}{
		{"three decimals", row("", "12.345"), "清退违规资金（元）", "“12.345”最多精确到分"},
		{"words", row("", "", "一万元"), "追回资金（元）", "“一万元”须为金额（元）"},
		{"negative", row("", "", "", -5), "挽回经济损失（元）", "不能为负数"},
		{"too large", row("", "", "", "20000000000"), "挽回经济损失（元）", "过大（最多100亿元）"},
		{"half a person", row("", "", "", "", 1.5), "谈话提醒、批评教育（人）", "人数“1.5”须为整数"},
		{"negative persons", row("", "", "", "", "", -1), "组织处理（人）", "不能为负数"},
		{"too many persons", row("", "", "", "", "", "", 10001), "党纪政务处分（人）", "须在0至10000之间"},
		{"over-long rule", row("《" + strings.Repeat("制", 101) + "》"), "建立完善制度", "过长（最多100字）"},
		{"rule with a control character", row("档案_x0001_制度"), "建立完善制度", "控制字符"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			im, err := xlsx.Parse(context.Background(), bytes.NewReader(book(t, head, c.row)))
			var rej *xlsx.Rejected
			if im != nil || !errors.As(err, &rej) || len(rej.Rows) != 1 {
				t.Fatalf("got %v, %v; want one bad row", im, err)
			}
			g := rej.Rows[0]
			if g.Sheet != "Sheet1" || g.Row != 2 || g.Column != c.column || !strings.Contains(g.Reason, c.reason) {
				t.Errorf("%+v, want row 2 “%s”: …%s…", g, c.column, c.reason)
			}
			if !strings.Contains(err.Error(), "Sheet1第2行“"+c.column+"”：") {
				t.Errorf("message %q does not name sheet, row and column", err.Error())
			}
		})
	}
	// An outcome on a row without its measure.
	_, err := xlsx.Parse(context.Background(), bytes.NewReader(book(t, head, row(), []any{nil, nil, nil, "", "", "", "", "", "", "", "", "", 100})))
	var rej *xlsx.Rejected
	if !errors.As(err, &rej) || len(rej.Rows) != 1 || rej.Rows[0].Row != 3 || rej.Rows[0].Column != "整改措施" {
		t.Errorf("an amount without its measure: %v", err)
	}
}
