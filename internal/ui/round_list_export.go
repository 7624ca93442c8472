package ui

import (
	"bytes"
	"net/http"

	"zhenggai"
	"zhenggai/internal/xlsx"
)

// ExportRounds is the list of rounds as an Excel workbook: every round the
// filter keeps, in the list's order, not only the page shown.
func (h *Handler) ExportRounds(w http.ResponseWriter, r *http.Request) {
	l, err := h.roundList(r, true)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	rows := make([]xlsx.RoundRow, 0, l.Total)
	for _, rs := range l.Rows {
		rows = append(rows, xlsx.RoundRow{Unit: rs.Round.Unit, Inspector: rs.Round.Inspector, Kind: rs.Round.Kind,
			Feedback: rs.Round.FeedbackDate, Problems: rs.Problems, Counts: rs.ProblemCounts, Rate: rs.CompletionRate,
			Red: rs.ColourCounts[zhenggai.Red], Yellow: rs.ColourCounts[zhenggai.Yellow], Pending: rs.Pending})
	}
	today := h.today()
	title := "巡察整改情况统计（截至" + today.Chinese() + "）"
	var buf bytes.Buffer
	if err := xlsx.WriteRounds(&buf, title, rows); err != nil {
		h.serverError(w, r, err)
		return
	}
	sendFile(w, "巡察整改情况统计-"+today.String()+".xlsx", xlsx.MediaType, buf.Bytes())
}
