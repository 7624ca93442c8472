package ui

import (
	"fmt"
	"net/http"

	"zhenggai"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportProblems is the round's problem list (问题清单) as a workbook, with
// the page's filter: one row per problem with its status, its measures
// (those the filter keeps) counted and its worst warning.
func (h *Handler) ExportProblems(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := &xlsx.List{Sheet: "问题清单", Title: l.Round.Inspector + "巡察" + l.Round.Unit + "反馈问题清单（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("问题类别", 24), xlsx.Col("问题序号", 8), xlsx.Col("具体问题", 40), xlsx.Col("整改措施", 9),
			xlsx.Col("已完成措施", 10), xlsx.Col("逾期措施", 9), xlsx.Col("完成情况", 10), xlsx.Col("预警", 12), xlsx.Col("销号情况", 16)}}
	for _, c := range l.Filtered(filterFrom(r)) {
		for _, p := range c.Problems {
			done, red := 0, 0
			for _, m := range p.Measures {
				if m.Status.Done() {
					done++
				}
				if m.Colour == zhenggai.Red {
					red++
				}
			}
			out.Rows = append(out.Rows, []sheet.Cell{xlsx.Text(fmt.Sprintf("(%s)%s", zhenggai.Numeral(c.Seq), c.Title)), xlsx.Num(p.Seq),
				xlsx.Text(p.Title), xlsx.Num(len(p.Measures)), xlsx.Num(done), xlsx.Num(red), xlsx.Label(p.Status.Label()),
				xlsx.Label(colourText(p.Colour)), xlsx.Label(closeText(p.CloseState))})
		}
	}
	h.sendList(w, r, out, l.Round.Unit, l.Round.Inspector, "问题清单")
}
