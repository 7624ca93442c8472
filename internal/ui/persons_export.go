package ui

import (
	"net/http"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportPersons is a unit's roster as a workbook, with 序号.
func (h *Handler) ExportPersons(w http.ResponseWriter, r *http.Request) {
	id, ok := h.pathID(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	u, err := h.Store.Unit(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.Store.Persons(ctx, id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	out := &xlsx.List{Sheet: "人员名册", Title: u.Name + "人员名册（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("姓名", 10), xlsx.Col("人员类别", 14), xlsx.Col("职务/职级", 20),
			xlsx.Col("政治面貌", 12), xlsx.Col("联系电话", 16), xlsx.Col("备注", 30)}}
	for _, p := range list {
		out.Rows = append(out.Rows, []sheet.Cell{xlsx.Label(p.Name), xlsx.Label(p.Kind.Label()), xlsx.Text(p.Rank),
			xlsx.Label(p.Party), xlsx.Label(p.Phone), xlsx.Text(p.Note)})
	}
	h.sendList(w, r, out, u.Name, "人员名册")
}
