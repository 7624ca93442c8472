package ui

import (
	"net/http"
	"strings"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportUnits is the unit tree as a workbook, each unit indented under
// its parent as the page shows it, with its counts as numbers.
func (h *Handler) ExportUnits(w http.ResponseWriter, r *http.Request) {
	tree, err := h.Store.UnitTree(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, n := range tree {
		names[n.ID] = n.Name
	}
	out := &xlsx.List{Sheet: "单位", Title: "单位（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("单位名称", 32), xlsx.Col("上级单位", 24), xlsx.Col("层级", 6), xlsx.Col("下级单位", 9),
			xlsx.Col("用户", 6), xlsx.Col("巡察轮次", 9)}}
	for _, n := range tree {
		out.Rows = append(out.Rows, []sheet.Cell{xlsx.Text(strings.Repeat("　", n.Depth) + n.Name), xlsx.Text(names[n.ParentID]),
			xlsx.Num(n.Depth + 1), xlsx.Num(n.Children), xlsx.Num(n.Users), xlsx.Num(n.Rounds)})
	}
	h.sendList(w, r, out, myUnit(r), "单位")
}
