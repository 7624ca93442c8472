package ui

import (
	"net/http"

	"zhenggai/internal/auth"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportAcceptance is the queue of problems waiting for the office's
// acceptance as a workbook, oldest submission first, as the page lists it.
func (h *Handler) ExportAcceptance(w http.ResponseWriter, r *http.Request) {
	out := &xlsx.List{Sheet: "待验收销号", Title: "待验收销号的具体问题（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("被巡察单位", 24), xlsx.Col("巡察组", 18), xlsx.Col("问题序号", 8), xlsx.Col("具体问题", 40),
			xlsx.Col("报送时间", 20)}}
	if sc, ok := auth.Scope(auth.UserFrom(r.Context())); ok {
		list, err := h.Store.PendingAcceptance(r.Context(), sc)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		for _, p := range list {
			out.Rows = append(out.Rows, []sheet.Cell{xlsx.Text(p.Unit), xlsx.Text(p.Inspector), xlsx.Num(p.Problem.Seq),
				xlsx.Text(p.Problem.Title), xlsx.When(p.SubmittedAt)})
		}
	}
	h.sendList(w, r, out, myUnit(r), "待验收销号")
}
