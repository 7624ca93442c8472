package ui

import (
	"net/http"

	"zhenggai/internal/sheet"
	"zhenggai/internal/xlsx"
)

// ExportRanking is the ranking of the office's units as a workbook: the
// rate a percentage, the counts numbers.
func (h *Handler) ExportRanking(w http.ResponseWriter, r *http.Request) {
	rs, err := h.ranking(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	l := &xlsx.List{Sheet: "整改情况排名", Title: "各单位巡察整改情况排名（截至" + h.today().Chinese() + "）",
		Columns: []sheet.OutColumn{xlsx.Col("被巡察单位", 28), xlsx.Col("巡察轮次", 9), xlsx.Col("具体问题", 9), xlsx.Col("已完成", 8),
			xlsx.Col("完成率", 8), xlsx.Col("逾期措施", 9)}}
	for _, u := range rs {
		l.Rows = append(l.Rows, []sheet.Cell{xlsx.Text(u.Unit), xlsx.Num(u.Rounds), xlsx.Num(u.Problems), xlsx.Num(u.Completed),
			xlsx.Rate(u.Rate), xlsx.Num(u.Overdue)})
	}
	h.sendList(w, r, l, myUnit(r), "整改情况排名")
}
