package ui

import (
	"net/http"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportWarnings is the round's warned measures (三色预警) as a workbook,
// the most overdue first, as the overview lists them.
func (h *Handler) ExportWarnings(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	l, err := h.Store.Ledger(r.Context(), id, h.today())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := &xlsx.List{Sheet: "预警措施", Title: l.Round.Inspector + "巡察" + l.Round.Unit + "整改预警（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("具体问题", 30), xlsx.Col("整改措施", 42), xlsx.Col("责任领导", 10), xlsx.Col("责任委室", 12),
			xlsx.Col("责任人", 10), xlsx.Col("整改时限", 15), xlsx.Col("剩余天数", 9), xlsx.Col("完成情况", 10), xlsx.Col("预警", 14)}}
	for _, wm := range roundWarnings(l) {
		m := wm.MeasureNode
		out.Rows = append(out.Rows, []sheet.Cell{xlsx.Text(problemLabel(wm.Problem.Seq, wm.Problem.Title)), xlsx.Text(m.Content),
			xlsx.Label(m.Leader), xlsx.Label(m.Office), xlsx.Label(m.Owner), sheet.Day(m.Deadline), daysCell(m),
			xlsx.Label(m.Status.Label()), xlsx.Label(colourText(m.Colour))})
	}
	h.sendList(w, r, out, l.Round.Unit, l.Round.Inspector, "整改预警")
}
