package ui

import (
	"fmt"
	"strings"

	"zhenggai"
)

// declaredOutcomes are the outcome figures a report declared, as the
// report words them (建立完善制度12项, 清退违规资金3.2万元…), nonzero only.
func declaredOutcomes(o zhenggai.Outcomes) []string {
	var out []string
	add := func(ok bool, s string) {
		if ok {
			out = append(out, s)
		}
	}
	add(o.Rules > 0, fmt.Sprintf("建立完善制度%d项", o.Rules))
	add(o.RefundedFen > 0, "清退违规资金"+money(o.RefundedFen))
	add(o.RecoveredFen > 0, "追回资金"+money(o.RecoveredFen))
	add(o.SavedFen > 0, "挽回经济损失"+money(o.SavedFen))
	add(o.Talks > 0, fmt.Sprintf("谈话提醒、批评教育%d人", o.Talks))
	add(o.Organisational > 0, fmt.Sprintf("组织处理%d人", o.Organisational))
	add(o.Disciplinary > 0, fmt.Sprintf("党纪政务处分%d人", o.Disciplinary))
	return out
}

// money writes fen as reports write sums: 万元 from ten thousand yuan on,
// without trailing zeros (66.57万元, 850元, 12.5元).
func money(fen int64) string {
	unit, scale := "元", int64(100)
	if fen >= 1_000_000 {
		unit, scale = "万元", 1_000_000
	}
	s := fmt.Sprint(fen / scale)
	if r := fen % scale; r != 0 {
		digits := len(fmt.Sprint(scale)) - 1
		s += "." + strings.TrimRight(fmt.Sprintf("%0*d", digits, r), "0")
	}
	return s + unit
}
