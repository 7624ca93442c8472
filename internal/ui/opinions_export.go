package ui

import (
	"net/http"

	"zhenggai"
	"zhenggai/internal/auth"
	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportOpinions is the opinions list as a workbook, with the status
// filter of the page. Those who may open the list see the senders'
// contacts there, and so here.
func (h *Handler) ExportOpinions(w http.ResponseWriter, r *http.Request) {
	sc, ok := zhenggai.OpinionScope(auth.UserFrom(r.Context()))
	if !ok {
		h.fail(w, r, zhenggai.Errorf(zhenggai.EFORBID, "您没有权限查看意见建议"))
		return
	}
	status := opinionStatus(r)
	ops, err := h.Store.Opinions(r.Context(), sc, status)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := &xlsx.List{Sheet: "意见建议", Title: "群众意见建议（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("编号", 22), xlsx.Col("涉及问题", 24), xlsx.Col("意见建议", 40), xlsx.Col("姓名", 10),
			xlsx.Col("联系方式", 16), xlsx.Col("收到时间", 20), xlsx.Col("状态", 8), xlsx.Col("承办人", 10), xlsx.Col("答复", 40),
			xlsx.Col("答复时间", 20)}}
	for _, o := range ops {
		out.Rows = append(out.Rows, []sheet.Cell{xlsx.Label(o.Ref), xlsx.Text(o.Problem), xlsx.Text(o.Content), xlsx.Label(o.Name),
			xlsx.Label(o.Contact), xlsx.When(o.CreatedAt), xlsx.Label(o.Status.Label()), xlsx.Label(o.Assignee), xlsx.Text(o.Answer),
			xlsx.When(o.AnsweredAt)})
	}
	what := "意见建议"
	if status != "" {
		what += "（" + status.Label() + "）"
	}
	h.sendList(w, r, out, myUnit(r), what)
}
